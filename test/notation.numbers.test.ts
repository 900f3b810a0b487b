// numbers.ts: the plain-number helpers behind every amount, weight, score and rate cell. Expected values are
// worked out by hand from the inputs.
import {
  canonicalDecimal,
  isDateFormat,
  isOutOfRange,
  isPercentFormat,
  isTiny,
  parseNumberCell,
  pow10,
} from "../src/core/numbers";

describe("canonicalDecimal", () => {
  it.each([
    ["", 0, null],
    [".", 0, null],
    ["+", 0, null],
    ["abc", 0, null],
    ["1,000", 0, null],
    ["+5", 0, "5"],
    ["5.", 0, "5"],
    [".5", 0, "0.5"],
    ["-0.000", 0, "0"],
    ["-1.50e1", 0, "-15"],
    ["1.5E+2", 0, "150"],
    ["120", -2, "1.2"],
    ["5", -2, "0.05"],
    ["0.285", 2, "28.5"],
    ["0.0050", 3, "5"],
    ["1.500", 0, "1.5"],
    // the exponent is capped at 400 digits either way
    ["1e401", 0, null],
    ["1e-401", 0, null],
    ["1e399", 2, null],
    ["1e1234567", 0, null],
  ])("canonicalDecimal(%p, %p) → %p", (text, shift, expected) => {
    expect(canonicalDecimal(text, shift)).toBe(expected);
  });

  it("keeps every digit of a long exponent form: 1e400 is 1 and 400 zeros", () => {
    expect(canonicalDecimal("1e400")).toBe("1" + "0".repeat(400));
    expect(canonicalDecimal("-1e-400")).toBe("-0." + "0".repeat(399) + "1");
  });
});

describe("pow10", () => {
  it.each([
    [0, "1"],
    [3, "1000"],
    [-1, "0.1"],
    [-3, "0.001"],
  ])("pow10(%p) → %p", (n, expected) => {
    expect(pow10(n)).toBe(expected);
  });
});

describe("number formats", () => {
  it.each([
    ["0%", true],
    ["0.00%", true],
    ['0"%"', false],
    ['0.0"占比%"', false],
    ["0\\%", false],
    ["[Red]0.00", false],
    [undefined, false],
    [null, false],
  ])("isPercentFormat(%p) → %p", (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });

  it.each([
    ["yyyy/m/d", true],
    ['yyyy"年"m"月"d"日"', true],
    ["h:mm", true],
    ["[h]:mm:ss", true],
    // elapsed time alone: [hh], [mm], [ss] keep their letter
    ["[hh]", true],
    ["[mm]", true],
    ["[ss]", true],
    ["0\\个", false],
    ['General"元"', false],
    ["General", false],
    ["@", false],
    ["  ", false],
    ["0.00E+00", false],
    ['0.00"元"', false],
    ["[Red]#,##0", false],
    ["#,##0_);(#,##0)", false],
    ['#,##0;"负"#,##0', false],
    [undefined, false],
  ])("isDateFormat(%p) → %p", (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe("isTiny and isOutOfRange", () => {
  it.each([
    ["0", false],
    ["0.0000000009", true],
    ["-0.0000000009", true],
    ["0.000000001", false],
    ["5", false],
  ])("isTiny(%p) → %p", (value, expected) => {
    expect(isTiny(value)).toBe(expected);
  });

  it.each([
    [1e15, false],
    [1e16, true],
    [-1e16, true],
    [Infinity, true],
    [NaN, true],
    ["1e16", true],
    [" 1e15 ", false],
    ["Infinity", true],
    ["-Infinity", true],
    [" Infinity ", true],
    ["xInfinity", false],
    ["Infinityx", false],
    ["abc", false],
    [null, false],
    [true, false],
  ])("isOutOfRange(%p) → %p", (input, expected) => {
    expect(isOutOfRange(input)).toBe(expected);
  });

  it("takes another bound: 200 is out of a range of 100", () => {
    expect(isOutOfRange(200, 100)).toBe(true);
    expect(isOutOfRange(100, 100)).toBe(false);
  });
});

describe("parseNumberCell edges", () => {
  it.each([
    // float noise below 1e-9 is read as 0
    [1e-10, undefined, { value: "0", percent: false }],
    [-1e-10, undefined, { value: "0", percent: false }],
    [0.5, "0%", { value: "50", percent: true }],
    [0.5, "0.00", { value: "0.5", percent: false }],
    [1e16, undefined, null],
    [Infinity, undefined, null],
    [true, undefined, null],
    [null, undefined, null],
    ["5千元", undefined, { value: "5", percent: false }],
    ["-5", undefined, { value: "-5", percent: false }],
    ["1,2345", undefined, null],
    ["1e20", undefined, null],
    ["9999999999999999", undefined, null],
    // a typed number that small would make any ratio over it overflow
    ["0.0000000001", undefined, null],
    ["5 %", undefined, { value: "5", percent: true }],
    ["$.5", undefined, { value: "0.5", percent: false }],
    ["5元", undefined, { value: "5", percent: false }],
    ["5亿元", undefined, { value: "5", percent: false }],
  ])("parseNumberCell(%p, %p) → %p", (input, fmt, expected) => {
    expect(parseNumberCell(input as never, fmt)).toEqual(expected);
  });
});
