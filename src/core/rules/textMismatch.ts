import { Decimal, dec, sum } from "../decimal";
import { defineRule } from "./rule";
import { fmt } from "./format";

const MONEY = /(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)/g;
const STATED_TOTAL =
  /(共计|合计|总计|总额|共|总投资|总预算|预算资金)[^\d]{0,8}(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)/;

/** 元 in one of each unit MONEY reads; a table is in 元 or 万元 (parseFunding). */
const YUAN: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** An amount written in `unit` converted to the table's money unit (exact: powers of ten). */
function inTableUnit(value: Decimal, unit: string, tableUnit: string): Decimal {
  return value.times(YUAN[unit]).dividedBy(YUAN[tableUnit]);
}

export const textMismatch = defineRule({
  meta: {
    code: "TEXT_MISMATCH",
    severity: "warning",
    title: "年度总体目标中的金额与表格不符",
    docs: "年度总体目标里写明了合计金额（“共计…万元”）时，核对分项金额之和是否等于它，以及它是否等于资金表中的预算数或执行数。",
    source: "SPEC §9（分项合计1,740,000元而写明2,026,400元）",
  },
  messages: {
    parts: {
      severity: "warning",
      text: "年度总体目标中写明合计{stated}{statedUnit}，但分项金额加起来是{sum}{statedUnit}：请核对目标表述。",
    },
    budget: {
      severity: "warning",
      text: "年度总体目标中的金额{stated}{unit}与资金表中的预算数{budget}{unit}不一致：请核对。",
    },
  },
  check({ model, report }) {
    const g = model.form.goals;
    if (!g || !g.cell) return;
    const text = g.expected.normalize("NFKC");
    const unit = model.form.project.moneyUnit;
    const amounts = [...text.matchAll(MONEY)].map((m) => ({
      value: inTableUnit(dec(m[1].replace(/,/g, "")), m[2], unit),
      written: dec(m[1].replace(/,/g, "")),
      unit: m[2],
      index: m.index ?? 0,
    }));
    // Stryker disable next-line ConditionalExpression: a stated total is itself an amount (none: none stated)
    if (!amounts.length) return;
    const totalMatch = STATED_TOTAL.exec(text);
    const stated = totalMatch
      ? amounts.find(
          (x) => x.index === (totalMatch.index ?? 0) + totalMatch[0].indexOf(totalMatch[2])
        )
      : undefined;
    if (!stated) return;
    if (amounts.length >= 3) {
      const rest = sum(amounts.filter((x) => x !== stated).map((x) => x.value));
      // both in the unit the goal states its total in (“合计2026400元，分项合计1740000元”)
      if (!rest.minus(stated.value).abs().lessThanOrEqualTo("0.01"))
        report({
          messageId: "parts",
          cell: g.cell,
          data: {
            stated: fmt(stated.written),
            statedUnit: stated.unit,
            sum: fmt(inTableUnit(rest, unit, stated.unit)),
          },
        });
    }
    const b = model.budget?.budget;
    const reference = b
      ? [b.adjusted, b.planned, b.executed].filter((x): x is number => x !== null)
      : [];
    if (
      reference.length &&
      !reference.some((r) => dec(r).minus(stated.value).abs().lessThanOrEqualTo("0.01"))
    )
      report({
        messageId: "budget",
        cell: g.cell,
        data: { stated: fmt(stated.value), budget: fmt(reference[0]), unit },
      });
  },
});
