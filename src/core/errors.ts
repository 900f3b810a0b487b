// Errors the hosts and the pane recognise without loading the engine.
import type { Finding } from "./model";

/** No indicator table on the sheet: `finding` is the TABLE_NOT_FOUND finding that says what was found. */
export class TableNotFoundError extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}
