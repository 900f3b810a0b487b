// A batch row is what `jixiao check FILE --json` says about the file: the batch reads with the direct reader
// (fastRead.ts), the single check through ExcelJS; every finding, number and message must be the same.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { checkFile } from "../src/cli/worker";
import { main, type Output } from "../src/cli/main";
import { PROFILE_IDS } from "../src/core/profiles";
import { readWorkbookFast } from "../src/xlsx/fastRead";
import { EXAMPLE_FORMS } from "./support/examples";
import { haveShared, SHARED_FIXTURES } from "./support/shared";

const SAMPLES = path.resolve(__dirname, "../assets/samples");

async function checkJson(file: string, profile: string): Promise<unknown[]> {
  const out: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: () => undefined };
  await main(["check", file, "--profile", profile, "--json"], io);
  const json = JSON.parse(out.join("\n"));
  return Array.isArray(json) ? json : [json];
}

let dir: string;
const files: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-batch-json-"));
  for (const f of fs.readdirSync(SAMPLES).filter((x) => x.endsWith(".xlsx")))
    files.push(path.join(SAMPLES, f));
  if (haveShared)
    for (const f of fs.readdirSync(SHARED_FIXTURES).filter((x) => x.endsWith(".xlsx")))
      files.push(path.join(SHARED_FIXTURES, f));
  for (const ex of EXAMPLE_FORMS) {
    const file = path.join(dir, `${ex.id}.xlsx`);
    fs.writeFileSync(file, await gridsToXlsx({ sheets: [ex.grid] }));
    files.push(file);
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("every sample, shared fixture and worked example, under every profile: the batch row is check --json", async () => {
  expect(files.length).toBeGreaterThanOrEqual(3 + EXAMPLE_FORMS.length);
  for (const file of files) {
    // the batch really reads these directly
    expect([
      file,
      readWorkbookFast(new Uint8Array(fs.readFileSync(file)), inflateRawSync) !== null,
    ]).toEqual([file, true]);
    for (const profile of ["auto", ...PROFILE_IDS])
      expect([path.basename(file), profile, await checkFile(file, profile)]).toEqual([
        path.basename(file),
        profile,
        await checkJson(file, profile),
      ]);
  }
}, 120000);
