// Any error → a notice the MessageBar shows: what went wrong, which cells, what to do. Chinese only.
import { TableNotFoundError } from "../../core/errors";
import { PartialWriteError, WriteRefused } from "../../core/host";
import { ProfileError } from "../../core/profiles";

export type NoticeIntent = "error" | "warning" | "success" | "info";

/** Where a notice shows: next to what the user just did (the button they are looking at), not always at the top. */
export type NoticeSpot = "top" | "write" | "report" | "file";

export interface Notice {
  intent: NoticeIntent;
  /** Default "top" (under 检查). */
  at?: NoticeSpot;
  title: string;
  message: string;
  /** Sheet-qualified cells the notice is about. */
  cells?: string[];
  /** A button in the notice (e.g. 仍要下载). */
  action?: { label: string; run(): void };
}

/** Thrown by the pane itself when the sheet has no indicator table (message from core's TABLE_NOT_FOUND finding). */
export class TableMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableMissing";
  }
}

/** One sentence, ending in a single 。 (messages from below may already end in one). */
function sentence(text: string): string {
  return `${text.trim().replace(/[。.\s]+$/u, "")}。`;
}

/** Why a file could not be opened (web page): the reader's own one-sentence message, under the title 无法打开文件. */
export function describeFileError(e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  return sentence(detail.replace(/^无法读取文件[：:]\s*/u, "") || "文件无法读取");
}

/** `web`: the page outside Office, where there is no add-in to reopen. */
export function describeError(e: unknown, options: { web?: boolean } = {}): Notice {
  if (e instanceof WriteRefused || (e instanceof Error && e.name === "WriteRefused")) {
    const cells = (e as WriteRefused).cells ?? [];
    return { intent: "error", title: "未写入任何单元格", message: e.message, cells };
  }
  if (e instanceof PartialWriteError)
    return { intent: "error", title: "写回中途失败", message: sentence(e.message) };
  if (e instanceof TableMissing)
    return { intent: "error", title: "没有找到绩效指标表", message: e.message };
  if (e instanceof TableNotFoundError)
    return {
      intent: "error",
      title: "没有找到绩效指标表",
      message: e.message,
      cells: [e.finding.cell],
    };
  if (e instanceof ProfileError)
    return {
      intent: "error",
      title: "评分规则设置有误",
      message: `${e.message}。请在“调整评分规则”中改正后保存。`,
    };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    intent: "error",
    title: "出现意外错误",
    message: `${sentence(detail || "未知错误")}${options.web ? "请重试；如果仍然出现，请重新打开文件。" : "请重试；如果仍然出现，请保存工作簿后重新打开加载项。"}`,
  };
}
