// ≥ 10^5 fuzz cases over analyze and plan (issue 9, item 7): prints the count, the time and any failure with its
// fast-check seed and path to replay it. Usage: npm run bench:fuzz [-- cases]
import * as fc from "fast-check";
import { analyzeAndPlan, fuzzCase } from "./fuzzCases";

const runs = Number(process.argv[2] ?? 100000);
const seed = Number(process.argv[3] ?? Date.now() % 2147483647);
const t0 = Date.now();
const result = fc.check(
  fc.property(fuzzCase, ([grid, profile, options]) => analyzeAndPlan(grid, profile, options)),
  { numRuns: runs, seed, endOnFailure: true }
);
const seconds = (Date.now() - t0) / 1000;
const rss = Math.round(process.memoryUsage().rss / 1048576);
if (result.failed) {
  console.log(
    `fuzz: FAILED after ${result.numRuns} cases (${seconds.toFixed(1)} s), seed ${result.seed}, path ${result.counterexamplePath}`
  );
  console.log(String(result.errorInstance));
  process.exitCode = 1;
} else
  console.log(
    `fuzz: ${result.numRuns} cases, no exception escaped analyze or plan — ${seconds.toFixed(1)} s (${((seconds * 1e3) / result.numRuns).toFixed(2)} ms a case), rss ${rss} MB, seed ${seed}`
  );
