// Findings grouped by severity (错误/警告/提示, with counts). Each finding is a button that selects its cell;
// fixable ones carry a 采用建议值 toggle.
import {
  CounterBadge,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { formatNumber } from "../../core/decimal";
import { sheetAddress } from "../../core/grid";
import type { Finding, Severity } from "../../core/model";

const SEVERITIES: {
  key: Severity;
  label: string;
  color: "danger" | "important" | "informative";
}[] = [
  { key: "error", label: "错误", color: "danger" },
  { key: "warning", label: "警告", color: "important" },
  { key: "info", label: "提示", color: "informative" },
];

const useStyles = makeStyles({
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
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderLeftWidth: tokens.strokeWidthThickest,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `0 0 0 ${tokens.strokeWidthThin} ${tokens.colorBrandStroke1}`,
  },
  finding: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    width: "100%",
    textAlign: "left",
    backgroundColor: "transparent",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
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

const keyOf = (f: Finding) => `${f.sheet}!${f.cell}!${f.code}`;

interface Props {
  findings: Finding[];
  accepted: string[];
  selected: string | null;
  disabled?: boolean;
  /** Whether 采用建议值 applies to a finding. */
  fixable(f: Finding): boolean;
  onSelect(f: Finding): void;
  onToggleAccept(f: Finding, on: boolean): void;
}

export function findingKey(f: Finding): string {
  return keyOf(f);
}

export function FindingList({
  findings,
  accepted,
  selected,
  disabled,
  fixable,
  onSelect,
  onToggleAccept,
}: Props) {
  const styles = useStyles();
  if (findings.length === 0)
    return (
      <Text className={styles.none} role="status">
        没有发现问题。
      </Text>
    );
  return (
    <div className={styles.root}>
      {SEVERITIES.map(({ key, label, color }) => {
        const list = findings.filter((f) => f.severity === key);
        if (list.length === 0) return null;
        const headingId = `jx-findings-${key}`;
        return (
          <section key={key} className={styles.section} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {label}
              <CounterBadge
                count={list.length}
                color={color}
                size="small"
                aria-label={`${list.length} 条`}
              />
            </h3>
            <ul className={styles.list}>
              {list.map((f) => {
                const k = keyOf(f);
                const isAccepted = accepted.includes(f.cell);
                const canFix = fixable(f) && f.suggestion !== undefined;
                return (
                  <li
                    key={k}
                    className={mergeClasses(
                      styles.item,
                      styles[key],
                      selected === k && styles.selected
                    )}
                  >
                    <button
                      type="button"
                      className={styles.finding}
                      aria-current={selected === k ? "true" : undefined}
                      aria-label={`${label}，单元格 ${sheetAddress(f.sheet, f.cell)}：${f.message}`}
                      title="在工作表中选中此单元格"
                      onClick={() => onSelect(f)}
                    >
                      <span className={styles.cell}>{f.cell}</span>
                      <span>{f.message}</span>
                    </button>
                    {canFix && (
                      <div className={styles.fix}>
                        <ToggleButton
                          size="small"
                          appearance={isAccepted ? "primary" : "secondary"}
                          checked={isAccepted}
                          disabled={disabled}
                          aria-label={`${isAccepted ? "已采用" : "采用建议值"} ${formatNumber(f.suggestion!, 2)}（单元格 ${f.cell}）`}
                          onClick={() => onToggleAccept(f, !isAccepted)}
                        >
                          {isAccepted ? "已采用" : "采用建议值"} {formatNumber(f.suggestion!, 2)}
                        </ToggleButton>
                        {isAccepted && (
                          <Text size={200} className={styles.fixNote}>
                            写回时写入 {f.cell}
                          </Text>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
