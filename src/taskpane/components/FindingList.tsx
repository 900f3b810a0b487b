// Findings grouped by severity (错误/警告/提示, with counts). Each finding is a button that selects its cell;
// fixable ones carry a 采用建议值 toggle.
import {
  Button,
  CounterBadge,
  List,
  ListItem,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { RuleDoc } from "../../core/rules/docs";
import { formatNumber } from "../../core/decimal";
import { sheetAddress } from "../../core/grid";
import type { Finding, Severity } from "../../core/model";
import type { RowCell } from "../services/rowCells";

const SEVERITIES: {
  key: Severity;
  label: string;
  color: "danger" | "important" | "informative";
}[] = [
  { key: "error", label: "错误", color: "danger" },
  { key: "warning", label: "警告", color: "important" },
  { key: "info", label: "提示", color: "informative" },
];

/** “为什么？”: the rule's own title, docs and source, folded away (a native disclosure: keyboard and reader work). */
function RuleWhy({ code, className }: { code: string; className: string }) {
  const [doc, setDoc] = useState<RuleDoc | null>(null);
  // the rules' docs are loaded when first opened, not with the pane
  const load = () => {
    if (!doc)
      void import("../../core/rules/docs").then((m) =>
        setDoc(m.ruleDocs().find((d) => d.code === code) ?? null)
      );
  };
  return (
    <details className={className} onToggle={load}>
      <summary>为什么？</summary>
      {doc && (
        <>
          <Text as="p" size={200} weight="semibold">
            {doc.title}（{doc.code}）
          </Text>
          <Text as="p" size={200}>
            {doc.docs}
          </Text>
          <Text as="p" size={200} italic>
            依据：{doc.source}
          </Text>
        </>
      )}
    </details>
  );
}

/** The finding's row as the file holds it, its own cell marked. */
function RowView({ cells, row }: { cells: RowCell[]; row: string }) {
  const styles = useStyles();
  if (cells.length === 0) return null;
  return (
    <dl className={styles.row} aria-label={`第 ${row.replace(/^[A-Z]+/, "")} 行的内容`}>
      {cells.map((c) => (
        <div key={c.address} className={mergeClasses(styles.rowCell, c.target && styles.rowTarget)}>
          <dt className={styles.rowAddr}>{c.address}</dt>
          <dd className={styles.rowText}>{c.text}</dd>
        </div>
      ))}
    </dl>
  );
}

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    margin: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase200,
  },
  rowCell: {
    display: "flex",
    columnGap: tokens.spacingHorizontalXXS,
    maxWidth: "100%",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  rowTarget: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  rowAddr: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  rowText: { margin: 0, overflowWrap: "anywhere" },
  why: {
    marginLeft: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    // the disclosure reads as small print under the finding, not in the browser's default 16px
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& summary": { cursor: "pointer", color: tokens.colorBrandForegroundLink },
    "& p": { marginTop: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalXXS },
  },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `0 0 0 ${tokens.strokeWidthThin} ${tokens.colorBrandStroke1}`,
  },
  // a subtle Button laid out as a row: the cell, then the message over as many lines as it needs
  finding: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    justifyContent: "stretch",
    width: "100%",
    minWidth: 0,
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    minWidth: "36px",
    textAlign: "center",
  },
  fix: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
  fixNote: { color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground2 },
});

export interface FindingListProps {
  findings: Finding[];
  accepted: string[];
  /** The key (from findingKeys) of the finding last selected. */
  selected: string | null;
  disabled?: boolean;
  /** Whether 采用建议值 applies to a finding. */
  fixable(f: Finding): boolean;
  onSelect(f: Finding, key: string): void;
  onToggleAccept(f: Finding, on: boolean): void;
  /** What clicking a finding does, for its tooltip (在工作表中选中此单元格 in Excel). */
  selectLabel?: string;
  /** Where no worksheet can be selected (the web page): the row a selected finding shows in the pane. */
  rowOf?(f: Finding): RowCell[];
}

/**
 * A key per finding, unique in the list and the same after a re-check that finds the same things: sheet, cell and
 * code, numbered when several findings share them (two problems with one cell).
 */
export function findingKeys(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.sheet}!${f.cell}!${f.code}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n + 1}`;
  });
}

export function FindingList({
  findings,
  accepted,
  selected,
  disabled,
  fixable,
  onSelect,
  onToggleAccept,
  selectLabel = "在工作表中选中此单元格",
  rowOf,
}: FindingListProps) {
  const styles = useStyles();
  const id = useId("findings");
  const keyed = useMemo(() => {
    const keys = findingKeys(findings);
    return findings.map((f, i) => ({ f, key: keys[i] }));
  }, [findings]);
  if (findings.length === 0)
    return (
      <Text className={styles.none} role="status">
        没有发现问题。
      </Text>
    );
  return (
    <div className={styles.root}>
      {SEVERITIES.map(({ key: severity, label, color }) => {
        const list = keyed.filter(({ f }) => f.severity === severity);
        if (list.length === 0) return null;
        const headingId = `${id}-${severity}`;
        return (
          <section key={severity} className={styles.section} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {label}
              <CounterBadge
                count={list.length}
                color={color}
                size="small"
                aria-label={`${list.length} 条`}
              />
            </h3>
            <List className={styles.list}>
              {list.map(({ f, key }) => {
                const isSelected = selected === key;
                const isAccepted = accepted.includes(f.cell);
                const suggestion =
                  fixable(f) && f.suggestion !== undefined ? formatNumber(f.suggestion, 2) : null;
                return (
                  <ListItem
                    key={key}
                    className={mergeClasses(
                      styles.item,
                      styles[severity],
                      isSelected && styles.selected
                    )}
                  >
                    <Button
                      appearance="subtle"
                      className={styles.finding}
                      aria-current={isSelected ? "true" : undefined}
                      aria-label={`${label}，单元格 ${sheetAddress(f.sheet, f.cell)}：${f.message}`}
                      title={selectLabel}
                      aria-expanded={rowOf ? isSelected : undefined}
                      onClick={() => onSelect(f, key)}
                    >
                      <span className={styles.cell}>{f.cell}</span>
                      <span>{f.message}</span>
                    </Button>
                    {rowOf && isSelected && <RowView cells={rowOf(f)} row={f.cell} />}
                    <RuleWhy code={f.code} className={styles.why} />
                    {suggestion !== null && (
                      <div className={styles.fix}>
                        {/* the label stays the same; aria-pressed (and the look) says whether it is on */}
                        <ToggleButton
                          size="small"
                          checked={isAccepted}
                          disabled={disabled}
                          aria-label={`采用建议值 ${suggestion}（单元格 ${f.cell}）`}
                          onClick={() => onToggleAccept(f, !isAccepted)}
                        >
                          采用建议值 {suggestion}
                        </ToggleButton>
                        {isAccepted && (
                          <Text size={200} className={styles.fixNote}>
                            已采用，写回时写入 {f.cell}
                          </Text>
                        )}
                      </div>
                    )}
                  </ListItem>
                );
              })}
            </List>
          </section>
        );
      })}
    </div>
  );
}
