// Jest for `npm run mutate` (StrykerJS): the node tests only. The jsdom task-pane tests and the chromium test
// exercise the UI, not the rules, and would make every mutation run several times slower.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/ui/", "<rootDir>/test/browser/"],
};
