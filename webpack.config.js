// Bundles the Excel add-in (task pane + ribbon function file) into dist/web. Modelled on the yo office React
// template's webpack.config.js, without Babel, polyfills or hot reload.
//
//   npx webpack --mode production                 → dist/web (hashed file names)
//   npx webpack serve --mode development          → https://localhost:3000 (serves from memory)
//   JIXIAO_PUBLIC_URL=https://host/path/ npx webpack --mode production
//                                                 → also rewrites https://localhost:3000 in dist/web/manifest.xml
//
// dist/web only: the rest of dist/ (dist/src, dist/bench…) belongs to the CLI build (tsconfig.cli.json).
//
// Browser builds of the lazily loaded libraries — no resolve.fallback and no Node polyfills are configured:
//   - exceljs: its package.json has "browser": "./dist/exceljs.min.js", and webpack's default mainFields for the
//     web target start with "browser", so `import("exceljs")` resolves to that self-contained browserified bundle
//     (no require() of Node core modules inside).
//   - docx: "exports" → ./dist/index.mjs, a single ESM file with no imports; it ships its own process/Buffer
//     shims and only touches a global Buffer behind `typeof Buffer` checks.
//   If a future dependency does need a Node core module, add it under resolve.fallback rather than aliasing here.
//
// TypeScript: tsconfig.json says module "commonjs" (for jest and the CLI). Bundling with that would turn every
// `import()` into `Promise.resolve().then(() => require(...))`, i.e. no lazy chunk, so ts-loader overrides it to
// ES modules here. Target ES2020 is fine for the hosts that have ExcelApi 1.9 (Microsoft 365 / Office 2021+ on
// WebView2, Excel on the web, Excel on Mac); no IE11/EdgeHTML support is attempted.

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * HTTPS for the dev server: the Office dev certificates (created by `npx office-addin-dev-certs install`, trusted
 * by Office) when present, otherwise webpack-dev-server's own self-signed certificate (the browser and Office will
 * warn until it is trusted).
 */
function devServerHttps() {
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const paths = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, path.join(DEV_CERT_DIR, f)])
  );
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return {
      type: "https",
      options: {
        ca: fs.readFileSync(paths.ca),
        cert: fs.readFileSync(paths.cert),
        key: fs.readFileSync(paths.key),
      },
    };
  }
  return "https";
}

module.exports = (_env = {}, argv = {}) => {
  // webpack's own default mode is production; only an explicit --mode development gives a dev build.
  const production = argv.mode !== "development";
  const publicUrl = process.env.JIXIAO_PUBLIC_URL;
  const jsName = production ? "[name].[contenthash].js" : "[name].js";

  return {
    mode: production ? "production" : "development",
    context: __dirname,
    target: "web",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: jsName,
      chunkFilename: jsName,
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              compilerOptions: { module: "esnext", sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Loaded on demand with import(): each its own chunk, never merged into the task pane's start-up code.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          docx: {
            test: /[\\/]node_modules[\\/]docx[\\/]/,
            name: "docx",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          // Start-up libraries (React, Fluent UI…) in one cacheable chunk next to the entry.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: "initial",
            priority: 10,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (!production || !publicUrl) return content;
              const xml = content.toString();
              // AppDomain takes an origin; everything else the full base (the add-in may live under a path).
              const domain = xml
                .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
                .join(`<AppDomain>${new URL(publicUrl).origin}</AppDomain>`);
              return domain.split(DEV_ORIGIN).join(publicUrl.replace(/\/+$/, ""));
            },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false, // everything (pages, bundles, icons, manifest) comes from the compilation
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
