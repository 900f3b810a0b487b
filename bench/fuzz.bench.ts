// ≥ 10^5 fuzz cases over analyze and plan (issue 9, item 7), in chunks of 10^4 (each with its own seed, printed
// so that a failure can be replayed). Usage: npm run bench:fuzz [-- cases [seed]]
import * as fc from "fast-check";
import { analyzeAndPlan, fuzzCase } from "./fuzzCases";

const runs = Number(process.argv[2] ?? 100000);
const firstSeed = Number(process.argv[3] ?? Date.now() % 2147483647);
const CHUNK = 10000;
const t0 = Date.now();
let done = 0;
let failed = false;
for (let k = 0; done < runs && !failed; k++) {
  const seed = (firstSeed + k) % 2147483647;
  const result = fc.check(
    fc.property(fuzzCase, ([grid, profile, options]) => analyzeAndPlan(grid, profile, options)),
    { numRuns: Math.min(CHUNK, runs - done), seed, endOnFailure: true }
  );
  done += result.numRuns;
  const seconds = (Date.now() - t0) / 1000;
  if (result.failed) {
    failed = true;
    console.log(`fuzz: FAILED at seed ${seed}, path ${result.counterexamplePath}`);
    console.log(String(result.errorInstance));
    process.exitCode = 1;
  } else console.log(`fuzz: ${done} cases, ${seconds.toFixed(0)} s`);
}
const seconds = (Date.now() - t0) / 1000;
const rss = Math.round(process.memoryUsage().rss / 1048576);
console.log(
  `fuzz: ${done} cases ${failed ? "with a FAILURE" : "— no exception escaped analyze or plan"}; ${seconds.toFixed(1)} s (${((seconds * 1e3) / done).toFixed(2)} ms a case), rss ${rss} MB, seeds ${firstSeed}…`
);
