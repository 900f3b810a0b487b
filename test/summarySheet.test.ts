// The summary builder: what a bureau sees first (worst forms on top, the problems in words, the counts).
import type { CheckJson, CheckJsonFailure } from "../src/core/contract";
import { buildSummary, linkTo, summarySheets } from "../src/core/summarySheet";

function form(
  file: string,
  total: number,
  grade: string,
  findings: { severity: string; cell: string; message: string }[] = []
): CheckJson {
  return {
    file,
    sheet: "附件1",
    sheetHidden: false,
    profile: "xicheng",
    profileReason: "",
    project: { name: `${file}项目`, dept: "", unit: "某单位", year: "2024", moneyUnit: "万元" },
    budget: {
      weight: 10,
      planned: 100,
      adjusted: 80,
      executed: 60,
      rate: 75,
      score: { written: 7.5, rule: 7.5 },
      cells: { rate: "H6", score: "I6" },
    },
    groups: [],
    total: {
      weight: 100,
      written: total,
      computed: total,
      suggested: total,
      cell: "H28",
      status: "final",
      note: null,
    },
    grade: { label: grade, written: grade, cell: "H29" },
    summary: { sentence: "", parts: {} },
    skippedChecks: [],
    findings: findings.map((f) => ({ ...f, code: "SCORE_RANGE", sheet: "附件1" })),
  };
}

const broken: CheckJsonFailure = {
  file: "坏.xlsx",
  sheet: null,
  error: "无法读取文件：不是有效的 .xlsx 工作簿",
  findings: [],
};

const err = (cell: string) => ({ severity: "error", cell, message: `${cell}超出分值。` });

describe("buildSummary", () => {
  const s = buildSummary([
    form("好.xlsx", 92, "优秀"),
    form("警.xlsx", 85, "良好", [{ severity: "warning", cell: "J15", message: "缺少原因" }]),
    form("错.xlsx", 70, "中等", [err("H13"), err("H14"), err("H15"), err("H16")]),
    broken,
  ]);

  it("puts the unreadable file first, then errors, then warnings, then the forms that pass", () => {
    expect(s.rows.map((r) => r.file)).toEqual(["坏.xlsx", "错.xlsx", "警.xlsx", "好.xlsx"]);
    expect(s.rows.map((r) => r.status)).toEqual(["unreadable", "errors", "warnings", "ok"]);
  });

  it("spells out the first three problems and points to 问题清单 for the rest", () => {
    expect(s.rows[1].problems).toBe(
      "H13 H13超出分值；H14 H14超出分值；H15 H15超出分值；另有1项见问题清单"
    );
    expect(s.rows[0].problems).toBe("无法读取文件：不是有效的 .xlsx 工作簿");
  });

  it("takes the adjusted budget (80, not the planned 100) and counts forms by grade and status", () => {
    expect(s.rows[3].budget).toBe(80);
    expect(s.overview.forms).toBe(4);
    expect(s.overview.byGrade).toEqual([
      { label: "中等", count: 1 },
      { label: "良好", count: 1 },
      { label: "优秀", count: 1 },
    ]);
    expect(s.overview.byStatus.map((x) => `${x.label}${x.count}`)).toEqual([
      "无法读取1",
      "有错误1",
      "有警告1",
      "通过1",
    ]);
  });

  it("lists every finding, and the unreadable file's reason, in 问题清单", () => {
    expect(s.problems).toHaveLength(1 + 4 + 1);
    expect(s.problems[0]).toMatchObject({ file: "警.xlsx", cell: "J15", severity: "warning" });
    expect(s.problems[5]).toMatchObject({ file: "坏.xlsx", cell: "", message: broken.error });
  });
});

describe("summarySheets", () => {
  it("links to another file's cell, quoting a sheet name with an apostrophe as Excel does", () => {
    expect(linkTo("单位/表.xlsx", "附件1", "H28")).toBe("单位/表.xlsx#'附件1'!H28");
    expect(linkTo("", "Bob's", "A1")).toBe("#'Bob''s'!A1");
  });

  it("avoids a sheet name the workbook already has and freezes the table's header", () => {
    const [summary, problems] = summarySheets(buildSummary([form("a.xlsx", 90, "优秀")]), {
      existingSheetNames: ["汇总"],
      linkBase: () => "",
    });
    expect(summary.name).toBe("汇总 (2)");
    expect(problems.name).toBe("问题清单");
    const header = summary.rows.findIndex((r) => r.cells[0]?.value === "文件") + 1;
    expect(summary.freeze).toEqual({ rows: header, columns: 1 });
    expect(summary.rows[header].cells[0].link).toBe("#'附件1'!H28");
  });
});
