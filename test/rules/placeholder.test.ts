import { placeholder } from "../../src/core/rules/placeholder";
import { runRuleTests, seedForm } from "./ruleTester";

const MESSAGE = (row: number, text: string) =>
  `第${row}行“${text}”是模板留下的空行或说明文字，未计入检查；如不需要可删除该行。`;

runRuleTests(placeholder, {
  valid: [
    { name: "the seed form has no template rows", form: seedForm() },
    {
      name: "an empty 二级 row (生态效益指标 without indicators) is normal, not a leftover",
      form: seedForm({}, { emptyLevel2Row: true }),
    },
  ],
  invalid: [
    {
      // 数量指标 rows 13–17, then the leftover 指标1： in row 18; 满意度 moves down to row 28, …… in row 29
      name: "指标1： and …… left from the blank template",
      form: seedForm({}, { placeholderRows: true }),
      errors: [
        { cell: "D18", severity: "info", message: MESSAGE(18, "指标1：") },
        { cell: "D29", severity: "info", message: MESSAGE(29, "……") },
      ],
    },
  ],
});
