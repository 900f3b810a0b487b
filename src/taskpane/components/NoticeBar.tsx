// The pane's MessageBar: errors (which cell, what to do), warnings and confirmations.
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
import { useStatus } from "../hooks/useStatus";

const useStyles = makeStyles({
  cells: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

export function NoticeBar() {
  const { notice, setNotice } = useStatus();
  const styles = useStyles();
  if (!notice) return null;
  return (
    <MessageBar
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
      />
    </MessageBar>
  );
}
