// The page outside Office: open an .xlsx, check it in the same pane, download the corrected workbook; several files
// at once give the summary (BatchSummary), each form one click away.
import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { OpenedFile } from "./components/BatchSummary";
import { FileOpener } from "./components/FileOpener";
import { NoticeBar } from "./components/NoticeBar";
import { useStatus } from "./hooks/useStatus";
import { createFileHost } from "./services/fileHost";
import { downloadBytes, safeFileName, XLSX_MIME } from "./services/download";
import type { FileHost } from "./services/fileHost";
import { lostPartsWarning } from "../xlsx/lostParts";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  // the file's state and its 下载 stay in view however far the pane is scrolled
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
    paddingBottom: tokens.spacingVerticalXS,
  },
  unsaved: { flexWrap: "wrap" },
  name: {
    flexGrow: 1,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

// the pane (index.tsx has been fetching it since start-up): the file picker shows without waiting for it
const TaskPane = lazy(() =>
  import(/* webpackChunkName: "pane" */ "./App").then((m) => ({ default: m.TaskPane }))
);

// several files at once are the rarer case: the summary view loads on demand, not with the page
const BatchSummary = lazy(() =>
  import(/* webpackChunkName: "batch-summary" */ "./components/BatchSummary").then((m) => ({
    default: m.BatchSummary,
  }))
);

/** The corrected file's name: 原名-已修正.xlsx. */
export function correctedName(fileName: string): string {
  return safeFileName(`${fileName.replace(/\.xlsx$/i, "")}-已修正.xlsx`);
}

/** Whether the file's changes are not downloaded yet (re-rendered at each change). */
function useUnsaved(host: FileHost): boolean {
  return useSyncExternalStore(host.subscribe, host.unsaved);
}

function FileBar({
  host,
  onClose,
  onBack,
}: {
  host: FileHost;
  onClose(): void;
  /** Back to the summary the file was opened from. */
  onBack?(): void;
}) {
  const styles = useStyles();
  const { setNotice } = useStatus();
  // judged on the file as opened: what a downloaded copy will not carry
  const [lost] = useState(() => lostPartsWarning(host.data()));
  const unsaved = useUnsaved(host);
  // 打开其他文件 / 返回汇总 asked while changes are not downloaded: what to do with them
  const [leaving, setLeaving] = useState<null | { label: string; go(): void }>(null);
  const leaveRef = useRef<HTMLDivElement>(null);
  const name = correctedName(host.fileName);

  // the tab closing or reloading would lose them too: the browser's own “leave site?” prompt
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older browsers show the prompt only with a returnValue
      return "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  useEffect(() => {
    if (leaving) leaveRef.current?.focus();
  }, [leaving]);

  // the file as downloaded carries the settings in the add-in's settings part (host.download())
  const download = async (force = false): Promise<boolean> => {
    if (host.pristine() && !force) {
      setNotice({
        intent: "info",
        at: "file",
        title: "工作簿没有修改",
        message: "还没有写回或生成报告：下载的文件会和原文件完全相同。",
        action: { label: "仍要下载", run: () => void download(true) },
      });
      return false;
    }
    downloadBytes(await host.download(), name, XLSX_MIME);
    host.markDownloaded();
    setNotice({
      intent: "success",
      at: "file",
      title: "已开始下载",
      message: `“${name}”已交给浏览器下载，请在浏览器的下载列表中查看。原文件没有改动。`,
    });
    return true;
  };

  const leave = (label: string, go: () => void) => {
    if (host.unsaved()) setLeaving({ label, go });
    else go();
  };

  return (
    <div className={styles.sticky}>
      <div className={styles.bar} role="group" aria-label="当前文件">
        <Text className={styles.name} title={host.fileName} weight="semibold">
          {host.fileName}
        </Text>
        <Badge appearance="tint" color="informative">
          网页版
        </Badge>
        <Button size="small" appearance="primary" onClick={() => void download()}>
          下载
        </Button>
        {onBack && (
          <Button size="small" onClick={() => leave("返回汇总", onBack)}>
            返回汇总
          </Button>
        )}
        <Button size="small" onClick={() => leave("打开其他文件", onClose)}>
          打开其他文件
        </Button>
      </div>
      {leaving ? (
        <MessageBar
          ref={leaveRef}
          tabIndex={-1}
          intent="warning"
          layout="multiline"
          role="alertdialog"
          aria-label="修改尚未下载"
        >
          <MessageBarBody>
            <MessageBarTitle>修改尚未下载</MessageBarTitle>
            {`“${leaving.label}”会丢失在此文件中写回或生成的内容。先下载“${name}”吗？`}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                void download().then((ok) => ok && leaving.go());
              }}
            >
              下载后{leaving.label}
            </Button>
            <Button size="small" onClick={leaving.go}>
              不下载，放弃修改
            </Button>
            <Button size="small" onClick={() => setLeaving(null)}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        unsaved && (
          <MessageBar intent="warning" className={styles.unsaved}>
            <MessageBarBody>已修改，尚未下载</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={() => void download()}>
                下载修改后的文件
              </Button>
            </MessageBarActions>
          </MessageBar>
        )
      )}
      <NoticeBar at="file" />
      {lost && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{lost}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export function WebApp() {
  const [host, setHost] = useState<FileHost | null>(null);
  const [batch, setBatch] = useState<OpenedFile[] | null>(null);
  const close = () => {
    setHost(null);
    setBatch(null);
  };
  if (!host && batch)
    return (
      <Suspense fallback={<Spinner size="small" label="正在打开…" />}>
        <BatchSummary
          files={batch}
          onClose={close}
          onOpen={(f, sheet) => {
            const h = createFileHost(f.bytes, f.name);
            // the form's own sheet, when the workbook holds several
            if (sheet) void h.select(sheet, "A1");
            setHost(h);
          }}
        />
      </Suspense>
    );
  if (!host) return <FileOpener onOpen={setHost} onOpenMany={setBatch} />;
  return (
    <Suspense fallback={<Spinner size="small" label="正在打开…" />}>
      <TaskPane
        key={host.fileName}
        host={host}
        focusOnReady
        header={
          <FileBar host={host} onClose={close} onBack={batch ? () => setHost(null) : undefined} />
        }
      />
    </Suspense>
  );
}
