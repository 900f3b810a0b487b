import { Grid } from "../../src/core/grid";
import { tableNotFound } from "../../src/core/rules/tableNotFound";
import { runRuleTests, seedForm } from "./ruleTester";

const report = (sheet: string) =>
  Grid.fromRows(sheet, [["一、基本情况"], ["本年度支出137.85万元。"]]);

runRuleTests(tableNotFound, {
  valid: [
    { name: "the seed form", form: seedForm() },
    {
      name: "a report sheet before the table is not reported when the table is found",
      form: [report("报告"), seedForm()],
    },
    { name: "the sheet asked for exists", form: [report("报告"), seedForm()], sheet: "附件1" },
  ],
  invalid: [
    {
      name: "a workbook holding only report text",
      form: report("报告"),
      errors: [
        {
          cell: "A1",
          severity: "error",
          message:
            "没有找到绩效指标表。工作表“报告”中没有任何绩效指标表头：没有找到“三级指标”“年度指标值”“实际完成值”等列名（可为同义词）。请检查表头，或选择正确的工作表。",
        },
      ],
    },
    {
      name: "the sheet asked for holds no table",
      form: [report("报告"), seedForm()],
      sheet: "报告",
      errors: [
        {
          cell: "A1",
          severity: "error",
          message:
            "没有找到绩效指标表。工作表“报告”中没有任何绩效指标表头：没有找到“三级指标”“年度指标值”“实际完成值”等列名（可为同义词）。请检查表头，或选择正确的工作表。",
        },
      ],
    },
    {
      name: "a sheet name that is not in the workbook lists the sheets there are",
      form: [report("报告"), seedForm()],
      sheet: "附件2",
      errors: [
        {
          cell: "A1",
          severity: "error",
          message: "工作簿中没有名为“附件2”的工作表。现有工作表：报告、附件1。",
        },
      ],
    },
  ],
});
