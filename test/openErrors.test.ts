// The preview's “写回后仍有 N 项错误未更正”: which errors a write-back leaves, and which of them are score cells the
// written total adds up.
import { openErrorsAfter } from "../src/core/openErrors";
import type { Analysis } from "../src/core/model";
import type { WritePlan } from "../src/core/writePlan";

const finding = (cell: string, severity: "error" | "warning") => ({ cell, severity });
const analysis = {
  findings: [
    finding("H15", "error"), // a wrong score
    finding("H15", "error"), // a second error at the same cell: counted, named once
    finding("I6", "error"), // the budget score
    finding("G28", "error"), // the 总分 分值, not a score cell
    finding("H22", "warning"),
  ],
  indicators: [{ cells: { score: "H15" } }, { cells: { score: "H22" } }],
  budget: { cells: { score: "I6" } },
  columns: { score: 8 },
} as unknown as Analysis;

const planWriting = (...writes: { address: string; fillOnly?: boolean }[]) =>
  ({ writes }) as unknown as WritePlan;

describe("openErrorsAfter", () => {
  it("a form without a 得分 column has no score cells: an error at an indicator's name is not one", () => {
    const noScores = {
      findings: [finding("D15", "error")],
      // without a 得分 column the parser points an indicator's score cell at its name
      indicators: [{ cells: { score: "D15" } }],
      budget: null,
      columns: { score: null },
    } as unknown as Analysis;
    expect(openErrorsAfter(noScores, null)).toEqual({ count: 1, scoreCells: [] });
  });

  it("counts every error and names the score cells among them, once each, when nothing is written", () => {
    expect(openErrorsAfter(analysis, null)).toEqual({ count: 4, scoreCells: ["H15", "I6"] });
  });

  it("an error whose cell the plan writes (an accepted suggestion) is no longer open", () => {
    expect(openErrorsAfter(analysis, planWriting({ address: "H15" }))).toEqual({
      count: 2,
      scoreCells: ["I6"],
    });
  });

  it("a highlight of the cell fixes nothing", () => {
    expect(openErrorsAfter(analysis, planWriting({ address: "I6", fillOnly: true }))).toEqual({
      count: 4,
      scoreCells: ["H15", "I6"],
    });
  });
});
