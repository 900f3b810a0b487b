import { tableMultiple } from "../../src/core/rules/tableMultiple";
import { twoTablesOneSheet } from "../support/otherHands";
import { findingsOf, runRuleTests, seedForm } from "./ruleTester";

runRuleTests(tableMultiple, {
  valid: [{ name: "one table on the sheet (the seed)", form: seedForm() }],
  invalid: [
    {
      // two forms stacked on one sheet: headers in rows 10 and 29
      name: "two tables on one sheet: each analysis names both",
      form: twoTablesOneSheet(),
      profile: "central",
      errors: [
        {
          cell: "A10",
          severity: "info",
          message:
            "工作表“附件1”中有2张绩效指标表（表头分别在第10、29行）：每张表分别检查，这是第10行起的一张。",
        },
        {
          cell: "A29",
          severity: "info",
          message:
            "工作表“附件1”中有2张绩效指标表（表头分别在第10、29行）：每张表分别检查，这是第29行起的一张。",
        },
      ],
    },
  ],
});

describe("TABLE_MULTIPLE on a sheet with two forms", () => {
  it("each form's analysis says the sheet holds 2 tables, naming both header rows", () => {
    const found = findingsOf("TABLE_MULTIPLE", {
      name: "two",
      form: twoTablesOneSheet(),
      profile: "central",
    });
    expect(found).toHaveLength(2);
    const rows = found.map((f) => Number(f.cell.replace(/^[A-Z]+/, "")));
    for (const f of found) {
      expect(f.severity).toBe("info");
      expect(f.message).toContain(`中有2张绩效指标表（表头分别在第${rows.join("、")}行）`);
    }
    expect(found[0].message).toContain(`这是第${rows[0]}行起的一张`);
    expect(found[1].message).toContain(`这是第${rows[1]}行起的一张`);
  });
});
