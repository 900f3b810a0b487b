// Renders the pane over a fake host, the way index.tsx does inside Excel.
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WorkbookHost } from "../../src/core/host";
import { Shell, TaskPane } from "../../src/taskpane/App";

export function renderPane(host: WorkbookHost) {
  const user = userEvent.setup();
  const view = render(
    <Shell>
      <TaskPane host={host} />
    </Shell>
  );
  return { user, ...view };
}
