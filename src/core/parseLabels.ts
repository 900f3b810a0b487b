// Label texts of a 自评表 row: weights written in labels (产出指标(55分)), template names, total, note and
// signature rows, breakdowns (其中…), the block-label column. Split out of parse.ts (exports re-exported).
import { boundedMemo } from "./memo";
import { toA1, type Grid } from "./grid";
import { TOTAL_LABELS, headerKey } from "./headerWords";
import { normalizeLabel } from "./text";
import { dec, sum } from "./decimal";
import type { Columns } from "./model";
import type { IndicatorHeader } from "./locate";
import type { GroupLabel, RawIndicator, TableSpan } from "./parse";

/** "产出指标(55分)" / "效益指标【权重30】" / "满意度指标（权重10%）" → { name: "产出指标", declared: 55 } */
export function splitDeclaredWeight(
  label: string
): Readonly<{ name: string; declared: number | null }> {
  return declaredOf(label);
}
// the 一级/二级 labels repeat on every row of a long form: each text is split once
const declaredOf = boundedMemo(
  (label: string): Readonly<{ name: string; declared: number | null }> => {
    const norm = label.normalize("NFKC");
    const m =
      /[(（\[【]\s*(\d+(?:\.\d+)?)\s*分\s*[)）\]】]/.exec(norm) ??
      /[(（\[【]\s*(?:分值|权重)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*[分%]?\s*[)）\]】]/.exec(norm);
    return m
      ? { name: norm.replace(m[0], "").replace(/\s+/g, ""), declared: Number(m[1]) }
      : { name: label.replace(/\s+/g, ""), declared: null };
  }
);

/** Strip template prefixes: "指标1：工程完工率" / "指标1工程完工率" / "1.工程完工率" → "工程完工率". */
export function cleanIndicatorName(name: string): string {
  return name
    .replace(/^\s*指标\s*\d+\s*[:：.、]?\s*/, "")
    .replace(/^\s*[(（]?\d+[)）.、]\s*/, "")
    .trim();
}

export const TEMPLATE_NAME = /^(指标\s*\d*\s*[:：]?|…+|\.{3,}|其他|其他指标|……)$/;

/** Is this row the 总分/合计 row? The label sits left of the values. */
export function totalLabelIn(grid: Grid, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const t = grid.text(row, c);
    if (t && t.length <= 8 && TOTAL_LABELS.includes(headerKey(t))) return true;
  }
  return false;
}

/** A remark row at the foot of the table: 其他需要说明事项 | 无. Not an indicator. */
const NOTE_LABEL =
  /^(其他需要?说明的?(事项|问题|情况)?|需要说明的?(其他)?(事项|问题|情况)|其他说明(事项)?|说明事项|备注|说明)$/;
/** Signature lines below the table: the table has ended. */
const SIGNATURE_LABEL =
  /^((填表人|填报人|填表日期|填报日期|联系电话|联系人|审核人|复核人|单位负责人|财务负责人|项目负责人|部门负责人)([:：]|$)|单位(盖章|公章))/;

/** A column number under a header: 3, (3), ③, C, 栏次, or a formula between numbers such as (4)=(3)/(2). */
export const COLUMN_CODE =
  /^([(]?([0-9]{1,2}|[A-Z]|[①-⑳])[)]?([=*/+-][(]?([0-9]{1,2}|[A-Z])[)]?)*|栏次)$/;

/** “其中：线上培训”, “其中,”, “(其中)…”: a breakdown of the indicator above. */
export const BREAKDOWN = /^[(（]?其中/;
/** An indicator name that announces its breakdown rows: 培训人次，其中： */
export const OPENS_BREAKDOWN = /其中[:：]?$/;

/** What a label text says of its row: a remark (note), a signature line, or neither. */
function footKind(t: string): "note" | "signature" | null {
  return footKindOf(t);
}
// the 一级/二级 labels left of the values repeat on every row of a long form: classify each text once
const footKindOf = boundedMemo((t: string): "note" | "signature" | null => {
  if (NOTE_LABEL.test(headerKey(t))) return "note";
  // 填表人：张三 or 填表人 张三 (the first word), never an indicator that starts with the same characters
  const first = t.normalize("NFKC").trim().split(/\s+/)[0];
  return SIGNATURE_LABEL.test(normalizeLabel(t)) || SIGNATURE_LABEL.test(first)
    ? "signature"
    : null;
});

/** Label cells of a row (left of the values) that start on this row: a note or a signature line. */
export function footLabel(
  grid: Grid,
  row: number,
  right: number
): { kind: "note" | "signature"; text: string; cell: string } | null {
  for (let c = 1; c <= right; c++) {
    if (!grid.isMaster(row, c)) continue;
    const t = grid.text(row, c);
    if (!t || t.length > 40) continue;
    const kind = footKind(t);
    if (kind) return { kind, text: t, cell: toA1(row, c) };
  }
  return null;
}

/** A group in the weight tree: a block (0), a 一级 (1) or a 二级 (2) label, or an indicator. */
interface WeightNode {
  weight: number | null;
  children: WeightNode[];
  indicator?: RawIndicator;
}

/**
 * With no 分值 column, weights printed in labels still weigh the indicators: an indicator's own （10分）, or what
 * its group's label leaves when every other member is labelled (40 − 10 − 15 − 5 = 10).
 */
export function weightsFromLabels(indicators: RawIndicator[], groups: GroupLabel[]): void {
  const groupNodes = new Map<GroupLabel, WeightNode>();
  for (const g of groups) groupNodes.set(g, { weight: g.declared, children: [] });
  const root: WeightNode = { weight: null, children: [] };
  // the innermost group holding a row; a group's parent is the next level up holding its first row
  const holder = (row: number, below: number): WeightNode => {
    for (const level of [2, 1, 0] as const) {
      if (level >= below) continue;
      const g = groups.find((x) => x.level === level && x.rows.includes(row));
      if (g) return groupNodes.get(g) as WeightNode;
    }
    return root;
  };
  for (const g of [...groups].sort((a, b) => b.level - a.level))
    holder(g.rows[0], g.level === 0 ? -1 : g.level).children.push(groupNodes.get(g) as WeightNode);
  for (const i of indicators)
    holder(i.row, 3).children.push({ weight: i.weight, children: [], indicator: i });
  // a group with no declared weight weighs what its members weigh, when they are all known
  const up = (n: WeightNode): number | null => {
    const ws = n.children.map(up);
    if (n.weight === null && n.children.length && ws.every((w) => w !== null))
      n.weight = sum(ws as number[]).toNumber();
    return n.weight;
  };
  // a known weight with exactly one unknown member: that member weighs the rest
  const down = (n: WeightNode): void => {
    const unknown = n.children.filter((c) => c.weight === null);
    if (n.weight !== null && unknown.length === 1) {
      const rest = dec(n.weight).minus(
        sum(n.children.filter((c) => c.weight !== null).map((c) => c.weight as number))
      );
      if (rest.greaterThan(0)) {
        unknown[0].weight = rest.toNumber();
        if (unknown[0].indicator) {
          unknown[0].indicator.weight = unknown[0].weight;
          unknown[0].indicator.weightSource = "derived";
        }
      }
    }
    n.children.forEach(down);
  };
  for (let pass = 0; pass < 3; pass++) {
    up(root);
    down(root);
  }
}

/**
 * The column of block labels (年度绩效目标1（40分）): the 绩效指标 column of the header, or, when the header
 * leaves it blank, the column just left of 一级 if a row of the table holds a label with points there.
 */
export function blockColumn(
  grid: Grid,
  columns: Columns,
  header: IndicatorHeader,
  span: TableSpan
): number | null {
  const firstLabelCol = columns.level1 ?? columns.level2 ?? columns.name;
  let blockCol: number | null = header.left < firstLabelCol ? header.left : null;
  if (blockCol === null && firstLabelCol > 1)
    for (let r = header.row + 1; r <= Math.min(span.limit, grid.rows) && blockCol === null; r++) {
      const t = grid.text(r, firstLabelCol - 1);
      if (t && t.length <= 40 && /目标|指标/.test(t) && splitDeclaredWeight(t).declared !== null)
        blockCol = firstLabelCol - 1;
    }
  return blockCol;
}
