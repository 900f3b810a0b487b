import fc from "fast-check";
import {
  canonicalDecimal,
  classifyQualitative,
  comparable,
  isPercentFormat,
  NumberValue,
  Operator,
  parseNumberCell,
  parseOperator,
  parseValue,
  unitFactor,
} from "../src/core/notation";

function num(value: string, unit = "", op: Operator = ">="): NumberValue {
  return {
    kind: "number",
    raw: `${value}${unit}`,
    op,
    explicitOp: false,
    value,
    unit,
    relative: false,
  };
}

describe("parseValue: numbers with operators (SPEC §3)", () => {
  it.each<[string, Operator, boolean, string, string]>([
    // raw, op, explicitOp, value, unit
    ["≥90%", ">=", true, "90", "%"],
    [">=90%", ">=", true, "90", "%"],
    ["≥ 90 %", ">=", true, "90", "%"],
    ["＞＝90％", ">=", true, "90", "%"],
    ["不少于800篇", ">=", true, "800", "篇"],
    ["不低于95%", ">=", true, "95", "%"],
    ["98%以上", ">=", true, "98", "%"],
    ["3场及以上", ">=", true, "3", "场"],
    ["至少3场", ">=", true, "3", "场"],
    ["大于等于95%", ">=", true, "95", "%"],
    ["满意度≥90%", ">=", true, "90", "%"],
    [">90%", ">", true, "90", "%"],
    ["＞90%", ">", true, "90", "%"],
    ["大于10家", ">", true, "10", "家"],
    ["高于85%", ">", true, "85", "%"],
    ["超过100人次", ">", true, "100", "人次"],
    ["≤137.85万元", "<=", true, "137.85", "万元"],
    ["<=104万元", "<=", true, "104", "万元"],
    ["≤104万元", "<=", true, "104", "万元"],
    ["不超过30万元", "<=", true, "30", "万元"],
    ["不高于5%", "<=", true, "5", "%"],
    ["5个工作日以内", "<=", true, "5", "个工作日"],
    ["10个工作日内", "<=", true, "10", "个工作日"],
    ["3%以下", "<=", true, "3", "%"],
    ["控制在137.85万元以内", "<=", true, "137.85", "万元"],
    ["低于5%", "<", true, "5", "%"],
    ["<5%", "<", true, "5", "%"],
    ["=100%", "=", true, "100", "%"],
    ["＝8个", "=", true, "8", "个"],
    ["=1场", "=", true, "1", "场"],
    ["30场", ">=", false, "30", "场"],
    ["200期", ">=", false, "200", "期"],
    ["100", ">=", false, "100", ""],
    ["43.2", ">=", false, "43.2", ""],
    ["800篇", ">=", false, "800", "篇"],
    ["103.97万元", ">=", false, "103.97", "万元"],
    ["23333.56", ">=", false, "23333.56", ""],
    ["30余场", ">=", true, "30", "场"],
    ["3万余人次", ">=", true, "3", "万人次"],
    ["30日内完成", "<=", true, "30", "日"],
    ["≥95%以上", ">=", true, "95", "%"],
    ["覆盖率达到100%", ">=", false, "100", "%"],
  ])("%s → %s %s (explicit %s) %s", (raw, op, explicitOp, value, unit) => {
    const v = parseValue(raw);
    expect(v).toEqual({ kind: "number", raw, op, explicitOp, value, unit, relative: false });
  });
});

describe("parseValue: number forms", () => {
  it.each<[string, string, string]>([
    ["1,378,500.00", "1378500", ""],
    ["3,724,055.00元", "3724055", "元"],
    ["１３７．８５万元", "137.85", "万元"],
    ["１００％", "100", "%"],
    ["95百分比", "95", "%"],
    ["百分之95", "95", "%"],
    ["-5", "-5", ""],
    ["−3.2%", "-3.2", "%"],
    ["0", "0", ""],
    ["0.50", "0.5", ""],
    ["007", "7", ""],
    ["1.5万人次", "1.5", "万人次"],
    ["20000万美元", "20000", "万美元"],
    ["2亿元", "2", "亿元"],
    ["24小时", "24", "小时"],
    ["100%。", "100", "%"],
    ["100%(抽样调查)", "100", "%"],
    ["开展活动30场", "30", "场"],
    ["12辆车", "12", "辆车"], // an unknown unit is kept as written
  ])("%s → value %s unit %s", (raw, value, unit) => {
    const v = parseValue(raw);
    expect(v.kind).toBe("number");
    if (v.kind !== "number") return;
    expect(v.value).toBe(value);
    expect(v.unit).toBe(unit);
    expect(v.raw).toBe(raw);
  });

  it.each<[string, string, string]>([
    ["提升10%", "10", "%"],
    ["增长5%", "5", "%"],
    ["提高3个百分点", "3", "个百分点"],
    ["降低10%", "10", "%"],
    ["较上年下降5%", "5", "%"],
    ["公民科学文化素质提升10%", "10", "%"],
  ])("relative change %s: op >= and relative", (raw, value, unit) => {
    expect(parseValue(raw)).toMatchObject({
      kind: "number",
      op: ">=",
      relative: true,
      value,
      unit,
    });
  });

  it("an absolute target reached by a change is not relative: 提升至95%, 下降至5%以下", () => {
    expect(parseValue("提升至95%")).toMatchObject({
      kind: "number",
      relative: false,
      value: "95",
      op: ">=",
    });
    expect(parseValue("下降至5%以下")).toMatchObject({
      kind: "number",
      relative: false,
      value: "5",
      op: "<=",
    });
  });

  it("a negative number after an operator keeps its sign", () => {
    expect(parseValue("≥-5")).toMatchObject({ kind: "number", op: ">=", value: "-5" });
    expect(parseValue("不低于-2.5%")).toMatchObject({
      kind: "number",
      op: ">=",
      value: "-2.5",
      unit: "%",
    });
  });
});

describe("parseValue: cell numbers and number formats", () => {
  it.each<[number, string | undefined, string, string]>([
    [0.95, "0.00%", "95", "%"],
    [0.95, "0%", "95", "%"],
    [0.285, "0.0%", "28.5", "%"], // String(0.285 * 100) would be 28.499999999999996
    [0.07, "0.00%", "7", "%"],
    [1, "0%", "100", "%"],
    [1.2345, "0.00%", "123.45", "%"],
    [0.95, undefined, "0.95", ""],
    [0.95, "General", "0.95", ""],
    [137.85, "0.00", "137.85", ""],
    [95, '0"%"', "95", "%"], // a literal % in the format: the number is already a percent
    [30, '0"场"', "30", "场"],
    [137.85, '#,##0.00"万元"', "137.85", "万元"],
    [3724055, "#,##0.00", "3724055", ""],
    [1e21, undefined, "1000000000000000000000", ""],
    [1e-7, undefined, "0.0000001", ""],
    [-5, undefined, "-5", ""],
  ])("%p with format %p → %s %s", (input, numFmt, value, unit) => {
    expect(parseValue(input, numFmt)).toEqual({
      kind: "number",
      raw: String(input),
      op: ">=",
      explicitOp: false,
      value,
      unit,
      relative: false,
    });
  });

  it("a currency format is not taken for a unit", () => {
    expect(parseValue(100, '"¥"#,##0.00')).toMatchObject({ value: "100", unit: "" });
  });

  it("NaN and Infinity are not numbers", () => {
    expect(parseValue(Number.NaN).kind).toBe("text");
    expect(parseValue(Number.POSITIVE_INFINITY).kind).toBe("text");
  });
});

describe("parseValue: operator and unit columns", () => {
  it.each<[string | number, string, Operator]>([
    [90, "≥", ">="],
    [90, "正向", ">="],
    [90, "正向指标", ">="],
    [30, "反向", "<="],
    [30, "≤", "<="],
    [8, "＝", "="],
    ["90", "大于", ">"],
    ["30", "小于", "<"],
  ])("%p with 指标性质 %s → %s, explicit", (input, operator, op) => {
    expect(parseValue(input, undefined, { operator })).toMatchObject({
      kind: "number",
      op,
      explicitOp: true,
    });
  });

  it("an operator written in the value wins over the column", () => {
    expect(parseValue("≤30万元", undefined, { operator: "正向" })).toMatchObject({
      op: "<=",
      explicitOp: true,
    });
  });

  it("an unknown operator column leaves the default at-least, not explicit", () => {
    expect(parseValue(90, undefined, { operator: "定量" })).toMatchObject({
      op: ">=",
      explicitOp: false,
    });
    expect(parseValue(90, undefined, { operator: null })).toMatchObject({
      op: ">=",
      explicitOp: false,
    });
  });

  it("定性 in the operator column makes the value text", () => {
    expect(parseValue("达成年度指标", undefined, { operator: "定性" })).toEqual({
      kind: "text",
      raw: "达成年度指标",
      qualitative: "achieved",
    });
    expect(parseValue("100%", undefined, { operator: "定性指标" }).kind).toBe("text");
    expect(parseValue(90, undefined, { operator: "定性" }).kind).toBe("text");
  });

  it.each<[string | number, string, string, string]>([
    [30, "场", "30", "场"],
    ["30", "篇", "30", "篇"],
    [95, "百分比", "95", "%"],
    [95, "%", "95", "%"],
    ["137.85", "万元", "137.85", "万元"],
  ])("%p with 度量单位 %s → %s %s", (input, unit, value, expected) => {
    expect(parseValue(input, undefined, { unit })).toMatchObject({
      kind: "number",
      value,
      unit: expected,
    });
  });

  it("the value's own unit wins over the unit column; a placeholder unit column is ignored", () => {
    expect(parseValue("30篇", undefined, { unit: "场" })).toMatchObject({ unit: "篇" });
    expect(parseValue(0.95, "0.00%", { unit: "个" })).toMatchObject({ value: "95", unit: "%" });
    expect(parseValue(30, undefined, { unit: "/" })).toMatchObject({ unit: "" });
  });

  it("all three columns together: 指标性质 ≤, bare number, 度量单位 万元", () => {
    expect(parseValue(137.85, "General", { operator: "≤", unit: "万元" })).toEqual({
      kind: "number",
      raw: "137.85",
      op: "<=",
      explicitOp: true,
      value: "137.85",
      unit: "万元",
      relative: false,
    });
  });
});

describe("parseValue: text and empty", () => {
  it.each<[string, "achieved" | "partial" | "notAchieved" | null]>([
    ["及时", "achieved"],
    ["合格", "achieved"],
    ["效果明显", "achieved"],
    ["显著提升", "achieved"],
    ["按时完成", "achieved"],
    ["保持全市前列", null],
    ["持续扩大", null],
    ["提高普及率", null],
    ["知识更新率", null],
    ["稳步提升", null],
    ["实时更新", null],
    ["获得目的国(地区)受众欢迎", null],
    ["12月底之前完成", "achieved"],
    ["6月底前", null],
    ["2024年12月31日前完成", "achieved"],
    ["2024年完成", "achieved"],
    ["2023年度", null],
    ["满意度-90%", null],
    ["90%-95%", null],
    ["较2023年增长5%", null],
    ["前3名", null],
    ["全市第1", null],
    ["无", null],
    ["达成年度指标", "achieved"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["未达成年度指标且效果较差", "notAchieved"],
  ])("%s is text (qualitative %p)", (raw, qualitative) => {
    expect(parseValue(raw)).toEqual({ kind: "text", raw, qualitative });
  });

  it.each<[string | null]>([
    [""],
    ["   "],
    [null],
    ["……"],
    ["…"],
    ["/"],
    ["-"],
    ["—"],
    ["——"],
    ["？"],
    ["≥"],
  ])("%p is empty", (input) => {
    expect(parseValue(input)).toEqual({ kind: "empty", raw: input ?? "" });
  });

  it("a boolean is text, not a number", () => {
    expect(parseValue(true)).toEqual({ kind: "text", raw: "true", qualitative: null });
  });
});

describe("parseOperator", () => {
  it.each<[string, Operator]>([
    ["≥", ">="],
    [">=", ">="],
    ["＞＝", ">="],
    ["不少于", ">="],
    ["不低于", ">="],
    ["大于等于", ">="],
    ["正向", ">="],
    ["正向指标", ">="],
    ["以上", ">="],
    ["＞", ">"],
    ["大于", ">"],
    ["≤", "<="],
    ["<=", "<="],
    ["不超过", "<="],
    ["反向", "<="],
    ["反向指标", "<="],
    ["＜", "<"],
    ["低于", "<"],
    ["=", "="],
    ["＝", "="],
    ["等于", "="],
    [" ≥ ", ">="],
  ])("%s → %s", (text, op) => {
    expect(parseOperator(text)).toBe(op);
  });

  it.each<[string | number | boolean | null]>([
    ["定性"],
    ["定性指标"],
    ["定量"],
    ["abc"],
    [""],
    [null],
    [1],
    [true],
  ])("%p → null", (text) => {
    expect(parseOperator(text)).toBeNull();
  });
});

describe("classifyQualitative", () => {
  it.each<[string, "achieved" | "partial" | "notAchieved" | null]>([
    ["达成年度指标", "achieved"],
    ["达成预期指标", "achieved"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["部分达成预期指标", "partial"],
    ["未达成年度指标且效果较差", "notAchieved"],
    ["未达成预期指标", "notAchieved"],
    ["已完成", "achieved"],
    ["完成", "achieved"],
    ["及时", "achieved"],
    ["合格", "achieved"],
    ["达标", "achieved"],
    ["效果显著", "achieved"],
    ["明显", "achieved"],
    ["较好", "achieved"],
    ["良好", "achieved"],
    ["符合要求", "achieved"],
    ["按时拨付", "achieved"],
    ["受目的国受众欢迎显著", "achieved"],
    ["企业较好把握正确政治导向和文化方向情况的评价", "achieved"],
    ["基本完成", "partial"],
    ["有所提升", "partial"],
    ["取得一定效果", "partial"],
    ["部分", "partial"],
    ["未完成", "notAchieved"],
    ["进度滞后", "notAchieved"],
    ["效果较差", "notAchieved"],
    ["不合格", "notAchieved"],
    ["不及时", "notAchieved"],
    ["未按时完成", "notAchieved"],
    ["效果不明显", "notAchieved"],
    ["没有完成", "notAchieved"],
    ["稳步提升", null],
    ["实时更新", null],
    ["有利于推动企业走出去", null],
    ["", null],
  ])("%s → %p", (text, cls) => {
    expect(classifyQualitative(text)).toBe(cls);
  });
});

describe("parseNumberCell", () => {
  it.each<
    [
      string | number | boolean | null,
      string | undefined,
      { value: string; percent: boolean } | null,
    ]
  >([
    [104, undefined, { value: "104", percent: false }],
    [103.97, undefined, { value: "103.97", percent: false }],
    ["3,724,055.00", undefined, { value: "3724055", percent: false }],
    ["4,764,453.11", undefined, { value: "4764453.11", percent: false }],
    ["１３７．８５", undefined, { value: "137.85", percent: false }],
    ["10分", undefined, { value: "10", percent: false }],
    ["12.5", undefined, { value: "12.5", percent: false }],
    ["99.97", undefined, { value: "99.97", percent: false }],
    ["50%", undefined, { value: "50", percent: true }],
    ["９６．８５％", undefined, { value: "96.85", percent: true }],
    [" 20 ", undefined, { value: "20", percent: false }],
    ["-3", undefined, { value: "-3", percent: false }],
    ["137.85万元", undefined, { value: "137.85", percent: false }],
    [0.5, "0%", { value: "50", percent: true }],
    [0.4988, "0.00%", { value: "49.88", percent: true }],
    [0.285, "0.0%", { value: "28.5", percent: true }],
    [1, "General", { value: "1", percent: false }],
    ["—", undefined, null],
    ["", undefined, null],
    ["/", undefined, null],
    ["无", undefined, null],
    ["≥90%", undefined, null],
    ["1-2", undefined, null],
    [null, undefined, null],
    [true, undefined, null],
    [Number.NaN, undefined, null],
  ])("%p (%p) → %p", (input, numFmt, expected) => {
    expect(parseNumberCell(input, numFmt)).toEqual(expected);
  });
});

describe("unitFactor", () => {
  it.each<[string, string, string | null]>([
    ["万元", "万元", "1"],
    ["元", "万元", "10000"], // 3 万元 = 30000 元
    ["万元", "元", "0.0001"],
    ["万元", "亿元", "10000"],
    ["亿元", "元", "0.00000001"],
    ["人次", "万人次", "10000"],
    ["美元", "万美元", "10000"],
    ["场", "篇", null],
    ["人", "人次", null],
    ["万元", "人次", null],
    ["", "场", "1"],
    ["场", "", "1"],
    ["%", "百分比", "1"],
    ["个工作日", "工作日", "1"],
    ["日", "天", "1"],
    ["%", "‰", null],
  ])("%p vs %p → %p", (a, b, f) => {
    expect(unitFactor(a, b)).toBe(f);
  });
});

describe("comparable", () => {
  it("converts 元 into 万元", () => {
    expect(comparable(num("30", "万元"), num("295000", "元"))).toEqual({ a: "30", b: "29.5" });
    expect(comparable(num("300000", "元"), num("29.5", "万元"))).toEqual({
      a: "300000",
      b: "295000",
    });
  });

  it("a bare number takes the other side's unit", () => {
    expect(comparable(num("30", "场"), num("27"))).toEqual({ a: "30", b: "27" });
  });

  it("different kinds of units do not compare", () => {
    expect(comparable(num("30", "场"), num("27", "篇"))).toBeNull();
  });

  it("a fraction ≤ 1 against a percent is read as a percent, on either side", () => {
    expect(comparable(num("100", "%"), num("1"))).toEqual({ a: "100", b: "100" });
    expect(comparable(num("90", "%"), num("0.95"))).toEqual({ a: "90", b: "95" });
    expect(comparable(num("0.9"), num("95", "%"))).toEqual({ a: "90", b: "95" });
  });

  it("a unit-less number above 1 against a percent stays as written", () => {
    expect(comparable(num("90", "%"), num("95"))).toEqual({ a: "90", b: "95" });
  });

  it("a percent ≤ 1 is not mistaken for a ratio", () => {
    expect(comparable(num("1", "%"), num("0.5"))).toEqual({ a: "1", b: "0.5" });
  });

  it("works on parsed target/actual pairs", () => {
    const target = parseValue("≤104万元");
    const actual = parseValue("1,039,700元");
    if (target.kind !== "number" || actual.kind !== "number") throw new Error("expected numbers");
    expect(comparable(target, actual)).toEqual({ a: "104", b: "103.97" });
  });
});

describe("canonicalDecimal and isPercentFormat", () => {
  it.each<[string, number, string | null]>([
    ["0137.8500", 0, "137.85"],
    ["-0", 0, "0"],
    ["-0.000", 0, "0"],
    ["1e-7", 0, "0.0000001"],
    ["1.5e+21", 0, "1500000000000000000000"],
    ["0.285", 2, "28.5"],
    ["12.5", -2, "0.125"],
    [".5", 0, "0.5"],
    ["abc", 0, null],
    ["", 0, null],
    ["1e999999", 0, null],
  ])("%p shifted %p → %p", (text, shift, expected) => {
    expect(canonicalDecimal(text, shift)).toBe(expected);
  });

  it.each<[string | undefined, boolean]>([
    ["0%", true],
    ["0.00%", true],
    ["[Red]0.0%", true],
    ['0"%"', false],
    ["0\\%", false],
    ["General", false],
    ["#,##0.00", false],
    [undefined, false],
  ])("isPercentFormat(%p) → %p", (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });
});

describe("properties", () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.stringMatching(/^[≥≤<>=＝不少于低超过以上内下%万元场0-9.,\-−百分之提升()（）]{0,12}$/),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null)
  );
  const anyFormat = fc.option(
    fc.oneof(fc.string(), fc.constantFrom("0%", "0.00%", '0"万元"', "General")),
    {
      nil: undefined,
    }
  );

  // These functions catch everything, so "never throws" cannot fail: the properties say what they return.
  it("parseValue keeps what was written; only strings and numbers are read; a number needs a digit", () => {
    fc.assert(
      fc.property(anyCell, anyFormat, anyCell, anyCell, (input, fmt, operator, unit) => {
        const v = parseValue(input, fmt, { operator, unit });
        if (typeof input === "string") expect(v.raw).toBe(input);
        if (input === null) expect(v).toEqual({ kind: "empty", raw: "" });
        if (typeof input === "boolean")
          expect(v).toEqual({ kind: "text", raw: String(input), qualitative: null });
        const n = parseNumberCell(input, fmt);
        if (n !== null) {
          const readable =
            typeof input === "number"
              ? Number.isFinite(input)
              : typeof input === "string" && /\d/.test(input.normalize("NFKC"));
          expect(readable).toBe(true);
        }
        if (typeof input !== "string") expect(parseOperator(input)).toBeNull();
      }),
      { numRuns: 2000 }
    );
  });

  it("a value that is neither text, number nor boolean (a stray object from a host) is empty, not a number", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.object(), fc.array(fc.integer()), fc.constant(undefined), fc.bigInt()),
        fc.anything(),
        (input, fmt) => {
          const cell = input as unknown as string;
          expect(parseValue(cell, fmt as string, { operator: cell, unit: cell })).toEqual({
            kind: "empty",
            raw: "",
          });
          expect(parseNumberCell(cell, fmt as string)).toBeNull();
          expect(parseOperator(cell)).toBeNull();
          expect(classifyQualitative(cell)).toBeNull();
        }
      ),
      { numRuns: 300 }
    );
  });

  it("every number value is a canonical decimal string", () => {
    fc.assert(
      fc.property(anyCell, anyFormat, (input, fmt) => {
        const v = parseValue(input, fmt);
        if (v.kind === "number") expect(v.value).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        const n = parseNumberCell(input, fmt);
        if (n) expect(n.value).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
      }),
      { numRuns: 1000 }
    );
  });

  const decimalArb = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
    .map(([digits, scale]) => {
      const s = digits.toString().padStart(scale + 1, "0");
      return scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
    });
  const unitArb = fc.constantFrom(
    "",
    "%",
    "万元",
    "元",
    "场",
    "篇",
    "个",
    "人次",
    "万人次",
    "万美元",
    "个工作日",
    "小时"
  );

  it("≥x unit round-trips the value and the unit", () => {
    fc.assert(
      fc.property(decimalArb, unitArb, (x, unit) => {
        const v = parseValue(`≥${x}${unit}`);
        expect(v).toMatchObject({
          kind: "number",
          op: ">=",
          explicitOp: true,
          unit,
          relative: false,
        });
        if (v.kind === "number") expect(v.value).toBe(canonicalDecimal(x));
      })
    );
  });

  it("a percent-formatted cell number is exactly 100 times the number", () => {
    fc.assert(
      fc.property(decimalArb, (x) => {
        const n = Number(x);
        const v = parseNumberCell(n, "0.00%");
        expect(v?.percent).toBe(true);
        expect(v?.value).toBe(canonicalDecimal(String(n), 2));
        expect(canonicalDecimal(v?.value ?? "", -2)).toBe(canonicalDecimal(String(n)));
      })
    );
  });

  it("thousands separators do not change the value", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => {
        const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        expect(parseNumberCell(`${grouped}.00`)).toEqual({ value: n.toString(), percent: false });
        expect(parseValue(`${grouped}元`)).toMatchObject({
          kind: "number",
          value: n.toString(),
          unit: "元",
        });
      })
    );
  });
});

// Cases mutation testing found untested: each is something people write, read the way a reader would.
describe("what people also write", () => {
  it("+5% is 5%, not −5% (a leading plus sign)", () =>
    expect(parseValue("+5%")).toEqual({
      kind: "number",
      raw: "+5%",
      op: ">=",
      explicitOp: false,
      value: "5",
      unit: "%",
      relative: false,
    }));
  it("3年 is three years; 2024年 is a year, not a number of years", () => {
    expect(parseValue("3年")).toMatchObject({ kind: "number", value: "3", unit: "年" });
    expect(parseValue("2024年")).toEqual({ kind: "text", raw: "2024年", qualitative: null });
    expect(parseValue("1999年度")).toMatchObject({ kind: "text" });
  });
  it("2000人次 and 2020场 are counts, not years (only 年 makes 2000 a year)", () => {
    expect(parseValue("2000人次")).toMatchObject({ kind: "number", value: "2000", unit: "人次" });
    expect(parseValue("2020场")).toMatchObject({ kind: "number", value: "2020", unit: "场" });
  });
  it("a label of 16 letters before the number is still a label; 17 letters make a sentence", () => {
    const label16 = "全区科普活动覆盖街道社区数量共计";
    const label17 = "全区科普活动覆盖街道和社区数量共计";
    expect([label16.length, label17.length]).toEqual([16, 17]);
    expect(parseValue(`${label16}30场`)).toMatchObject({
      kind: "number",
      op: ">=",
      explicitOp: false,
      value: "30",
      unit: "场",
    });
    expect(parseValue(`${label17}30场`)).toEqual({
      kind: "text",
      raw: `${label17}30场`,
      qualitative: null,
    });
  });
  it("an operator word inside the label: 控制在预算的90% is at most 90%", () =>
    expect(parseValue("控制在预算的90%")).toMatchObject({
      kind: "number",
      op: "<=",
      explicitOp: true,
      value: "90",
      unit: "%",
    }));
  it("3,724,055 without decimals: 3724055, as a cell and as a value", () => {
    expect(parseNumberCell("3,724,055")).toEqual({ value: "3724055", percent: false });
    expect(parseValue("3,724,055")).toMatchObject({ kind: "number", value: "3724055", unit: "" });
  });
  it("0.5% against ≥95% is half a percent, not 50%; a bare 0.5 against it is 50%", () => {
    const target = parseValue("≥95%") as NumberValue;
    expect(comparable(target, parseValue("0.5%") as NumberValue)).toEqual({ a: "95", b: "0.5" });
    expect(comparable(target, parseValue("0.5") as NumberValue)).toEqual({ a: "95", b: "50" });
  });
  it("a 95% target against 1 (a ratio cell) is met: 1 → 100%", () =>
    expect(comparable(num("95", "%"), num("1"))).toEqual({ a: "95", b: "100" }));
  it("two percents ≤ 1 stay as written: ≤1% against 0.8%", () =>
    expect(comparable(num("1", "%"), num("0.8", "%"))).toEqual({ a: "1", b: "0.8" }));
  it("amount cells: ¥1,200 → 1200, −3 (a minus sign) → −3, +5 → 5, 12万 → 12", () => {
    expect(parseNumberCell("¥1,200")).toEqual({ value: "1200", percent: false });
    expect(parseNumberCell("−3")).toEqual({ value: "-3", percent: false });
    expect(parseNumberCell("+5")).toEqual({ value: "5", percent: false });
    expect(parseNumberCell("12万")).toEqual({ value: "12", percent: false });
    expect(parseNumberCell("95百分比")).toEqual({ value: "95", percent: true });
  });
  it("a unit in the number format: 137.85 shown as 137.85万元 is 137.85 万元", () => {
    expect(parseValue(137.85, '0.00"万元"')).toMatchObject({ value: "137.85", unit: "万元" });
    expect(parseValue(30, "0\\场")).toMatchObject({ value: "30", unit: "场" });
    expect(parseValue(30, '0"年底前"')).toMatchObject({ value: "30", unit: "" });
  });
  it("a rank is not a number: 排名前3, 位列第2", () => {
    expect(parseValue("排名前3")).toMatchObject({ kind: "text" });
    expect(parseValue("位列第2")).toMatchObject({ kind: "text" });
  });
  it("a sign after a label is a dash, not a minus: 满意度-90% is text; ≥-5 keeps its sign", () => {
    expect(parseValue("满意度-90%").kind).toBe("text");
    expect(parseValue("≥+5")).toMatchObject({ kind: "number", value: "5" });
  });
  it("百分之 with another unit is not a percent: 百分之5场 is text", () =>
    expect(parseValue("百分之5场").kind).toBe("text"));
  it("30多人 is at least 30 人; 3千余册 is at least 3 千册", () => {
    expect(parseValue("30多人")).toMatchObject({
      op: ">=",
      explicitOp: true,
      value: "30",
      unit: "人",
    });
    expect(parseValue("3千余册")).toMatchObject({ op: ">=", value: "3", unit: "千册" });
  });
  it("30场左右 and 100%(含) carry no operator", () => {
    expect(parseValue("30场左右")).toMatchObject({ op: ">=", explicitOp: false, value: "30" });
    expect(parseValue("100%(含)")).toMatchObject({ op: ">=", explicitOp: false, unit: "%" });
  });
});
