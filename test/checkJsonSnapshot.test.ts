// `jixiao check --json` on every bundled sample, shared fixture and EXAMPLES form, under every profile, compared
// with the committed snapshot: a refactor of the engine must not change a single finding, number or message.
// After a deliberate change of behaviour: UPDATE_CHECK_SNAPSHOTS=1 npx jest test/checkJsonSnapshot
import * as fs from "node:fs";
import * as path from "node:path";
import { main, type Output } from "../src/cli/main";
import { analyze } from "../src/core/analyze";
import { toCheckJson } from "../src/core/contract";
import { PROFILE_IDS, getProfile } from "../src/core/profiles";
import { EXAMPLE_FORMS } from "./support/examples";
import { haveShared, SHARED_FIXTURES, describeShared } from "./support/shared";

const SNAPSHOTS = path.join(__dirname, "snapshots");
const SAMPLES = path.resolve(__dirname, "../assets/samples");
const update = process.env.UPDATE_CHECK_SNAPSHOTS === "1";

async function checkJson(file: string, profile: string): Promise<unknown> {
  const out: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: () => undefined };
  await main(["check", file, "--profile", profile, "--json"], io);
  const json = JSON.parse(out.join("\n"));
  // the path differs between clones: keep the file name only
  for (const r of Array.isArray(json) ? json : [json]) r.file = path.basename(r.file);
  return json;
}

function compare(name: string, actual: unknown): void {
  const file = path.join(SNAPSHOTS, `${name}.json`);
  const text = JSON.stringify(actual, null, 2) + "\n";
  if (update || !fs.existsSync(file)) {
    if (process.env.CI)
      throw new Error(
        `snapshot ${name}.json is missing: run UPDATE_CHECK_SNAPSHOTS=1 npx jest test/checkJsonSnapshot and commit it`
      );
    fs.mkdirSync(SNAPSHOTS, { recursive: true });
    fs.writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
}

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));

describe("check --json is unchanged on the bundled samples", () => {
  for (const file of samples)
    for (const profile of PROFILE_IDS)
      it(`${file} under ${profile}`, async () =>
        compare(
          `sample-${path.basename(file, ".xlsx")}-${profile}`,
          await checkJson(path.join(SAMPLES, file), profile)
        ));
});

describeShared("check --json is unchanged on the shared fixtures", () => {
  const fixtures = haveShared
    ? fs.readdirSync(SHARED_FIXTURES).filter((f) => f.endsWith(".xlsx"))
    : [];
  for (const file of fixtures)
    for (const profile of PROFILE_IDS)
      it(`${file} under ${profile}`, async () =>
        compare(
          `shared-${path.basename(file, ".xlsx")}-${profile}`,
          await checkJson(path.join(SHARED_FIXTURES, file), profile)
        ));
});

describe("the analysis JSON is unchanged on the EXAMPLES forms", () => {
  for (const ex of EXAMPLE_FORMS)
    it(`${ex.id} under ${ex.profile}`, () =>
      compare(`example-${ex.id}`, toCheckJson(ex.id, analyze(ex.grid, getProfile(ex.profile)))));
});
