// Totals (as written / computed / suggested), the grade, and a bar per group with its score of weight.
import {
  Badge,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import { formatNumber } from "../../core/decimal";
import { groupLabel } from "../../core/profiles";
import type { Analysis } from "../../core/model";
import { cardStyle } from "../theme";

const useStyles = makeStyles({
  card: cardStyle(tokens.shadow4),
  head: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  sub: { color: tokens.colorNeutralForeground3 },
  note: { display: "block", color: tokens.colorPaletteDarkOrangeForeground1 },
  stats: {
    display: "grid",
    gridTemplateColumns: "repeat(3, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  stat: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    margin: 0,
  },
  statMain: { backgroundColor: tokens.colorBrandBackground2 },
  statLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  statValue: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
    margin: 0,
  },
  empty: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase300,
  },
  grade: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  bars: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    listStyleType: "none",
    padding: 0,
    margin: 0,
  },
  barHead: {
    display: "flex",
    justifyContent: "space-between",
    fontSize: tokens.fontSizeBase200,
    marginBottom: tokens.spacingVerticalXXS,
  },
  barValue: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
});

const num = (x: number) => formatNumber(x, 2);

interface Bar {
  name: string;
  score: number;
  weight: number;
}

function barsOf(a: Analysis): Bar[] {
  const bars: Bar[] = [];
  if (a.budget)
    bars.push({ name: "预算执行", score: a.budget.score.written ?? 0, weight: a.budget.weight });
  for (const c of a.categories)
    bars.push({ name: groupLabel(c.key), score: c.score.written, weight: c.weight });
  return bars;
}

export function SummaryCard({ analysis: a }: { analysis: Analysis }) {
  const styles = useStyles();
  const titleId = useId("summary-title");
  const title = a.project.name || a.project.title || "绩效自评表";
  const errors = a.findings.filter((f) => f.severity === "error").length;
  return (
    <section className={styles.card} aria-labelledby={titleId}>
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        <Text size={200} className={styles.sub}>
          {a.project.year ? `${a.project.year}年度 · ` : ""}工作表“{a.sheet}” · {a.profile.name}
        </Text>
        {a.sheetHidden && (
          // the form is read from a sheet the user cannot see: say so, as the CLI does
          <Text size={200} role="note">
            自评表所在的工作表“{a.sheet}”是隐藏的：右键工作表标签 →
            取消隐藏，才能看到它和写回的内容。
          </Text>
        )}
      </div>

      <dl className={styles.stats}>
        <div className={styles.stat}>
          <dt className={styles.statLabel}>表中总分</dt>
          <dd className={styles.statValue}>
            {a.total.written === null ? (
              <span className={styles.empty}>未填</span>
            ) : (
              num(a.total.written)
            )}
          </dd>
        </div>
        <div className={mergeClasses(styles.stat, styles.statMain)}>
          <dt className={styles.statLabel}>各项得分合计</dt>
          <dd className={styles.statValue}>{num(a.total.computed)}</dd>
        </div>
        <div className={styles.stat}>
          <dt className={styles.statLabel}>按规则建议</dt>
          <dd className={styles.statValue}>{num(a.total.suggested)}</dd>
        </div>
      </dl>

      <div className={styles.grade}>
        <Text size={300}>绩效级别</Text>
        {/* no grade from a total that cannot be stated (core leaves the label empty); none that counts while errors
            remain: the grade of wrong scores is only where they stand now */}
        <Badge
          appearance={a.grade.label && !errors ? "filled" : "outline"}
          color={errors ? "warning" : a.grade.label ? "brand" : "informative"}
          size="large"
        >
          {errors ? "待更正后评定" : a.grade.label || "未评定"}
        </Badge>
        <Text size={200} className={styles.sub}>
          {errors && a.grade.label
            ? `有 ${errors} 项错误，按目前得分暂为“${a.grade.label}”${a.grade.written ? `；表中写的是“${a.grade.written}”` : ""}`
            : a.grade.written
              ? `表中写的是“${a.grade.written}”`
              : a.grade.cell
                ? "表中未填"
                : "按各项得分合计评定"}
        </Text>
      </div>
      {a.total.note && (
        <Text size={200} weight="semibold" className={styles.note}>
          {a.total.note}
        </Text>
      )}

      <ul className={styles.bars} aria-label="各部分得分">
        {barsOf(a).map((b) => (
          <li key={b.name}>
            <div className={styles.barHead}>
              <span>{b.name}</span>
              <span className={styles.barValue}>
                {num(b.score)} / {num(b.weight)} 分
              </span>
            </div>
            <ProgressBar
              thickness="large"
              shape="rounded"
              max={1}
              value={b.weight > 0 ? Math.max(0, Math.min(1, b.score / b.weight)) : 0}
              aria-label={`${b.name}：${num(b.score)} 分，满分 ${num(b.weight)} 分`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
