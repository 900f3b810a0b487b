#!/usr/bin/env node
// Entry of the `jixiao` command; the TypeScript is compiled to dist/ by `npm install` (prepare) or `npm run build:cli`.
let cli;
try {
  cli = require("../dist/src/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write(
      "jixiao 尚未编译：请在项目目录运行 npm install（或 npm run build:cli）。\n"
    );
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
