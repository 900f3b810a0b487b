// Reads the workbook through the host and runs core's analyzeWorkbook on the chosen sheet. No rule lives here.
import { useCallback, useEffect, useRef, useState } from "react";
import { analyzeWorkbook, findTableSheets, preferredTableSheet } from "../../core/analyze";
import type { WorkbookGrids } from "../../core/grid";
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
  /** Increases with every completed check (lets the UI reset per-check state). */
  version: number;
  /** Reads the workbook to find the table sheets, without checking. */
  detect(): Promise<void>;
  /** Reads the workbook and checks the sheet. */
  check(): Promise<Analysis | undefined>;
}

/** The TABLE_NOT_FOUND message core wrote, for the MessageBar. */
function notFoundMessage(book: WorkbookGrids, profile: Profile): string {
  const { notAnalyzed } = analyzeWorkbook(book, profile);
  const first = notAnalyzed[0]?.findings[0]?.message ?? "工作簿中没有找到绩效指标表。";
  const others = notAnalyzed.slice(1).map((n) => `“${n.sheet}”`);
  return others.length ? `${first}（工作表${others.join("、")}中也没有。）` : first;
}

export function useAnalysis(profile: Profile, preferredSheet: string | undefined): AnalysisApi {
  const host = useHost();
  const { run } = useStatus();
  const [book, setBook] = useState<WorkbookGrids | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [version, setVersion] = useState(0);
  const seq = useRef(0);
  const latest = useRef({ profile, preferredSheet });
  latest.current = { profile, preferredSheet };

  const readBook = useCallback(async () => {
    const snap = await host.read();
    const found = findTableSheets(snap.book);
    const chosen = preferredTableSheet(found, latest.current.preferredSheet, snap.activeSheet);
    return { book: snap.book, found, chosen };
  }, [host]);

  const detect = useCallback(async () => {
    const mine = ++seq.current;
    const r = await run("正在识别工作表…", readBook, { quiet: true });
    if (!r || mine !== seq.current) return;
    setBook(r.book);
    setSheets(r.found);
    setSheet(r.chosen);
  }, [run, readBook]);

  const check = useCallback(async () => {
    const mine = ++seq.current;
    return run("正在检查…", async () => {
      const r = await readBook();
      if (mine !== seq.current) return undefined;
      setBook(r.book);
      setSheets(r.found);
      setSheet(r.chosen);
      const { profile: p } = latest.current;
      if (!r.chosen) {
        setAnalysis(null);
        throw new TableMissing(notFoundMessage(r.book, p));
      }
      const result = analyzeWorkbook(r.book, p, r.chosen);
      const a = result.analyses[0];
      if (!a) {
        setAnalysis(null);
        throw new TableMissing(
          result.notAnalyzed[0]?.findings[0]?.message ?? notFoundMessage(r.book, p)
        );
      }
      setAnalysis(a);
      setVersion((v) => v + 1);
      return a;
    });
  }, [run, readBook]);

  // After a first check, a new profile or sheet re-checks at once.
  const checked = analysis !== null;
  const checkedRef = useRef(checked);
  checkedRef.current = checked;
  const profileKey = JSON.stringify(profile);
  useEffect(() => {
    if (checkedRef.current) void check();
  }, [profileKey, preferredSheet, check]);

  return { book, sheets, sheet, analysis, version, detect, check };
}
