// Grid.text() keeps what it computed; a cell written or a merge added afterwards must show, and two grids with the
// same cells stay equal whichever has been read.
import { Grid } from "../src/core/grid";

describe("Grid.text after the sheet changes", () => {
  it("shows a value set after the cell was read", () => {
    const grid = Grid.fromRows("附件1", [["产出指标", 10]]);
    expect(grid.text(1, 2)).toBe("10");
    grid.set(1, 2, { value: " 12.5 " });
    expect(grid.text(1, 2)).toBe("12.5");
    expect(grid.isEmpty(1, 3)).toBe(true);
    grid.set(1, 3, { value: "得分" });
    expect(grid.isEmpty(1, 3)).toBe(false);
  });

  it("fills a merged area added after its cells were read", () => {
    const grid = Grid.fromRows("附件1", [
      ["产出指标", null],
      [null, "数量指标"],
    ]);
    expect(grid.text(2, 1)).toBe("");
    grid.addMerge({ top: 1, left: 1, bottom: 2, right: 1 });
    expect(grid.text(2, 1)).toBe("产出指标");
  });

  it("leaves two grids with the same cells equal, one read and one not", () => {
    const rows = [
      ["项目名称", "某项目"],
      ["总分", 95],
    ];
    const read = Grid.fromRows("附件1", rows);
    const unread = Grid.fromRows("附件1", rows);
    read.text(2, 2);
    expect(read).toEqual(unread);
    expect(JSON.stringify(read)).toBe(JSON.stringify(unread));
  });
});
