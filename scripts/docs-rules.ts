// Writes docs/rules.md from the rule modules' metadata (npm run docs:rules).
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { rulesMarkdown } from "../src/core/rules/docs";

const out = path.resolve(__dirname, "../../docs/rules.md");
writeFileSync(out, rulesMarkdown());
console.log(`wrote ${out}`);
