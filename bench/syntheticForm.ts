// A synthetic 自评表 of any size, laid out like the seed (funding block, indicator block, 总分 row).
import { Grid, type CellValue } from "../src/core/grid";

export function syntheticForm(indicatorRows: number): Grid {
  const rows: CellValue[][] = [
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "基准测试项目"],
    ["主管部门", "某区财政局", null, null, "实施单位", "某单位"],
    [
      "项目资金（万元）",
      null,
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ],
    [null, "年度资金总额", null, 100, 100, 95, 10, "95%", 9.5],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
  ];
  const weight = 90 / indicatorRows;
  let total = 9.5;
  for (let i = 0; i < indicatorRows; i++) {
    const level1 =
      i < indicatorRows * 0.6 ? "产出指标" : i < indicatorRows * 0.9 ? "效益指标" : "满意度指标";
    const w = Math.round(weight * 10000) / 10000;
    const kind = i % 3;
    const target = kind === 0 ? "≥30场" : kind === 1 ? "≤50万元" : "显著提升";
    const actual = kind === 0 ? "27场" : kind === 1 ? "48万元" : "达成年度指标";
    const score = kind === 0 ? Math.round(w * 0.9 * 100) / 100 : w;
    total += score;
    rows.push([
      null,
      level1,
      kind === 2 ? "社会效益指标" : "数量指标",
      `指标${i + 1}名称`,
      target,
      actual,
      w,
      score,
      kind === 0 ? "受场地影响；下一步提前统筹。" : null,
    ]);
  }
  rows.push(["总分", null, null, null, null, null, 100, Math.round(total * 100) / 100]);
  return Grid.fromRows("附件1", rows, { merges: ["A1:I1", "A2:I2", "B3:I3", "A5:C5"] });
}
