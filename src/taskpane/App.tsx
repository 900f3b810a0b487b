// The task pane: sheet and profile, 检查, summary, findings, write-back, report. Everything goes through the
// WorkbookHost of the context and core's functions; this file only arranges them.
import {
  Button,
  Spinner,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import {
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { WorkbookHost } from "../core/host";
import type { WorkbookGrids } from "../core/grid";
import type { Finding } from "../core/model";
import type { FindingListProps } from "./components/FindingList";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { NoticeBar, noticeAt } from "./components/NoticeBar";
import { ProfilePanel } from "./components/ProfilePanel";
import { RepeatConfirm } from "./components/RepeatConfirm";
import { SheetPicker } from "./components/SheetPicker";
import { focusSoon } from "./focus";
import { HostProvider, useHost } from "./context";
import { useAnalysis } from "./hooks/useAnalysis";
import { useLiveCheck } from "./hooks/useLiveCheck";
import { useSettings } from "./hooks/useSettings";
import { StatusProvider, useStatus } from "./hooks/useStatus";
import { useWriteBack } from "./hooks/useWriteBack";
import { openErrorsAfter } from "../core/openErrors";
import { isAcceptableSuggestion as isFixable } from "../core/suggestions";
import { cardStyle } from "./theme";

// the page shell lives apart (start-up code); tests and offline.tsx take it from here with the pane
export { Shell } from "./Shell";

// Opened only after 写回总分和等级: its chunk (Dialog, Checkbox) stays out of the start-up code.
const WritePreviewDialog = lazy(
  () => import(/* webpackChunkName: "write-preview" */ "./components/WritePreviewDialog")
);

// Shown only after 检查: the results (summary, findings, report buttons) are one chunk, fetched while the browser
// is idle after start-up (webpackPrefetch), so the first check does not wait for it.
const SummaryCard = lazy(() =>
  import(/* webpackChunkName: "results", webpackPrefetch: true */ "./components/SummaryCard").then(
    (m) => ({ default: m.SummaryCard })
  )
);
// with the web page's row view (rowCells, which needs core's number formatting): both in the results chunk
const FindingList = lazy(() =>
  Promise.all([
    import(/* webpackChunkName: "results", webpackPrefetch: true */ "./components/FindingList"),
    import(/* webpackChunkName: "results", webpackPrefetch: true */ "./services/rowCells"),
  ]).then(([m, r]) => ({
    default: ({
      rowBook,
      ...props
    }: Omit<FindingListProps, "rowOf"> & { rowBook?: WorkbookGrids | null }) => (
      <m.FindingList
        {...props}
        rowOf={rowBook !== undefined ? (f) => r.rowCells(rowBook, f) : undefined}
      />
    ),
  }))
);
const Verdict = lazy(() =>
  import(/* webpackChunkName: "results", webpackPrefetch: true */ "./components/Verdict").then(
    (m) => ({ default: m.Verdict })
  )
);
const ReportActions = lazy(() =>
  import(
    /* webpackChunkName: "results", webpackPrefetch: true */ "./components/ReportActions"
  ).then((m) => ({ default: m.ReportActions }))
);

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    maxWidth: "640px",
    margin: "0 auto",
    boxSizing: "border-box",
    // a browser window (the web version, a wide pane): the findings beside the totals, on the first screen
    "@media (min-width: 960px)": { maxWidth: "1200px" },
  },
  results: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    "@media (min-width: 960px)": {
      display: "grid",
      gridTemplateColumns: "minmax(0, 5fr) minmax(0, 6fr)",
      gridTemplateAreas: '"verdict verdict" "summary findings" "write findings" ". findings"',
      gridTemplateRows: "auto auto auto 1fr",
      columnGap: tokens.spacingHorizontalL,
      alignItems: "start",
    },
  },
  verdict: { gridArea: "verdict" },
  summary: { gridArea: "summary", minWidth: 0 },
  findings: { gridArea: "findings", minWidth: 0 },
  write: { gridArea: "write", minWidth: 0 },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  sub: { color: tokens.colorNeutralForeground3 },
  panel: cardStyle(),
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    flexWrap: "wrap",
  },
  grow: { flexGrow: 1 },
  rule: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** The pane over one WorkbookHost (Excel, a file, or a test's fake). */
export function TaskPane({
  host,
  header,
  focusOnReady,
}: {
  host: WorkbookHost;
  header?: ReactNode;
  /** Put the focus on 检查 once the pane is ready (a file was just opened: the picker that had it is gone). */
  focusOnReady?: boolean;
}) {
  return (
    <HostProvider host={host}>
      <StatusProvider web={host.kind === "file"}>
        <ErrorBoundary>
          <App header={header} focusOnReady={focusOnReady} />
        </ErrorBoundary>
      </StatusProvider>
    </HostProvider>
  );
}

function App({ header, focusOnReady }: { header?: ReactNode; focusOnReady?: boolean }) {
  const styles = useStyles();
  const host = useHost();
  const status = useStatus();
  const settings = useSettings();
  const an = useAnalysis(
    settings.profile,
    settings.stored.sheet,
    settings.auto,
    settings.stored.overrides
  );
  const { analysis, check, detect } = an;
  // cells whose suggested score the user chose to write back (采用建议值)
  const [chosen, setChosen] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  // only the choices the latest check still proposes count
  const accepted = useMemo(
    () =>
      analysis
        ? chosen.filter((cell) => analysis.findings.some((f) => f.cell === cell && isFixable(f)))
        : [],
    [chosen, analysis]
  );
  const wb = useWriteBack({ analysis, book: an.book, accepted, settings, afterChange: check });
  const busy = status.busy !== null;
  const liveCheck = settings.stored.liveCheck === true;
  const writeTitleId = useId("write-title");
  const findingsTitleId = useId("findings-title");
  const findingsTitle = useRef<HTMLHeadingElement>(null);
  const writeButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const checkButton = useRef<HTMLButtonElement>(null);
  // the web page has no worksheet to select in: a finding shows its row in the pane instead
  const web = host.kind === "file";

  const jumpToFindings = useCallback(() => {
    const h = findingsTitle.current;
    h?.scrollIntoView?.({ block: "start", behavior: "smooth" });
    h?.focus({ preventScroll: true });
  }, []);

  // errors the previewed write-back leaves as they are (its own cells aside)
  const openErrors = useMemo(
    () => (analysis ? openErrorsAfter(analysis, wb.preview) : { count: 0, scoreCells: [] }),
    [analysis, wb.preview]
  );

  // a file just opened (the web page): the next step is 检查
  useEffect(() => {
    if (focusOnReady && settings.ready) focusSoon(() => checkButton.current);
  }, [focusOnReady, settings.ready]);

  useLiveCheck(settings.ready && liveCheck, () => void check());

  useEffect(() => {
    // a workbook without any table says so at once (core's reasons), not after a 检查 that cannot succeed
    if (settings.ready)
      void detect().then((tables) => {
        if (tables === 0 && web) void check();
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only, not at each new `check`
  }, [settings.ready, detect]);

  const select = useCallback(
    (f: Finding, key: string) => {
      setSelected(key);
      void status.run("正在定位单元格…", () => host.select(f.sheet, f.cell));
    },
    [host, status]
  );

  // from the choices that still count: one no longer proposed does not come back with a later check
  const toggleAccept = useCallback(
    (f: Finding, on: boolean) =>
      setChosen(
        on
          ? [...accepted.filter((c) => c !== f.cell), f.cell]
          : accepted.filter((c) => c !== f.cell)
      ),
    [accepted]
  );

  return (
    <main className={styles.main} aria-busy={busy}>
      <header className={styles.header}>
        <h1 className={styles.h1}>绩效自评助手</h1>
        <Text size={200} className={styles.sub}>
          核对项目支出绩效自评表的分值、得分、总分和等级
        </Text>
      </header>
      {header}

      <section className={styles.panel} aria-label="检查设置">
        <SheetPicker
          sheets={an.sheets}
          sheet={an.sheet}
          noTable={
            an.book && an.sheets.length === 0 && !analysis
              ? { all: an.book.sheets.map((g) => g.sheet), chosen: settings.stored.sheet ?? null }
              : undefined
          }
          disabled={busy}
          onChange={(sheet) => void settings.update({ sheet })}
        />
        <ProfilePanel
          profile={settings.auto ? (analysis?.profile ?? settings.profile) : settings.profile}
          auto={settings.auto}
          reason={an.profileReason}
          customised={settings.stored.overrides !== undefined}
          problem={settings.problem}
          disabled={busy || !settings.ready}
          onProfileChange={(profileId) => {
            setChosen([]);
            void settings.update({ profileId, overrides: undefined });
          }}
          onSaveOverrides={(overrides) => void settings.update({ overrides })}
        />
        <div className={styles.row}>
          <Button
            ref={checkButton}
            appearance="primary"
            disabled={busy || !settings.ready}
            onClick={() => void check()}
          >
            检查
          </Button>
          {host.onChanged && (
            <Switch
              label="实时检查"
              checked={liveCheck}
              disabled={!settings.ready}
              onChange={(_e, d) => void settings.update({ liveCheck: d.checked })}
            />
          )}
          <span className={styles.grow} />
          <span aria-live="polite">
            {status.busy && <Spinner size="tiny" label={status.busy} />}
          </span>
        </div>
      </section>

      <NoticeBar />

      {!analysis && (
        <Text className={styles.hint}>
          选择评分规则后点“检查”：核对分值、逐项得分、偏差原因、预算执行、总分和等级，并给出问题清单。
        </Text>
      )}

      {analysis && (
        <Suspense fallback={<Spinner size="tiny" label="正在显示检查结果…" />}>
          <div className={styles.results}>
            {/* the verdict first: how many errors, before any total or grade */}
            <div className={styles.verdict}>
              <Verdict analysis={analysis} onJump={jumpToFindings} />
            </div>

            <div className={styles.summary}>
              <SummaryCard analysis={analysis} />
            </div>

            <section
              className={mergeClasses(styles.panel, styles.findings)}
              aria-labelledby={findingsTitleId}
            >
              <h2 id={findingsTitleId} ref={findingsTitle} tabIndex={-1} className={styles.h2}>
                检查结果
              </h2>
              {analysis.skippedChecks.length > 0 && (
                <Text size={200} className={styles.sub}>
                  未能进行的检查：{analysis.skippedChecks.join("、")}
                </Text>
              )}
              <FindingList
                findings={analysis.findings}
                accepted={accepted}
                selected={selected}
                disabled={busy}
                fixable={isFixable}
                onSelect={select}
                onToggleAccept={toggleAccept}
                selectLabel={web ? "显示此单元格所在的行" : "在工作表中选中此单元格"}
                rowBook={web ? an.book : undefined}
              />
            </section>

            <section
              className={mergeClasses(styles.panel, styles.write)}
              aria-labelledby={writeTitleId}
            >
              <h2 id={writeTitleId} className={styles.h2}>
                写回与报告
              </h2>
              <div className={styles.row}>
                <Button
                  ref={writeButton}
                  appearance="primary"
                  disabled={busy}
                  onClick={() => void status.run("正在准备写回…", wb.openPreview, { at: "write" })}
                >
                  写回总分和等级
                </Button>
                <Button
                  ref={undoButton}
                  disabled={busy || !wb.undoLabel}
                  onClick={() => void wb.undo()}
                  title={wb.undoLabel ? `撤销“${wb.undoLabel}”` : undefined}
                >
                  撤销
                </Button>
                {accepted.length > 0 && (
                  <Text size={200} className={styles.sub}>
                    已采用 {accepted.length} 个建议值，写回时一并写入
                  </Text>
                )}
              </div>
              <NoticeBar at="write" />
              <div className={styles.rule} role="separator" />
              <ReportActions
                analysis={analysis}
                disabled={busy}
                onGenerate={() => void wb.generateReport()}
                repeat={wb.repeat}
                onRepeat={(choice) => void wb.chooseRepeat(choice)}
              />
              {an.sheets.length > 1 && (
                <div className={styles.row}>
                  <Button disabled={busy} onClick={() => void wb.generateSummary()}>
                    生成汇总表
                  </Button>
                  <Text size={200} className={styles.sub}>
                    工作簿中有 {an.sheets.length} 张自评表：汇总到新工作表“汇总”
                  </Text>
                </div>
              )}
              {wb.repeat?.kind === "summary" && (
                <RepeatConfirm
                  prompt={wb.repeat}
                  disabled={busy}
                  onChoose={(choice) => void wb.chooseRepeat(choice)}
                />
              )}
              <NoticeBar at="report" />
            </section>
          </div>
        </Suspense>
      )}

      {/* once opened, the dialog stays mounted so that Fluent closes it properly (focus, aria-hidden) */}
      {wb.previewOpened && (
        <Suspense fallback={<Spinner size="tiny" label="正在准备预览…" />}>
          <WritePreviewDialog
            plan={wb.preview}
            book={an.book}
            gradeCellMissing={analysis !== null && analysis.grade.cell === null}
            overwrite={wb.overwrite}
            options={wb.options}
            busy={busy}
            onToggleOverwrite={(address, on) => void wb.toggleOverwrite(address, on)}
            onOptions={(patch) => void wb.setOptions(patch)}
            openErrors={openErrors}
            onConfirm={() =>
              void wb.confirm().then(() =>
                // the dialog is gone: to the result next to 写回 (or the button itself)
                focusSoon(() => noticeAt("write") ?? undoButton.current ?? writeButton.current)
              )
            }
            onCancel={() => {
              wb.closePreview();
              focusSoon(() => writeButton.current);
            }}
          />
        </Suspense>
      )}
    </main>
  );
}
