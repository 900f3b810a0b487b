// The `jixiao` command: a finance bureau checks every unit's submission at once.
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { analyzeWorkbook } from "../core/analyze";
import { notAnalyzedJson, toCheckJson, type CheckJson, type CheckJsonFailure } from "../core/contract";
import { formatNumber } from "../core/decimal";
import type { Analysis, Finding, Severity } from "../core/model";
import { PROFILE_IDS, ProfileError, getProfile, type Profile } from "../core/profiles";
import { readWorkbook } from "../xlsx/read";

export const USAGE = `用法：
  jixiao check 文件.xlsx… [--profile 规则] [--sheet 工作表] [--json]
      检查自评表：分值、得分、原因、总分和等级。
  jixiao fix 文件.xlsx -o 输出.xlsx [--profile 规则] [--values] [--accept-suggested]
      写回总分和等级（公式或数值），另存为新文件。
  jixiao report 文件.xlsx -o 报告.docx|报告.md [--profile 规则]
      生成绩效自评报告。

规则（--profile）：${PROFILE_IDS.join("、")}（默认 central）
退出码：0 没有错误；1 有错误；2 文件无法读取或没有指标表。`;

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Output = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
};

export interface ParsedArgs {
  command: string;
  files: string[];
  profile: string;
  sheet?: string;
  json: boolean;
  output?: string;
  values: boolean;
  acceptSuggested: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = "", ...rest] = argv;
  const args: ParsedArgs = { command, files: [], profile: "central", json: false, values: false, acceptSuggested: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} 后面需要一个值。`);
      return v;
    };
    if (a === "--profile" || a === "-p") args.profile = next();
    else if (a.startsWith("--profile=")) args.profile = a.slice(10);
    else if (a === "--sheet") args.sheet = next();
    else if (a.startsWith("--sheet=")) args.sheet = a.slice(8);
    else if (a === "--json") args.json = true;
    else if (a === "-o" || a === "--output") args.output = next();
    else if (a === "--values") args.values = true;
    else if (a === "--accept-suggested") args.acceptSuggested = true;
    else if (a.startsWith("-")) throw new UsageError(`不认识的选项：${a}`);
    else args.files.push(a);
  }
  return args;
}

const SEVERITY_TITLE: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

function plain(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : formatNumber(x, 2);
}

export function formatAnalysis(file: string, a: Analysis): string {
  const lines: string[] = [];
  const counts = (s: Severity) => a.findings.filter((f) => f.severity === s).length;
  lines.push(`■ ${file} · 工作表“${a.sheet}” · 规则：${a.profile.name}`);
  if (a.project.name) lines.push(`  项目：${a.project.name}${a.project.unit ? `（${a.project.unit}）` : ""}`);
  if (a.budget)
    lines.push(
      `  预算执行：执行${plain(a.budget.executed)}／预算${plain(a.budget.adjusted ?? a.budget.planned)}${a.project.moneyUnit}，执行率${plain(a.budget.rate)}%，得分${plain(a.budget.score.written)}（规则${plain(a.budget.score.rule)}）／${plain(a.budget.weight)}`,
    );
  lines.push(
    `  总分：表中${plain(a.total.written)} · 按各项得分合计${plain(a.total.computed)} · 按规则建议${plain(a.total.suggested)}；等级：${a.grade.label}${a.grade.written ? `（表中“${a.grade.written}”）` : ""}`,
  );
  lines.push(`  ${a.summary.sentence}`);
  if (a.skippedChecks.length) lines.push(`  未能检查：${a.skippedChecks.join("、")}`);
  lines.push(`  发现：错误 ${counts("error")} 项，警告 ${counts("warning")} 项，提示 ${counts("info")} 项`);
  for (const s of ["error", "warning", "info"] as Severity[]) {
    const list = a.findings.filter((f) => f.severity === s);
    if (!list.length) continue;
    lines.push(`  【${SEVERITY_TITLE[s]}】`);
    for (const f of list) lines.push(`    ${f.cell.padEnd(5)} ${f.code.padEnd(15)} ${f.message}`);
  }
  return lines.join("\n");
}

async function loadBook(file: string) {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new InputError(`无法打开文件“${file}”：文件不存在或没有读取权限。`);
  }
  try {
    return await readWorkbook(new Uint8Array(data));
  } catch (e) {
    throw new InputError(`无法读取“${file}”：${e instanceof Error ? e.message : String(e)}`);
  }
}

export class InputError extends Error {}

async function check(args: ParsedArgs, profile: Profile, io: Output): Promise<number> {
  if (!args.files.length) throw new UsageError("请指定要检查的 .xlsx 文件。");
  let exit = 0;
  const jsonResults: (CheckJson | CheckJsonFailure)[] = [];
  for (const file of args.files) {
    let book;
    try {
      book = await loadBook(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      exit = 2;
      if (args.json) jsonResults.push({ file, sheet: null, error: e.message, findings: [] });
      else io.err(e.message);
      continue;
    }
    const result = analyzeWorkbook(book, profile, args.sheet);
    if (!result.analyses.length) {
      exit = 2;
      for (const n of result.notAnalyzed) {
        if (args.json) jsonResults.push(notAnalyzedJson(file, n));
        else io.err(`${file}：${n.findings[0]?.message ?? "没有找到绩效指标表"}`);
      }
      continue;
    }
    for (const a of result.analyses) {
      if (a.findings.some((f: Finding) => f.severity === "error") && exit === 0) exit = 1;
      if (args.json) jsonResults.push(toCheckJson(file, a));
      else io.out(formatAnalysis(file, a) + "\n");
    }
  }
  if (args.json) io.out(JSON.stringify(jsonResults.length === 1 ? jsonResults[0] : jsonResults, null, 2));
  return exit;
}

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (!args.command || args.command === "help" || args.command === "--help" || args.command === "-h") {
      io.out(USAGE);
      return args.command ? 0 : 2;
    }
    const profile = getProfile(args.profile);
    switch (args.command) {
      case "check":
        return await check(args, profile, io);
      default:
        throw new UsageError(`不认识的命令：${args.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ProfileError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    io.err(`内部错误：${e instanceof Error ? e.message : String(e)}。请把这个文件和命令发给开发者。`);
    return 2;
  }
}

export function displayName(file: string): string {
  return path.basename(file);
}
