#!/usr/bin/env node
// Prints the engine's speed beside the engine as it was before issue 7 (rules as modules), both measured now, on
// this machine, in one process with their calls interleaved: a shared machine's noise falls on both alike.
// The old engine is built once from git into node_modules/.cache (it needs the repository's history; a shallow
// clone prints a note instead). Run after `npm run build:cli`, as `npm run bench` does.
const { execFileSync, execSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

/** The last commit before issue 7 moved the checks into src/core/rules/. */
const BEFORE = "df46280eb533a4432772c52b127c9eb1d950da38";
const root = path.resolve(__dirname, "..");
const cache = path.join(root, "node_modules", ".cache", "jixiao-bench", BEFORE.slice(0, 12));

function buildBefore() {
  if (fs.existsSync(path.join(cache, "dist", "src", "core", "analyze.js"))) return true;
  try {
    execFileSync("git", ["-C", root, "cat-file", "-e", `${BEFORE}^{commit}`], { stdio: "ignore" });
  } catch {
    console.log(`(no comparison: commit ${BEFORE.slice(0, 7)} is not in this clone — fetch the full history)`);
    return false;
  }
  fs.rmSync(cache, { recursive: true, force: true });
  fs.mkdirSync(cache, { recursive: true });
  execSync(
    `git -C "${root}" archive --format=tar ${BEFORE} src/core bench/syntheticForm.ts | tar -x -C "${cache}"`
  );
  fs.symlinkSync(path.join(root, "node_modules"), path.join(cache, "node_modules"), "junction");
  fs.writeFileSync(
    path.join(cache, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2020",
        module: "commonjs",
        moduleResolution: "node",
        lib: ["ES2020"],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        resolveJsonModule: true,
        types: [],
        outDir: "dist",
        rootDir: ".",
      },
      include: ["src/core", "bench/syntheticForm.ts"],
    })
  );
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", cache], {
    stdio: "inherit",
  });
  return true;
}

function engine(dir, rows) {
  const { analyze } = require(path.join(dir, "dist", "src", "core", "analyze"));
  const { getProfile } = require(path.join(dir, "dist", "src", "core", "profiles"));
  const { syntheticForm } = require(path.join(dir, "dist", "bench", "syntheticForm"));
  const grid = syntheticForm(rows);
  const profile = getProfile("central");
  return () => analyze(grid, profile);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(rows, runs) {
  const now = engine(root, rows);
  const before = engine(cache, rows);
  for (let i = 0; i < 5; i++) {
    now();
    before();
  }
  const times = { now: [], before: [] };
  for (let i = 0; i < runs; i++) {
    // alternate which goes first, so neither always runs right after the other's garbage
    const order = i % 2 ? ["before", "now"] : ["now", "before"];
    for (const which of order) {
      const run = which === "now" ? now : before;
      const t0 = process.hrtime.bigint();
      run();
      times[which].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { now: median(times.now), before: median(times.before) };
}

if (buildBefore()) {
  console.log(
    `engine speed against the engine before issue 7 (${BEFORE.slice(0, 7)}), same process, calls interleaved:`
  );
  for (const [rows, runs] of [
    [30, 200],
    [2000, 30],
  ]) {
    const r = compare(rows, runs);
    const ratio = r.now / r.before;
    console.log(
      `  ${String(rows).padStart(5)} indicator rows: now ${r.now.toFixed(2)} ms, before ${r.before.toFixed(2)} ms — ${ratio.toFixed(2)} × ${ratio <= 1 ? "(no slower ✓)" : "(slower ✗)"}`
    );
  }
}
