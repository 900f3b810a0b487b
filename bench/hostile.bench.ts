// Time and memory of `jixiao check` on every hostile file, slow cases included (issue 9: any input ≤ 50 MB
// answers in ≤ 10 s and ≤ 1 GB). Each file runs in its own process under /usr/bin/time -v, as a user runs it.
// Usage: npm run bench:hostile (the figures go into docs/RELIABILITY.md).
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildHostileCorpus } from "../scripts/hostile-corpus";

const BIN = path.resolve(__dirname, "../../bin/jixiao.js");

async function benchMain() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-bench-"));
  try {
    execFileSync("/usr/bin/time", ["--version"], { stdio: "ignore" });
  } catch {
    console.log("/usr/bin/time is missing (apt-get install time): memory is not measured");
  }
  const cases = await buildHostileCorpus(dir, true);
  let bad = 0;
  console.log("| 文件 | 大小 | 退出码 | 时间 | 内存峰值 | 结果 |");
  console.log("|---|---|---|---|---|---|");
  for (const c of cases) {
    const r = spawnSync(
      "/usr/bin/time",
      ["-v", "node", BIN, "check", c.file, "--profile", "xicheng"],
      {
        encoding: "utf8",
      }
    );
    const stderr = r.stderr ?? "";
    const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
    const elapsed = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+(?:\.\d+)?)$/m.exec(stderr);
    const seconds = elapsed ? Number(elapsed[1] ?? 0) * 60 + Number(elapsed[2]) : NaN;
    const message = stderr.split("\n").find((l) => /[\u4e00-\u9fff]/.test(l)) ?? "";
    const summary = /自评得分[^，]*，绩效级别为“[^”]*”/.exec(r.stdout ?? "")?.[0] ?? "";
    const size = fs.statSync(c.file).isDirectory() ? 0 : fs.statSync(c.file).size;
    const ok = seconds <= 10 && rssKb <= 1024 * 1024;
    if (!ok) bad++;
    console.log(
      `| ${c.name}（${c.what}） | ${(size / 1024).toFixed(0)} KB | ${r.status} | ${seconds.toFixed(2)} s | ${(rssKb / 1024).toFixed(0)} MB | ${(summary || message).replace(c.file, "FILE").replace(/\|/g, "\\|")} |`
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${cases.length} files, ${bad} over 10 s or 1 GB`);
  if (bad) process.exitCode = 1;
}

void benchMain();
