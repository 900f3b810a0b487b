// The web page with several files: each checked in the browser (nothing is uploaded), one row per form, a click
// opens that form's full check, and 下载汇总表 saves the same summary workbook the command line writes.
import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatNumber } from "../../core/decimal";
import {
  buildSummary,
  STATUS_LABEL,
  type SummaryContent,
  type SummaryRow,
} from "../../core/summarySheet";
import { downloadBytes, XLSX_MIME } from "../services/download";

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  bar: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
  grow: { flexGrow: 1 },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { cursor: "pointer" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The table lays out at fixed widths: short columns narrow, the problems take the rest. */
const COLUMNS: [string, string | null][] = [
  ["文件", "14%"],
  ["工作表", "8%"],
  ["项目名称", "14%"],
  ["总分", "6%"],
  ["等级", "6%"],
  ["错误", "5%"],
  ["警告", "5%"],
  ["状态", "9%"],
  ["主要问题", null],
];

const n = (x: number | null) => (x === null ? "—" : formatNumber(x, 2));

/** Each file's check results, in the browser (the .xlsx reader loads on demand). */
async function checkAll(files: OpenedFile[]): Promise<SummaryContent> {
  const { checkWorkbookBytes } = await import(
    /* webpackChunkName: "xlsx-read" */ "../../xlsx/checkBytes"
  );
  const results = [];
  for (const f of files) results.push(...(await checkWorkbookBytes(f.name, f.bytes, "auto")));
  return buildSummary(results);
}

export function BatchSummary({
  files,
  onOpen,
  onClose,
}: {
  files: OpenedFile[];
  /** Opens one form's full check. */
  onOpen(file: OpenedFile, sheet: string | null): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const [summary, setSummary] = useState<SummaryContent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    checkAll(files).then(
      (s) => live && setSummary(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e))
    );
    return () => {
      live = false;
    };
  }, [files]);

  const download = async () => {
    if (!summary) return;
    const [{ summarySheets }, { sheetsToXlsx }] = await Promise.all([
      import(/* webpackChunkName: "plan" */ "../../core/summarySheet"),
      import(/* webpackChunkName: "xlsx-apply" */ "../../xlsx/apply"),
    ]);
    // links by file name: they open when the summary is saved beside the files
    const bytes = await sheetsToXlsx(summarySheets(summary, { linkBase: (file) => file }));
    downloadBytes(bytes, "汇总.xlsx", XLSX_MIME);
  };

  const open = (r: SummaryRow) => {
    const f = files.find((x) => x.name === r.file);
    if (f) onOpen(f, r.sheet);
  };

  return (
    <main className={styles.main}>
      <div className={styles.bar}>
        <h1 className={styles.h1}>汇总：{files.length} 个文件</h1>
        <span className={styles.grow} />
        <Button appearance="primary" disabled={!summary} onClick={() => void download()}>
          下载汇总表
        </Button>
        <Button onClick={onClose}>打开其他文件</Button>
      </div>
      <Text size={200} className={styles.note}>
        文件只在本机浏览器中处理，不会上传。点一行查看该表的完整检查结果。
      </Text>
      {error && <Text role="alert">{error}</Text>}
      {!summary && !error && <Spinner size="small" label="正在检查…" />}
      {summary && (
        <>
          <Text>
            共 {summary.overview.forms} 张自评表：
            {summary.overview.byStatus.map((s) => `${s.label} ${s.count}`).join("，")}
          </Text>
          <Table aria-label="汇总表" size="small">
            <TableHeader>
              <TableRow>
                {COLUMNS.map(([h, width]) => (
                  <TableHeaderCell key={h} style={width ? { width } : undefined}>
                    {h}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.rows.map((r) => (
                <TableRow
                  key={`${r.file}|${r.sheet ?? ""}`}
                  className={styles.row}
                  tabIndex={0}
                  onClick={() => open(r)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") open(r);
                  }}
                >
                  <TableCell>{r.file}</TableCell>
                  <TableCell>{r.sheet ?? ""}</TableCell>
                  <TableCell>{r.project}</TableCell>
                  <TableCell>{n(r.totalWritten ?? r.totalComputed)}</TableCell>
                  <TableCell>{r.grade}</TableCell>
                  <TableCell>{r.errors}</TableCell>
                  <TableCell>{r.warnings}</TableCell>
                  <TableCell>{STATUS_LABEL[r.status]}</TableCell>
                  <TableCell>{r.problems}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </main>
  );
}
