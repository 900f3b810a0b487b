// 生成报告 (adds the 自评报告 sheet through the host) and 下载 Word (docx built on demand: the docx library is a
// lazily loaded chunk, not part of the pane's start-up code).
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "../../core/model";
import { useStatus } from "../hooks/useStatus";
import type { RepeatPrompt } from "../hooks/useWriteBack";
import { RepeatConfirm } from "./RepeatConfirm";
import { DOCX_MIME, downloadBytes, safeFileName } from "../services/download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  analysis: Analysis;
  disabled?: boolean;
  onGenerate(): void;
  /** 生成报告 found the 自评报告 sheet of an earlier run: 替换 or 另建新工作表. */
  repeat?: RepeatPrompt | null;
  onRepeat?(choice: "replace" | "new" | "cancel"): void;
}

export function ReportActions({ analysis, disabled, onGenerate, repeat, onRepeat }: Props) {
  const styles = useStyles();
  const { run, setNotice } = useStatus();

  const downloadWord = async () => {
    const name = safeFileName(`${analysis.project.name || "项目"}绩效自评报告.docx`);
    const ok = await run("正在生成 Word 文档…", async () => {
      // the report builder and the docx library load on first use, not with the pane
      const [{ buildReport }, { reportDocx }] = await Promise.all([
        import(/* webpackChunkName: "plan" */ "../../core/report"),
        import(/* webpackChunkName: "report-docx" */ "../../report/docx"),
      ]);
      downloadBytes(await reportDocx(buildReport(analysis)), name, DOCX_MIME);
      return true;
    });
    if (ok)
      setNotice({
        intent: "success",
        title: "已生成 Word 文档",
        message: `“${name}”已开始下载。报告为草稿，请核对后使用。`,
      });
  };

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={onGenerate}>
          生成报告
        </Button>
        <Button disabled={disabled} onClick={() => void downloadWord()}>
          下载 Word
        </Button>
      </div>
      {repeat?.kind === "report" && onRepeat && (
        <RepeatConfirm prompt={repeat} disabled={disabled} onChoose={onRepeat} />
      )}
      <Text size={200} className={styles.note}>
        “生成报告”在工作簿中添加“自评报告”工作表；“下载 Word”得到同样内容的 .docx 文件。
      </Text>
    </div>
  );
}
