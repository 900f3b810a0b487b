import { scoreBand } from "../../src/core/rules/scoreBand";
import { runRuleTests, seedForm } from "./ruleTester";

const YOUTH = "“青少年科技创新成果”"; // row 20: 部分达成, weight 5 → [3, 4) under 80/60
const CLIMATE = "“‘爱科学、学科学、用科学’社会氛围”"; // row 25: 达成, weight 5 → [4, 5]

runRuleTests(scoreBand, {
  valid: [
    { name: "the seed form", form: seedForm() },
    { name: "partial band, lower edge inclusive: 5 × 60% = 3", form: seedForm({ H20: 3 }) },
    { name: "achieved band, upper edge inclusive: 5", form: seedForm({ H25: 5 }) },
    { name: "achieved band, lower edge: 5 × 80% = 4", form: seedForm({ H25: 4 }) },
    {
      name: "hubei's partial band starts at 5 × 50% = 2.5",
      form: seedForm({ H20: 2.5 }),
      profile: "hubei",
    },
    { name: "a score over the weight is SCORE_RANGE's", form: seedForm({ H20: 6 }) },
    {
      name: "without a weight there is no band to check",
      form: seedForm({ G20: null, F20: "有待观察" }),
    },
  ],
  invalid: [
    {
      name: "partial band, upper edge exclusive: 4 is not below 5 × 80% = 4",
      form: seedForm({ H20: 4 }),
      errors: [
        {
          cell: "H20",
          severity: "error",
          message: `${YOUTH}实际为“部分达成”，得分应在3至不足4分之间，现为4分：请调整得分或完成情况的表述。`,
        },
      ],
    },
    {
      name: "partial band under the central 60%: 2.5 is below 3",
      form: seedForm({ H20: 2.5 }),
      errors: [
        {
          cell: "H20",
          severity: "error",
          message: `${YOUTH}实际为“部分达成”，得分应在3至不足4分之间，现为2.5分：请调整得分或完成情况的表述。`,
        },
      ],
    },
    {
      name: "hubei: partial [2.5, 4), 2.49 is below",
      form: seedForm({ H20: 2.49 }),
      profile: "hubei",
      errors: [
        {
          cell: "H20",
          severity: "error",
          message: `${YOUTH}实际为“部分达成”，得分应在2.5至不足4分之间，现为2.49分：请调整得分或完成情况的表述。`,
        },
      ],
    },
    {
      name: "achieved band: 3.99 is below 4",
      form: seedForm({ H25: 3.99 }),
      errors: [
        {
          cell: "H25",
          severity: "error",
          message: `${CLIMATE}实际为“达成”，得分应在4–5分之间，现为3.99分：请调整得分或完成情况的表述。`,
        },
      ],
    },
    {
      name: "not achieved: [0, 5 × 60% = 3)",
      form: seedForm({ F25: "未达成年度指标且效果较差" }),
      errors: [
        {
          cell: "H25",
          severity: "error",
          message: `${CLIMATE}实际为“未达成”，得分应在0至不足3分之间，现为4分：请调整得分或完成情况的表述。`,
        },
      ],
    },
    {
      name: "an actual that cannot be classified",
      form: seedForm({ F20: "有待观察" }),
      errors: [
        {
          cell: "F20",
          severity: "warning",
          message: `${YOUTH}的实际完成情况“有待观察”无法判断属于哪一档：请写成“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。`,
        },
      ],
    },
  ],
});
