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
  // CPU time too: on a shared machine the wall clock counts other processes' turns, the CPU time does not
  const cpuTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    findings = analyze(grid, profile).findings.length;
    const c = process.cpuUsage(c0);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const m = median(times);
  console.log(
    `analyze ${String(rows).padStart(5)} indicator rows: median ${m.toFixed(2)} ms, p90 ${[...times].sort((a, b) => a - b)[Math.floor(runs * 0.9)].toFixed(2)} ms over ${runs} runs, CPU median ${median(cpuTimes).toFixed(2)} ms (${findings} findings) — target ≤ ${target} ms ${m <= target ? "✓" : "✗"}`
  );
}
