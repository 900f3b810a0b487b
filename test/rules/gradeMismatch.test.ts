import { gradeMismatch } from "../../src/core/rules/gradeMismatch";
import { runRuleTests, seedForm, withCell } from "./ruleTester";

// the blankTotal variant adds a 绩效级别 row 29 whose value cell is G29; H28 gets the seed's 89.45 back
const graded = (grade: string | null, cells: Record<string, number | null> = {}) =>
  seedForm({ H28: 89.45, G29: grade, ...cells }, { variant: "blankTotal" });
const XICHENG_BANDS = "优秀≥90，良好≥80，中等≥60，较差";
const CENTRAL_BANDS = "优≥90，良≥80，中≥60，差";

runRuleTests(gradeMismatch, {
  valid: [
    { name: "良好 for 89.45", form: graded("良好") },
    { name: "良 means 良好", form: graded("良") },
    { name: "良好 means the central 良", form: graded("良好"), profile: "central" },
    { name: "no grade written", form: graded(null) },
    // row 20's score blank: the total is incomplete, no grade can be stated to compare 优秀 with
    { name: "a score still blank: no grade to compare with", form: graded("优秀", { H20: null }) },
    {
      // an error value in a score: the total cannot be computed at all
      name: "a score that is an error value: no grade to compare with",
      form: withCell(graded("优秀"), "H20", { value: "#DIV/0!", error: "#DIV/0!" }),
    },
    // H20 3.35 → 3.9: 89.45 + 0.55 = 90, the lower bound of 优秀 is inclusive
    { name: "exactly 90 is 优秀", form: graded("优秀", { H20: 3.9 }) },
  ],
  invalid: [
    {
      name: "优秀 for 89.45",
      form: graded("优秀"),
      errors: [
        {
          cell: "G29",
          severity: "error",
          message: `绩效级别写的是“优秀”，但总分89.45分对应“良好”（${XICHENG_BANDS}）。`,
        },
      ],
    },
    {
      name: "良好 for exactly 90",
      form: graded("良好", { H20: 3.9 }),
      errors: [
        {
          cell: "G29",
          severity: "error",
          message: `绩效级别写的是“良好”，但总分90分对应“优秀”（${XICHENG_BANDS}）。`,
        },
      ],
    },
    {
      name: "central: 中 for 89.45",
      form: graded("中"),
      profile: "central",
      errors: [
        {
          cell: "G29",
          severity: "error",
          message: `绩效级别写的是“中”，但总分89.45分对应“良”（${CENTRAL_BANDS}）。`,
        },
      ],
    },
  ],
});
