// Size of the task pane's start-up JavaScript: the scripts dist/web/taskpane.html loads before any user action
// (office.js from Microsoft's CDN excluded), gzip-compressed. Lazily loaded chunks (ExcelJS, docx, the planner)
// are listed apart. Used by bench/bundle.bench.js and the browser test.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** The budget for the initial task-pane JavaScript, gzip bytes: 145 KB (142.0 KB measured, ES2017; see README). */
const INITIAL_BUDGET = 145 * 1000;

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
  return { initial, lazy, total, budget: INITIAL_BUDGET, withinBudget: total <= INITIAL_BUDGET };
}

module.exports = { measure, scriptSources, gzipSize, INITIAL_BUDGET };
