// units.ts: which text is a unit, and the factor between two units. Expected values are worked out by hand.
import type { NumberValue } from "../src/core/notation";
import { comparable, formatUnit, isUnit, normalizeUnit, unitFactor } from "../src/core/units";

const num = (value: string, unit = ""): NumberValue => ({
  kind: "number",
  raw: `${value}${unit}`,
  op: ">=",
  explicitOp: false,
  value,
  unit,
  relative: false,
});

describe("formatUnit", () => {
  it.each([
    ['0.00"万元"', "万元"],
    ["0\\个", "个"],
    ['0"万元";-0"元"', "万元"],
    ['0" 个 "', "个"],
    ['0"月底之前"', ""],
    ["0.00", ""],
    ["", ""],
    [undefined, ""],
    [null, ""],
  ])("formatUnit(%p) → %p", (fmt, expected) => {
    expect(formatUnit(fmt)).toBe(expected);
  });
});

describe("normalizeUnit and isUnit", () => {
  it.each([
    ["百分比", "%"],
    ["百分率", "%"],
    ["百分数", "%"],
    [" 万 元 ", "万元"],
    ["ｋｍ", "km"],
    ["场", "场"],
  ])("normalizeUnit(%p) → %p", (unit, expected) => {
    expect(normalizeUnit(unit)).toBe(expected);
  });

  it.each([
    ["", true],
    ["场", true],
    ["个/年", true],
    ["‰", true],
    ["千瓦时", true],
    // not in the list, but short and letters only: taken as a unit
    ["abc", true],
    ["abcd", true],
    ["ab1", false],
    ["abcde", false],
    ["年底前", false],
    ["完成", false],
    ["1个", false],
    ["个-次", false],
  ])("isUnit(%p) → %p", (unit, expected) => {
    expect(isUnit(unit)).toBe(expected);
  });
});

describe("unitFactor: b's value × factor is in a's unit", () => {
  it.each([
    ["元", "万元", "10000"],
    ["万元", "元", "0.0001"],
    ["元", "亿元", "100000000"],
    ["元", "千元", "1000"],
    ["元", "百万元", "1000000"],
    ["万元", "千万元", "1000"],
    ["万人", "人", "0.0001"],
    ["", "场", "1"],
    ["场", "", "1"],
    ["工作日", "个工作日", "1"],
    ["天", "日", "1"],
    ["人", "名", "1"],
    ["人", "位", "1"],
    ["千米", "公里", "1"],
    ["万", "万", "1"],
    ["场", "篇", null],
    ["日", "篇", null],
    ["名", "场", null],
    ["位", "场", null],
    ["公里", "场", null],
    ["个", "人", null],
    ["万", "千", null],
  ])("unitFactor(%p, %p) → %p", (a, b, expected) => {
    expect(unitFactor(a, b)).toBe(expected);
  });
});

describe("comparable", () => {
  it("3 万元 against 30000 元: both in 万元", () => {
    expect(comparable(num("3", "万元"), num("30000", "元"))).toEqual({ a: "3", b: "3" });
  });
  it("95% against a fraction 0.96: the fraction is read as 96%", () => {
    expect(comparable(num("95", "%"), num("0.96"))).toEqual({ a: "95", b: "96" });
  });
  it("a fraction 0.9 against 95%: the fraction is read as 90%", () => {
    expect(comparable(num("0.9"), num("95", "%"))).toEqual({ a: "90", b: "95" });
  });
  it("95% against a bare 1.5: not a fraction, kept", () => {
    expect(comparable(num("95", "%"), num("1.5"))).toEqual({ a: "95", b: "1.5" });
  });
  it("1% against a bare 1: 1% is no percent above 1, nothing converted", () => {
    expect(comparable(num("1", "%"), num("1"))).toEqual({ a: "1", b: "1" });
  });
  it("a bare 2 against 1.5%: 2 is above 1, kept", () => {
    expect(comparable(num("2"), num("1.5", "%"))).toEqual({ a: "2", b: "1.5" });
  });
  it("only a bare fraction against a percent is converted", () => {
    expect(comparable(num("3", "场"), num("0.5"))).toEqual({ a: "3", b: "0.5" });
    expect(comparable(num("95", "%"), num("0.5", "%"))).toEqual({ a: "95", b: "0.5" });
    expect(comparable(num("0.5"), num("3", "场"))).toEqual({ a: "0.5", b: "3" });
    expect(comparable(num("0.5", "%"), num("95", "%"))).toEqual({ a: "0.5", b: "95" });
  });
  it("units that do not compare, or a value that is no number: null", () => {
    expect(comparable(num("3", "场"), num("3", "篇"))).toBeNull();
    expect(comparable(num("abc", "场"), num("3", "场"))).toBeNull();
    expect(comparable(num("3", "场"), num("x", "场"))).toBeNull();
  });
});
