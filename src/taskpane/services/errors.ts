// Any error → a notice the MessageBar shows: what went wrong, which cells, what to do. Chinese only.
import { TableNotFoundError } from "../../core/errors";
import { WriteRefused } from "../../core/host";
import { ProfileError } from "../../core/profiles";

export type NoticeIntent = "error" | "warning" | "success" | "info";

export interface Notice {
  intent: NoticeIntent;
  title: string;
  message: string;
  /** Sheet-qualified cells the notice is about. */
  cells?: string[];
}

/** Thrown by the pane itself when the sheet has no indicator table (message from core's TABLE_NOT_FOUND finding). */
export class TableMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableMissing";
  }
}

export function describeError(e: unknown): Notice {
  if (e instanceof WriteRefused || (e instanceof Error && e.name === "WriteRefused")) {
    const cells = (e as WriteRefused).cells ?? [];
    return { intent: "error", title: "未写入任何单元格", message: e.message, cells };
  }
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
    message: `${detail || "未知错误"}。请重试；如果仍然出现，请保存工作簿后重新打开加载项。`,
  };
}
