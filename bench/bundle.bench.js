#!/usr/bin/env node
// Prints the gzip size of the task pane's initial JavaScript (what taskpane.html loads before any user action)
// and of the lazily loaded chunks. Run after a production build:
//   npx webpack --mode production && node bench/bundle.bench.js        (--check: exit 1 when over budget)
const { measure } = require("./bundleSize");

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const r = measure(
  process.argv.find((a) => !a.startsWith("-") && a !== process.argv[0] && a !== process.argv[1])
);

console.log("initial task-pane JavaScript (loaded by taskpane.html):");
for (const f of r.initial)
  console.log(`  ${f.name.padEnd(44)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
console.log(
  `  ${"total".padEnd(44)} ${"".padStart(10)}  gzip ${kb(r.total).padStart(9)}  (budget ${kb(r.budget)}: ${r.withinBudget ? "ok" : "OVER"})`
);
console.log("fetched at start-up beside them, before the first screen is usable:");
for (const p of r.startPaths)
  console.log(
    `  ${p.label.padEnd(44)} ${"".padStart(10)}  gzip ${kb(p.gzip).padStart(9)}  (with the initial: ${kb(p.total)})`
  );
console.log("loaded on demand:");
for (const f of r.lazy)
  console.log(`  ${f.name.padEnd(44)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
if (process.argv.includes("--check") && !r.withinBudget) process.exit(1);
