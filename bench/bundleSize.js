// Size of the task pane's start-up JavaScript: the scripts dist/web/taskpane.html loads before any user action
// (office.js from Microsoft's CDN excluded), gzip-compressed. Lazily loaded chunks (ExcelJS, docx, the planner)
// are listed apart, and so is what each start-up path fetches at once after them (the pane and a host's gateway,
// from dist/web/chunk-groups.json, written by webpack.config.js). Used by bench/bundle.bench.js and the browser
// test.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/**
 * The budget for the initial task-pane JavaScript, gzip bytes: 93.5 KB (91.4 KB measured, ES2017; see README).
 * The initial scripts paint the start-up spinner; the pane (App.tsx) is a chunk fetched at once beside them.
 */
const INITIAL_BUDGET = 93.5 * 1000;

/**
 * Start-up paths: the named lazy chunk groups each one fetches before its first screen is usable (index.tsx
 * starts them at once, in parallel with office.js), on top of the initial scripts.
 */
const START_PATHS = {
  "Excel (pane + Office.js gateway)": ["pane", "host-excel"],
  "WPS (pane + WPS gateway)": ["pane", "host-wps"],
  "web version (file picker)": ["web"],
};

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Local script src attributes of an HTML page, in order. */
function scriptSources(html) {
  const out = [];
  const re = /<script\b[^>]*\bsrc=["']?([^"' >]+)["']?[^>]*>/gi;
  let m;
  while ((m = re.exec(html))) if (!/^(https?:)?\/\//i.test(m[1])) out.push(m[1]);
  return out;
}

function measure(distDir = path.resolve(__dirname, "../dist/web")) {
  const htmlFile = path.join(distDir, "taskpane.html");
  if (!fs.existsSync(htmlFile))
    throw new Error(`${htmlFile} is missing: run \`npx webpack --mode production\` first`);
  const initialNames = scriptSources(fs.readFileSync(htmlFile, "utf8"));
  const initial = initialNames.map((name) => {
    const file = path.join(distDir, name);
    return { name, bytes: fs.statSync(file).size, gzip: gzipSize(file) };
  });
  const lazy = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith(".js") && !initialNames.includes(f) && !f.startsWith("commands."))
    .map((name) => {
      const file = path.join(distDir, name);
      return { name, bytes: fs.statSync(file).size, gzip: gzipSize(file) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const total = initial.reduce((s, f) => s + f.gzip, 0);
  const groupsFile = path.join(distDir, "chunk-groups.json");
  const groups = fs.existsSync(groupsFile) ? JSON.parse(fs.readFileSync(groupsFile, "utf8")) : {};
  const startPaths = Object.entries(START_PATHS)
    .filter(([, names]) => names.every((n) => groups[n]))
    .map(([label, names]) => {
      // a chunk two groups share is fetched once
      const files = [...new Set(names.flatMap((n) => groups[n]))].filter(
        (f) => !initialNames.includes(f)
      );
      const gzip = files.reduce((s, f) => s + gzipSize(path.join(distDir, f)), 0);
      return { label, files, gzip, total: total + gzip };
    });
  return {
    initial,
    lazy,
    total,
    startPaths,
    budget: INITIAL_BUDGET,
    withinBudget: total <= INITIAL_BUDGET,
  };
}

module.exports = { measure, scriptSources, gzipSize, INITIAL_BUDGET };
