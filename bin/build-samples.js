#!/usr/bin/env node
// `npm run samples`: writes assets/samples/*.xlsx from the seed facts (compiled from scripts/build-samples.ts).
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "dist", "scripts", "build-samples.js");

if (!fs.existsSync(compiled)) {
  console.log("dist/ is missing: compiling with tsc -p tsconfig.cli.json …");
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], {
    stdio: "inherit",
  });
  if (r.status !== 0 || !fs.existsSync(compiled)) {
    console.error("Compilation failed; run `npm run build:cli` and try again.");
    process.exit(1);
  }
}

require(compiled)
  .main(process.argv.slice(2), root)
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
