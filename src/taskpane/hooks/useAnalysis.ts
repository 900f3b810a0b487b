// Reads the workbook through the host and runs core's analyzeWorkbook on the chosen sheet. No rule lives here.
import { useCallback, useEffect, useRef, useState } from "react";
import { AUTO_PROFILE, type ProfileOverrides } from "../../core/profiles";
import type { WorkbookGrids } from "../../core/grid";
import { preferredTableSheet } from "../../core/sheetChoice";
import type { WorkbookSnapshot } from "../../core/host";
import type { Analysis } from "../../core/model";
import type { Profile } from "../../core/profiles";
import { useHost } from "../context";
import { TableMissing } from "../services/errors";
import { useStatus } from "./useStatus";

export interface AnalysisApi {
  /** The workbook as last read. */
  book: WorkbookGrids | null;
  /** Sheets that hold an indicator table (known after the first read). */
  sheets: string[];
  /** The sheet checked (or about to be). */
  sheet: string | null;
  analysis: Analysis | null;
  /** Which rules the check used and why (“按北京市西城区规则：主管部门为…”). */
  profileReason: string | null;
  /** Reads the workbook to find the table sheets, without checking; resolves to their number (null: not read). */
  detect(): Promise<number | null>;
  /** Reads the workbook and checks the sheet. */
  check(): Promise<Analysis | undefined>;
}

/** The TABLE_NOT_FOUND messages core wrote, for the MessageBar. */
function notFoundMessage(
  all: { sheet: string; findings: { message: string }[] }[],
  preferred?: string
): string {
  // the sheet the user chose first: its reason is the one they asked for
  const notAnalyzed = [
    ...all.filter((n) => n.sheet === preferred),
    ...all.filter((n) => n.sheet !== preferred),
  ];
  const first = notAnalyzed[0]?.findings[0]?.message ?? "工作簿中没有找到绩效指标表。";
  const others = notAnalyzed.slice(1).map((n) => `“${n.sheet}”`);
  return others.length ? `${first}（工作表${others.join("、")}中也没有。）` : first;
}

/** `auto`: the rules are detected from the form at each check (with `overrides` on top); else `profile` is used. */
export function useAnalysis(
  profile: Profile,
  preferredSheet: string | undefined,
  auto = false,
  overrides?: ProfileOverrides
): AnalysisApi {
  const host = useHost();
  const { run } = useStatus();
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [profileReason, setProfileReason] = useState<string | null>(null);
  // a read that started before the latest one must not overwrite its result
  const seq = useRef(0);
  // whether the last check found a table: only then does a new profile or sheet re-check at once
  const checked = useRef(false);
  // the last check found no table in any sheet: choosing another sheet re-checks, to say what that one lacks
  const missing = useRef(false);

  const book = snapshot?.book ?? null;
  // the table sheets of the last read (the engine decides; it loads with the first read)
  const [sheets, setSheets] = useState<string[]>([]);
  const sheet = preferredTableSheet(sheets, preferredSheet, snapshot?.activeSheet);

  const detect = useCallback(async () => {
    const mine = ++seq.current;
    const read = await run(
      "正在识别工作表…",
      async () => {
        const snap = await host.read();
        const engine = await import("../../core/analyze");
        return { snap, tables: engine.findTableSheets(snap.book) };
      },
      { quiet: true }
    );
    if (read && mine === seq.current) {
      setSnapshot(read.snap);
      setSheets(read.tables);
      return read.tables.length;
    }
    return null;
  }, [run, host]);

  const check = useCallback(async () => {
    const mine = ++seq.current;
    return run("正在检查…", async () => {
      const snap = await host.read();
      if (mine !== seq.current) return undefined;
      setSnapshot(snap);
      const engine = await import("../../core/analyze");
      const tables = engine.findTableSheets(snap.book);
      setSheets(tables);
      const chosen = preferredTableSheet(tables, preferredSheet, snap.activeSheet);
      // one analysis: of the chosen sheet, or of every sheet when none holds a table (their messages say why)
      // profile detection is loaded with the first automatic check, not with the pane
      const a = auto
        ? (await import("../../core/profileChoice")).analyzeWorkbookResolved(
            snap.book,
            AUTO_PROFILE,
            chosen ?? undefined,
            overrides
          )
        : { ...engine.analyzeWorkbook(snap.book, profile, chosen ?? undefined), resolved: [] };
      const result = a.analyses[0];
      checked.current = result !== undefined;
      missing.current = false;
      if (!result) {
        setAnalysis(null);
        setProfileReason(null);
        missing.current = tables.length === 0;
        throw new TableMissing(notFoundMessage(a.notAnalyzed, preferredSheet));
      }
      setProfileReason(a.resolved[0]?.reason ?? `按用户选择的${result.profile.name}规则。`);
      setAnalysis(result);
      return result;
    });
  }, [run, host, profile, preferredSheet, auto, overrides]);

  // After a first check, a new profile or sheet (a new `check`) re-checks at once.
  useEffect(() => {
    if (checked.current || missing.current) void check();
  }, [check]);

  return { book, sheets, sheet, analysis, profileReason, detect, check };
}
