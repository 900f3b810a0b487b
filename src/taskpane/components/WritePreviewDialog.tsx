// Preview of a write-back: every cell change (old → new) from the plan, the refusals with their message and,
// for a non-empty cell, a 确认覆盖 checkbox. Nothing is written until 确认写回.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { WorkbookGrids } from "../../core/grid";
import type { CellSnapshot, CellWrite, WritePlan } from "../../core/writePlan";
import { canConfirmOverwrite, type WriteOptions } from "../hooks/useWriteBack";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  td: {
    verticalAlign: "top",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    wordBreak: "break-all",
  },
  addr: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  old: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  arrow: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalXXS}` },
  new: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  refusals: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

function showBefore(s: CellSnapshot, fillOnly?: boolean): string {
  if (fillOnly) return s.fill ? `底色 ${s.fill}` : "无底色";
  if (s.formula) return `${s.formula}${s.value !== null && s.value !== "" ? `（${s.value}）` : ""}`;
  return s.value === null || s.value === "" ? "（空）" : String(s.value);
}

function showAfter(w: CellWrite): string {
  if (w.fillOnly) return w.fill ? `标出底色 ${w.fill}` : "去掉底色";
  if (w.formula) return `${w.formula}${w.value !== null && w.value !== "" ? `（${w.value}）` : ""}`;
  return w.value === null || w.value === "" ? "（清空）" : String(w.value);
}

interface Props {
  plan: WritePlan | null;
  book: WorkbookGrids | null;
  overwrite: string[];
  options: WriteOptions;
  busy: boolean;
  onToggleOverwrite(address: string, on: boolean): void;
  onOptions(patch: Partial<WriteOptions>): void;
  onConfirm(): void;
  onCancel(): void;
}

export default function WritePreviewDialog({
  plan,
  book,
  overwrite,
  options,
  busy,
  onToggleOverwrite,
  onOptions,
  onConfirm,
  onCancel,
}: Props) {
  const styles = useStyles();
  const descriptionId = useId("preview-description");
  const writes = plan?.writes ?? [];
  const refusals = plan?.refusals ?? [];
  // overwrites already confirmed (their refusal is gone): still shown, so the user can take them back
  const confirmed = overwrite.filter((a) => !refusals.some((r) => r.address === a));
  return (
    <Dialog open={plan !== null} modalType="modal" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={descriptionId}>
        <DialogBody>
          <DialogTitle>写回总分和等级</DialogTitle>
          <DialogContent className={styles.content}>
            <Text id={descriptionId} size={200}>
              {writes.length
                ? `将修改工作表“${plan?.sheet}”中的 ${writes.length} 个单元格，请核对：`
                : refusals.length
                  ? "目前没有可写入的单元格：请先处理下面的提示。"
                  : "没有需要写入的单元格。"}
            </Text>
            {writes.length > 0 && (
              <table className={styles.table} aria-label="将要写入的单元格">
                <thead>
                  <tr>
                    <th className={styles.th} scope="col">
                      单元格
                    </th>
                    <th className={styles.th} scope="col">
                      内容
                    </th>
                    <th className={styles.th} scope="col">
                      原值 → 新值
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {writes.map((w) => (
                    <tr key={`${w.sheet}!${w.address}!${w.purpose}`}>
                      <td className={mergeClasses(styles.td, styles.addr)}>{w.address}</td>
                      <td className={styles.td}>{w.label}</td>
                      <td className={styles.td}>
                        <span className={styles.old}>{showBefore(w.before, w.fillOnly)}</span>
                        <span className={styles.arrow} aria-label="改为">
                          →
                        </span>
                        <span className={styles.new}>{showAfter(w)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {refusals.length > 0 && (
              <div className={styles.refusals}>
                {refusals.map((r) => (
                  <MessageBar key={`${r.sheet}!${r.address}`} intent="warning" layout="multiline">
                    <MessageBarBody>
                      {r.message}
                      {canConfirmOverwrite(book, r) && (
                        <div>
                          <Checkbox
                            label={`确认覆盖 ${r.address}`}
                            checked={overwrite.includes(r.address)}
                            onChange={(_e, d) => onToggleOverwrite(r.address, d.checked === true)}
                          />
                        </div>
                      )}
                    </MessageBarBody>
                  </MessageBar>
                ))}
              </div>
            )}
            {confirmed.length > 0 && (
              <div className={styles.options} role="group" aria-label="已确认覆盖的单元格">
                {confirmed.map((address) => (
                  <Checkbox
                    key={address}
                    label={`确认覆盖 ${address}`}
                    checked
                    onChange={(_e, d) => onToggleOverwrite(address, d.checked === true)}
                  />
                ))}
              </div>
            )}
            <div className={styles.options}>
              <Switch
                label="总分写成公式（得分改动后自动更新）"
                checked={options.totalAs === "formula"}
                onChange={(_e, d) => onOptions({ totalAs: d.checked ? "formula" : "value" })}
              />
              <Checkbox
                label="用底色标出有错误的单元格"
                checked={options.highlightErrors}
                onChange={(_e, d) => onOptions({ highlightErrors: d.checked === true })}
              />
            </div>
          </DialogContent>
          <DialogActions>
            {busy && <Spinner size="tiny" label="正在写回…" />}
            <Button appearance="secondary" onClick={onCancel}>
              取消
            </Button>
            <Button appearance="primary" disabled={busy || writes.length === 0} onClick={onConfirm}>
              确认写回
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
