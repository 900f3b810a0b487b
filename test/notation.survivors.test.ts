// Cases that pin down what notation.ts's mutation run showed untested (README "Mutation testing"): each expected
// value is worked out by hand from SPEC §3, not taken from the engine.
import { classifyQualitative, comparable, parseOperator, parseValue } from "../src/core/notation";
import type { Operator } from "../src/core/notation";

/** A number read from a text cell, with no relative change. */
function readAs(raw: string, op: Operator, explicitOp: boolean, value: string, unit: string) {
  return { kind: "number", raw, op, explicitOp, value, unit, relative: false };
}

describe("parseOperator: the 指标性质 column", () => {
  it.each<[string, Operator]>([
    ["以下", "<="],
    ["以内", "<="],
    ["5%以下", "<="],
    ["以上", ">="],
    ["反向", "<="],
    ["不高于", "<="],
    ["≥（正向）", ">="],
  ])("%s → %s", (text, op) => {
    expect(parseOperator(text)).toBe(op);
  });

  it("the longest token wins, whatever its place: 不低于 is at least, not below", () => {
    expect(parseOperator("不低于")).toBe(">=");
    expect(parseOperator("低于")).toBe("<");
    expect(parseOperator("小于或等于")).toBe("<=");
    expect(parseOperator("大于或等于")).toBe(">=");
  });

  it("定性 anywhere in the column means no operator, even beside an operator word", () => {
    expect(parseOperator("定性（以上）")).toBeNull();
    expect(parseOperator("≥ 定性")).toBeNull();
  });

  it("a column of blanks is no operator", () => {
    expect(parseOperator("   ")).toBeNull();
  });
});

describe("classifyQualitative: one band per text", () => {
  it.each<[string, "achieved" | "partial" | "notAchieved" | null]>([
    ["尚未达到", "notAchieved"],
    ["无法按时", "notAchieved"],
    ["没达标", "notAchieved"],
    ["未能如期", "notAchieved"],
    ["基本达到", "partial"],
    ["达到预期 ", "achieved"],
    ["优 秀", "achieved"],
    ["  ", null],
    ["继续推进", null],
  ])("%s → %p", (text, band) => {
    expect(classifyQualitative(text)).toBe(band);
  });

  it("a non-string (a number passed by mistake) has no band", () => {
    expect(classifyQualitative(95 as unknown as string)).toBeNull();
  });
});

describe("parseValue: the sign of a number", () => {
  it("+5% is five percent, not minus five", () => {
    expect(parseValue("+5%")).toEqual(readAs("+5%", ">=", false, "5", "%"));
  });

  it("a sign after an operator: ≥-5 and ≥+5", () => {
    expect(parseValue("≥-5")).toEqual(readAs("≥-5", ">=", true, "-5", ""));
    expect(parseValue("≥+5")).toEqual(readAs("≥+5", ">=", true, "5", ""));
    expect(parseValue("不低于−2")).toEqual(readAs("不低于−2", ">=", true, "-2", ""));
  });

  it("a dash between a label and the number is not a sign: 满意度-90%, 成本+5% are text", () => {
    expect(parseValue("满意度-90%")).toEqual({
      kind: "text",
      raw: "满意度-90%",
      qualitative: null,
    });
    expect(parseValue("成本+5%")).toEqual({ kind: "text", raw: "成本+5%", qualitative: null });
  });
});

describe("parseValue: units and labels", () => {
  it.each<[string, string, string]>([
    ["3年", "3", "年"],
    ["2000人次", "2000", "人次"],
    ["1800年", "1800", "年"],
    ["20240年", "20240", "年"],
    ["3,724,055", "3724055", ""],
    ["12,000人", "12000", "人"],
    ["0.5%", "0.5", "%"],
    [".5%", "0.5", "%"],
    ["满意度：90%", "90", "%"],
    ["95%;", "95", "%"],
    ["30场!", "30", "场"],
    ["300多人", "300", "人"],
  ])("%s → value %s unit %s", (raw, value, unit) => {
    expect(parseValue(raw)).toMatchObject({ kind: "number", raw, value, unit });
  });

  it("0.5% is half a percent, ≥95% is ninety-five: the two are not confused", () => {
    expect(parseValue("0.5%")).toEqual(readAs("0.5%", ">=", false, "0.5", "%"));
    expect(parseValue("≥95%")).toEqual(readAs("≥95%", ">=", true, "95", "%"));
  });

  it("a year is not a count: 2024年, 2024年度, 1999年 are text", () => {
    for (const raw of ["2024年", "2024年度", "1999年"]) {
      expect(parseValue(raw)).toMatchObject({ kind: "text", raw });
    }
  });

  it("a label of 16 letters is read, one of 17 letters makes the cell text", () => {
    const label16 = "一二三四五六七八九十一二三四五六";
    expect(label16).toHaveLength(16);
    expect(parseValue(`${label16}90%`)).toEqual(readAs(`${label16}90%`, ">=", false, "90", "%"));
    const label17 = label16 + "七";
    expect(parseValue(`${label17}90%`)).toEqual({
      kind: "text",
      raw: `${label17}90%`,
      qualitative: null,
    });
  });

  it("a label with a digit-free sentence mark before the number is text: 按照要求,90%", () => {
    expect(parseValue("按照要求,90%")).toMatchObject({ kind: "text" });
  });

  it("an operator inside the label: 控制在预算的90% is at most 90 %", () => {
    expect(parseValue("控制在预算的90%")).toEqual(readAs("控制在预算的90%", "<=", true, "90", "%"));
    expect(parseValue("成本不超过预算的80%")).toEqual(
      readAs("成本不超过预算的80%", "<=", true, "80", "%")
    );
  });

  it("the operator nearest the number wins when two are written: 不超过≥5 is at least", () => {
    expect(parseValue("不超过≥5")).toEqual(readAs("不超过≥5", ">=", true, "5", ""));
  });

  it("a rank is not a count: 排名第3, 位列5 are text", () => {
    expect(parseValue("排名第3").kind).toBe("text");
    expect(parseValue("位列5").kind).toBe("text");
    expect(parseValue("名列3").kind).toBe("text");
  });
});

describe("parseValue: 百分之", () => {
  it("百分之 with digits is a percent, with the operator before it kept", () => {
    expect(parseValue("百分之95")).toEqual(readAs("百分之95", ">=", false, "95", "%"));
    expect(parseValue("不低于百分之90")).toEqual(readAs("不低于百分之90", ">=", true, "90", "%"));
    expect(parseValue("百分之95%")).toEqual(readAs("百分之95%", ">=", false, "95", "%"));
  });

  it("only digits are numbers: 百分之九十五 is text", () => {
    expect(parseValue("百分之九十五")).toEqual({
      kind: "text",
      raw: "百分之九十五",
      qualitative: null,
    });
  });

  it("百分之 with another unit is text: 百分之95个", () => {
    expect(parseValue("百分之95个").kind).toBe("text");
  });
});

describe("parseValue: suffix words and notes", () => {
  it("a trailing note in brackets is dropped, (含) is a suffix word", () => {
    expect(parseValue("100%(抽样调查)")).toEqual(readAs("100%(抽样调查)", ">=", false, "100", "%"));
    expect(parseValue("90%(含)")).toEqual(readAs("90%(含)", ">=", false, "90", "%"));
    expect(parseValue("90%(含)以上")).toEqual(readAs("90%(含)以上", ">=", true, "90", "%"));
    expect(parseValue("5万元(含)以内")).toEqual(readAs("5万元(含)以内", "<=", true, "5", "万元"));
    expect(parseValue("90%(备注)(抽样)")).toEqual(
      readAs("90%(备注)(抽样)", ">=", false, "90", "%")
    );
  });

  it("左右 and 完成 are words, not operators: the value is at least, not explicit", () => {
    expect(parseValue("30场左右")).toEqual(readAs("30场左右", ">=", false, "30", "场"));
    expect(parseValue("30场完成")).toEqual(readAs("30场完成", ">=", false, "30", "场"));
  });

  it("the first operator word from the end wins: 5%以内完成 is at most", () => {
    expect(parseValue("5%以内完成")).toEqual(readAs("5%以内完成", "<=", true, "5", "%"));
    expect(parseValue("5%完成以内")).toEqual(readAs("5%完成以内", "<=", true, "5", "%"));
  });

  it("余/多 mean at least, unless a suffix said otherwise: 30余场以内 is at most", () => {
    expect(parseValue("30余场")).toEqual(readAs("30余场", ">=", true, "30", "场"));
    expect(parseValue("30余场以内")).toEqual(readAs("30余场以内", "<=", true, "30", "场"));
    expect(parseValue("3万余人次")).toEqual(readAs("3万余人次", ">=", true, "3", "万人次"));
    expect(parseValue("2千多人")).toEqual(readAs("2千多人", ">=", true, "2", "千人"));
  });

  it("3个多月 is more than 3 months, and so is 3个月余; 1年多 more than a year", () => {
    expect(parseValue("3个多月")).toEqual(readAs("3个多月", ">=", true, "3", "个月"));
    expect(parseValue("3个月余")).toEqual(readAs("3个月余", ">=", true, "3", "个月"));
    expect(parseValue("2个多小时")).toEqual(readAs("2个多小时", ">=", true, "2", "个小时"));
    expect(parseValue("1年多")).toEqual(readAs("1年多", ">=", true, "1", "年"));
    expect(parseValue("3天多")).toEqual(readAs("3天多", ">=", true, "3", "天"));
    expect(parseValue("3月多")).toEqual(readAs("3月多", ">=", true, "3", "月"));
    expect(parseValue("2小时多")).toEqual(readAs("2小时多", ">=", true, "2", "小时"));
    // a suffix word still decides, as in 30余场以内
    expect(parseValue("1年多以内")).toEqual(readAs("1年多以内", "<=", true, "1", "年"));
    // only a unit of time right before the 多: 3个工作日多 is not 3 日, 3年多次 is not 3 年
    expect(parseValue("3个工作日多")).not.toMatchObject({ unit: "日" });
    expect(parseValue("3年多次")).not.toMatchObject({ unit: "年" });
    // the months compare with a target in 个月 or 月
    const target = parseValue("≤6个月");
    const actual = parseValue("3个多月");
    if (target.kind !== "number" || actual.kind !== "number") throw new Error("not numbers");
    expect(comparable(target, actual)).toEqual({ a: "6", b: "3" });
  });
});

describe("parseValue: cells, columns and magnitudes", () => {
  it("a number in a 定性 column is text, and so is a number text", () => {
    expect(parseValue(90, undefined, { operator: "定性" })).toEqual({
      kind: "text",
      raw: "90",
      qualitative: null,
    });
    expect(parseValue("90", undefined, { operator: "定性" })).toEqual({
      kind: "text",
      raw: "90",
      qualitative: null,
    });
    expect(parseValue("按时完成", undefined, { operator: "定性" })).toEqual({
      kind: "text",
      raw: "按时完成",
      qualitative: "achieved",
    });
  });

  it("a text that is not a number is classified even without a 定性 column", () => {
    expect(parseValue("基本完成")).toEqual({
      kind: "text",
      raw: "基本完成",
      qualitative: "partial",
    });
  });

  it("a percent-formatted cell 0.95 is 95 %, with the 指标性质 column's operator", () => {
    expect(parseValue(0.95, "0.00%", { operator: "≥" })).toEqual({
      kind: "number",
      raw: "0.95",
      op: ">=",
      explicitOp: true,
      value: "95",
      unit: "%",
      relative: false,
    });
  });

  it("a number cell takes the unit column when its format has none", () => {
    expect(parseValue(30, "General", { unit: "场" })).toMatchObject({ value: "30", unit: "场" });
    expect(parseValue(30, '0"篇"', { unit: "场" })).toMatchObject({ value: "30", unit: "篇" });
  });

  it("a unit column with a digit or without a letter is no unit", () => {
    expect(parseValue(30, undefined, { unit: "3个" })).toMatchObject({ unit: "" });
    expect(parseValue(30, undefined, { unit: "——" })).toMatchObject({ unit: "" });
    expect(parseValue(30, undefined, { unit: 5 })).toMatchObject({ unit: "" });
    expect(parseValue("30", undefined, { unit: "‰" })).toMatchObject({ unit: "‰" });
  });

  it("float noise is 0: 1e-12 → 0, -1e-12 → 0; 1e-9 itself is kept", () => {
    expect(parseValue(1e-12)).toEqual({
      kind: "number",
      raw: "1e-12",
      op: ">=",
      explicitOp: false,
      value: "0",
      unit: "",
      relative: false,
    });
    expect(parseValue(-1e-12)).toMatchObject({ kind: "number", value: "0" });
    expect(parseValue(1e-9)).toMatchObject({ kind: "number", value: "0.000000001" });
  });

  it("a huge number cell is text: 1e300, -1e300; 1e100 itself is a number", () => {
    expect(parseValue(1e300)).toEqual({ kind: "text", raw: "1e+300", qualitative: null });
    expect(parseValue(-1e300)).toEqual({ kind: "text", raw: "-1e+300", qualitative: null });
    expect(parseValue(1e100)).toMatchObject({ kind: "number", unit: "" });
  });

  it("a typed tiny or huge number is text: 0.0000000001, a 101-digit count", () => {
    expect(parseValue("0.0000000001")).toEqual({
      kind: "text",
      raw: "0.0000000001",
      qualitative: null,
    });
    const huge = "1" + "0".repeat(101);
    expect(parseValue(huge)).toEqual({ kind: "text", raw: huge, qualitative: null });
    expect(parseValue("0")).toEqual(readAs("0", ">=", false, "0", ""));
  });

  it("a text's own operator wins, else the column's, else at least", () => {
    expect(parseValue("30", undefined, { operator: "≤" })).toEqual(
      readAs("30", "<=", true, "30", "")
    );
    expect(parseValue("≥30", undefined, { operator: "≤" })).toEqual(
      readAs("≥30", ">=", true, "30", "")
    );
    expect(parseValue("30场", undefined, { unit: "篇" })).toEqual(
      readAs("30场", ">=", false, "30", "场")
    );
    expect(parseValue("30", undefined, { unit: "篇" })).toEqual(
      readAs("30", ">=", false, "30", "篇")
    );
  });

  it("undefined and objects are empty", () => {
    expect(parseValue(undefined as unknown as null)).toEqual({ kind: "empty", raw: "" });
  });
});

describe("parseValue and parseOperator: second round of survivors", () => {
  it("blanks inside words are ignored: 不 低于 is at least, 未 完成 is not achieved", () => {
    expect(parseOperator("不 低于")).toBe(">=");
    expect(classifyQualitative("未 完成")).toBe("notAchieved");
  });

  it("a non-string operator or qualitative cell is null", () => {
    expect(parseOperator(95)).toBeNull();
    expect(parseOperator(false)).toBeNull();
  });

  it("a sign after a label and an operator: 满意度≥-5 is at least minus five", () => {
    expect(parseValue("满意度≥-5")).toEqual(readAs("满意度≥-5", ">=", true, "-5", ""));
  });

  it("百分之 after a label or an operator: 达到百分之90, ≥百分之90, a 15-letter label", () => {
    expect(parseValue("达到百分之90")).toEqual(readAs("达到百分之90", ">=", false, "90", "%"));
    expect(parseValue("≥百分之90")).toEqual(readAs("≥百分之90", ">=", true, "90", "%"));
    const label15 = "一二三四五六七八九十一二三四五";
    expect(parseValue(`${label15}百分之90`)).toMatchObject({
      kind: "number",
      value: "90",
      unit: "%",
    });
  });

  it("colons end a label, one or several; a colon inside a label makes it text", () => {
    expect(parseValue("满意度::90%")).toEqual(readAs("满意度::90%", ">=", false, "90", "%"));
    expect(parseValue("满:意度90%")).toMatchObject({ kind: "text" });
  });

  it("an operator written before the number wins over an operator word in the label", () => {
    expect(parseValue("超过预算部分≤10%")).toEqual(
      readAs("超过预算部分≤10%", "<=", true, "10", "%")
    );
  });

  it("前 inside a label is not a rank: 提前完成率95% is a number", () => {
    expect(parseValue("提前完成率95%")).toEqual(readAs("提前完成率95%", ">=", false, "95", "%"));
  });

  it("only a four-digit 19xx/20xx is a year: 12000年 is a count of years", () => {
    expect(parseValue("12000年")).toEqual(readAs("12000年", ">=", false, "12000", "年"));
  });

  it("several trailing full stops are dropped: 95%。。", () => {
    expect(parseValue("95%。。")).toEqual(readAs("95%。。", ">=", false, "95", "%"));
  });

  it("two suffix operator words: the one written last decides", () => {
    expect(parseValue("5%以内以上")).toEqual(readAs("5%以内以上", ">=", true, "5", "%"));
    expect(parseValue("5%以上以内")).toEqual(readAs("5%以上以内", "<=", true, "5", "%"));
  });

  it("blanks around a value do not matter: ' 95% '", () => {
    expect(parseValue(" 95% ")).toEqual(readAs(" 95% ", ">=", false, "95", "%"));
  });

  it("if the columns cannot be read, the cell is kept as text with its raw value", () => {
    const broken = {
      get operator(): string {
        throw new Error("unreadable");
      },
    };
    expect(parseValue("95%", undefined, broken)).toEqual({
      kind: "text",
      raw: "95%",
      qualitative: null,
    });
    expect(parseValue(95, undefined, broken)).toEqual({
      kind: "text",
      raw: "95",
      qualitative: null,
    });
    expect(parseValue(true, undefined, broken)).toEqual({
      kind: "text",
      raw: "true",
      qualitative: null,
    });
    expect(parseValue(null, undefined, broken)).toEqual({
      kind: "text",
      raw: "",
      qualitative: null,
    });
  });
});
