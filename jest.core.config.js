// `npm run test:core`: the engine, gateway and CLI tests without the pane (jsdom, Fluent, axe) and the browser
// test, for a quick loop on a 2-core machine. Extra arguments still filter: `npm run test:core -- test/plan`.
const base = require("./jest.config");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/ui/", "<rootDir>/test/browser/"],
};
