// The check's verdict, the first thing after 检查: how many errors and warnings, and a jump to the list. Finance staff
// read this line before any total: a grade over wrong scores is not a result.
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, ErrorCircleFilled, WarningFilled } from "@fluentui/react-icons";
import { forwardRef } from "react";
import type { Finding } from "../../core/model";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftStyle: "solid",
    boxShadow: tokens.shadow4,
  },
  bad: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  warn: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
  },
  good: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
  },
  text: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    flexGrow: 1,
  },
  line: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    outlineStyle: "none",
  },
  iconBad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  iconWarn: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  iconGood: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  sub: { color: tokens.colorNeutralForeground2 },
});

/** “9 项错误、2 项警告”, or “未发现错误” (with the warnings, if any). */
export function verdictText(findings: Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  if (errors === 0) return warnings ? `未发现错误，${warnings} 项警告` : "未发现错误";
  return warnings ? `${errors} 项错误、${warnings} 项警告` : `${errors} 项错误`;
}

interface Props {
  findings: Finding[];
  /** Moves to the list of findings. */
  onJump(): void;
}

/** The verdict's heading takes the focus after a check (tabIndex -1), so a screen reader hears it first. */
export const Verdict = forwardRef<HTMLHeadingElement, Props>(function Verdict(
  { findings, onJump },
  ref
) {
  const styles = useStyles();
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const tone = errors ? "bad" : warnings ? "warn" : "good";
  const Icon =
    tone === "bad" ? ErrorCircleFilled : tone === "warn" ? WarningFilled : CheckmarkCircleFilled;
  const iconClass =
    tone === "bad" ? styles.iconBad : tone === "warn" ? styles.iconWarn : styles.iconGood;
  return (
    <section className={mergeClasses(styles.root, styles[tone])} aria-label="检查结论">
      <div className={styles.text}>
        <h2 ref={ref} tabIndex={-1} className={styles.line}>
          <Icon className={iconClass} aria-hidden />
          {verdictText(findings)}
        </h2>
        <Text size={200} className={styles.sub}>
          {errors
            ? "请先更正错误：总分和等级要在更正后才作数。"
            : warnings
              ? "请逐项看一下警告，确认无误即可。"
              : "分值、得分、总分和等级都核对无误。"}
        </Text>
      </div>
      {findings.length > 0 && (
        <Button appearance={errors ? "primary" : "secondary"} onClick={onJump}>
          查看问题清单
        </Button>
      )}
    </section>
  );
});
