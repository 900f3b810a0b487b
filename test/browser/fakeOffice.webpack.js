// Bundles test/browser/fakeOfficeHost.ts (the fake Office + Excel of test/support/fakeExcel.ts) into one classic
// script the browser test serves in place of office.js. Output: test/output/browser/fake-office.js.
const path = require("path");

const root = path.resolve(__dirname, "../..");

module.exports = {
  mode: "development",
  devtool: false,
  target: "web",
  context: root,
  entry: path.join(__dirname, "fakeOfficeHost.ts"),
  output: {
    path: path.join(root, "test/output/browser"),
    filename: "fake-office.js",
    clean: false,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            configFile: path.join(root, "tsconfig.json"),
            compilerOptions: { module: "esnext" },
          },
        },
      },
    ],
  },
  performance: { hints: false },
};
