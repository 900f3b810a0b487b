// Preview of a write-back: what stays wrong after it (errors still open, a total over wrong scores), every cell
// change (old → new) from the plan, the refusals with their message, a 确认覆盖 checkbox per non-empty cell, and the
// grade's cell when the form has none. Nothing is written until 确认写回.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookGrids } from "../../core/grid";
import { normalizeAddress } from "../../core/planBuilder";
import type { CellSnapshot, CellWrite, WritePlan } from "../../core/writePlan";
import { canConfirmOverwrite, type WriteOptions } from "../hooks/useWriteBack";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    whiteSpace: "nowrap",
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
  // the address never wraps (H28, not H / 28): the column takes what it needs, the others share the rest
  addr: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    wordBreak: "normal",
    width: "1%",
  },
  old: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  empty: { color: tokens.colorNeutralForeground3 },
  formula: {
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
    "& summary": { cursor: "pointer", color: tokens.colorBrandForegroundLink },
    "& code": { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  },
  gradeCell: { display: "flex", alignItems: "end", columnGap: tokens.spacingHorizontalS },
  gradeInput: { width: "96px" },
  arrow: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalXXS}` },
  new: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  refusals: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

const isEmpty = (v: CellSnapshot["value"]) => v === null || v === "";

/** What the cell holds now: its value (a formula's result), the formula on demand. */
function Before({ s, fillOnly }: { s: CellSnapshot; fillOnly?: boolean }) {
  const styles = useStyles();
  if (fillOnly) return <span className={styles.old}>{s.fill ? `底色 ${s.fill}` : "无底色"}</span>;
  // nothing to strike out: an empty cell is shown as empty
  if (isEmpty(s.value) && !s.formula) return <span className={styles.empty}>（空）</span>;
  return (
    <span className={styles.old}>{isEmpty(s.value) ? (s.formula ?? "") : String(s.value)}</span>
  );
}

/** What the cell will hold: the value people read (良好, 93.05), the formula behind it on demand. */
function After({ w }: { w: CellWrite }) {
  const styles = useStyles();
  if (w.fillOnly)
    return <span className={styles.new}>{w.fill ? `标出底色 ${w.fill}` : "去掉底色"}</span>;
  const shown = isEmpty(w.value) ? (w.formula ? "" : "（清空）") : String(w.value);
  return (
    <>
      <span className={styles.new}>{shown || w.formula}</span>
      {w.formula && shown && (
        <details className={styles.formula}>
          <summary>公式</summary>
          <code>{w.formula}</code>
        </details>
      )}
    </>
  );
}

interface Props {
  plan: WritePlan | null;
  book: WorkbookGrids | null;
  overwrite: string[];
  options: WriteOptions;
  busy: boolean;
  /** The form has no 绩效级别 cell: the grade is written only to a cell the user names. */
  gradeCellMissing: boolean;
  /** Errors this write-back leaves open, and those of them on score cells (the total adds them up). */
  openErrors: { count: number; scoreCells: string[] };
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
  gradeCellMissing,
  openErrors,
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
  // one stable checkbox per cell, pending or confirmed: ticking it keeps it (and the focus) where it is
  const overwritable = [
    ...new Set([
      ...refusals.filter((r) => canConfirmOverwrite(book, r)).map((r) => r.address),
      ...overwrite,
    ]),
  ];
  const [gradeCell, setGradeCell] = useState(options.gradeCell ?? "");
  const gradeCellValid = normalizeAddress(gradeCell.trim()) !== null;
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
            {openErrors.count > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>写回后仍有 {openErrors.count} 项错误未更正</MessageBarTitle>
                  {openErrors.scoreCells.length > 0
                    ? `总分是各项得分的合计，其中 ${openErrors.scoreCells.join("、")} 的得分仍有错误，写入的总分和等级也会随之不对。建议先更正这些得分（或采用建议值），再写回。`
                    : "写回只改下面列出的单元格，其余错误请在表中更正后重新检查。"}
                </MessageBarBody>
              </MessageBar>
            )}
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
                        <Before s={w.before} fillOnly={w.fillOnly} />
                        <span className={styles.arrow} aria-label="改为">
                          →
                        </span>
                        <After w={w} />
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
                    <MessageBarBody>{r.message}</MessageBarBody>
                  </MessageBar>
                ))}
              </div>
            )}
            {overwritable.length > 0 && (
              <div className={styles.options} role="group" aria-label="覆盖已有内容的单元格">
                {overwritable.map((address) => (
                  <Checkbox
                    key={address}
                    label={`确认覆盖 ${address}`}
                    checked={overwrite.includes(address)}
                    onChange={(_e, d) => onToggleOverwrite(address, d.checked === true)}
                  />
                ))}
              </div>
            )}
            {gradeCellMissing && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>
                    等级{options.gradeCell ? `写入 ${options.gradeCell}` : "不会写入"}
                  </MessageBarTitle>
                  表中没有“绩效级别”单元格。如需写入等级，请填写要写入的单元格（在工作表“
                  {plan?.sheet}”中）：
                  <div className={styles.gradeCell}>
                    <Field
                      label="等级单元格"
                      size="small"
                      validationState={gradeCell && !gradeCellValid ? "error" : "none"}
                      validationMessage={
                        gradeCell && !gradeCellValid ? "请填写单元格地址，如 I29" : undefined
                      }
                    >
                      <Input
                        size="small"
                        className={styles.gradeInput}
                        value={gradeCell}
                        placeholder="如 I29"
                        onChange={(_e, d) => setGradeCell(d.value)}
                      />
                    </Field>
                    <Button
                      size="small"
                      disabled={!gradeCellValid}
                      onClick={() => onOptions({ gradeCell: normalizeAddress(gradeCell.trim()) })}
                    >
                      写入此单元格
                    </Button>
                    {options.gradeCell && (
                      <Button
                        size="small"
                        onClick={() => {
                          setGradeCell("");
                          onOptions({ gradeCell: null });
                        }}
                      >
                        不写入等级
                      </Button>
                    )}
                  </div>
                </MessageBarBody>
              </MessageBar>
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
