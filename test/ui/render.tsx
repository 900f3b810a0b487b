// Renders the pane over a fake host, the way index.tsx does inside Excel.
import "@testing-library/jest-dom";
import { render, screen, waitFor } from "@testing-library/react";
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

/**
 * The open dialog, once it is accessible: Fluent's modal keeps aria-hidden on the surface for a moment while it
 * opens (longer on a busy machine), and queries by role skip hidden elements.
 */
export async function openedDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole("dialog", { hidden: true });
  await waitFor(() => expect(dialog).not.toHaveAttribute("aria-hidden"));
  return dialog;
}
