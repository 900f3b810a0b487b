// plan(analysis, book, choices) → WritePlan: what the write-back changes, decided once for both gateways.
import { HyperFormula } from "hyperformula";
import { analyze, findTableSheets } from "../src/core/analyze";
import { Grid, parseA1, type WorkbookGrids } from "../src/core/grid";
import type { Analysis } from "../src/core/model";
import {
  compactRanges,
  confirmOverwrites,
  gradeFormula,
  HIGHLIGHT_FILL,
  plan,
} from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import { uniqueSheetName, validSheetName } from "../src/core/sheetName";
import { undoOf, type PlanChoices, type WritePlan } from "../src/core/writePlan";
import { buildSeedForm, type SeedFormOptions } from "../scripts/samples/seedForm";
import { EXAMPLE_FORMS } from "./support/examples";

function analyzed(book: WorkbookGrids, profileId = "xicheng"): Analysis {
  const [sheet] = findTableSheets(book);
  return analyze(
    book.sheets.find((g) => g.sheet === sheet)!,
    getProfile(profileId)
  );
}

function setup(options: SeedFormOptions = {}, profileId = "xicheng") {
  const { workbook, layout } = buildSeedForm(options);
  return { book: workbook, layout, a: analyzed(workbook, profileId) };
}

const run = (options: SeedFormOptions, choices: Partial<PlanChoices> = {}) => {
  const s = setup(options);
  return { ...s, p: plan(s.a, s.book, choices) };
};

/** The book with the plan's writes made (values, formulas, fills), as a new set of grids. */
function applied(book: WorkbookGrids, p: WritePlan): WorkbookGrids {
  return {
    sheets: book.sheets.map((g) => {
      const out = new Grid(g.sheet, { merges: g.merges, protected: g.protected });
      for (let r = 1; r <= g.rows; r++)
        for (let c = 1; c <= g.cols; c++) {
          const cell = g.get(r, c);
          if (cell) out.set(r, c, { ...cell });
        }
      for (const w of p.writes.filter((x) => x.sheet === g.sheet)) {
        const at = parseA1(w.address);
        const old = out.get(at.row, at.col);
        if (w.fillOnly)
          out.set(at.row, at.col, { ...(old ?? { value: null }), fill: w.fill ?? null });
        else
          out.set(at.row, at.col, {
            value: w.value,
            ...(w.formula ? { formula: w.formula.slice(1) } : {}),
            ...((w.numFmt ?? old?.numFmt) ? { numFmt: w.numFmt ?? old?.numFmt } : {}),
            ...(w.fill !== undefined
              ? { fill: w.fill }
              : old?.fill !== undefined
                ? { fill: old.fill }
                : {}),
          });
      }
      return out;
    }),
  };
}

/** Evaluates a grid's formulas in HyperFormula: an engine that shares no code with ours. */
function evaluate(grid: Grid, address: string): unknown {
  const rows: unknown[][] = [];
  for (let r = 1; r <= grid.rows; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (!cell || !grid.isMaster(r, c)) row.push(null);
      else if (cell.formula) row.push(`=${cell.formula}`);
      else if (typeof cell.value === "string")
        row.push(/^[=']/.test(cell.value) ? `'${cell.value}` : cell.value);
      else row.push(cell.value);
    }
    rows.push(row);
  }
  const hf = HyperFormula.buildFromSheets(
    { [grid.sheet]: rows as never },
    { licenseKey: "gpl-v3" }
  );
  const p = parseA1(address);
  return hf.getCellValue({
    sheet: hf.getSheetId(grid.sheet) as number,
    row: p.row - 1,
    col: p.col - 1,
  });
}

const byPurpose = (p: WritePlan, purpose: string) => p.writes.filter((w) => w.purpose === purpose);

describe("the total and the grade", () => {
  it("blank-total form: a live formula into the 总分 得分 cell and a grade formula into the 绩效级别 cell, nothing else", () => {
    const { p } = run({ variant: "blankTotal" });
    expect(p.refusals).toEqual([]);
    expect(p.newSheets).toEqual([]);
    expect(p.writes.map((w) => [w.address, w.formula, w.value, w.label])).toEqual([
      ["H28", "=I6+SUM(H13:H27)", 89.45, "总分"],
      [
        "G29",
        '=IF(H28>=90,"优秀",IF(H28>=80,"良好",IF(H28>=60,"中等","较差")))',
        "良好",
        "绩效级别",
      ],
    ]);
    expect(p.writes.every((w) => w.before.value === null && w.sheet === "附件1")).toBe(true);
  });

  const layouts: [string, SeedFormOptions][] = [
    ["the seed layout", {}],
    ["starting at C4 after another sheet", { origin: "C4", sheetsBefore: ["说明"] }],
    ["placeholder rows between the indicators", { placeholderRows: true }],
    [
      "operator and unit columns, amounts in 元",
      { operatorUnitColumns: true, amountsInYuan: true },
    ],
    [
      "everything at once",
      {
        origin: "B3",
        weightsInLabels: true,
        percentAsNumbers: true,
        amountsInYuan: true,
        totalLabel: "合计",
        placeholderRows: true,
        emptyLevel2Row: true,
      },
    ],
  ];
  it.each(layouts)(
    "%s: HyperFormula evaluates the written formulas to 89.45 and 良好",
    (_n, options) => {
      const { book, layout, p } = run({ variant: "blankTotal", ...options });
      // weights that do not add up (the 服务贸易 form's 120) leave the grade unwritten, nothing else
      expect(p.refusals.filter((r) => r.reason !== "notComputable")).toEqual([]);
      const total = byPurpose(p, "total")[0];
      const grade = byPurpose(p, "grade")[0];
      expect([total.address, grade.address]).toEqual([
        layout.addresses.totalScore,
        layout.addresses.grade,
      ]);
      const after = applied(book, p).sheets.find((g) => g.sheet === layout.sheet)!;
      expect(evaluate(after, total.address)).toBeCloseTo(89.45, 10);
      expect(evaluate(after, grade.address)).toBe("良好");
      expect([total.value, grade.value]).toEqual([89.45, "良好"]);
    }
  );

  it("lists separate ranges when rows in between are not indicators", () => {
    expect(compactRanges(["H13", "H14", "H15", "H17", "H18", "H30"])).toEqual([
      "H13:H15",
      "H17:H18",
      "H30",
    ]);
    const { p } = run({ variant: "blankTotal", placeholderRows: true });
    expect(byPurpose(p, "total")[0].formula).toBe("=I6+SUM(H13:H17,H19:H28)");
  });

  it("writes values when asked", () => {
    const { p } = run({ variant: "blankTotal" }, { totalAs: "value", gradeAs: "value" });
    expect(p.writes.map((w) => [w.address, w.formula, w.value])).toEqual([
      ["H28", undefined, 89.45],
      ["G29", undefined, "良好"],
    ]);
  });

  it("builds the grade formula from the profile's bands", () => {
    expect(gradeFormula("H28", getProfile("central"))).toBe(
      '=IF(H28>=90,"优",IF(H28>=80,"良",IF(H28>=60,"中","差")))'
    );
    const custom = getProfile("central", {
      grades: [
        { label: '合"格', min: 60 },
        { label: "不合格", min: 0 },
      ],
    });
    expect(gradeFormula("B2", custom)).toBe('=IF(B2>=60,"合""格","不合格")');
  });

  it("rounds the formula when the profile rounds the total coarser than its scores", () => {
    const { book } = setup({ variant: "blankTotal" });
    const a = analyze(
      book.sheets[0],
      getProfile("xicheng", { rounding: { decimals: 1, mode: "halfUp" } })
    );
    const total = byPurpose(plan(a, book), "total")[0];
    expect(total.formula).toBe("=ROUND(I6+SUM(H13:H27),1)");
    expect(total.value).toBe(89.5);
    expect(evaluate(applied(book, plan(a, book)).sheets[0], "H28")).toBe(89.5);
  });

  it("refuses to overwrite a non-empty total cell unless the user confirmed it, keeping the old value for the undo", () => {
    const { a, book, p } = run({ variant: "errors" });
    expect(byPurpose(p, "total")).toEqual([]);
    expect(p.refusals).toEqual([
      expect.objectContaining({
        sheet: "附件1",
        address: "H28",
        reason: "nonEmpty",
        message: expect.stringContaining("H28 已有内容“90.1”：确认覆盖后再写回"),
      }),
    ]);
    const confirmed = plan(a, book, { overwrite: ["h28"] });
    expect(confirmed.refusals).toEqual([]);
    const total = byPurpose(confirmed, "total")[0];
    expect(total).toMatchObject({
      address: "H28",
      value: a.total.computed,
      before: { value: 90.1 },
    });
    expect(undoOf(confirmed).restores).toEqual([
      { sheet: "附件1", address: "H28", before: { value: 90.1 }, fillOnly: undefined },
    ]);
    expect(confirmOverwrites(a, book).writes).toEqual(confirmed.writes);
  });

  it("writes nothing and refuses nothing on a form that already holds the same formulas", () => {
    const { a, book, p } = run({ variant: "blankTotal" });
    const again = applied(book, p);
    const second = plan(analyzed(again), again);
    expect([second.writes, second.refusals]).toEqual([[], []]);
    expect(a.total.cell).toBe("H28");
  });

  it("the grade: into a cell the user names when the form has none, refused in a non-master merged cell or over content", () => {
    const none = run({});
    expect(byPurpose(none.p, "grade")).toEqual([]);
    const named = run({}, { gradeCell: "J28", overwrite: ["H28"] });
    expect(byPurpose(named.p, "grade")[0]).toMatchObject({
      address: "J28",
      value: "良好",
      formula: expect.stringContaining("IF(H28>=90"),
    });
    const merged = run({}, { gradeCell: "C28" });
    expect(merged.p.refusals).toContainEqual(
      expect.objectContaining({
        address: "C28",
        reason: "merged",
        message: expect.stringContaining("请改为写入 A28"),
      })
    );
    const full = run({}, { gradeCell: "G28" });
    expect(full.p.refusals).toContainEqual(
      expect.objectContaining({
        address: "G28",
        reason: "nonEmpty",
        message: expect.stringContaining("“100”"),
      })
    );
    const same = run({ variant: "blankTotal" }, { gradeCell: "H28" });
    expect(same.p.refusals).toEqual([]); // the form's own 绩效级别 cell wins over the one named
    const clash = run({}, { gradeCell: "h28", overwrite: ["H28"] });
    expect(clash.p.refusals).toContainEqual(
      expect.objectContaining({
        address: "H28",
        message: expect.stringContaining("已用于写入总分"),
      })
    );
    expect(clash.p.writes.map((w) => w.address)).toEqual(["H28"]);
    const bad = run({}, { gradeCell: "第29行" });
    expect(bad.p.refusals).toContainEqual(
      expect.objectContaining({
        reason: "invalidAddress",
        message: expect.stringContaining("不是有效的单元格地址"),
      })
    );
  });

  it("writes the grade as a value when the total cell keeps a wrong total (a formula over it would give the wrong grade)", () => {
    const { workbook } = buildSeedForm();
    workbook.sheets[0].set(28, 8, { value: 79.5 }); // typed by hand, wrong: the scores add up to 89.45
    const a = analyzed(workbook);
    const p = plan(a, workbook, { gradeCell: "J29" });
    expect(byPurpose(p, "grade")[0]).toMatchObject({ address: "J29", value: "良好" });
    expect(byPurpose(p, "grade")[0].formula).toBeUndefined();
  });

  it("writes no grade while the weights do not add up to 100 (分值合计101分): the grade would be a guess", () => {
    const { a, p } = run({ variant: "errors" }, { gradeCell: "J29" });
    expect(a.total.status).toBe("provisional");
    expect(byPurpose(p, "grade")).toEqual([]);
    expect(p.refusals.find((r) => r.address === "J29")).toMatchObject({
      reason: "notComputable",
      message: expect.stringContaining("分值合计101分"),
    });
  });

  it("refuses every write on a protected sheet, naming the sheet and what to do", () => {
    const { workbook } = buildSeedForm({ variant: "blankTotal" });
    const g = workbook.sheets[0];
    const locked = new Grid(g.sheet, { merges: g.merges, protected: true });
    for (let r = 1; r <= g.rows; r++)
      for (let c = 1; c <= g.cols; c++) if (g.get(r, c)) locked.set(r, c, g.get(r, c)!);
    const book = { sheets: [locked] };
    const p = plan(analyzed(book), book, { highlightErrors: true });
    expect(p.writes).toEqual([]);
    expect(p.refusals.map((r) => [r.address, r.reason])).toEqual([
      ["H28", "protected"],
      ["G29", "protected"],
    ]);
    expect(p.refusals[0].message).toContain("撤销工作表保护");
  });

  it("plans the writes on a protected sheet when the host checks each cell's lock (a template's unlocked cells)", () => {
    const { workbook } = buildSeedForm({ variant: "blankTotal" });
    const g = workbook.sheets[0];
    const locked = new Grid(g.sheet, { merges: g.merges, protected: true });
    for (let r = 1; r <= g.rows; r++)
      for (let c = 1; c <= g.cols; c++) if (g.get(r, c)) locked.set(r, c, g.get(r, c)!);
    const book = { sheets: [locked] };
    const p = plan(analyzed(book), book, { lockedCellsChecked: true });
    // the total and the grade are planned; the host refuses them if their cells turn out to be locked
    expect(p.writes.map((w) => w.address)).toEqual(["H28", "G29"]);
    expect(p.refusals.filter((r) => r.reason === "protected")).toEqual([]);
  });
});

describe("budget cells and accepted suggestions", () => {
  function blankBudget(): { book: WorkbookGrids; a: Analysis } {
    const { workbook } = buildSeedForm({ variant: "blankTotal" });
    workbook.sheets[0].set(6, 8, { value: null });
    workbook.sheets[0].set(6, 9, { value: null });
    return { book: workbook, a: analyzed(workbook) };
  }

  it("fills blank 执行率 and 得分 cells with live formulas, and the total counts the budget score", () => {
    const { book, a } = blankBudget();
    // the blank budget score counts as the rule gives it (the write-back fills it), so the total agrees with Excel after
    expect(a.total.computed).toBe(89.45);
    const p = plan(a, book);
    expect(p.writes.map((w) => [w.address, w.formula, w.value, w.numFmt])).toEqual([
      ["H6", "=F6/E6", 1, "0.00%"],
      ["I6", "=ROUND(G6*MIN(F6/E6,1),2)", 10, undefined],
      ["H28", "=I6+SUM(H13:H27)", 89.45, undefined],
      [
        "G29",
        '=IF(H28>=90,"优秀",IF(H28>=80,"良好",IF(H28>=60,"中等","较差")))',
        "良好",
        undefined,
      ],
    ]);
    const after = applied(book, p).sheets[0];
    expect([evaluate(after, "H6"), evaluate(after, "I6"), evaluate(after, "G29")]).toEqual([
      1,
      10,
      "良好",
    ]);
    expect(evaluate(after, "H28")).toBeCloseTo(89.45, 10);
  });

  it("leaves them alone when the user says so (the total is then 79.45, 中等)", () => {
    const { book, a } = blankBudget();
    const p = plan(a, book, { fillBudget: false });
    expect(p.writes.map((w) => [w.address, w.value])).toEqual([
      ["H28", 79.45],
      ["G29", "中等"],
    ]);
  });

  it("writes accepted suggestions as values, and the total and grade follow them", () => {
    const { a, book } = setup({ variant: "errors" });
    const suggestions = a.findings.filter(
      (f) => ["H15", "H22", "I6"].includes(f.cell) && f.suggestion !== undefined
    );
    expect(suggestions.map((f) => [f.cell, f.suggestion])).toEqual([
      ["I6", 10],
      ["H15", 5.4],
      ["H22", 7.92],
    ]);
    const p = plan(a, book, { acceptSuggestions: ["H15", "H22", "I6"], overwrite: ["H28"] });
    expect(p.refusals).toEqual([]);
    expect(byPurpose(p, "suggestedScore").map((w) => [w.address, w.value, w.before.value])).toEqual(
      [
        ["H15", 5.4, 5.6],
        ["H22", 7.92, 8],
        ["I6", 10, 9.5],
      ]
    );
    // the written total moves by exactly the accepted differences
    const expected =
      Math.round((a.total.computed + (5.4 - 5.6) + (7.92 - 8) + (10 - 9.5)) * 100) / 100;
    const total = byPurpose(p, "total")[0];
    expect(total.value).toBe(expected);
    expect(evaluate(applied(book, p).sheets[0], "H28")).toBeCloseTo(expected, 10);
  });

  it("refuses a suggestion the checker did not make", () => {
    const { p } = run({ variant: "errors" }, { acceptSuggestions: ["H13"] });
    expect(p.refusals).toContainEqual(
      expect.objectContaining({
        address: "H13",
        reason: "noSuggestion",
        message: expect.stringContaining("H13 没有可采用的建议得分"),
      })
    );
    expect(byPurpose(p, "suggestedScore")).toEqual([]);
  });
});

describe("highlights", () => {
  it("marks each cell with an error once, records the fill it had, and the next run removes the marks", () => {
    const { a, book } = setup({ variant: "errors" });
    const p = plan(a, book, { highlightErrors: true });
    const marks = byPurpose(p, "highlight");
    const errorCells = [
      ...new Set(a.findings.filter((f) => f.severity === "error").map((f) => f.cell)),
    ];
    expect(marks.map((w) => w.address).sort()).toEqual([...errorCells].sort());
    expect(marks.every((w) => w.fillOnly && w.fill === HIGHLIGHT_FILL)).toBe(true);
    expect(p.highlights).toEqual(
      marks.map((w) => ({ sheet: "附件1", address: w.address, fill: null }))
    );

    const marked = applied(book, p);
    const next = plan(analyzed(marked), marked, { previousHighlights: p.highlights });
    expect(next.writes.map((w) => [w.address, w.fill, w.fillOnly])).toEqual(
      marks.map((w) => [w.address, null, true])
    );
    expect(next.highlights).toEqual([]);
  });

  it("does not mark a cell the plan fixes", () => {
    const { p } = run(
      { variant: "errors" },
      { highlightErrors: true, overwrite: ["H28"], acceptSuggestions: ["H15"] }
    );
    const marked = byPurpose(p, "highlight").map((w) => w.address);
    expect(marked).not.toContain("H28");
    expect(marked).not.toContain("H15");
    expect(marked).toContain("H25");
  });
});

describe("the report sheet in the plan", () => {
  it("is added when asked; when taken, it replaces 自评报告 or, if asked, is named 自评报告 (2)", () => {
    expect(run({ variant: "blankTotal" }, { report: true }).p.newSheets.map((s) => s.name)).toEqual(
      ["自评报告"]
    );
    const { a, book } = setup({ variant: "blankTotal", sheetsBefore: ["自评报告"] });
    const again = plan(a, book, { report: true }).newSheets;
    expect(again.map((s) => [s.name, s.replaces?.name])).toEqual([["自评报告", "自评报告"]]);
    expect(plan(a, book, { report: true, onRepeat: "new" }).newSheets.map((s) => s.name)).toEqual([
      "自评报告 (2)",
    ]);
  });

  it("tells the form as it will read after the writes (accepted scores, written total)", () => {
    const { p } = run(
      { variant: "errors" },
      { report: true, acceptSuggestions: ["H15"], overwrite: ["H28"] }
    );
    const texts = p.newSheets[0].rows.flatMap((r) => r.cells.map((c) => String(c.value ?? "")));
    const total = byPurpose(p, "total")[0].value as number;
    expect(texts.some((t) => t.includes(`自评得分${total}分`))).toBe(true);
    expect(
      texts.some((t) => t.includes("实际完成值为270篇，完成率90%，得5.4分（分值6分），扣0.6分"))
    ).toBe(true);
  });
});

describe("sheet names", () => {
  it("follows Excel's rules: at most 31 characters, none of : \\ / ? * [ ]", () => {
    expect(validSheetName("自评报告")).toBe(true);
    for (const bad of [
      "",
      "a:b",
      "a\\b",
      "a/b",
      "a?b",
      "a*b",
      "a[b",
      "a]b",
      "x".repeat(32),
      "'引号",
      "History",
    ])
      expect([bad, validSheetName(bad)]).toEqual([bad, false]);
  });
  it("numbers a taken name, ignoring case, and keeps the result valid", () => {
    expect(uniqueSheetName("自评报告", ["附件1"])).toBe("自评报告");
    expect(uniqueSheetName("自评报告", ["自评报告", "自评报告 (2)"])).toBe("自评报告 (3)");
    expect(uniqueSheetName("Report", ["report"])).toBe("Report (2)");
    const long = "很长的名字".repeat(7);
    const name = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(validSheetName(name)).toBe(true);
    expect(name.endsWith(" (2)")).toBe(true);
    expect(uniqueSheetName("a/b:c", [])).toBe("a_b_c");
  });
});

describe("the five real example forms (EXAMPLES.md)", () => {
  it.each(EXAMPLE_FORMS.map((f) => [f.id, f] as const))(
    "%s: the formulas written evaluate, in HyperFormula, to the values the plan says they carry",
    (_id, form) => {
      const book = { sheets: [form.grid] };
      const a = analyze(form.grid, getProfile(form.profile));
      // the total cell already holds the right number on these forms: ask for the live formula explicitly
      const p = confirmOverwrites(a, book, {
        gradeCell: "Z1",
        report: true,
        overwrite: [form.cells.totalScore],
      });
      // weights that do not add up (the 服务贸易 form's 120) leave the grade unwritten, nothing else
      expect(p.refusals.filter((r) => r.reason !== "notComputable")).toEqual([]);
      const total = byPurpose(p, "total")[0];
      expect(total?.address).toBe(form.cells.totalScore);
      const after = applied(book, p).sheets[0];
      for (const w of p.writes.filter((x) => x.formula)) {
        const v = evaluate(after, w.address);
        if (typeof w.value === "number")
          expect([w.address, v]).toEqual([w.address, expect.closeTo(w.value, 9)]);
        else expect([w.address, v]).toEqual([w.address, w.value]);
      }
      if (a.total.status === "final")
        expect(byPurpose(p, "grade")[0].value).toBe(
          getProfile(form.profile).grades.find((g) => (total.value as number) >= g.min)?.label
        );
      else expect(p.refusals.map((r) => r.address)).toEqual(["Z1"]);
      expect(p.newSheets[0].rows.length).toBeGreaterThan(10);
    }
  );
});

describe("a form that is already right", () => {
  it("leaves a total typed by hand alone when it already holds the computed value", () => {
    const book = buildSeedForm().workbook;
    const a = analyze(book.sheets[0], getProfile("xicheng"));
    const p = plan(a, book);
    expect(p.writes.filter((w) => w.purpose === "total")).toEqual([]);
    expect(p.refusals).toEqual([]);
  });
});

describe("不适用 indicators", () => {
  it("the total written is the scaled one, as a value (a SUM formula could not scale it)", () => {
    const book = buildSeedForm({ variant: "blankTotal" }).workbook;
    const g = book.sheets[0];
    g.set(21, 5, { value: "不适用" });
    g.set(21, 6, { value: "不适用" });
    g.set(21, 8, { value: 0 });
    const a = analyze(g, getProfile("xicheng", { notApplicable: true }));
    expect(a.indicators.filter((i) => i.notApplicable).map((i) => i.row)).toEqual([21]);
    const total = plan(a, book).writes.find((w) => w.purpose === "total");
    expect(total).toMatchObject({ address: "H28", value: 88.89 });
    expect(total?.formula).toBeUndefined();
  });
});
