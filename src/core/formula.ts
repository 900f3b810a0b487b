// A small evaluator for the formulas a generated 自评表 carries without a cached result (=I6+SUM(H13:H27),
// =ROUND(G8*F8/E8,2)): numbers, + - * /, %, parentheses, cell references and ranges on the same sheet, SUM, MIN,
// MAX and ROUND. It follows Excel's rules where they matter for a total: SUM over a range skips text, booleans
// and empty cells (and counts a merged area once, in its master); an error anywhere is no value. Anything it does
// not understand gives null: the caller then says the formula has no result instead of guessing one.
import { Decimal } from "./decimal";
import { isErrorValue, lettersToCol, type Grid } from "./grid";

interface RangeValue {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type Value = number | RangeValue;

class CannotEvaluate extends Error {}

const fail = (): never => {
  throw new CannotEvaluate();
};

type Token =
  | { t: "num"; v: number }
  | { t: "ref"; v: RangeValue; sheet: string | null }
  | { t: "name"; v: string }
  | { t: "op"; v: string };

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    // an optional sheet prefix: 附件1!A1, 'My sheet'!A1
    let sheet: string | null = null;
    let body = rest;
    const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
    const bare = /^([^\s!'"(),:+\-*/^%&=<>]+)!/.exec(rest);
    const prefix = quoted ?? bare;
    if (prefix) {
      sheet = quoted ? quoted[1].replace(/''/g, "'") : prefix[1];
      body = rest.slice(prefix[0].length);
    }
    const a = CELL.exec(body);
    // a cell reference is not followed by a letter, digit, "(" or "_" (LOG10(, A1B…)
    if (a && !/^[\w(.]/.test(body.slice(a[0].length))) {
      let len = a[0].length;
      let range: RangeValue = {
        top: Number(a[2]),
        left: lettersToCol(a[1]),
        bottom: Number(a[2]),
        right: lettersToCol(a[1]),
      };
      const b = /^:\$?([A-Za-z]{1,3})\$?(\d{1,7})/.exec(body.slice(len));
      if (b && !/^[\w(.]/.test(body.slice(len + b[0].length))) {
        const r2 = Number(b[2]);
        const c2 = lettersToCol(b[1]);
        range = {
          top: Math.min(range.top, r2),
          left: Math.min(range.left, c2),
          bottom: Math.max(range.bottom, r2),
          right: Math.max(range.right, c2),
        };
        len += b[0].length;
      }
      out.push({ t: "ref", v: range, sheet });
      i += rest.length - body.length + len;
      continue;
    }
    if (prefix) fail(); // a sheet name before something that is not a cell
    const n = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(rest);
    if (n) {
      out.push({ t: "num", v: Number(n[0]) });
      i += n[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (name) {
      out.push({ t: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    if ("+-*/%(),".includes(rest[0])) {
      out.push({ t: "op", v: rest[0] });
      i += 1;
      continue;
    }
    fail(); // strings, comparisons, ^, &, array constants…
  }
  return out;
}

/** Excel's ROUND: half away from zero, on the 15 significant digits Excel keeps (ROUND(2.675,2) = 2.68). */
export function excelRound(x: number, digits: number): number {
  const n = Math.trunc(digits);
  if (!Number.isFinite(x)) return fail();
  const d = new Decimal(x.toPrecision(15));
  if (n >= 0) return d.toDecimalPlaces(n, Decimal.ROUND_HALF_UP).toNumber();
  const unit = new Decimal(10).pow(-n);
  return d.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(unit).toNumber();
}

const PLAIN_NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i;

class Evaluator {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly grid: Grid,
    private readonly visiting: Set<string>,
    /** Uncached cells already computed in this evaluation (a SUM over a column of formulas stays linear). */
    private readonly memo: Map<string, number | null>
  ) {}

  run(): number {
    const v = this.expr();
    if (this.pos !== this.tokens.length) fail();
    if (typeof v === "number") return this.scalar(v);
    // =A1 shows what A1 holds: a number (a blank shows 0); TRUE or text is no number for a SUM to count
    if (v.top !== v.bottom || v.left !== v.right) fail();
    const x = this.cellValue(v.top, v.left);
    if (x === null) return 0;
    return typeof x === "number" ? x : fail();
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === "op" && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) fail();
    this.pos++;
  }

  private expr(): Value {
    let left = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.tokens[this.pos++] as { v: string }).v;
      const right = this.scalar(this.term());
      left = op === "+" ? this.scalar(left) + right : this.scalar(left) - right;
    }
    return left;
  }

  private term(): Value {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = (this.tokens[this.pos++] as { v: string }).v;
      const right = this.scalar(this.unary());
      if (op === "*") left = this.scalar(left) * right;
      else {
        if (right === 0) fail(); // #DIV/0!
        left = this.scalar(left) / right;
      }
    }
    return left;
  }

  private unary(): Value {
    if (this.isOp("-")) {
      this.pos++;
      return -this.scalar(this.unary());
    }
    if (this.isOp("+")) {
      this.pos++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp("%")) {
      this.pos++;
      v = this.scalar(v) / 100;
    }
    return v;
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (!t) return fail();
    if (t.t === "num") return t.v;
    if (t.t === "ref") {
      if (t.sheet !== null && t.sheet !== this.grid.sheet) fail(); // another sheet: not in the grid
      return t.v;
    }
    if (t.t === "op" && t.v === "(") {
      const v = this.expr();
      this.expect(")");
      return v;
    }
    if (t.t === "name") {
      this.expect("(");
      const args: Value[] = [];
      if (!this.isOp(")")) {
        args.push(this.expr());
        while (this.isOp(",")) {
          this.pos++;
          args.push(this.expr());
        }
      }
      this.expect(")");
      return this.call(t.v.replace(/^_XLFN\./, ""), args);
    }
    return fail();
  }

  private call(name: string, args: Value[]): number {
    switch (name) {
      case "SUM":
        return this.numbersOf(args).reduce((a, b) => a + b, 0);
      case "MIN":
      case "MAX": {
        const xs = this.numbersOf(args);
        if (xs.length === 0) return 0; // Excel: MIN/MAX of no numbers is 0
        return name === "MIN" ? Math.min(...xs) : Math.max(...xs);
      }
      case "ROUND":
        if (args.length !== 2) fail();
        return excelRound(this.scalar(args[0]), this.scalar(args[1]));
    }
    return fail();
  }

  /** The numbers a SUM/MIN/MAX takes: every number in a referenced range (text, booleans, blanks skipped). */
  private numbersOf(args: Value[]): number[] {
    if (args.length === 0) fail();
    const out: number[] = [];
    for (const a of args) {
      if (typeof a === "number") {
        out.push(a);
        continue;
      }
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          const v = this.cellValue(r, c);
          if (typeof v === "number") out.push(v);
        }
    }
    return out;
  }

  /** A single value, as arithmetic sees it: a blank is 0, TRUE is 1, numeric text is its number. */
  private scalar(v: Value): number {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) fail();
      return v;
    }
    if (v.top !== v.bottom || v.left !== v.right) fail(); // a range where one value is needed
    const x = this.cellValue(v.top, v.left);
    if (x === null) return 0;
    if (typeof x === "number") return x;
    if (typeof x === "boolean") return x ? 1 : 0;
    const s = x.trim();
    if (PLAIN_NUMBER_TEXT.test(s) && s === x) return Number(s);
    return fail(); // #VALUE!
  }

  /** What the cell holds as Excel reads it: a merged area's value only in its master, an error is fatal. */
  private cellValue(row: number, col: number): number | string | boolean | null {
    const cell = this.grid.get(row, col);
    if (!cell) return null;
    if (cell.error !== undefined || isErrorValue(cell.value)) fail();
    if (cell.value === null && cell.formula) {
      const key = `${row},${col}`;
      const known = this.memo.get(key);
      if (known !== undefined) return known === null ? fail() : known;
      if (this.visiting.has(key) || this.visiting.size > 64) fail(); // a circular or too deep chain
      this.visiting.add(key);
      try {
        const v = new Evaluator(
          tokenize(cell.formula.replace(/^=/, "")),
          this.grid,
          this.visiting,
          this.memo
        ).run();
        this.memo.set(key, v);
        return v;
      } catch (e) {
        if (e instanceof CannotEvaluate) this.memo.set(key, null);
        throw e;
      } finally {
        this.visiting.delete(key);
      }
    }
    return cell.value;
  }
}

/**
 * The value of `formula` (with or without its leading "=") over the grid's cells, or null when it cannot be
 * computed here: an error value, text in arithmetic, a division by zero, another sheet, an unknown function.
 */
export function evaluateFormula(formula: string, grid: Grid): number | null {
  try {
    const tokens = tokenize(formula.replace(/^\s*=/, ""));
    const v = new Evaluator(tokens, grid, new Set(), new Map()).run();
    // Excel keeps 15 significant digits: 10 + 79.45 is 89.45, not 89.45000000000002
    return Number.isFinite(v) ? Number(v.toPrecision(15)) : null;
  } catch (e) {
    if (e instanceof CannotEvaluate) return null;
    throw e;
  }
}
