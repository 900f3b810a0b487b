// The `jixiao` command: a finance bureau checks every unit's submission at once.
import * as fsp from "node:fs/promises";
import * as path from "node:path";
import { parseArgs as parseArgv, type ParseArgsConfig } from "node:util";
import {
  notAnalyzedJson,
  toCheckJson,
  type CheckJson,
  type CheckJsonFailure,
} from "../core/contract";
import { formatNumber } from "../core/decimal";
import type { Analysis, Finding, Severity } from "../core/model";
import { ProfileError } from "../core/profiles";
import {
  AUTO_PROFILE,
  PROFILE_CHOICES,
  analyzeWorkbookResolved,
  checkProfileChoice,
  describeResolved,
  type ResolvedProfile,
} from "../core/profileChoice";
import { WriteRefused } from "../core/host";
import { confirmOverwrites, plan } from "../core/plan";
import { buildReport, reportMarkdown } from "../core/report";
import type { CellWrite, PlanChoices, WritePlan } from "../core/writePlan";
import { reportDocx } from "../report/docx";
import { applyPlanToXlsx } from "../xlsx/apply";
import { lostPartsWarning } from "../xlsx/lostParts";
import { PatchUnsupported, patchPlanIntoXlsx } from "../xlsx/patch";
import { isAcceptableSuggestion } from "../core/suggestions";
import { readWorkbook, type ReadWorkbook } from "../xlsx/read";
import { isTableSheet } from "../core/analyze";
import { ruleDocs, ruleText } from "../core/rules/docs";
import { anyFolder, checkBatch } from "./batch";

export const USAGE = `用法：
  jixiao check 文件.xlsx… [--profile 规则] [--sheet 工作表] [--json]
      检查自评表：分值、得分、原因、总分和等级。
  jixiao check 文件夹|文件.xlsx… --summary 汇总.xlsx [--profile 规则] [--json]
      批量检查（文件夹含子文件夹中的全部 .xlsx），生成汇总表（汇总、问题清单）。
  jixiao fix 文件.xlsx -o 输出.xlsx [--profile 规则] [--sheet 工作表] [--values] [--accept-suggested]
                                  [--report] [--grade-cell 单元格] [--overwrite] [--force]
      写回总分和绩效级别（默认为公式，--values 写数值）、空着的预算执行率和得分，另存为新文件（不改动原文件）。
      --accept-suggested 采用计分规则建议的得分；--report 同时新建“自评报告”工作表；
      --grade-cell 表中没有“绩效级别”格时指定写入等级的单元格；--overwrite 确认覆盖已有内容的单元格；
      --force 输出文件已存在时覆盖它（原文件任何时候都不会被覆盖）。
  jixiao report 文件.xlsx -o 报告.docx|报告.md [--profile 规则] [--sheet 工作表]
      生成绩效自评报告（Word 或 Markdown；不加 -o 时输出 Markdown）。
  jixiao rules [代码] [--json]
      列出全部检查规则（代码、检查什么、依据、各条消息）；给出代码时只列这一条。

规则（--profile）：${PROFILE_CHOICES.join("、")}（默认 auto：按表中分值和主管部门等自动识别）
退出码：check 0 没有错误、1 有错误；fix、report 0 已写出；2 文件无法读取、没有指标表或拒绝写入。`;

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
  report: boolean;
  overwrite: boolean;
  force: boolean;
  gradeCell?: string;
  /** check: the summary workbook to write (batch mode). */
  summary?: string;
}

export class UsageError extends Error {}

/** The flags of every command; node:util parseArgs does the parsing, and `--` ends the options. */
const OPTIONS = {
  profile: { type: "string", short: "p" },
  sheet: { type: "string" },
  json: { type: "boolean" },
  output: { type: "string", short: "o" },
  values: { type: "boolean" },
  "accept-suggested": { type: "boolean" },
  report: { type: "boolean" },
  overwrite: { type: "boolean" },
  force: { type: "boolean" },
  "grade-cell": { type: "string" },
  summary: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = "", ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgv({ args: rest, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (e) {
    throw usageError(rest, e);
  }
  const { values, positionals } = parsed;
  return {
    command,
    files: positionals,
    profile: values.profile ?? AUTO_PROFILE,
    sheet: values.sheet,
    json: values.json ?? false,
    output: values.output,
    values: values.values ?? false,
    acceptSuggested: values["accept-suggested"] ?? false,
    report: values.report ?? false,
    overwrite: values.overwrite ?? false,
    force: values.force ?? false,
    gradeCell: values["grade-cell"],
    summary: values.summary,
  };
}

/**
 * parseArgs's errors are English and name the option in its own spelling ("-p, --profile <value>"): find the
 * offending option as the user typed it (a lenient pass gives the tokens) and say what is wrong in Chinese.
 */
function usageError(args: string[], e: unknown): UsageError {
  const { tokens } = parseArgv({
    args,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const type = (OPTIONS as Record<string, { type: "string" | "boolean" }>)[t.name]?.type;
    if (!type) return new UsageError(`不认识的选项：${t.rawName}`);
    // strict mode also refuses `--profile --json`: the next word looks like an option, so the value is missing
    const looksLikeOption = !t.inlineValue && t.value !== undefined && /^-./.test(t.value);
    if (type === "string" && (t.value === undefined || looksLikeOption))
      return new UsageError(`${t.rawName} 后面需要一个值。`);
    if (type === "boolean" && t.value !== undefined)
      return new UsageError(`${t.rawName} 不带值：去掉“=${t.value}”。`);
  }
  return new UsageError(`命令行参数有误：${e instanceof Error ? e.message : String(e)}`);
}

const SEVERITY_TITLE: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

function plain(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : formatNumber(x, 2);
}

export function formatAnalysis(file: string, a: Analysis, resolved?: ResolvedProfile): string {
  const lines: string[] = [];
  const counts = (s: Severity) => a.findings.filter((f) => f.severity === s).length;
  lines.push(`■ ${file} · 工作表“${a.sheet}”${a.sheetHidden ? "（隐藏的工作表）" : ""}`);
  lines.push(`  评分规则：${resolved ? describeResolved(resolved) : a.profile.name}`);
  if (a.project.name)
    lines.push(`  项目：${a.project.name}${a.project.unit ? `（${a.project.unit}）` : ""}`);
  if (a.budget)
    lines.push(
      `  预算执行：执行${plain(a.budget.executed)}／预算${plain(a.budget.adjusted ?? a.budget.planned)}${a.project.moneyUnit}，执行率${plain(a.budget.rate)}%，得分${plain(a.budget.score.written)}（规则${plain(a.budget.score.rule)}）／${plain(a.budget.weight)}`
    );
  lines.push(
    a.total.status === "incomplete" || a.total.status === "uncomputable"
      ? `  总分：${a.total.note}`
      : `  总分：表中${plain(a.total.written)} · 按各项得分合计${plain(a.total.computed)} · 按规则建议${plain(a.total.suggested)}；等级：${a.grade.label}${a.total.note ? `（${a.total.note}）` : ""}${a.grade.written ? `（表中“${a.grade.written}”）` : ""}`
  );
  lines.push(`  ${a.summary.sentence}`);
  if (a.skippedChecks.length) lines.push(`  未能检查：${a.skippedChecks.join("、")}`);
  lines.push(
    `  发现：错误 ${counts("error")} 项，警告 ${counts("warning")} 项，提示 ${counts("info")} 项`
  );
  for (const s of ["error", "warning", "info"] as Severity[]) {
    const list = a.findings.filter((f) => f.severity === s);
    if (!list.length) continue;
    lines.push(`  【${SEVERITY_TITLE[s]}】`);
    for (const f of list)
      lines.push(`    ${f.cell.padEnd(5)} ${f.code.padEnd(15)} ${f.message}${callToAction(f)}`);
  }
  return lines.join("\n");
}

/** What the command line can do about a finding (the messages themselves name no command or button). */
function callToAction(f: Finding): string {
  if (isAcceptableSuggestion(f))
    return `（jixiao fix --accept-suggested 可改为${plain(f.suggestion ?? null)}分）`;
  if (f.code === "TOTAL_MISMATCH" && f.severity === "info") return "（jixiao fix 可写回）";
  return "";
}

/** Why a path cannot be read, in one sentence. */
function openError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EISDIR")
    return new InputError(`“${file}”是一个文件夹，不是 .xlsx 文件：请指定文件夹中的工作簿。`);
  if (code === "ENOENT")
    return new InputError(`无法打开文件“${file}”：文件不存在，请检查文件名和路径。`);
  if (code === "EACCES" || code === "EPERM")
    return new InputError(`无法打开文件“${file}”：没有读取权限。`);
  return new InputError(`无法打开文件“${file}”：文件不存在或没有读取权限。`);
}

async function loadBook(file: string) {
  let data: Buffer;
  try {
    data = await fsp.readFile(file);
  } catch (e) {
    throw openError(file, e);
  }
  return parseBook(file, new Uint8Array(data));
}

/** One sentence: the message without a final full stop, so that callers can add theirs. */
function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/[。.]+$/, "");
}

/**
 * Only the visible sheets, unless --sheet names one: a form in a hidden sheet is not what the user sees in
 * Excel, so it is named as hidden instead of being checked behind the user's back.
 */
function visibleBook(book: ReadWorkbook, sheet?: string): ReadWorkbook {
  const hidden = new Set(book.notes?.hidden ?? []);
  if (sheet || hidden.size === 0) return book;
  return { ...book, sheets: book.sheets.filter((g) => !hidden.has(g.sheet)) };
}

/** When no visible sheet holds a form but a hidden one does: the message that says so. */
function hiddenTableMessage(file: string, book: ReadWorkbook): string | null {
  const hidden = new Set(book.notes?.hidden ?? []);
  const tables = book.sheets.filter((g) => hidden.has(g.sheet) && isTableSheet(g));
  if (!tables.length) return null;
  const name = tables[0].sheet;
  return `${file}：自评表所在的工作表“${name}”是隐藏的：请在 Excel 中取消隐藏，或用 --sheet ${name} 指定后再试。`;
}

/** Sheets left out of the read (too big or without a header), told on stderr so that stdout stays parseable. */
function tellSkipped(file: string, book: ReadWorkbook, io: Output): void {
  for (const s of book.notes?.skipped ?? [])
    io.err(`${file}：未读取工作表“${s.sheet}”（${s.reason}）。`);
  for (const m of book.notes?.droppedMerges ?? [])
    io.err(`${file}：合并区域 ${m} 过大，读取时按未合并处理。`);
}

export class InputError extends Error {}

async function check(args: ParsedArgs, io: Output): Promise<number> {
  if (!args.files.length) throw new UsageError("请指定要检查的 .xlsx 文件。");
  if (args.summary !== undefined || (await anyFolder(args.files)))
    // the progress bar only on the real terminal, never into a caller's Output
    return checkBatch(args, io, io === stdio ? process.stderr : undefined);
  let exit = 0;
  const jsonResults: (CheckJson | CheckJsonFailure)[] = [];
  const fail = (file: string, message: string) => {
    exit = 2;
    if (args.json) jsonResults.push({ file, sheet: null, error: message, findings: [] });
    else io.err(message);
  };
  // one bad file never stops the others: every file gets its own answer
  for (const file of args.files) {
    try {
      const read = await loadBook(file);
      tellSkipped(file, read, io);
      const book = visibleBook(read, args.sheet);
      const result = analyzeWorkbookResolved(book, args.profile, args.sheet);
      if (!result.analyses.length) {
        const hiddenMessage = hiddenTableMessage(file, read);
        if (hiddenMessage) {
          fail(file, hiddenMessage);
          continue;
        }
        exit = 2;
        for (const n of result.notAnalyzed) {
          if (args.json) jsonResults.push(notAnalyzedJson(file, n));
          else io.err(`${file}：${n.findings[0]?.message ?? "没有找到绩效指标表"}`);
        }
        continue;
      }
      result.analyses.forEach((a, k) => {
        const resolved = result.resolved[k];
        if (a.findings.some((f: Finding) => f.severity === "error") && exit === 0) exit = 1;
        if (args.json) jsonResults.push(toCheckJson(file, a, resolved.reason));
        else io.out(formatAnalysis(file, a, resolved) + "\n");
      });
    } catch (e) {
      if (e instanceof InputError) fail(file, e.message);
      else fail(file, internalError(e, file));
    }
  }
  if (args.json)
    io.out(JSON.stringify(jsonResults.length === 1 ? jsonResults[0] : jsonResults, null, 2));
  return exit;
}

/** A bug of ours, in one line (never a stack trace): what to send to the developers. */
function internalError(e: unknown, file?: string): string {
  return `内部错误：${messageOf(e)}。请把${file ? `文件“${file}”` : "这个文件"}和命令发给开发者。`;
}

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (
      !args.command ||
      args.command === "help" ||
      args.command === "--help" ||
      args.command === "-h"
    ) {
      io.out(USAGE);
      return args.command ? 0 : 2;
    }
    checkProfileChoice(args.profile);
    switch (args.command) {
      case "check":
        return await check(args, io);
      case "fix":
        return await fix(args, io);
      case "report":
        return await report(args, io);
      case "rules":
        return rules(args, io);
      default:
        throw new UsageError(`不认识的命令：${args.command}`);
    }
  } catch (e) {
    const message =
      e instanceof UsageError ||
      e instanceof ProfileError ||
      e instanceof InputError ||
      e instanceof WriteRefused
        ? e.message
        : internalError(e);
    // --json promises JSON on stdout whatever happens, usage errors included
    const end = argv.indexOf("--");
    if (argv.slice(0, end < 0 ? argv.length : end).includes("--json")) {
      io.out(JSON.stringify({ file: null, sheet: null, error: message, findings: [] }, null, 2));
      return 2;
    }
    if (e instanceof UsageError || e instanceof ProfileError) io.err(`${message}\n\n${USAGE}`);
    else io.err(message);
    return 2;
  }
}

/** `jixiao rules [CODE] [--json]`: the rules' own docs, the same text as docs/rules.md and the pane's “为什么？”. */
function rules(args: ParsedArgs, io: Output): number {
  const all = ruleDocs();
  const wanted = args.files.map((c) => c.toUpperCase());
  const unknown = wanted.filter((c) => !all.some((d) => d.code === c));
  if (unknown.length)
    throw new UsageError(
      `没有代码为“${unknown.join("、")}”的规则。现有代码：${all.map((d) => d.code).join("、")}。`
    );
  const docs = wanted.length ? all.filter((d) => wanted.includes(d.code)) : all;
  if (args.json) io.out(JSON.stringify(wanted.length === 1 ? docs[0] : docs, null, 2));
  else io.out(docs.map(ruleText).join("\n\n"));
  return 0;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fsp.readFile(file));
  } catch (e) {
    throw openError(file, e);
  }
}

async function parseBook(file: string, data: Uint8Array): Promise<ReadWorkbook> {
  try {
    return await readWorkbook(data);
  } catch (e) {
    throw new InputError(`无法读取“${file}”：${messageOf(e).replace(/^无法读取文件：/, "")}。`);
  }
}

/**
 * Checks the output path before anything is computed: never the input itself (also through a symbolic or hard
 * link: the same device and inode), never a folder, never an existing file unless `force`.
 */
async function checkOutput(input: string, output: string, force: boolean): Promise<void> {
  const inputStat = await fsp.stat(input).catch(() => null);
  const outStat = await fsp.stat(output).catch(() => null);
  if (inputStat && outStat && inputStat.dev === outStat.dev && inputStat.ino === outStat.ino)
    throw new InputError(
      `不会覆盖原文件：输出文件“${output}”就是输入文件“${input}”（同一文件或指向它的链接）。请用 -o 指定另一个文件名，核对无误后再替换原文件。`
    );
  if (outStat?.isDirectory())
    throw new InputError(`输出“${output}”是一个文件夹：请在 -o 后写文件名，例如 -o 已写回.xlsx。`);
  const exists = outStat ?? (await fsp.lstat(output).catch(() => null));
  if (exists && !force)
    throw new InputError(
      `输出文件“${output}”已存在，没有覆盖它：换一个文件名，或加 --force 覆盖。`
    );
}

function writeProblem(file: string, e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case "ENOSPC":
    case "EDQUOT":
      return `磁盘空间不足，无法写入“${file}”：没有生成文件，原文件未改动。请腾出磁盘空间后重试。`;
    case "ENOENT":
      return `无法写入“${file}”：文件夹不存在。`;
    case "EISDIR":
      return `无法写入“${file}”：这是一个文件夹，请在 -o 后写文件名。`;
    case "EROFS":
      return `无法写入“${file}”：所在磁盘是只读的。`;
    default:
      return `无法写入“${file}”：没有写入权限或文件正被打开。`;
  }
}

/**
 * Writes the whole file or nothing: into a temporary file in the same folder, then renamed over `file` (a rename
 * within one file system is atomic). A failure (disk full…) removes the temporary file and leaves `file` as it was.
 */
export async function writeOutput(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`
  );
  try {
    await fsp.writeFile(temp, data, { flag: "wx" });
    await fsp.rename(temp, file);
  } catch (e) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw new InputError(writeProblem(file, e));
  }
}

/** A1 … XFD1048576, the cells a worksheet has. */
export function isSheetCellAddress(address: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return false;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col >= 1 && col <= 16384 && row >= 1 && row <= 1048576;
}

/**
 * The one form of the workbook (or of --sheet): several need --sheet, none is an input error. As for check, a form
 * on a hidden sheet is taken only when --sheet names it, and otherwise named as hidden.
 */
function oneAnalysis(
  file: string,
  book: Awaited<ReturnType<typeof readWorkbook>>,
  profile: string,
  sheet?: string
): { a: Analysis; resolved: ResolvedProfile } {
  const result = analyzeWorkbookResolved(visibleBook(book, sheet), profile, sheet);
  if (!result.analyses.length)
    throw new InputError(
      hiddenTableMessage(file, book) ??
        `${file}：${result.notAnalyzed[0]?.findings[0]?.message ?? "没有找到绩效指标表"}`
    );
  if (result.analyses.length > 1)
    throw new InputError(
      `${file} 中有${result.analyses.length}个自评表（工作表“${result.analyses.map((a) => a.sheet).join("”“")}”）：请用 --sheet 指定其中一个。`
    );
  return { a: result.analyses[0], resolved: result.resolved[0] };
}

function oneFile(args: ParsedArgs, what: string): string {
  if (args.files.length !== 1) throw new UsageError(`请指定一个要${what}的 .xlsx 文件。`);
  return args.files[0];
}

function describeContent(value: unknown, formula?: string): string {
  const v =
    value === null || value === undefined || value === ""
      ? ""
      : typeof value === "number"
        ? formatNumber(value, 6)
        : String(value);
  if (formula) return `${v || "（空）"}（公式 ${formula}）`;
  if (!v) return "（空）";
  return typeof value === "number" ? v : `“${v}”`;
}

/** "  H28 总分：（空） → 89.45（公式 =I6+SUM(H13:H27)）" */
export function describeWrite(w: CellWrite): string {
  if (w.fillOnly) return `  ${w.address} ${w.label}：${w.fill ? `填充 ${w.fill}` : "去除填充"}`;
  return `  ${w.address} ${w.label}：${describeContent(w.before.value, w.before.formula)} → ${describeContent(w.value, w.formula)}`;
}

async function fix(args: ParsedArgs, io: Output): Promise<number> {
  const file = oneFile(args, "写回");
  if (!args.output)
    throw new UsageError("请用 -o 指定输出文件，例如 -o 已写回.xlsx（不会改动原文件）。");
  // a workbook with macros stays an .xlsm (Excel refuses macro content in an .xlsx, and the other way round)
  const kind = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
  if (!args.output.toLowerCase().endsWith(kind))
    throw new UsageError(`输出文件应为 ${kind}（与原文件相同）：${args.output}`);
  if (path.resolve(args.output) === path.resolve(file)) {
    io.err(`不会覆盖原文件“${file}”：请用 -o 指定另一个文件名，核对无误后再替换原文件。`);
    return 2;
  }
  if (args.gradeCell !== undefined && !isSheetCellAddress(args.gradeCell))
    throw new UsageError(
      `--grade-cell “${args.gradeCell}”不是有效的单元格地址：应为 A1 到 XFD1048576 之间的地址，例如 G29。`
    );
  const data = await readBytes(file);
  await checkOutput(file, args.output, args.force);
  const book = await parseBook(file, data);
  const { a, resolved } = oneAnalysis(file, book, args.profile, args.sheet);
  let gradeCell = args.gradeCell ?? null;
  if (gradeCell && a.grade.cell) {
    io.err(
      `表中已有“绩效级别”单元格 ${a.grade.cell}，等级写入该格，--grade-cell ${args.gradeCell} 被忽略。`
    );
    gradeCell = null;
  }
  const choices: Partial<PlanChoices> = {
    totalAs: args.values ? "value" : "formula",
    gradeAs: args.values ? "value" : "formula",
    gradeCell,
    acceptSuggestions: args.acceptSuggested
      ? a.findings.filter(isAcceptableSuggestion).map((f) => f.cell)
      : [],
    report: args.report,
  };
  const p: WritePlan = args.overwrite
    ? confirmOverwrites(a, book, choices)
    : plan(a, book, choices);
  if (p.refusals.length) {
    io.err(`没有写入任何内容：${file}（工作表“${a.sheet}”）`);
    for (const r of p.refusals) io.err(`  ${r.message}`);
    if (p.refusals.some((r) => r.reason === "nonEmpty"))
      io.err("  确认要覆盖这些单元格，请加 --overwrite 重新运行。");
    return 2;
  }
  if (!p.writes.length && !p.newSheets.length) {
    io.out(`${file}：总分和绩效级别已是正确内容，没有需要写回的内容，未生成新文件。`);
    return 0;
  }
  // surgical: only the written cells, styles and the new sheet change; every other part stays byte-for-byte
  let result: { data: Uint8Array };
  let lost: string | null = null;
  try {
    result = await patchPlanIntoXlsx(data, p, book);
  } catch (e) {
    if (!(e instanceof PatchUnsupported)) throw e;
    result = await applyPlanToXlsx(data, p);
    lost = lostPartsWarning(data);
  }
  await writeOutput(args.output, result.data);
  io.out(`评分规则：${describeResolved(resolved)}`);
  io.out(`已写回并另存为 ${args.output}（工作表“${a.sheet}”）：`);
  for (const w of p.writes) io.out(describeWrite(w));
  for (const s of p.newSheets) {
    io.out(`  ${s.replaces ? "替换" : "新建"}工作表“${s.name}”（${s.rows.length}行）`);
    // the original file is untouched (-o); still say what the replaced sheet held that the new one does not
    const r = s.replaces;
    if (r && !r.ours)
      io.err(`  注意：原工作表“${r.name}”不像是本工具生成的，已被替换（原文件未改动）。`);
    else if (r?.edited.length)
      io.err(
        `  注意：原工作表“${r.name}”中 ${r.edited.length} 个单元格（${r.edited.slice(0, 5).join("、")}${r.edited.length > 5 ? " 等" : ""}）的内容新报告没有，可能是手工修改的，已被替换（原文件未改动）。`
      );
  }
  if (lost) io.err(lost);
  return 0;
}

async function report(args: ParsedArgs, io: Output): Promise<number> {
  const file = oneFile(args, "生成报告");
  const out = args.output;
  if (out && !/\.(docx|md)$/i.test(out)) throw new UsageError(`报告文件应为 .docx 或 .md：${out}`);
  if (out && path.resolve(out) === path.resolve(file))
    throw new UsageError("报告文件不能与输入文件相同。");
  const input = await readBytes(file);
  if (out) {
    const [i, o] = await Promise.all([file, out].map((f) => fsp.stat(f).catch(() => null)));
    if (i && o && i.dev === o.dev && i.ino === o.ino)
      throw new InputError(
        `不会覆盖原文件：报告文件“${out}”就是输入文件“${file}”（同一文件或指向它的链接）。`
      );
  }
  const book = await parseBook(file, input);
  const doc = buildReport(oneAnalysis(file, book, args.profile, args.sheet).a);
  if (!out) {
    io.out(reportMarkdown(doc));
    return 0;
  }
  await writeOutput(out, /\.docx$/i.test(out) ? await reportDocx(doc) : reportMarkdown(doc));
  io.out(`已生成报告：${out}`);
  return 0;
}
