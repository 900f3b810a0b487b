// The message a user reads when a write-back fails part way, the same in Excel and WPS (core/host.ts).
import { partialWriteMessage, replacementState } from "../src/core/host";

it("names the cells written (five at most), each replaced sheet's state and the sheets added", () => {
  const cells = ["H15", "H16", "H17", "H18", "H19", "H20"];
  expect(partialWriteMessage("GeneralException", cells, [], [])).toBe(
    "写回中途失败（GeneralException）：已写入 6 个单元格（H15、H16、H17、H18、H19等），其余未写入。可点“撤销”恢复到写回之前。"
  );
  expect(
    partialWriteMessage(
      "超时",
      ["H28"],
      [
        { name: "自评报告", staging: "自评报告~1", state: "oldDeletedStagingLeft" },
        { name: "汇总", staging: "汇总~1", state: "replaced" },
        { name: "说明", staging: "说明~2", state: "stagingAdded" },
      ],
      ["数据"]
    )
  ).toBe(
    "写回中途失败（超时）：已写入 1 个单元格（H28），原工作表“自评报告”已删除，新表仍名为“自评报告~1”，" +
      "原工作表“汇总”已替换为新表，已添加工作表“说明~2”，已添加工作表“数据”，其余未写入。可点“撤销”恢复到写回之前。"
  );
});

it("a replacement's state follows from the workbook after the failure", () => {
  expect(replacementState(false, true)).toBe("stagingAdded");
  expect(replacementState(true, true)).toBe("oldDeletedStagingLeft");
  expect(replacementState(true, false)).toBe("replaced");
});
