// Which rules apply, read off the form (issue 8 item 4, issue 10): a form from 北京市西城区 never opens silently
// under the central rules, a 湖北 form made on the central template follows what it prints, and the user is told why.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Output } from "../src/cli/main";
import { analyze } from "../src/core/analyze";
import { detectProfile } from "../src/core/detectProfile";
import { Grid, type CellValue } from "../src/core/grid";
import {
  analyzeWorkbookResolved,
  describeResolved,
  PROFILE_CHOICES,
  resolveProfile,
} from "../src/core/profileChoice";
import { getProfile, ProfileError } from "../src/core/profiles";
import { findIndicatorHeaders } from "../src/core/locate";
import { parseForm } from "../src/core/parse";
import { readWorkbook } from "../src/xlsx/read";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { EXAMPLE_FORMS } from "./support/examples";

const SAMPLES = path.resolve(__dirname, "../assets/samples");
const sample = (name: string) => path.join(SAMPLES, name);

async function sampleGrid(name: string): Promise<Grid> {
  const book = await readWorkbook(new Uint8Array(fs.readFileSync(sample(name))));
  return book.sheets.find((g) => g.sheet === "附件1")!;
}

// ---------------------------------------------------------------------------------------------------------------
// A hand-made 自评表: title, 项目名称, 主管部门 / 实施单位, the funding block, 年度总体目标, the indicator block and 总分.

interface Row {
  l1: string;
  l2: string;
  name: string;
  weight: number;
  score?: number;
}

interface FormSpec {
  title?: string;
  name?: string;
  dept?: string;
  unit?: string;
  /** The budget's 分值 cell; null leaves it empty. */
  budgetWeight?: number | null;
  /** Text of the funding block label, e.g. 预算执行情况(万元)(20分). */
  fundingLabel?: string;
  /** The leftmost label of the indicator block, e.g. 年度绩效目标(80分). */
  blockLabel?: string;
  rows: Row[];
  /** 指标性质 and 度量单位 columns (四川 style). */
  operatorColumns?: boolean;
  /** No 分值 column: weights only in the 一级 labels. */
  noWeightColumn?: boolean;
}

/** 55/20/10/5 with 可持续影响 as a 二级 under 效益 (as in the seed form). */
const XICHENG_ROWS: Row[] = [
  { l1: "产出指标", l2: "数量指标", name: "举办科普活动", weight: 30 },
  { l1: "产出指标", l2: "质量指标", name: "活动覆盖率", weight: 25 },
  { l1: "效益指标", l2: "社会效益指标", name: "公众科学素质提升", weight: 20 },
  { l1: "效益指标", l2: "可持续影响指标", name: "科普阵地长效运行", weight: 10 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "参与群众满意度", weight: 5 },
];

/** 50/30/10 of the central template. */
const CENTRAL_ROWS: Row[] = [
  { l1: "产出指标", l2: "数量指标", name: "培训人次", weight: 25 },
  { l1: "产出指标", l2: "时效指标", name: "按时完成率", weight: 25 },
  { l1: "效益指标", l2: "社会效益指标", name: "受益群众", weight: 30 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", weight: 10 },
];

/** Weights that follow no template (产出 60, 效益 20). */
const FREE_ROWS: Row[] = [
  { l1: "产出指标", l2: "数量指标", name: "完成项目数", weight: 40 },
  { l1: "产出指标", l2: "质量指标", name: "验收合格率", weight: 20 },
  { l1: "效益指标", l2: "社会效益指标", name: "受益人口", weight: 20 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", weight: 10 },
];

function buildForm(spec: FormSpec): Grid {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const add = (cells: CellValue[]) => rows.push(cells) && rows.length;
  add([spec.title ?? "项目支出绩效自评表"]);
  add(["（2024年度）"]);
  add(["项目名称", spec.name ?? "科普宣传经费"]);
  add(["主管部门", spec.dept ?? "", null, "实施单位", spec.unit ?? ""]);
  const budgetWeight = spec.budgetWeight === undefined ? 10 : spec.budgetWeight;
  const fh = add([
    spec.fundingLabel ?? "项目资金（万元）",
    null,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
  ]);
  add([null, "年度资金总额", 100, 100, 100, budgetWeight, "100%", budgetWeight]);
  merges.push(`A${fh}:A${fh + 1}`);
  add(["年度总体目标", "完成年度科普任务", null, null, "已完成"]);

  const op = spec.operatorColumns === true;
  const hasWeight = spec.noWeightColumn !== true;
  // columns: A block label | B 一级 | C 二级 | D 三级 | [指标性质] | 指标值 | [度量单位] | 实际完成值 | [分值] | 得分 | 原因
  const header: CellValue[] = [spec.blockLabel ?? "绩效指标", "一级指标", "二级指标", "三级指标"];
  if (op) header.push("指标性质");
  header.push("年度指标值");
  if (op) header.push("度量单位");
  header.push("实际完成值");
  if (hasWeight) header.push("分值");
  header.push("得分", "偏差原因分析及改进措施");
  const ih = add(header);
  const byL1 = new Map<string, number>();
  for (const r of spec.rows) byL1.set(r.l1, (byL1.get(r.l1) ?? 0) + r.weight);
  for (const r of spec.rows) {
    const l1 = hasWeight ? r.l1 : `${r.l1}（${byL1.get(r.l1)}分）`;
    const cells: CellValue[] = [null, l1, r.l2, r.name];
    if (op) cells.push("≥");
    cells.push(op ? 100 : "≥100");
    if (op) cells.push("人");
    cells.push(op ? 100 : "100");
    if (hasWeight) cells.push(r.weight);
    cells.push(r.score ?? r.weight, "");
    add(cells);
  }
  const last = rows.length;
  merges.push(`A${ih}:A${last}`);
  const total = budgetWeight ?? 0;
  const totalRow: CellValue[] = ["总分", null, null, null];
  if (op) totalRow.push(null, null);
  totalRow.push(null, null);
  if (hasWeight) totalRow.push(100);
  totalRow.push(spec.rows.reduce((s, r) => s + (r.score ?? r.weight), total));
  add(totalRow);
  return Grid.fromRows("附件1", rows, { merges });
}

// ---------------------------------------------------------------------------------------------------------------

describe("the bundled sample of 北京市西城区 opens under its own rules", () => {
  it("the seed form → xicheng, the reason names 主管部门", async () => {
    const d = detectProfile(await sampleGrid("xicheng-kepu-2024.xlsx"));
    expect(d.id).toBe("xicheng");
    expect(d.reason).toMatch(/^按北京市西城区规则：主管部门为北京市西城区科学技术协会/);
    // the printed weights agree and are said so
    expect(d.reason).toContain("产出55分、效益20分、可持续影响10分、满意度5分");
    expect(d.evidence[0]).toMatchObject({ kind: "groupWeights", profile: "xicheng" });
  });

  it("the form with mistakes (weights off by one) is still recognised by its 主管部门", async () => {
    const d = detectProfile(await sampleGrid("xicheng-kepu-2024-errors.xlsx"));
    expect(d.id).toBe("xicheng");
    expect(d.reason).toBe("按北京市西城区规则：主管部门为北京市西城区科学技术协会。");
  });

  it("written back under the detected rules, the grade is 良好, not the central 良", async () => {
    const grid = await sampleGrid("xicheng-kepu-2024-blank-total.xlsx");
    const r = resolveProfile(grid, "auto");
    expect(analyze(grid, r.profile).grade.label).toBe("良好");
    expect(analyze(grid, getProfile("central")).grade.label).toBe("良");
  });
});

describe("the EXAMPLES forms", () => {
  const example = (id: string) => EXAMPLE_FORMS.find((e) => e.id === id)!;

  it.each([
    ["hubei-ezhou-2022", "hubei", "主管部门为鄂州市科学技术协会（湖北省）；表中预算执行20分"],
    ["hubei-fuwumaoyi-2020", "hubei", "“年度绩效目标”为80分"],
    // 洪湖 is not in the region list: the printed budget weight alone says 湖北
    ["hubei-yuye-2020", "hubei", "未识别出地区；表中预算执行20分"],
    // Beijing, but 海淀 not 西城: the printed 50/30/10
    ["beijing-haidian-2016", "central", "表中预算执行10分、产出50分、效益30分、满意度10分"],
    ["chongqing-zhongxian-2024", "central", "表中预算执行10分、产出50分、效益30分、满意度10分"],
  ])("%s → %s", (id, profile, because) => {
    const d = detectProfile(example(id).grid);
    expect(d.id).toBe(profile);
    expect(d.reason).toContain(because);
    expect(d.id).toBe(example(id).profile);
  });
});

describe("hand-made forms", () => {
  describe("四川 forms with 指标性质 and 度量单位 columns → sichuan", () => {
    it.each([
      ["主管部门", { dept: "四川省科学技术协会" }, "主管部门为四川省科学技术协会"],
      ["实施单位 in 成都", { unit: "成都市青羊区科协" }, "实施单位为成都市青羊区科协（四川省）"],
      [
        "项目名称 naming 绵阳",
        { name: "绵阳市科普大篷车项目" },
        "项目名称为“绵阳市科普大篷车项目”",
      ],
    ])("%s", (_label, where, because) => {
      const d = detectProfile(buildForm({ ...where, rows: FREE_ROWS, operatorColumns: true }));
      expect(d.id).toBe("sichuan");
      expect(d.reason).toContain(because);
      expect(d.reason).toContain("“指标性质”、“度量单位”列");
    });

    it("a 四川 form whose free weights happen to read 50/30/10 keeps the 四川 rules", () => {
      const d = detectProfile(
        buildForm({ dept: "泸州市农业农村局", rows: CENTRAL_ROWS, operatorColumns: true })
      );
      expect(d.id).toBe("sichuan");
    });

    it("no region, 绩效指标(90分) over the indicators → sichuan by the printed weight", () => {
      const d = detectProfile(buildForm({ blockLabel: "绩效指标(90分)", rows: FREE_ROWS }));
      expect(d.id).toBe("sichuan");
      expect(d.reason).toContain("“绩效指标”为90分");
    });

    it("no region, only the operator and unit columns → sichuan, and says it is the columns", () => {
      const d = detectProfile(buildForm({ rows: FREE_ROWS, operatorColumns: true }));
      expect(d.id).toBe("sichuan");
      expect(d.reason).toBe(
        "按四川省规则：未识别出地区；表中有“指标性质”、“度量单位”列，是该规则的表式。"
      );
    });

    it("the operator and unit columns under the 50/30/10 template and no region → central", () => {
      const d = detectProfile(buildForm({ rows: CENTRAL_ROWS, operatorColumns: true }));
      expect(d.id).toBe("central");
    });
  });

  describe("a 湖北 form printed on the central template → central, without a budget-weight warning", () => {
    const variants: [string, Partial<FormSpec>][] = [
      ["武汉 in 主管部门, weights in the 分值 column", { dept: "武汉市江岸区科学技术协会" }],
      ["湖北 in the title", { title: "湖北省省级项目支出绩效自评表" }],
      [
        "十堰 in 实施单位, weights only in the labels",
        { unit: "十堰市图书馆", noWeightColumn: true },
      ],
    ];
    it.each(variants)("%s", (_label, where) => {
      const grid = buildForm({ ...where, rows: CENTRAL_ROWS, budgetWeight: 10 });
      const r = resolveProfile(grid, "auto");
      expect(r.profile.id).toBe("central");
      expect(r.reason).toMatch(/但表中预算执行10分、产出50分、效益30分、满意度10分，按中央部门/);
      const budgetWarning = (p: typeof r.profile) =>
        analyze(grid, p).findings.filter((f) => f.message.includes("预算执行分值"));
      expect(budgetWarning(r.profile)).toEqual([]);
      // under the 湖北 rules the same form would be told its budget weight is wrong
      expect(budgetWarning(getProfile("hubei"))).toHaveLength(1);
    });

    it("a 湖北 form that prints budget 20 stays hubei", () => {
      const d = detectProfile(buildForm({ dept: "黄冈市科协", rows: FREE_ROWS, budgetWeight: 20 }));
      expect(d.id).toBe("hubei");
      expect(d.reason).toBe(
        "按湖北省规则：主管部门为黄冈市科协（湖北省）；表中预算执行20分，与该规则一致。"
      );
    });

    it("a 湖北 form that prints budget 10 and free groups keeps hubei with the printed budget weight", () => {
      const grid = buildForm({ dept: "荆门市科协", rows: FREE_ROWS, budgetWeight: 10 });
      const r = resolveProfile(grid, "auto");
      expect(r.profile.id).toBe("hubei");
      expect(r.profile.budgetWeight).toBe(10);
      expect(r.detection?.adjustments).toEqual({ budgetWeight: 10 });
      expect(r.reason).toContain("表中预算执行10分（该规则为20分），按表中分值计分");
      const a = analyze(grid, r.profile);
      expect(a.findings.filter((f) => f.message.includes("预算执行分值"))).toEqual([]);
      expect(a.budget?.weight).toBe(10);
    });
  });

  describe("a 西城 form never opens silently under the central rules", () => {
    it("西城 on the central template → central, and the reason names 西城", () => {
      const d = detectProfile(buildForm({ dept: "北京市西城区教育委员会", rows: CENTRAL_ROWS }));
      expect(d.id).toBe("central");
      expect(d.reason).toContain("主管部门为北京市西城区教育委员会，但表中预算执行10分");
    });

    it("西城 with weights that follow no template → xicheng", () => {
      const d = detectProfile(buildForm({ unit: "西城区什刹海街道办事处", rows: FREE_ROWS }));
      expect(d.id).toBe("xicheng");
      expect(d.reason).toBe(
        "按北京市西城区规则：实施单位为西城区什刹海街道办事处（北京市西城区）。"
      );
    });
  });

  describe("no region words, 55/20/10/5 → xicheng by the weights", () => {
    const FOUR = "产出55分、效益20分、可持续影响10分、满意度5分";
    it.each([
      ["可持续影响 as a 二级 under 效益", { rows: XICHENG_ROWS }, FOUR],
      [
        "可持续影响 as its own 一级",
        {
          rows: XICHENG_ROWS.map((r) =>
            r.l2 === "可持续影响指标" ? { ...r, l1: "可持续影响指标" } : r
          ),
        },
        FOUR,
      ],
      // 可持续影响 has no weight of its own on this form: only what is printed is named
      [
        "weights only in the 一级 labels",
        { rows: XICHENG_ROWS, noWeightColumn: true },
        "产出55分、效益30分、满意度5分",
      ],
      [
        "a unit of another Beijing district",
        { dept: "北京市东城区科协", rows: XICHENG_ROWS },
        FOUR,
      ],
    ] as [string, FormSpec, string][])("%s", (_label, spec, printed) => {
      const d = detectProfile(buildForm(spec));
      expect(d.id).toBe("xicheng");
      expect(d.reason).toBe(
        `按北京市西城区规则：未识别出地区；表中预算执行10分、${printed}，是该规则的分值。`
      );
    });
  });

  describe("nothing to go on → central, saying no region was recognised", () => {
    const NONE =
      "按中央部门（财预〔2020〕10号）规则：标题、主管部门、实施单位和项目名称中未识别出地区，表中分值也不指向其他规则。";
    it.each([
      ["free weights, budget 10", { rows: FREE_ROWS }],
      ["a 上海 unit", { dept: "上海市科学技术协会", rows: FREE_ROWS }],
      [
        "no budget weight and no 分值 column",
        { rows: FREE_ROWS, budgetWeight: null, noWeightColumn: true },
      ],
      ["empty 主管部门 and 实施单位, budget 10 only", { rows: FREE_ROWS.slice(0, 2) }],
    ] as [string, FormSpec][])("%s", (_label, spec) => {
      const d = detectProfile(buildForm(spec));
      expect(d.id).toBe("central");
      expect(d.reason).toBe(NONE);
    });

    it("a sheet without an indicator table", () => {
      const d = detectProfile(Grid.fromRows("说明", [["这里只有说明文字"]]));
      expect(d.id).toBe("central");
      expect(d.reason).toContain("没有找到绩效指标表");
    });
  });

  it("two regions named: 主管部门 decides, and both are kept as evidence", () => {
    const d = detectProfile(
      buildForm({ dept: "湖北省对口支援办公室", unit: "阿坝州援建项目部", rows: FREE_ROWS })
    );
    expect(d.id).toBe("hubei");
    expect(d.evidence.filter((e) => e.kind === "region").map((e) => e.profile)).toEqual([
      "hubei",
      "sichuan",
    ]);
  });

  it("a form already parsed gives the same answer as its grid", () => {
    const grid = buildForm({ dept: "宜宾市科协", rows: FREE_ROWS, operatorColumns: true });
    const form = parseForm(grid, findIndicatorHeaders(grid, 1)[0]);
    expect(detectProfile(form).reason).toBe(detectProfile(grid).reason);
    expect(detectProfile(form).id).toBe("sichuan");
  });

  it("no region, budget 20 in the funding label → hubei", () => {
    const d = detectProfile(
      buildForm({
        fundingLabel: "预算执行情况(万元)(20分)",
        budgetWeight: null,
        rows: FREE_ROWS,
      })
    );
    expect(d.id).toBe("hubei");
    expect(d.reason).toBe("按湖北省规则：未识别出地区；表中预算执行20分，是该规则的分值。");
  });
});

describe("resolveProfile and the workbook", () => {
  it("a named profile is used as chosen, and says so", () => {
    const grid = buildForm({ dept: "北京市西城区科协", rows: XICHENG_ROWS });
    const r = resolveProfile(grid, "central");
    expect(r.profile.id).toBe("central");
    expect(r.reason).toBe("按用户选择的中央部门（财预〔2020〕10号）规则。");
    expect(describeResolved(r)).toBe("中央部门（财预〔2020〕10号）（用户指定）");
  });

  it("auto then the user's adjustments: the detected profile with the user's grade labels", () => {
    const grid = buildForm({ dept: "北京市西城区科协", rows: XICHENG_ROWS });
    const grades = [
      { label: "甲", min: 85 },
      { label: "乙", min: 0 },
    ];
    const r = resolveProfile(grid, "auto", { grades });
    expect(r.profile.id).toBe("xicheng");
    expect(r.profile.grades).toEqual(grades);
    expect(describeResolved(r)).toMatch(
      /^北京市西城区（自动识别：主管部门为北京市西城区科协；表中预算执行10分、产出55分/
    );
  });

  it("an unknown name lists auto and every profile", () => {
    expect(() => resolveProfile(buildForm({ rows: FREE_ROWS }), "shanghai")).toThrow(ProfileError);
    expect(() => resolveProfile(buildForm({ rows: FREE_ROWS }), "shanghai")).toThrow(
      "auto、central、xicheng、hubei、sichuan"
    );
    expect(PROFILE_CHOICES[0]).toBe("auto");
  });

  it("each table sheet of a workbook gets its own profile", () => {
    const a = buildForm({ dept: "武汉市科协", rows: FREE_ROWS, budgetWeight: 20 });
    const b = buildForm({ dept: "北京市西城区科协", rows: XICHENG_ROWS });
    const book = {
      sheets: [
        Grid.fromRows(
          "湖北表",
          [...Array(a.rows)].map((_, r) => rowOf(a, r + 1))
        ),
        Grid.fromRows(
          "西城表",
          [...Array(b.rows)].map((_, r) => rowOf(b, r + 1))
        ),
      ],
    };
    const res = analyzeWorkbookResolved(book, "auto");
    expect(res.analyses.map((x) => [x.sheet, x.profile.id])).toEqual([
      ["湖北表", "hubei"],
      ["西城表", "xicheng"],
    ]);
    expect(res.resolved[1].reason).toMatch(/^按北京市西城区规则/);
    const only = analyzeWorkbookResolved(book, "auto", "西城表");
    expect(only.analyses.map((x) => x.profile.id)).toEqual(["xicheng"]);
  });
});

function rowOf(g: Grid, r: number): CellValue[] {
  return [...Array(g.cols)].map((_, c) => g.value(r, c + 1));
}

// ---------------------------------------------------------------------------------------------------------------

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("jixiao without --profile detects the rules", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-detect-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("check on the 西城 sample: xicheng, exit 0, 良好, and the reason on one line", async () => {
    const r = await run("check", sample("xicheng-kepu-2024.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("自评得分89.45分，绩效级别为“良好”");
    expect(r.out).toMatch(
      /\n {2}评分规则：北京市西城区（自动识别：主管部门为北京市西城区科学技术协会；[^\n]*）\n/
    );
  });

  it("check --json: profile and profileReason", async () => {
    const j = JSON.parse((await run("check", sample("xicheng-kepu-2024.xlsx"), "--json")).out);
    expect(j.profile).toBe("xicheng");
    expect(j.profileReason).toMatch(/^按北京市西城区规则：主管部门为北京市西城区科学技术协会/);
    expect(j.grade.label).toBe("良好");
  });

  it("--profile central still works and says the user chose it", async () => {
    const r = await run(
      "check",
      sample("xicheng-kepu-2024.xlsx"),
      "--profile",
      "central",
      "--json"
    );
    const j = JSON.parse(r.out);
    expect(j.profile).toBe("central");
    expect(j.grade.label).toBe("良");
    expect(j.profileReason).toBe("按用户选择的中央部门（财预〔2020〕10号）规则。");
    const text = await run("check", sample("xicheng-kepu-2024.xlsx"), "-p", "central");
    expect(text.out).toContain("评分规则：中央部门（财预〔2020〕10号）（用户指定）");
  });

  it("--profile auto is accepted and listed in the usage", async () => {
    expect((await run("check", sample("xicheng-kepu-2024.xlsx"), "--profile", "auto")).code).toBe(
      0
    );
    expect((await run("help")).out).toContain("auto、central、xicheng、hubei、sichuan（默认 auto");
  });

  it("fix on the blank-total sample writes 良好, the 西城 grade", async () => {
    const out = path.join(dir, "fixed.xlsx");
    const r = await run("fix", sample("xicheng-kepu-2024-blank-total.xlsx"), "-o", out, "--values");
    expect(r.code).toBe(0);
    expect(r.out).toContain("评分规则：北京市西城区（自动识别：");
    expect(r.out).toMatch(/→ “良好”/);
    const grid = (await readWorkbook(new Uint8Array(fs.readFileSync(out)))).sheets.find(
      (g) => g.sheet === "附件1"
    )!;
    expect(analyze(grid, getProfile("xicheng")).grade.written).toBe("良好");
  });

  it("a 湖北 form on the central template: central, and no budget-weight warning", async () => {
    const file = path.join(dir, "wuhan.xlsx");
    const grid = buildForm({ dept: "武汉市科学技术协会", rows: CENTRAL_ROWS, budgetWeight: 10 });
    fs.writeFileSync(file, await gridsToXlsx({ sheets: [grid] }));
    const j = JSON.parse((await run("check", file, "--json")).out);
    expect(j.profile).toBe("central");
    expect(j.profileReason).toContain("主管部门为武汉市科学技术协会（湖北省），但表中预算执行10分");
    expect(
      j.findings.filter((f: { message: string }) => f.message.includes("预算执行分值"))
    ).toEqual([]);
  });

  it("several files from different regions: each under its own rules", async () => {
    const file = path.join(dir, "huanggang.xlsx");
    const grid = buildForm({ dept: "黄冈市科协", rows: FREE_ROWS, budgetWeight: 20 });
    fs.writeFileSync(file, await gridsToXlsx({ sheets: [grid] }));
    const j = JSON.parse(
      (await run("check", file, sample("xicheng-kepu-2024.xlsx"), "--json")).out
    );
    expect(j.map((x: { profile: string }) => x.profile)).toEqual(["hubei", "xicheng"]);
  });
});
