// 生成报告 (adds the 自评报告 sheet through the host), 下载 Word (docx built on demand: the docx library is a lazily
// loaded chunk, not part of the pane's start-up code) and 复制报告全文 (rich text and plain, for Word or a mail).
// Where the task pane cannot download (Mac, iPad) there is no 下载 Word, and the pane says why.
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "../../core/model";
import { useStatus } from "../hooks/useStatus";
import type { RepeatPrompt } from "../hooks/useWriteBack";
import { RepeatConfirm } from "./RepeatConfirm";
import { DOCX_MIME, downloadBytes, safeFileName } from "../services/download";
import { downloadSupport, type DownloadSupport } from "../services/platform";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    flexWrap: "wrap",
  },
  note: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  analysis: Analysis;
  disabled?: boolean;
  onGenerate(): void;
  /** 生成报告 found the 自评报告 sheet of an earlier run: 替换 or 另建新工作表. */
  repeat?: RepeatPrompt | null;
  onRepeat?(choice: "replace" | "new" | "cancel"): void;
  /** Whether this pane can download (default: from Office's platform). */
  downloads?: DownloadSupport;
}

export function ReportActions({
  analysis,
  disabled,
  onGenerate,
  repeat,
  onRepeat,
  downloads = downloadSupport(),
}: Props) {
  const styles = useStyles();
  const { run, setNotice } = useStatus();

  const downloadWord = async () => {
    const name = safeFileName(`${analysis.project.name || "项目"}绩效自评报告.docx`);
    const ok = await run(
      "正在生成 Word 文档…",
      async () => {
        // the report builder and the docx library load on first use, not with the pane
        const [{ buildReport }, { reportDocx }] = await Promise.all([
          import(/* webpackChunkName: "plan" */ "../../core/report"),
          import(/* webpackChunkName: "report-docx" */ "../../report/docx"),
        ]);
        downloadBytes(await reportDocx(buildReport(analysis)), name, DOCX_MIME);
        return true;
      },
      { at: "report" }
    );
    if (ok)
      setNotice({
        intent: "success",
        at: "report",
        title: "已开始下载 Word 文档",
        message: `“${name}”已交给浏览器下载，请在浏览器的下载列表中查看。报告为草稿，请核对后使用。`,
      });
  };

  const copyReport = async () => {
    const copied = await run(
      "正在复制报告…",
      async () => {
        const [{ buildReport }, { copyRich, reportHtml, reportPlain }] = await Promise.all([
          import(/* webpackChunkName: "plan" */ "../../core/report"),
          import(/* webpackChunkName: "plan" */ "../services/reportCopy"),
        ]);
        const doc = buildReport(analysis);
        return copyRich(reportHtml(doc), reportPlain(doc));
      },
      { at: "report" }
    );
    if (copied === undefined) return; // the error is the notice already
    setNotice(
      copied
        ? {
            intent: "success",
            at: "report",
            title: "已复制报告全文",
            message: "可以粘贴到 Word（保留标题和表格）或邮件中。报告为草稿，请核对后使用。",
          }
        : {
            intent: "warning",
            at: "report",
            title: "没有复制",
            message:
              "这里不允许写入剪贴板。请用“生成报告”在工作簿中添加报告工作表，再从工作表中复制。",
          }
    );
  };

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={onGenerate}>
          生成报告
        </Button>
        {downloads.ok && (
          <Button disabled={disabled} onClick={() => void downloadWord()}>
            下载 Word
          </Button>
        )}
        <Button disabled={disabled} onClick={() => void copyReport()}>
          复制报告全文
        </Button>
      </div>
      {repeat?.kind === "report" && onRepeat && (
        <RepeatConfirm prompt={repeat} disabled={disabled} onChoose={onRepeat} />
      )}
      <Text size={200} className={styles.note}>
        {downloads.ok
          ? "“生成报告”在工作簿中添加“自评报告”工作表；“下载 Word”得到同样内容的 .docx 文件；“复制报告全文”可粘贴到 Word。"
          : `“生成报告”在工作簿中添加“自评报告”工作表。${downloads.reason}`}
      </Text>
    </div>
  );
}
