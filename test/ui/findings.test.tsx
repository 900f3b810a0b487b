/** @jest-environment jsdom */
// The findings list on its own: two findings may share a cell and a code (a form can be wrong twice in one cell).
import "./polyfills";
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { Finding } from "../../src/core/model";
import { Shell } from "../../src/taskpane/App";
import { FindingList } from "../../src/taskpane/components/FindingList";

const twice: Finding[] = [
  {
    code: "REASON_MISSING",
    severity: "warning",
    sheet: "附件1",
    cell: "I15",
    message: "未完成目标，缺少偏差原因分析",
  },
  {
    code: "REASON_MISSING",
    severity: "warning",
    sheet: "附件1",
    cell: "I15",
    message: "未完成目标，缺少改进措施",
  },
];

function List({ findings }: { findings: Finding[] }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Shell>
      <FindingList
        findings={findings}
        accepted={[]}
        selected={selected}
        fixable={() => false}
        onSelect={(_f, key) => setSelected(key)}
        onToggleAccept={() => undefined}
      />
    </Shell>
  );
}

test("two findings with the same cell and code: both listed, and only the one clicked is current", async () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const user = userEvent.setup();
  const { rerender } = render(<List findings={twice} />);
  const warnings = screen.getByRole("region", { name: /警告/ });
  expect(within(warnings).getAllByRole("listitem")).toHaveLength(2);

  const reason = screen.getByRole("button", { name: /缺少偏差原因分析/ });
  const measure = screen.getByRole("button", { name: /缺少改进措施/ });
  await user.click(measure);
  expect(measure).toHaveAttribute("aria-current", "true");
  expect(reason).not.toHaveAttribute("aria-current");

  // a re-check that no longer finds the first: the second stays, once
  rerender(<List findings={[twice[1]]} />);
  expect(within(warnings).getAllByRole("listitem")).toHaveLength(1);
  expect(screen.getByRole("button", { name: /缺少改进措施/ })).toBeInTheDocument();
  expect(spy.mock.calls.flat().join(" ")).not.toMatch(/same key/); // React's duplicate-key warning
  spy.mockRestore();
});

describe("为什么？", () => {
  it("opens the rule's title, docs and source under a finding", async () => {
    const user = userEvent.setup();
    render(<List findings={[twice[0]]} />);
    const why = screen.getByText("为什么？");
    expect(screen.queryByText(/缺少偏差原因或改进措施（REASON_MISSING）/)).toBeNull();
    await user.click(why);
    expect(await screen.findByText(/缺少偏差原因或改进措施（REASON_MISSING）/)).toBeVisible();
    expect(screen.getByText(/^依据：SPEC §6/)).toBeVisible();
  });
});
