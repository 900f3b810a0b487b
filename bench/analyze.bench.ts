// Prints the time to analyze a 30-row and a 2,000-row form. Targets on a 2-core machine: ≤ 2 ms and ≤ 50 ms.
import { analyze } from "../src/core/analyze";
import { getProfile } from "../src/core/profiles";
import { syntheticForm } from "./syntheticForm";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const profile = getProfile("central");
for (const [rows, target, runs] of [
  [30, 2, 200],
  [2000, 50, 30],
] as const) {
  const grid = syntheticForm(rows);
  for (let i = 0; i < 5; i++) analyze(grid, profile); // warm up the JIT
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    findings = analyze(grid, profile).findings.length;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  // CPU time too: on a shared machine the wall clock counts other processes' turns, the CPU time does not. Read in a
  // second pass around the whole loop, once the JIT has compiled the engine (its threads count in the process's
  // CPU time), and never around each timed call (that added about 0.25 ms to every 30-row figure).
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) analyze(grid, profile);
  const cpu = process.cpuUsage(c0);
  const cpuMean = (cpu.user + cpu.system) / 1000 / runs;
  const m = median(times);
  console.log(
    `analyze ${String(rows).padStart(5)} indicator rows: median ${m.toFixed(2)} ms, p90 ${[...times].sort((a, b) => a - b)[Math.floor(runs * 0.9)].toFixed(2)} ms over ${runs} runs, CPU ${cpuMean.toFixed(2)} ms a run (mean of a second pass, all of Node's threads; ${findings} findings) — target ≤ ${target} ms ${m <= target ? "✓" : "✗"}`
  );
}
