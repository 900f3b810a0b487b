// 写回总分和等级 / 生成报告 / 撤销: builds a WritePlan with core's plan(), shows it, applies it through the host,
// keeps the UndoRecords. The plan decides every cell; this hook only carries the user's choices.
import { useCallback, useState } from "react";
import { PartialWriteError, type StoredSettings } from "../../core/host";
import { parseA1, sheetAddress, type WorkbookGrids } from "../../core/grid";
import type { Analysis } from "../../core/model";
import type { OnRepeat, PlanChoices, Refusal, UndoRecord, WritePlan } from "../../core/writePlan";
import { useHost } from "../context";
import { describeError } from "../services/errors";
import { useStatus } from "./useStatus";

/** The options the preview offers, kept with the workbook. */
export type WriteOptions = Pick<PlanChoices, "totalAs" | "highlightErrors" | "gradeCell">;

interface UndoEntry {
  label: string;
  record: UndoRecord;
  /** settings.highlights before this write, put back by its undo. */
  highlightsBefore: StoredSettings["highlights"];
}

export interface WriteBackApi {
  /** The plan being previewed (dialog open), or null. */
  preview: WritePlan | null;
  /** Whether the preview was opened in this pane (its dialog then stays mounted). */
  previewOpened: boolean;
  overwrite: string[];
  options: WriteOptions;
  openPreview(): Promise<void>;
  closePreview(): void;
  toggleOverwrite(address: string, on: boolean): Promise<void>;
  setOptions(patch: Partial<WriteOptions>): Promise<void>;
  /** Applies the previewed plan. */
  confirm(): Promise<void>;
  /** Adds the 自评报告 sheet (a plan with report: true, its sheet only). */
  generateReport(): Promise<void>;
  /** Adds the 汇总 sheet: one row per 自评表 sheet of the workbook, each linking to its sheet. */
  generateSummary(): Promise<void>;
  /** 生成报告 / 生成汇总表 found the sheet from an earlier run: what the confirmation says, until chosen. */
  repeat: RepeatPrompt | null;
  /** 替换 (the default), 另建新工作表 (“自评报告 (2)”) or 取消. */
  chooseRepeat(choice: OnRepeat | "cancel"): Promise<void>;
  /** Label of what 撤销 would undo, or null. */
  undoLabel: string | null;
  undo(): Promise<void>;
}

/** A sheet to add (report or summary) and what the success message says it holds. */
interface SheetJob {
  plan: WritePlan;
  what: string;
}

/** The confirmation before replacing the 自评报告 / 汇总 sheet an earlier run added. */
export interface RepeatPrompt {
  kind: "report" | "summary";
  /** The sheet that would be replaced. */
  sheet: string;
  /** core's replaceNotice: says when the sheet holds the user's edits or is not ours. */
  notice: string;
  /** The existing sheet holds cells the new one would drop, or is not recognisably ours. */
  warn: boolean;
  /** Protected: only 另建新工作表 is possible. */
  canReplace: boolean;
}

interface Args {
  analysis: Analysis | null;
  book: WorkbookGrids | null;
  accepted: string[];
  settings: { stored: StoredSettings; update(patch: Partial<StoredSettings>): Promise<boolean> };
  /** Called after the workbook changed (re-check). */
  afterChange(): Promise<unknown>;
}

/** A refusal the user may lift by confirming the overwrite: core says the cell holds something. */
export function canConfirmOverwrite(book: WorkbookGrids | null, r: Refusal): boolean {
  if (r.reason !== undefined) return r.reason === "nonEmpty";
  // a plan without reasons: judge by the cell as read
  const grid = book?.sheets.find((g) => g.sheet === r.sheet);
  if (!grid || grid.protected) return false;
  try {
    const { row, col } = parseA1(r.address);
    return !grid.isEmpty(row, col);
  } catch {
    return false;
  }
}

export function useWriteBack({
  analysis,
  book,
  accepted,
  settings,
  afterChange,
}: Args): WriteBackApi {
  const host = useHost();
  const { run, setNotice } = useStatus();
  const [preview, setPreview] = useState<WritePlan | null>(null);
  const [previewOpened, setPreviewOpened] = useState(false);
  const [overwrite, setOverwrite] = useState<string[]>([]);
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const stored = settings.stored;
  const options: WriteOptions = {
    totalAs: stored.choices?.totalAs ?? "formula",
    highlightErrors: stored.choices?.highlightErrors ?? false,
    gradeCell: stored.choices?.gradeCell ?? null,
  };

  const build = useCallback(
    async (extra: Partial<PlanChoices>, fresh?: WorkbookGrids): Promise<WritePlan | null> => {
      const within = fresh ?? book;
      if (!analysis || !within) return null;
      // core's planner (and the report it embeds) is loaded on first use, not with the pane
      const { plan: makePlan } = await import(/* webpackChunkName: "plan" */ "../../core/plan");
      const choices: Partial<PlanChoices> = {
        ...stored.choices,
        acceptSuggestions: accepted,
        previousHighlights: stored.highlights ?? [],
        overwrite,
        report: false,
        lockedCellsChecked: host.checksLockedCells === true,
        ...extra,
      };
      return makePlan(analysis, within, choices);
    },
    [analysis, book, accepted, stored, overwrite, host]
  );

  const tryBuild = useCallback(
    async (extra: Partial<PlanChoices>, fresh?: WorkbookGrids): Promise<WritePlan | null> => {
      try {
        return await build(extra, fresh);
      } catch (e) {
        setNotice({
          ...describeError(e, { web: host.kind === "file" }),
          at: extra.report ? "report" : "write",
        });
        return null;
      }
    },
    [build, setNotice, host.kind]
  );

  const openPreview = useCallback(async () => {
    const p = await tryBuild({});
    setPreview(p);
    if (p) setPreviewOpened(true);
  }, [tryBuild]);
  const closePreview = useCallback(() => setPreview(null), []);

  const toggleOverwrite = useCallback(
    async (address: string, on: boolean) => {
      const next = on
        ? [...new Set([...overwrite, address])]
        : overwrite.filter((a) => a !== address);
      setOverwrite(next);
      setPreview(await tryBuild({ overwrite: next }));
    },
    [overwrite, tryBuild]
  );

  const setOptions = useCallback(
    async (patch: Partial<WriteOptions>) => {
      const choices = { ...stored.choices, ...patch };
      void settings.update({ choices });
      setPreview(await tryBuild(choices));
    },
    [stored.choices, settings, tryBuild]
  );

  const applyPlan = useCallback(
    async (p: WritePlan, label: string, done: (p: WritePlan) => string) => {
      const at = label === "写回总分和等级" ? "write" : "report";
      // a write that failed part way leaves cells changed: its undo goes on the stack, so 撤销 puts them back
      let partial: { entry: UndoEntry; error: PartialWriteError } | null = null;
      const entry = await run(
        label === "生成报告" || label === "生成汇总表" ? `正在${label}…` : "正在写回…",
        async () => {
          try {
            const record = await host.apply(p);
            return { label, record, highlightsBefore: stored.highlights } satisfies UndoEntry;
          } catch (e) {
            if (e instanceof PartialWriteError)
              partial = {
                entry: { label, record: e.undo, highlightsBefore: stored.highlights },
                error: e,
              };
            throw e;
          }
        },
        { at }
      );
      if (!entry) {
        const left = partial as { entry: UndoEntry; error: PartialWriteError } | null;
        if (left) {
          setUndoStack((s) => [...s, left.entry]);
          await afterChange();
          // the check after the change clears error notices: say again what happened and that 撤销 undoes it
          setNotice({ ...describeError(left.error, { web: host.kind === "file" }), at });
        }
        return false;
      }
      setUndoStack((s) => [...s, entry]);
      // the highlights the workbook now holds (core tracks them), so the next write-back removes them
      if (p.highlights && JSON.stringify(p.highlights) !== JSON.stringify(stored.highlights ?? []))
        await settings.update({ highlights: p.highlights.length ? p.highlights : undefined });
      await afterChange();
      setNotice({ intent: "success", title: "已完成", message: done(p), at });
      return true;
    },
    [run, host, stored.highlights, settings, afterChange, setNotice]
  );

  const confirm = useCallback(async () => {
    if (!preview) return;
    const ok = await applyPlan(preview, "写回总分和等级", (p) => {
      const cells = p.writes
        .filter((w) => !w.fillOnly)
        .map((w) => sheetAddress(w.sheet, w.address));
      return `已写入 ${cells.length} 个单元格（${cells.join("、")}）。如需恢复，点“撤销”。`;
    });
    // refused or failed: the dialog closes too, so the MessageBar (which cell, what to do) is in view
    setPreview(null);
    if (ok) setOverwrite([]);
  }, [preview, applyPlan]);

  // ---- 生成报告 / 生成汇总表: replace on repeat ----
  const [asked, setAsked] = useState<{
    prompt: RepeatPrompt;
    job: SheetJob;
    basis: Analysis | null;
  } | null>(null);
  // a new check makes the prepared sheet stale: the question lapses, the next click asks again
  const pending = asked && asked.basis === analysis ? asked : null;

  /** The report-only plan, or null (with a notice). `fresh`: the workbook read again. */
  const reportPlanOf = useCallback(
    async (onRepeat: OnRepeat, fresh?: WorkbookGrids): Promise<SheetJob | null> => {
      const full = await tryBuild({ report: true, onRepeat }, fresh);
      if (!full) return null;
      const reportOnly: WritePlan = { ...full, writes: [], refusals: [], highlights: undefined };
      if (reportOnly.newSheets.length === 0) {
        setNotice({
          intent: "warning",
          at: "report",
          title: "没有生成报告",
          message: "没有可添加的报告工作表。请先点“检查”，确认找到了绩效指标表。",
        });
        return null;
      }
      return { plan: reportOnly, what: "内容为自评报告草稿，请核对后使用" };
    },
    [tryBuild, setNotice]
  );

  const summaryPlanOf = useCallback(
    async (onRepeat: OnRepeat, fresh?: WorkbookGrids): Promise<SheetJob | null> => {
      const within = fresh ?? book;
      if (!analysis || !within) return null;
      const [{ summaryPlan }, { analyzeWorkbook }] = await Promise.all([
        import(/* webpackChunkName: "plan" */ "../../core/plan"),
        import("../../core/analyze"),
      ]);
      // every table sheet under the profile of the current check
      const { analyses } = analyzeWorkbook(within, analysis.profile);
      if (analyses.length < 2) {
        setNotice({
          intent: "warning",
          at: "report",
          title: "没有生成汇总表",
          message: "工作簿中只有一张自评表，无需汇总。",
        });
        return null;
      }
      return {
        plan: summaryPlan(analyses, within, "本工作簿", onRepeat),
        what: `${analyses.length} 张自评表各占一行，点文件名可跳到该表`,
      };
    },
    [analysis, book, setNotice]
  );

  const applySheet = useCallback(
    async (kind: RepeatPrompt["kind"], { plan: p, what }: SheetJob) => {
      await applyPlan(p, kind === "report" ? "生成报告" : "生成汇总表", (q) => {
        const s = q.newSheets[0];
        return s.replaces
          ? `已替换工作表“${s.name}”，${what}。如需恢复原来的工作表，点“撤销”。`
          : `已添加工作表“${s.name}”，${what}。如需删除，点“撤销”。`;
      });
    },
    [applyPlan]
  );

  /** Builds the plan; when it would replace a sheet, asks first (替换 is the default answer). */
  const generate = useCallback(
    async (kind: RepeatPrompt["kind"]) => {
      const jobOf = kind === "report" ? reportPlanOf : summaryPlanOf;
      let job = await jobOf("replace");
      let r = job?.plan.newSheets[0]?.replaces;
      // a sheet the first check did not read (Office.js reads only the form's sheet at first): read it now,
      // so that the confirmation can say what it holds
      if (job && r && r.before.cells.length === 0) {
        const fresh = await run("正在读取工作簿…", async () => (await host.read()).book);
        if (!fresh) return;
        job = await jobOf("replace", fresh);
        r = job?.plan.newSheets[0]?.replaces;
      }
      if (!job) return;
      if (!r) {
        await applySheet(kind, job);
        return;
      }
      const { replaceNotice } = await import(/* webpackChunkName: "plan" */ "../../core/plan");
      setAsked({
        prompt: {
          kind,
          sheet: r.name,
          notice: replaceNotice(job.plan.newSheets[0]) ?? "",
          warn: !r.ours || r.edited.length > 0 || r.protected,
          canReplace: !r.protected,
        },
        job,
        basis: analysis,
      });
    },
    [reportPlanOf, summaryPlanOf, run, host, applySheet, analysis]
  );

  const chooseRepeat = useCallback(
    async (choice: OnRepeat | "cancel") => {
      const now = pending;
      setAsked(null);
      if (!now || choice === "cancel") return;
      const kind = now.prompt.kind;
      if (choice === "replace") {
        await applySheet(kind, now.job);
        return;
      }
      const job = await (kind === "report" ? reportPlanOf : summaryPlanOf)("new");
      if (job) await applySheet(kind, job);
    },
    [pending, applySheet, reportPlanOf, summaryPlanOf]
  );

  const generateReport = useCallback(() => generate("report"), [generate]);
  const generateSummary = useCallback(() => generate("summary"), [generate]);

  const undo = useCallback(async () => {
    const entry = undoStack[undoStack.length - 1];
    if (!entry) return;
    const ok = await run(
      "正在撤销…",
      async () => {
        await host.undo(entry.record);
        return true;
      },
      { at: "write" }
    );
    if (!ok) return;
    setUndoStack((s) => s.slice(0, -1));
    if (JSON.stringify(entry.highlightsBefore ?? []) !== JSON.stringify(stored.highlights ?? []))
      await settings.update({ highlights: entry.highlightsBefore });
    await afterChange();
    setNotice({
      intent: "success",
      at: "write",
      title: "已撤销",
      message: `已撤销“${entry.label}”，工作簿已恢复原样。`,
    });
  }, [undoStack, run, host, stored.highlights, settings, afterChange, setNotice]);

  return {
    preview,
    previewOpened,
    overwrite,
    options,
    openPreview,
    closePreview,
    toggleOverwrite,
    setOptions,
    confirm,
    generateReport,
    generateSummary,
    repeat: pending?.prompt ?? null,
    chooseRepeat,
    undoLabel: undoStack.length ? undoStack[undoStack.length - 1].label : null,
    undo,
  };
}
