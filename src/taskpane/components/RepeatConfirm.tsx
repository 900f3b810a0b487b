// 生成报告 / 生成汇总表 a second time: asks, next to the button that was clicked, whether to replace the sheet the
// earlier run added (替换, the default and focused) or add a new one (“自评报告 (2)”). The text is core's: it says
// when the existing sheet holds the user's edits, so nothing is lost unseen.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { RepeatPrompt } from "../hooks/useWriteBack";

interface Props {
  prompt: RepeatPrompt;
  disabled?: boolean;
  onChoose(choice: "replace" | "new" | "cancel"): void;
}

export function RepeatConfirm({ prompt, disabled, onChoose }: Props) {
  return (
    <MessageBar
      intent={prompt.warn ? "warning" : "info"}
      layout="multiline"
      role="alertdialog"
      aria-label={`已有工作表“${prompt.sheet}”：替换还是另建`}
    >
      <MessageBarBody>
        <MessageBarTitle>已有工作表“{prompt.sheet}”</MessageBarTitle>
        {prompt.notice}
      </MessageBarBody>
      <MessageBarActions>
        {prompt.canReplace && (
          <Button
            appearance="primary"
            autoFocus
            disabled={disabled}
            onClick={() => onChoose("replace")}
          >
            替换
          </Button>
        )}
        <Button autoFocus={!prompt.canReplace} disabled={disabled} onClick={() => onChoose("new")}>
          另建新工作表
        </Button>
        <Button disabled={disabled} onClick={() => onChoose("cancel")}>
          取消
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
