// The check's verdict, the first thing after 检查: how many errors and warnings, and a jump to the list. Finance staff
// read this line before any total: a grade over wrong scores is not a result.
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, ErrorCircleFilled, WarningFilled } from "@fluentui/react-icons";
import type { Analysis } from "../../core/model";
import { verdictOf } from "../../core/verdict";

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

interface Props {
  analysis: Pick<Analysis, "findings" | "skippedChecks" | "total">;
  /** Moves to the list of findings. */
  onJump(): void;
}

/** Core's verdict (verdict.ts), first on the screen after a check. */
export function Verdict({ analysis, onJump }: Props) {
  const styles = useStyles();
  const { errors, tone, heading, advice } = verdictOf(analysis);
  const Icon =
    tone === "bad" ? ErrorCircleFilled : tone === "warn" ? WarningFilled : CheckmarkCircleFilled;
  const iconClass =
    tone === "bad" ? styles.iconBad : tone === "warn" ? styles.iconWarn : styles.iconGood;
  return (
    <section className={mergeClasses(styles.root, styles[tone])} aria-label="检查结论">
      <div className={styles.text}>
        <h2 className={styles.line}>
          <Icon className={iconClass} aria-hidden />
          {heading}
        </h2>
        <Text size={200} className={styles.sub}>
          {advice}
        </Text>
      </div>
      {analysis.findings.length > 0 && (
        <Button appearance={errors ? "primary" : "secondary"} onClick={onJump}>
          查看问题清单
        </Button>
      )}
    </section>
  );
}
