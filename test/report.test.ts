// The 绩效自评报告 built from an Analysis: the seed's sentences, numbers only from the table, drafts marked.
import JSZip from "jszip";
import { analyze } from "../src/core/analyze";
import { formatNumber } from "../src/core/decimal";
import { getProfile } from "../src/core/profiles";
import type { Analysis } from "../src/core/model";
import { plan } from "../src/core/plan";
import {
  buildReport,
  DRAFT_MARK,
  reportMarkdown,
  reportSheet,
  reportTexts,
  splitReason,
  textBar,
  type ReportDoc,
} from "../src/core/report";
import { buildSeedForm, buildSeedWorkbook, SEED_FACTS } from "../scripts/samples/seedForm";
import { applyPlanToXlsx } from "../src/xlsx/apply";
import { readWorkbook } from "../src/xlsx/read";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { analyzeBook, partsByLabel } from "./support/analyzeHelpers";
import { EXAMPLE_FORMS } from "./support/examples";
import { describeShared, sharedFixture } from "./support/shared";
import { loadExcel } from "./support/workbookDump";

const SEED_SENTENCE =
  "全区科普经费项目自评得分89.45分，绩效级别为“良好”。其中：预算执行10分，项目产出50.45分，项目效益24.6分，服务对象满意度4.4分。";

const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * The numbers an Analysis states: its numeric fields and the numbers written in its texts (targets, reasons, the
 * year…), plus what the report may derive from them: points lost (weight − score), the weight of a summary group
 * (Σ of its categories) and the counts of indicators. The profile's own settings are left out.
 */
function numbersOf(a: Analysis): Set<string> {
  const out = new Set<string>();
  const add = (x: number) => out.add(formatNumber(x, 6));
  const walk = (v: unknown) => {
    if (typeof v === "number") add(v);
    else if (typeof v === "string") for (const m of v.match(NUMBER) ?? []) out.add(m);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  const { profile: _profile, ...rest } = a;
  walk(rest);
  const lost = (w: number | null, s: number | null) => {
    if (w !== null && s !== null) add(Math.round((w - s) * 100) / 100);
  };
  for (const i of a.indicators) lost(i.weight, i.score);
  for (const c of a.categories) lost(c.weight, c.score.written);
  if (a.budget) lost(a.budget.weight, a.budget.score.written);
  lost(a.total.weight, a.total.computed);
  for (const sg of a.profile.summaryGroups) {
    const w = a.categories
      .filter((c) => sg.groups.includes(c.key))
      .reduce((s, c) => s + c.weight, 0);
    add(w);
    lost(w, partsByLabel(a)[sg.label] ?? null);
  }
  const full = a.indicators.filter(
    (i) => i.weight !== null && i.score !== null && i.score >= i.weight
  ).length;
  [a.indicators.length, full, a.indicators.length - full].forEach(add);
  return out;
}

function strayNumbers(doc: ReportDoc, a: Analysis): string[] {
  const allowed = numbersOf(a);
  return reportTexts(doc).flatMap((t) =>
    (t.match(NUMBER) ?? []).filter((n) => !allowed.has(n)).map((n) => `${n} in “${t}”`)
  );
}

function expectSeedReport(doc: ReportDoc, a: Analysis) {
  const texts = reportTexts(doc);
  expect(texts).toContain(SEED_SENTENCE);
  expect(doc.title).toBe("北京市西城区科学技术协会2024年度全区科普经费项目支出绩效自评报告");
  expect(texts.join("\n")).toContain("本年度支出137.85万元，支出率100%。");
  expect(strayNumbers(doc, a)).toEqual([]);
}

describeShared("the report on the shared seed fixture", () => {
  it("contains the seed's summary sentence exactly, and only numbers of the Analysis", async () => {
    const a = analyzeBook(await readWorkbook(sharedFixture("xicheng-kepu-2024.xlsx")));
    expectSeedReport(buildReport(a), a);
  });
});

describe("the report on the project's own seed form", () => {
  // in beforeEach: Stryker (npm run mutate) counts only what runs inside a test as that test's coverage
  let a: Analysis;
  let doc: ReportDoc;
  let texts: string[];
  let headings: string[];
  beforeEach(() => {
    a = analyzeBook(buildSeedWorkbook());
    doc = buildReport(a);
    texts = reportTexts(doc);
    headings = doc.blocks
      .filter((b) => b.kind === "heading")
      .map((b) => (b.kind === "heading" ? b.text : ""));
  });

  it("contains the seed's summary sentence exactly, and only numbers of the Analysis", () => {
    expectSeedReport(doc, a);
  });

  it("follows the official outline", () => {
    const level1 = doc.blocks
      .filter((b) => b.kind === "heading" && b.level === 1)
      .map((b) => (b.kind === "heading" ? b.text : ""));
    expect(level1).toEqual([
      "一、基本情况",
      "二、绩效评价工作开展情况",
      "三、综合评价情况及评价结论",
      "四、绩效评价指标分析",
      "五、主要经验及做法、存在的问题及原因分析",
      "六、有关建议",
    ]);
    expect(headings).toEqual(
      expect.arrayContaining([
        "（一）预算执行情况",
        "（二）项目产出指标",
        "（三）项目效益指标",
        "（四）服务对象满意度指标",
      ])
    );
  });

  it("states the funding with amounts and unit, the goals, and the counts of indicators", () => {
    expect(texts).toContain(
      "年初预算数为137.85万元，全年预算数为137.85万元，全年执行数为137.85万元。本年度支出137.85万元，支出率100%。"
    );
    expect(texts).toContain(`年度总体目标：${SEED_FACTS.goals.expected}`);
    expect(texts).toContain("本项目共设置绩效指标15个，其中7个全部完成，8个未完全完成。");
  });

  it("has one paragraph per indicator that lost points: target, actual, completion, score of weight, points lost, reason", () => {
    const lost = SEED_FACTS.indicators.filter((i) => i.score < i.weight);
    const paragraphs = texts.filter((t) => lost.some((i) => t.startsWith(`${i.name}：`)));
    expect(paragraphs).toHaveLength(8);
    expect(texts).toContain(
      "“西城科普进行时”公众号发布科普文章：年度指标值为≥300篇，实际完成值为270篇，完成率90%，得5.4分（分值6分），扣0.6分。主要原因：下半年编辑力量不足，发文量未达预期；下一步充实编辑队伍，建立选题储备。"
    );
    expect(texts).toContain(
      "科普品牌活动持续影响力：年度指标值为“持续扩大”，实际完成情况为“部分达成年度指标并具有一定效果”，得6.1分（分值10分），扣3.9分。主要原因：项目执行考核力度不足；下一步建立活动效果跟踪考核机制。"
    );
    // indicators with full marks get no paragraph of their own
    expect(texts.some((t) => t.startsWith("项目总成本："))).toBe(false);
  });

  it("has a score table whose groups add up to the total, with a bar per group", () => {
    const table = doc.blocks.find((b) => b.kind === "table");
    if (!table || table.kind !== "table") throw new Error("no table");
    expect(table.header).toEqual(["类别", "分值", "得分", "扣分"]);
    expect(table.rows).toEqual([
      ["预算执行", 10, 10, 0],
      ["项目产出", 55, 50.45, 4.55],
      ["项目效益", 30, 24.6, 5.4],
      ["服务对象满意度", 5, 4.4, 0.6],
      ["合计", 100, 89.45, 10.55],
    ]);
    expect(table.bars?.map((b) => textBar(b))).toEqual([
      "██████████",
      "█████████░",
      "████████░░",
      "█████████░",
      "█████████░",
    ]);
  });

  it("drafts 五 and 六 from the reasons, every draft marked 【待完善】", () => {
    const drafts = doc.blocks.filter((b) => b.kind === "paragraph" && b.draft);
    expect(drafts.length).toBeGreaterThan(10);
    expect(drafts.every((b) => b.kind === "paragraph" && b.text.startsWith(DRAFT_MARK))).toBe(true);
    expect(texts).toContain("【待完善】科普品牌活动持续影响力（扣3.9分）：项目执行考核力度不足。");
    expect(texts).toContain(
      "【待完善】“西城科普进行时”公众号发布科普文章：充实编辑队伍，建立选题储备。"
    );
    // a paragraph that is not a draft never carries the mark
    expect(
      doc.blocks.some((b) => b.kind === "paragraph" && !b.draft && b.text.includes(DRAFT_MARK))
    ).toBe(false);
  });

  it("splits a reason into cause and measure", () => {
    expect(splitReason("受场地协调影响，3场活动延至次年开展；下一步提前统筹活动场地。")).toEqual({
      cause: "受场地协调影响，3场活动延至次年开展",
      measure: "提前统筹活动场地",
    });
    expect(splitReason("经费紧张。")).toEqual({ cause: "经费紧张", measure: "" });
  });

  it("as Markdown: headings, the paragraphs and the table", () => {
    const md = reportMarkdown(doc);
    expect(md.startsWith(`# ${doc.title}\n`)).toBe(true);
    expect(md).toContain("\n## 三、综合评价情况及评价结论\n");
    expect(md).toContain(`\n${SEED_SENTENCE}\n`);
    expect(md).toContain("| 项目产出 | 55 | 50.45 | 4.55 | █████████░ |");
    expect(
      reportMarkdown({
        title: "t",
        blocks: [{ kind: "paragraph", text: "# 不是标题 *也不是强调* a|b" }],
      })
    ).toContain("\\# 不是标题 \\*也不是强调\\* a\\|b");
  });
});

describe("the report on a form with mistakes", () => {
  let a: Analysis;
  let doc: ReportDoc;
  beforeEach(() => {
    a = analyzeBook(buildSeedWorkbook({ variant: "errors" }));
    doc = buildReport(a);
  });
  it("prints only numbers of the Analysis, and asks for the reason the form does not give", () => {
    expect(strayNumbers(doc, a)).toEqual([]);
    const texts = reportTexts(doc);
    const noReason = texts.find((t) => t.startsWith("科技工作者“周末带娃行”活动："));
    expect(noReason).toContain("主要原因：【待完善】表中未填写偏差原因，请补充。");
    expect(doc.blocks.find((b) => b.kind === "paragraph" && b.text === noReason)).toMatchObject({
      draft: true,
    });
    expect(texts).toContain(a.summary.sentence);
  });
});

describe("the report on forms unlike the seed (EXAMPLES.md)", () => {
  it("a form without a 分值 column prints no weight, no points lost and no bar, rather than zeros", () => {
    const form = EXAMPLE_FORMS.find((f) => f.id === "hubei-yuye-2020")!;
    const a = analyze(form.grid, getProfile(form.profile));
    const doc = buildReport(a);
    const table = doc.blocks.find((b) => b.kind === "table");
    if (!table || table.kind !== "table") throw new Error("no table");
    const output = table.rows.find((r) => r[0] === "项目产出");
    expect(output).toEqual(["项目产出", "—", 40, "—"]);
    expect(textBar(table.bars?.[table.rows.indexOf(output!)] ?? 0)).toBe("");
    expect(reportTexts(doc).join("\n")).not.toMatch(/分值0分|均得满分/);
    expect(reportTexts(doc)).toContain("项目产出指标共3个，得40分。");
    expect(reportTexts(doc)).toContain(
      "本项目共设置绩效指标4个（表中没有分值，无法判断各指标是否得满分）。"
    );
    expect(strayNumbers(doc, a)).toEqual([]);
  });

  it.each(EXAMPLE_FORMS.map((f) => [f.id, f] as const))(
    "%s: only numbers of the Analysis, and its summary sentence",
    (_id, form) => {
      const a = analyze(form.grid, getProfile(form.profile));
      const doc = buildReport(a);
      expect(strayNumbers(doc, a)).toEqual([]);
      expect(reportTexts(doc)).toContain(a.summary.sentence);
    }
  );

  it("a bar is full only at full marks", () => {
    expect([textBar(1), textBar(0.968), textBar(0.5), textBar(0), textBar(NaN)]).toEqual([
      "██████████",
      "█████████░",
      "█████░░░░░",
      "░░░░░░░░░░",
      "",
    ]);
  });
});

describe("the report sheet", () => {
  let a: Analysis;
  let doc: ReportDoc;
  beforeEach(() => {
    a = analyzeBook(buildSeedWorkbook());
    doc = buildReport(a);
  });
  it("holds every text of the report, in order, as text or numbers", () => {
    const sheet = reportSheet(doc, ["附件1"]);
    expect(sheet.name).toBe("自评报告");
    const values = sheet.rows.flatMap((r) => r.cells.map((c) => c.value));
    expect(values.every((v) => v === null || typeof v === "string" || typeof v === "number")).toBe(
      true
    );
    const strings = values.filter((v) => v !== null).map(String);
    const expected = reportTexts(doc);
    let at = 0;
    for (const t of expected) {
      const k = strings.indexOf(t, at);
      expect([t, k >= 0]).toEqual([t, true]);
      at = k + 1;
    }
    expect(sheet.rows[0]).toMatchObject({ style: "title", span: 5 });
  });

  it("a name or reason that starts with = + - @ ends up as that text, never a formula", async () => {
    const { workbook } = buildSeedForm({ variant: "blankTotal" });
    const g = workbook.sheets[0];
    const name = '=HYPERLINK("http://example.com","点我")';
    const reasons = {
      13: "=1+1 场地受限；下一步提前统筹场地。",
      15: "+3 编辑力量不足；下一步充实队伍。",
      17: "-受天气影响；下一步制定备选方案。",
    };
    g.set(13, 4, { value: name });
    g.set(15, 4, { value: "@公众号发布科普文章" });
    for (const [row, text] of Object.entries(reasons)) g.set(Number(row), 9, { value: text });
    const original = await gridsToXlsx(workbook);
    const book = await readWorkbook(original);
    const fa = analyzeBook(book);
    expect(fa.indicators.map((i) => i.name)).toContain(name);
    const p = plan(fa, book, { report: true });
    const { data } = await applyPlanToXlsx(original, p);
    const ws = (await loadExcel(data)).getWorksheet("自评报告");
    const cells: unknown[] = [];
    ws?.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells.every((v) => typeof v === "string" || typeof v === "number")).toBe(true);
    const strings = cells as string[];
    expect(
      strings.some((s) => typeof s === "string" && s.startsWith(`${name}：年度指标值为≥30场`))
    ).toBe(true);
    expect(
      strings.some((s) => typeof s === "string" && s.startsWith("@公众号发布科普文章："))
    ).toBe(true);
    for (const text of Object.values(reasons))
      expect(strings.some((s) => typeof s === "string" && s.includes(`主要原因：${text}`))).toBe(
        true
      );
    // and in the file itself: no formula anywhere in the report sheet
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file("xl/worksheets/sheet2.xml")?.async("string");
    expect(xml).toBeDefined();
    expect(xml).not.toMatch(/<f[ >]/);
  });
});
