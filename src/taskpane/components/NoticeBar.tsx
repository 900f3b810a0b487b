// The pane's MessageBar: errors (which cell, what to do), warnings and confirmations. Each shows at its spot, next
// to the button that caused it, and takes the focus when it appears there (tabIndex -1: read, not tabbed to).
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { useStatus } from "../hooks/useStatus";
import type { NoticeSpot } from "../services/errors";

const useStyles = makeStyles({
  cells: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

export function NoticeBar({ at = "top", focus = false }: { at?: NoticeSpot; focus?: boolean }) {
  const { notice, setNotice } = useStatus();
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const mine = notice !== null && (notice.at ?? "top") === at;
  useEffect(() => {
    const el = ref.current;
    if (!mine || !el) return;
    el.scrollIntoView?.({ block: "nearest" });
    // only when the focus would otherwise be lost (a dialog closed, a button disabled while busy)
    if (focus || document.activeElement === document.body || document.activeElement === null)
      el.focus({ preventScroll: true });
  }, [mine, notice, focus]);
  if (!mine) return null;
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      data-notice={at}
      intent={notice.intent}
      layout="multiline"
      aria-live={notice.intent === "error" ? "assertive" : "polite"}
    >
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.message}
        {notice.cells && notice.cells.length > 0 && (
          <span className={styles.cells}>涉及单元格：{notice.cells.join("、")}</span>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<DismissRegular />}
            aria-label="关闭提示"
            onClick={() => setNotice(null)}
          />
        }
      >
        {notice.action && (
          <Button size="small" onClick={notice.action.run}>
            {notice.action.label}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

/** The notice shown at `at`, if any (to move the focus to it). */
export function noticeAt(at: NoticeSpot): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-notice="${at}"]`);
}
