// The page outside Office: open an .xlsx, check it in the same pane, download the corrected workbook; several files
// at once give the summary (BatchSummary), each form one click away.
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { TaskPane } from "./App";
import type { OpenedFile } from "./components/BatchSummary";
import { FileOpener } from "./components/FileOpener";
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
  name: {
    flexGrow: 1,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

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
  // judged on the file as opened: what a downloaded copy will not carry
  const [lost] = useState(() => lostPartsWarning(host.data()));
  return (
    <>
      <div className={styles.bar} role="group" aria-label="当前文件">
        <Text className={styles.name} title={host.fileName} weight="semibold">
          {host.fileName}
        </Text>
        <Badge appearance="tint" color="informative">
          网页版
        </Badge>
        <Button
          size="small"
          appearance="primary"
          onClick={() =>
            void host
              .download()
              .then((data) => downloadBytes(data, correctedName(host.fileName), XLSX_MIME))
          }
        >
          下载
        </Button>
        {onBack && (
          <Button size="small" onClick={onBack}>
            返回汇总
          </Button>
        )}
        <Button size="small" onClick={onClose}>
          打开其他文件
        </Button>
      </div>
      {lost && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{lost}</MessageBarBody>
        </MessageBar>
      )}
    </>
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
    <TaskPane
      key={host.fileName}
      host={host}
      header={
        <FileBar host={host} onClose={close} onBack={batch ? () => setHost(null) : undefined} />
      }
    />
  );
}
