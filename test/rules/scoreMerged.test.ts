import { scoreMerged } from "../../src/core/rules/scoreMerged";
import { merged, runRuleTests, seedForm } from "./ruleTester";

// rows 13 “科普之夏进社区”系列活动场次 (8, 7.2) and 14 全国科普日主场活动暨科普奇妙夜 (5, 5)
const TWO = "“‘科普之夏进社区’系列活动场次”、“全国科普日主场活动暨科普奇妙夜”";

runRuleTests(scoreMerged, {
  valid: [
    { name: "one score cell per indicator (the seed)", form: seedForm() },
    {
      // row 26 is a 二级 label without an indicator (生态效益指标): not indicators sharing one score
      name: "a score merged down from a row that holds no indicator",
      form: merged("H", 26, 27, {}, { emptyLevel2Row: true }),
    },
  ],
  invalid: [
    {
      name: "a score merged over two rows: counted once, as Excel's SUM does",
      form: merged("H", 13, 14),
      errors: [
        {
          cell: "H13",
          severity: "warning",
          message: `${TWO}共用一个合并的得分单元格（7.2分）：Excel 求和只计一次，总分按一次计算。请拆分单元格，分别填写每项指标的得分。`,
        },
      ],
    },
    {
      name: "a blank score merged over two rows",
      form: merged("H", 13, 14, { H13: null }),
      errors: [
        {
          cell: "H13",
          severity: "warning",
          message: `${TWO}共用一个合并的得分单元格（空白）：Excel 求和只计一次，总分按一次计算。请拆分单元格，分别填写每项指标的得分。`,
        },
      ],
    },
    {
      name: "a weight merged over two rows",
      form: merged("G", 13, 14),
      errors: [
        {
          cell: "G13",
          severity: "warning",
          message: `${TWO}共用一个合并的分值单元格（8分）：Excel 求和只计一次，分值按一次计算。请拆分单元格，分别填写每项指标的分值。`,
        },
      ],
    },
  ],
});
