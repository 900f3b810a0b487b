// The web page's start: pick or drop an .xlsx. The file is read in the browser; nothing is uploaded.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import { describeFileError } from "../services/errors";
import { createFileHost, type FileHost } from "../services/fileHost";
import type { OpenedFile } from "./BatchSummary";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "640px",
    margin: "0 auto",
  },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "center",
  },
  over: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The file's bytes (FileReader where Blob.arrayBuffer is missing: older WebViews). */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function")
    return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("无法读取文件"));
    reader.readAsArrayBuffer(file);
  });
}

export function FileOpener({
  onOpen,
  onOpenMany,
}: {
  onOpen(host: FileHost): void;
  /** Several files at once (a summary); without it only the first is opened. */
  onOpenMany?(files: OpenedFile[]): void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setError(
        `“${file.name}”不是 .xlsx 文件。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再选择。`
      );
      return;
    }
    setBusy(true);
    try {
      const host = createFileHost(await readBytes(file), file.name);
      await host.read(); // a bad file is reported here, before the pane opens
      onOpen(host);
    } catch (e) {
      setError(describeFileError(e));
    } finally {
      setBusy(false);
    }
  };

  const openAll = async (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length <= 1 || !onOpenMany) return open(files[0]);
    setError(null);
    const xlsx = files.filter((f) => /\.xlsx$/i.test(f.name));
    if (!xlsx.length) {
      setError("所选文件中没有 .xlsx 文件。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再选择。");
      return;
    }
    setBusy(true);
    try {
      onOpenMany(
        await Promise.all(xlsx.map(async (f) => ({ name: f.name, bytes: await readBytes(f) })))
      );
    } catch (e) {
      setError(describeFileError(e));
    } finally {
      setBusy(false);
    }
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void openAll(e.dataTransfer.files);
  };

  return (
    <main className={styles.main}>
      <h1 className={styles.h1}>绩效自评助手</h1>
      <div
        className={mergeClasses(styles.drop, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Text size={400} weight="semibold">
          打开项目支出绩效自评表
        </Text>
        <Text className={styles.note}>
          把 .xlsx 文件拖到这里{onOpenMany ? "（可一次多个，生成汇总表）" : ""}，或
        </Text>
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
          选择 .xlsx 文件
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="选择 .xlsx 文件"
          hidden
          multiple={Boolean(onOpenMany)}
          onChange={(e) => {
            void openAll(e.target.files);
            e.target.value = "";
          }}
        />
        {busy && <Spinner size="small" label="正在读取文件…" />}
        <Text size={200} className={styles.note}>
          文件只在本机浏览器中处理，不会上传。
        </Text>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>无法打开文件</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
