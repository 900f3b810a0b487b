// One production build (`webpack --mode production`: dist/web and dist/jixiao.html) shared by the tests that need
// it (test/browser/*, test/build/es2017.test.ts). jest runs test files in parallel workers, and two builds into
// dist/web at once would clean each other's output: a lock directory makes the others wait, and a stamp written
// after a build lets them (and the next run) reuse it while nothing it is built from has changed.
//   JIXIAO_BROWSER_PREBUILT=1   reuse dist/ as it is, whenever it holds a build
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST_WEB = path.join(ROOT, "dist/web");
export const OFFLINE_HTML = path.join(ROOT, "dist/jixiao.html");
const STAMP = path.join(DIST_WEB, ".production-build");
const LOCK = path.join(ROOT, "dist/.production-build.lock");
/** What the bundle is made from: a change in any of these makes the stamp stale. */
const INPUTS = [
  "src",
  "assets",
  "webpack.config.js",
  "package-lock.json",
  "tsconfig.json",
  "manifest.xml",
];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs
    .readdirSync(p)
    .reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

function upToDate(): boolean {
  if (!fs.existsSync(STAMP) || !fs.existsSync(OFFLINE_HTML)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) < built);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/web and dist/jixiao.html unless an up-to-date build is there (synchronous: call it in beforeAll). */
export function ensureProductionBuild(): void {
  if (
    process.env.JIXIAO_BROWSER_PREBUILT &&
    fs.existsSync(path.join(DIST_WEB, "taskpane.html")) &&
    fs.existsSync(OFFLINE_HTML)
  )
    return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // a lock left by a killed run: a build never takes 20 minutes
      const held = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 20 * 60_000)
        fs.rmSync(LOCK, { recursive: true, force: true });
      sleep(1000);
    }
  }
  try {
    if (upToDate()) return;
    execFileSync(path.join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production"], {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, JIXIAO_PUBLIC_URL: "" },
    });
    fs.writeFileSync(STAMP, new Date().toISOString());
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
