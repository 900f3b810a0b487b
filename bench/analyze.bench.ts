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
  // CPU time too, over the whole loop: on a shared machine the wall clock counts other processes' turns, the CPU
  // time does not. Read around the loop, not around each call: that added about 0.25 ms to every timed call.
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    findings = analyze(grid, profile).findings.length;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpu = process.cpuUsage(c0);
  const cpuMean = (cpu.user + cpu.system) / 1000 / runs;
  const m = median(times);
  console.log(
    `analyze ${String(rows).padStart(5)} indicator rows: median ${m.toFixed(2)} ms, p90 ${[...times].sort((a, b) => a - b)[Math.floor(runs * 0.9)].toFixed(2)} ms over ${runs} runs, CPU mean ${cpuMean.toFixed(2)} ms (${findings} findings) — target ≤ ${target} ms ${m <= target ? "✓" : "✗"}`
  );
}
