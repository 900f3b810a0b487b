// ../shared exists on developer machines and in CI, not on a user's clone: tests that read it skip with a note.
import * as fs from "node:fs";
import * as path from "node:path";

export const SHARED = path.resolve(__dirname, "../../../shared");
export const SHARED_FIXTURES = path.join(SHARED, "fixtures");
export const haveShared = fs.existsSync(path.join(SHARED_FIXTURES, "xicheng-kepu-2024.xlsx"));

let noted = false;
/** describe() when ../shared is there, describe.skip() with a printed note when it is not. */
export function describeShared(name: string, fn: () => void): void {
  if (!haveShared && !noted) {
    noted = true;
    console.log(
      `note: ${SHARED} is absent; tests on the shared fixtures are skipped (the project's own samples cover the same cases)`
    );
  }
  (haveShared ? describe : describe.skip)(name, fn);
}

export function sharedFixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(SHARED_FIXTURES, name)));
}
