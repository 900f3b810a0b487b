// Just enough of Excel's formula language for the formulas the write-back puts in (=I6+SUM(H13:H27),
// =ROUND(…,2), =IF(H28>=90,"优秀",…)), so the fake workbook in the browser test holds their results as Excel would.
// No Node APIs here (bundled into the page).
import { parseRangeA1, type CellValue } from "../../src/core/grid";

type Value = number | string | boolean | null;
export type CellReader = (address: string) => CellValue;

export function evaluateFormula(formula: string, read: CellReader): Value {
  const src = formula.replace(/^=/, "");
  let i = 0;
  const peek = () => src[i];
  const skip = () => {
    while (src[i] === " ") i++;
  };
  const num = (v: Value) =>
    typeof v === "number"
      ? v
      : typeof v === "boolean"
        ? Number(v)
        : v === null || v === ""
          ? 0
          : Number(v);

  function args(): Value[][] {
    const list: Value[][] = [];
    skip();
    if (peek() === ")") {
      i++;
      return list;
    }
    for (;;) {
      list.push(argument());
      skip();
      if (peek() === ",") i++;
      else if (peek() === ")") {
        i++;
        return list;
      } else throw new Error(`bad formula ${formula}`);
    }
  }

  /** An argument: a range gives all its values. */
  function argument(): Value[] {
    skip();
    const m = /^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      const r = parseRangeA1(m[0].replace(/\$/g, ""));
      const out: Value[] = [];
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) out.push(read(`${letters(col)}${row}`));
      return out;
    }
    return [comparison()];
  }

  function comparison(): Value {
    const left = additive();
    skip();
    const m = /^(>=|<=|<>|=|>|<)/.exec(src.slice(i));
    if (!m) return left;
    i += m[0].length;
    const right = additive();
    const a = num(left);
    const b = num(right);
    return (
      { ">=": a >= b, "<=": a <= b, "<>": a !== b, "=": a === b, ">": a > b, "<": a < b }[m[0]] ??
      false
    );
  }

  function additive(): Value {
    let v = multiplicative();
    for (;;) {
      skip();
      const op = peek();
      if (op !== "+" && op !== "-") return v;
      i++;
      const r = multiplicative();
      v = op === "+" ? num(v) + num(r) : num(v) - num(r);
    }
  }

  function multiplicative(): Value {
    let v = unary();
    for (;;) {
      skip();
      const op = peek();
      if (op !== "*" && op !== "/") return v;
      i++;
      const r = unary();
      v = op === "*" ? num(v) * num(r) : num(v) / num(r);
    }
  }

  function unary(): Value {
    skip();
    if (peek() === "-") {
      i++;
      return -num(unary());
    }
    return primary();
  }

  function primary(): Value {
    skip();
    const rest = src.slice(i);
    if (peek() === "(") {
      i++;
      const v = comparison();
      skip();
      i++; // )
      return v;
    }
    if (peek() === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(rest);
      if (!m) throw new Error(`bad string in ${formula}`);
      i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    const n = /^\d+(\.\d+)?/.exec(rest);
    if (n) {
      i += n[0].length;
      return Number(n[0]);
    }
    const fn = /^([A-Z]+)\(/.exec(rest);
    if (fn) {
      i += fn[0].length;
      const a = args();
      const flat = a
        .flat()
        .filter(
          (v) =>
            typeof v === "number" || (typeof v === "string" && v !== "" && !Number.isNaN(Number(v)))
        );
      const round = (x: number, d: number, down: boolean) => {
        const f = 10 ** d;
        const y = Math.abs(x) * f;
        return (Math.sign(x) * (down ? Math.floor(y + 1e-9) : Math.round(y + 1e-9))) / f;
      };
      switch (fn[1]) {
        case "SUM":
          return flat.reduce<number>((s, v) => s + num(v), 0);
        case "MIN":
          return Math.min(...flat.map(num));
        case "MAX":
          return Math.max(...flat.map(num));
        case "ROUND":
          return round(num(a[0][0]), num(a[1][0]), false);
        case "ROUNDDOWN":
          return round(num(a[0][0]), num(a[1][0]), true);
        case "IF":
          return a[0][0] ? a[1][0] : (a[2]?.[0] ?? false);
        default:
          throw new Error(`miniFormula: ${fn[1]} is not supported`);
      }
    }
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(rest);
    if (ref) {
      i += ref[0].length;
      const v = read(`${ref[1]}${ref[2]}`);
      return v;
    }
    throw new Error(`miniFormula: cannot read "${rest}" in ${formula}`);
  }

  const v = comparison();
  return typeof v === "number" ? Math.round(v * 1e10) / 1e10 : v;
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
