// Which regional rules a form follows, read off the form itself (SPEC §2 "Which rules apply", §8): the weights it
// prints first, then region names in its title, 主管部门, 实施单位 and 项目名称. A form from a province made on the
// central template follows what it prints. Pure: consumes the parser, never changes it.
import { toA1, type Grid } from "./grid";
import { findIndicatorHeaders } from "./locate";
import { parseForm, splitDeclaredWeight, type ParsedForm } from "./parse";
import { PROFILES, type ProfileOverrides } from "./profiles";

export interface ProfileEvidence {
  /** Printed weights (budget, 一级 groups, a block label), the operator/unit columns, or a region word. */
  kind: "groupWeights" | "block" | "budgetWeight" | "columns" | "region";
  /** The profile it points at; null when it fits several (a budget of 10 fits all but hubei). */
  profile: string | null;
  /** For the user, in Chinese: "主管部门为北京市西城区科学技术协会", "表中预算执行20分". */
  text: string;
  /** The cell that holds it, when one does. */
  cell?: string;
}

export interface ProfileDetection {
  id: string;
  /** One Chinese sentence: "按北京市西城区规则：主管部门为北京市西城区科学技术协会，…。" */
  reason: string;
  /** The reason without its "按…规则：" head, for a line that already names the profile. */
  basis: string;
  /** Strongest first. */
  evidence: ProfileEvidence[];
  /** Settings the form prints that differ from the chosen profile and that the checks should follow. */
  adjustments?: ProfileOverrides;
}

const TOLERANCE = 0.01;
const near = (x: number | null | undefined, y: number) =>
  x !== null && x !== undefined && Math.abs(x - y) <= TOLERANCE;

// Region words. A city alone names its province (武汉 → 湖北省), so the reason adds the province in brackets.
const REGIONS: { profile: string; province: string; words: RegExp }[] = [
  { profile: "xicheng", province: "北京市西城区", words: /北京市?西城|西城区/ },
  {
    profile: "hubei",
    province: "湖北省",
    words:
      /湖北|武汉|鄂州|黄石|十堰|宜昌|襄阳|襄樊|荆州|荆门|孝感|黄冈|咸宁|随州|恩施|仙桃|潜江|天门|神农架/,
  },
  {
    profile: "sichuan",
    province: "四川省",
    words:
      /四川|成都|绵阳|自贡|泸州|德阳|广元|遂宁|内江|乐山|南充|宜宾|广安|达州|巴中|雅安|眉山|资阳|攀枝花|阿坝|甘孜|凉山/,
  },
];

interface RegionHit {
  profile: string;
  province: string;
  field: string;
  value: string;
  text: string;
}

function regionsOf(form: ParsedForm): RegionHit[] {
  const fields: { field: string; value: string; quote: boolean }[] = [
    { field: "标题", value: form.project.title, quote: true },
    { field: "主管部门", value: form.project.dept, quote: false },
    { field: "实施单位", value: form.project.unit, quote: false },
    { field: "项目名称", value: form.project.name, quote: true },
  ];
  const hits: RegionHit[] = [];
  for (const f of fields) {
    const value = f.value.replace(/\s+/g, "");
    if (!value) continue;
    for (const r of REGIONS) {
      const m = r.words.exec(value);
      if (!m) continue;
      const shown = f.quote ? `“${value}”` : value;
      const province = value.includes(r.province.replace(/[省市]$/, "")) ? "" : `（${r.province}）`;
      hits.push({ ...r, field: f.field, value, text: `${f.field}为${shown}${province}` });
      break;
    }
  }
  return hits;
}

/** 一级 weights as printed: a label's (55分), else Σ of its rows' 分值. 可持续影响 counts inside 效益 and on its own. */
interface GroupWeights {
  output: number | null;
  /** 效益 including 可持续影响. */
  benefit: number | null;
  /** 可持续影响, as its own 一级 or a 二级 under 效益; null when the form has none. */
  sustain: number | null;
  satisfaction: number | null;
}

type Category = "output" | "benefit" | "sustain" | "satisfaction";

function categoryOf(level1: string, level2: string): Category | null {
  if (/可持续影响/.test(level1) || (!level1 && /可持续影响/.test(level2))) return "sustain";
  if (/产出/.test(level1)) return "output";
  if (/效益|影响/.test(level1)) return "benefit";
  if (/满意/.test(level1)) return "satisfaction";
  if (level1) return null;
  // no 一级 column: 数量/质量/时效/成本 are 产出
  if (/数量|质量|时效|成本/.test(level2)) return "output";
  if (/效益|影响/.test(level2)) return "benefit";
  if (/满意/.test(level2)) return "satisfaction";
  return null;
}

function groupWeightsOf(form: ParsedForm): GroupWeights {
  const sums: Record<Category, number | null> = {
    output: null,
    benefit: null,
    sustain: null,
    satisfaction: null,
  };
  const add = (c: Category, w: number) => (sums[c] = (sums[c] ?? 0) + w);
  const byRow = new Map(form.indicators.map((i) => [i.row, i]));
  const counted = new Set<number>();
  // labels that print their weight: 产出指标(50分); their rows are then not summed again
  for (const gl of form.groupLabels) {
    if (gl.level !== 1 || gl.declared === null) continue;
    const c = categoryOf(gl.name, "");
    if (!c) continue;
    add(c, gl.declared);
    gl.rows.forEach((r) => counted.add(r));
  }
  let sustainInBenefit: number | null = null;
  for (const i of form.indicators) {
    if (i.weight === null) continue;
    if (/可持续影响/.test(i.level2) && /效益|影响/.test(i.level1) && !/可持续/.test(i.level1))
      sustainInBenefit = (sustainInBenefit ?? 0) + i.weight;
    if (counted.has(i.row)) continue;
    const c = categoryOf(i.level1, i.level2);
    if (c) add(c, i.weight);
  }
  // a 二级 可持续影响 label that prints its weight, when its rows have none
  if (sustainInBenefit === null)
    for (const gl of form.groupLabels)
      if (gl.level === 2 && gl.declared !== null && /可持续影响/.test(gl.name))
        if (gl.rows.some((r) => /效益/.test(byRow.get(r)?.level1 ?? "")))
          sustainInBenefit = (sustainInBenefit ?? 0) + gl.declared;
  const ownSustain = sums.sustain;
  return {
    output: sums.output,
    benefit:
      sums.benefit === null && ownSustain === null ? null : (sums.benefit ?? 0) + (ownSustain ?? 0),
    sustain: ownSustain ?? sustainInBenefit,
    satisfaction: sums.satisfaction,
  };
}

const fmtW = (x: number) => String(Math.round(x * 100) / 100);

function describeGroups(g: GroupWeights, withSustain: boolean): string {
  const parts: string[] = [];
  if (g.output !== null) parts.push(`产出${fmtW(g.output)}分`);
  if (g.benefit !== null) {
    if (withSustain && g.sustain !== null && g.sustain > 0)
      parts.push(`效益${fmtW(g.benefit - g.sustain)}分`, `可持续影响${fmtW(g.sustain)}分`);
    else parts.push(`效益${fmtW(g.benefit)}分`);
  }
  if (g.satisfaction !== null) parts.push(`满意度${fmtW(g.satisfaction)}分`);
  return parts.join("、");
}

function groupPattern(g: GroupWeights): "xicheng" | "central" | null {
  // 55/20/10/5: 可持续影响 10 inside 效益 30, or as its own 一级 beside 效益 20
  if (near(g.output, 55) && near(g.satisfaction, 5) && (g.benefit === null || near(g.benefit, 30)))
    if (g.sustain === null || near(g.sustain, 10)) return "xicheng";
  if (near(g.output, 50) && near(g.benefit, 30) && near(g.satisfaction, 10)) return "central";
  return null;
}

/** The block label over the indicators: 年度绩效目标(80分) (hubei) or 绩效指标(90分) (sichuan). */
function blockOf(form: ParsedForm, grid: Grid | null): ProfileEvidence | null {
  const labels = form.groupLabels
    .filter((g) => g.level === 0 && g.declared !== null)
    .map((g) => ({ name: g.name, declared: g.declared as number, cell: g.cell }));
  if (grid) {
    // the label may sit on the header row itself, merged down the block
    const m = grid.masterOf(form.header.row, form.header.left);
    const t = grid.text(m.row, m.col);
    const s = splitDeclaredWeight(t);
    if (s.declared !== null)
      labels.push({ name: s.name, declared: s.declared, cell: toA1(m.row, m.col) });
  }
  for (const l of labels) {
    if (/年度绩效目标|绩效目标/.test(l.name) && near(l.declared, 80))
      return { kind: "block", profile: "hubei", text: `表中“${l.name}”为80分`, cell: l.cell };
    if (/^绩效指标$/.test(l.name) && near(l.declared, 90))
      return { kind: "block", profile: "sichuan", text: `表中“${l.name}”为90分`, cell: l.cell };
  }
  return null;
}

/** The budget's weight as printed: its 分值 cell, else the label (预算执行情况(20分)). */
function printedBudgetWeight(form: ParsedForm): number | null {
  return form.funding ? (form.funding.weight.value ?? form.funding.declaredWeight) : null;
}

function budgetWeightOf(form: ParsedForm): ProfileEvidence | null {
  const fu = form.funding;
  const w = printedBudgetWeight(form);
  if (!fu || w === null) return null;
  // the 分值 cell, else the label that prints it: 预算执行情况(万元)(20分)
  const at = fu.header.labelCell;
  const cell = fu.weight.value !== null ? fu.weight.cell : at ? toA1(at.row, at.col) : null;
  return {
    kind: "budgetWeight",
    profile: near(w, 20) ? "hubei" : null,
    text: `表中预算执行${fmtW(w)}分`,
    ...(cell ? { cell } : {}),
  };
}

function columnsOf(form: ParsedForm): ProfileEvidence | null {
  const names = [
    form.columns.operator !== null ? "“指标性质”" : "",
    form.columns.unit !== null ? "“度量单位”" : "",
  ].filter(Boolean);
  if (!names.length) return null;
  return { kind: "columns", profile: "sichuan", text: `表中有${names.join("、")}列` };
}

const nameOf = (id: string) => PROFILES[id]?.name ?? id;

function detection(
  id: string,
  basis: string,
  evidence: ProfileEvidence[],
  adjustments?: ProfileOverrides
): ProfileDetection {
  return {
    id,
    reason: `按${nameOf(id)}规则：${basis}。`,
    basis,
    evidence,
    ...(adjustments ? { adjustments } : {}),
  };
}

/** Reads the form (or the first indicator table of the grid) and says which profile it follows, and why. */
export function detectProfile(input: ParsedForm | Grid): ProfileDetection {
  let form: ParsedForm;
  let grid: Grid | null = null;
  if ("indicators" in input) form = input;
  else {
    grid = input;
    const headers = findIndicatorHeaders(grid, 1);
    if (!headers.length)
      return detection("central", "工作表中没有找到绩效指标表，无从识别，暂按中央部门规则", []);
    form = parseForm(grid, headers[0]);
  }

  const groups = groupWeightsOf(form);
  const pattern = groupPattern(groups);
  const block = blockOf(form, grid);
  const budget = budgetWeightOf(form);
  const columns = columnsOf(form);
  const regions = regionsOf(form);
  const region = regions[0] ?? null;

  // printed template, strongest first: the 一级 weights, then a block label
  const groupEvidence: ProfileEvidence | null = pattern
    ? {
        kind: "groupWeights",
        profile: pattern,
        text: `表中${describeGroups(groups, pattern === "xicheng")}`,
      }
    : null;
  const template = groupEvidence ?? block;
  const evidence = [
    template,
    template === groupEvidence ? block : null,
    budget,
    columns,
    ...regions.map((r): ProfileEvidence => ({ kind: "region", profile: r.profile, text: r.text })),
  ].filter((e): e is ProfileEvidence => e !== null);

  // what the form prints, as one phrase: 表中预算执行10分、产出50分、效益30分、满意度10分
  const printed = () => {
    const parts = [
      budget ? budget.text.replace(/^表中/, "") : "",
      template === groupEvidence && groupEvidence
        ? describeGroups(groups, pattern === "xicheng")
        : (block?.text.replace(/^表中/, "") ?? ""),
    ].filter(Boolean);
    return `表中${parts.join("、")}`;
  };

  if (region) {
    const regionProfile = PROFILES[region.profile];
    if (template && template.profile && template.profile !== region.profile) {
      // a 四川 form keeps its own template (operator and unit columns) even when its free weights read 50/30/10
      if (!(region.profile === "sichuan" && template.profile === "central" && columns))
        return detection(
          template.profile,
          `${region.text}，但${printed()}，按${nameOf(template.profile)}模板计分`,
          evidence
        );
    }
    if (template && template.profile === region.profile)
      return detection(region.profile, `${region.text}；${printed()}，与该规则一致`, evidence);
    // only the budget weight is printed: it is followed where the profile leaves the groups free
    const b = printedBudgetWeight(form);
    const groupsFree = regionProfile.groups.every((g) => g.weight === null);
    if (b !== null && !near(b, regionProfile.budgetWeight) && groupsFree)
      return detection(
        region.profile,
        `${region.text}；${printed()}（该规则为${regionProfile.budgetWeight}分），按表中分值计分`,
        evidence,
        { budgetWeight: b }
      );
    const agree = [
      budget && budget.profile === region.profile ? budget.text.replace(/^表中/, "") : "",
      region.profile === "sichuan" && columns ? columns.text.replace(/^表中/, "") : "",
    ].filter(Boolean);
    return detection(
      region.profile,
      agree.length ? `${region.text}；表中${agree.join("、")}，与该规则一致` : region.text,
      evidence
    );
  }

  if (template && template.profile)
    return detection(template.profile, `未识别出地区；${printed()}，是该规则的分值`, evidence);
  if (budget && budget.profile === "hubei")
    return detection("hubei", `未识别出地区；${budget.text}，是该规则的分值`, evidence);
  if (columns)
    return detection("sichuan", `未识别出地区；${columns.text}，是该规则的表式`, evidence);
  return detection(
    "central",
    "标题、主管部门、实施单位和项目名称中未识别出地区，表中分值也不指向其他规则",
    evidence
  );
}
