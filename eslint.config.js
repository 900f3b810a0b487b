// Lint, as the yo office React template has it: typescript-eslint's recommended rules, the Office add-in rules
// (sync placement, load before read), React and the rules of hooks, Griffel's rules for makeStyles; the
// CommonJS scripts (webpack.config.js, bin/, bench/) with Node globals; eslint-config-prettier last.
const globals = require("globals");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const react = require("eslint-plugin-react");
const reactHooks = require("eslint-plugin-react-hooks");
const griffel = require("@griffel/eslint-plugin");
const prettier = require("eslint-config-prettier");

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/output/**", "assets/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.tsx", "src/taskpane/**/*.ts"],
    ...react.configs.flat.recommended,
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: globals.browser,
    },
    settings: { react: { version: "detect" } },
  },
  { files: ["**/*.tsx", "src/taskpane/**/*.ts"], ...react.configs.flat["jsx-runtime"] },
  {
    files: ["**/*.tsx", "src/taskpane/**/*.ts"],
    ...reactHooks.configs.flat["recommended-latest"],
    rules: {
      ...reactHooks.configs.flat["recommended-latest"].rules,
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    plugins: { "@griffel": griffel },
    rules: {
      "@griffel/hook-naming": "error",
      "@griffel/no-invalid-shorthand-argument": "error",
      "@griffel/no-shorthands": "error",
      "@griffel/pseudo-element-naming": "error",
      "@griffel/no-deprecated-shorthands": "error",
      "@griffel/styles-file": "off", // styles live beside their component, as in Fluent's own samples
    },
  },
  {
    // issue 7: no file of the engine over 400 lines — a newcomer finds any rule, any fact, in one short file
    files: ["src/core/**/*.ts"],
    rules: { "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    // CommonJS scripts run by Node: require() is how they load modules
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // WPS's ribbon callbacks: plain ES5 in the add-in page, called by name from ribbon.xml
    files: ["src/wps/addin/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser, wps: "readonly" } },
    rules: {
      "no-var": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { varsIgnorePattern: "^(OnAddinLoad|OnAction|GetImage|OnGetEnabled|_)" },
      ],
    },
  },
  prettier
);
