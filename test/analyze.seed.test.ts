// The seed form (北京市西城区科协 2024, 89.45 points, 良好): from the shared fixtures and from the project's own build.
import { buildSeedWorkbook, SEED_FACTS } from "../scripts/samples/seedForm";
import { readWorkbook } from "../src/xlsx/read";
import {
  analyzeBook,
  brief,
  errorsAndWarnings,
  findingAt,
  partsByLabel,
} from "./support/analyzeHelpers";
import { describeShared, sharedFixture } from "./support/shared";
import type { Analysis } from "../src/core/model";
import type { WorkbookGrids } from "../src/core/grid";

const SEED_SENTENCE =
  "全区科普经费项目自评得分89.45分，绩效级别为“良好”。其中：预算执行10分，项目产出50.45分，项目效益24.6分，服务对象满意度4.4分。";

function expectSeedResult(a: Analysis) {
  expect(brief(errorsAndWarnings(a))).toEqual([]);
  expect(a.total.computed).toBe(89.45);
  expect(a.total.written).toBe(89.45);
  expect(a.total.suggested).toBe(89.45);
  expect(a.grade.label).toBe("良好");
  expect(partsByLabel(a)).toEqual({
    预算执行: 10,
    项目产出: 50.45,
    项目效益: 24.6,
    服务对象满意度: 4.4,
  });
  expect(a.summary.sentence).toBe(SEED_SENTENCE);
  expect(a.budget).toMatchObject({
    executed: 137.85,
    adjusted: 137.85,
    rate: 100,
    weight: 10,
    score: { written: 10, rule: 10 },
  });
  const byKey = Object.fromEntries(a.categories.map((c) => [c.key, c]));
  expect(byKey["产出"]).toMatchObject({ weight: 55, score: { written: 50.45 }, indicators: 10 });
  expect(byKey["效益"]).toMatchObject({ weight: 20, score: { written: 18.5 } });
  expect(byKey["可持续影响"]).toMatchObject({ weight: 10, score: { written: 6.1 } });
  expect(byKey["满意度"]).toMatchObject({ weight: 5, score: { written: 4.4 } });
  const lost = a.indicators.filter(
    (i) => i.weight !== null && i.score !== null && i.score < i.weight
  );
  expect(lost).toHaveLength(8);
  expect(lost.every((i) => i.reason.length > 0)).toBe(true);
  expect(a.indicators.length - lost.length).toBe(7);
}

/** The 8 mistakes of fixtures/README.md, each at its cell with its code. */
function expectSeedMistakes(a: Analysis) {
  const at = (code: Parameters<typeof findingAt>[1], cell: string) => {
    const f = findingAt(a, code, cell);
    if (!f) throw new Error(`missing ${code} at ${cell}; got:\n${brief(a.findings).join("\n")}`);
    return f;
  };
  // 1. weight 6 instead of 5: the checker cannot know which indicator, so at the group and the total
  expect(at("WEIGHT_GROUP", "B13").message).toContain("56");
  expect(at("WEIGHT_TOTAL", "G28").message).toContain("101");
  // 2. 5.6 where 270/300 × 6 = 5.4
  expect(at("SCORE_RULE", "H15")).toMatchObject({ severity: "error", suggestion: 5.4 });
  // 3. lost points without a reason
  expect(at("REASON_MISSING", "I17").severity).toBe("error");
  // 4. cost over target still full marks: 8 × 137.85 / 139.2 = 7.92 (ratio rule)
  expect(at("SCORE_RULE", "H22")).toMatchObject({ severity: "error", suggestion: 7.92 });
  // 5. score above its weight
  expect(at("SCORE_RANGE", "H25").severity).toBe("error");
  // 6. partial band is [6, 8)
  expect(at("SCORE_BAND", "H26").message).toContain("8.5");
  // 7. budget 100% but 9.5
  expect(at("BUDGET_SCORE", "I6")).toMatchObject({ severity: "error", suggestion: 10 });
  // 8. total matches neither
  expect(at("TOTAL_MISMATCH", "H28").message).toContain("90.1");
  expect(a.findings.every((f) => f.sheet === "附件1")).toBe(true);
}

describeShared("shared fixtures", () => {
  let seed: WorkbookGrids;
  beforeAll(async () => {
    seed = await readWorkbook(sharedFixture("xicheng-kepu-2024.xlsx"));
  });
  it("the seed form: 89.45, 良好, the seed's summary sentence, no error and no warning", () => {
    expectSeedResult(analyzeBook(seed));
  });
  it("the form with mistakes: each of the 8 found at its cell", async () => {
    expectSeedMistakes(
      analyzeBook(await readWorkbook(sharedFixture("xicheng-kepu-2024-errors.xlsx")))
    );
  });
  it("the blank-total form: total cell H28 empty, grade cell G29 found", async () => {
    const a = analyzeBook(await readWorkbook(sharedFixture("xicheng-kepu-2024-blank-total.xlsx")));
    expect(a.total).toMatchObject({ written: null, computed: 89.45, cell: "H28" });
    expect(a.grade).toMatchObject({ label: "良好", written: null, cell: "G29" });
    expect(errorsAndWarnings(a)).toEqual([]);
  });
});

describe("the project's own seed form", () => {
  it("gives the seed's result", () => {
    expectSeedResult(analyzeBook(buildSeedWorkbook()));
  });
  it("with mistakes: each found at its cell", () => {
    expectSeedMistakes(analyzeBook(buildSeedWorkbook({ variant: "errors" })));
  });
  it("the weight written 6 for 5: H14 is blamed on the weight, with no score to accept", () => {
    const f = findingAt(analyzeBook(buildSeedWorkbook({ variant: "errors" })), "SCORE_RULE", "H14");
    expect(f).toMatchObject({ severity: "warning" });
    expect(f?.suggestion).toBeUndefined();
    expect(f?.message).toContain("应为5分");
  });
  it("the project name in the sentence is the form's", () => {
    expect(analyzeBook(buildSeedWorkbook()).project.name).toBe(SEED_FACTS.projectName);
  });
  it("a grade written wrong is reported at its cell", () => {
    const book = buildSeedWorkbook({ variant: "blankTotal" });
    const g = book.sheets[0];
    g.set(29, 7, { value: "优秀" });
    const a = analyzeBook(book);
    expect(findingAt(a, "GRADE_MISMATCH", "G29")?.message).toContain("良好");
  });
  it("a total that leaves out the budget score says so", () => {
    const book = buildSeedWorkbook();
    book.sheets[0].set(28, 8, { value: 79.45 });
    const f = findingAt(analyzeBook(book), "TOTAL_MISMATCH", "H28");
    expect(f?.message).toContain("漏计了预算执行得分");
  });
});
