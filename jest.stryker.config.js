// Jest for `npm run mutate` (StrykerJS): the node tests only. The jsdom task-pane tests and the chromium test
// exercise the UI, not the rules, and would make every mutation run several times slower.
// MUTATE_TESTS narrows the test files further (a regular expression on their paths), for a quick run on one
// module: MUTATE_TESTS='score|decimal|properties' npm run mutate:file -- src/core/score.ts
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/ui/", "<rootDir>/test/browser/"],
  ...(process.env.MUTATE_TESTS
    ? { testRegex: `test/(${process.env.MUTATE_TESTS})[^/]*\\.test\\.ts$`, testMatch: undefined }
    : {}),
};
