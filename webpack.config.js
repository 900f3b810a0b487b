// Bundles the Excel add-in (task pane + ribbon function file) into dist/web, and the web version alone into one
// self-contained file, dist/jixiao.html. Modelled on the yo office React template's webpack.config.js, without
// Babel, polyfills or hot reload.
//
//   npx webpack --mode production                 → dist/web (hashed file names) + dist/jixiao.html
//   npx webpack serve --mode development          → https://localhost:3000 (serves from memory; dist/web only)
//   JIXIAO_PUBLIC_URL=https://host/path/ npx webpack --mode production
//                                                 → dist/web/manifest.xml points at https://host/path/
//
// dist/web and dist/jixiao.html only: the rest of dist/ (dist/src, dist/bench…) belongs to the CLI build
// (tsconfig.cli.json).
//
// Browser builds of the lazily loaded libraries — no resolve.fallback and no Node polyfills are configured:
//   - exceljs: its package.json has "browser": "./dist/exceljs.min.js", and webpack's default mainFields for the
//     web target start with "browser", so `import("exceljs")` resolves to that self-contained browserified bundle
//     (no require() of Node core modules inside).
//   - docx: "exports" → ./dist/index.mjs, a single ESM file with no imports; it ships its own process/Buffer
//     shims and only touches a global Buffer behind `typeof Buffer` checks.
//   If a future dependency does need a Node core module, add it under resolve.fallback rather than aliasing here.
//
// ES2017 everywhere: Office 2019 on Windows renders task panes with EdgeHTML 18 and Excel on Mac with the system
// Safari, so every module — ours and node_modules (React, Fluent, ExcelJS, docx) — goes through esbuild with
// target es2017, and the minifier keeps to it (test/build/es2017.test.ts parses every emitted file with acorn at
// ecmaVersion 2017). esbuild also keeps `import()` as is, so each lazy import stays its own chunk (tsconfig.json
// says module "commonjs" for jest and the CLI). Office 2016 (IE11) gets a message from taskpane.html's ES5 guard.

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");
const webpack = require("webpack");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
/** What every emitted chunk must parse as (EdgeHTML 18, Safari on older Macs). */
const TARGET = "es2017";

/** esbuild for our TypeScript and for every JavaScript module of node_modules, down to ES2017. */
const moduleRules = [
  {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    loader: "esbuild-loader",
    options: { target: TARGET, tsconfig: path.join(__dirname, "tsconfig.json") },
  },
  {
    test: /\.m?js$/,
    include: /[\\/]node_modules[\\/]/,
    loader: "esbuild-loader",
    options: { loader: "js", target: TARGET },
  },
];

/**
 * The pane's minifier stays webpack's own (Terser): it drops the unused icons and styles of Fluent's modules better
 * than esbuild does (−30 KB gzip at start). Terser adds no syntax newer than its input, so ES2017 holds. The
 * offline file, where size matters less than build time, is minified by esbuild (target es2017).
 */
const offlineMinimizer = () => [new EsbuildPlugin({ target: TARGET, legalComments: "none" })];

/**
 * manifest.xml for a server other than the dev server: every https://localhost:3000 becomes `publicUrl` (without
 * its trailing slash; the add-in may live under a path), except <AppDomain>, which takes an origin.
 */
function rewriteManifest(xml, publicUrl) {
  const url = new URL(publicUrl);
  if (url.protocol !== "https:")
    throw new Error(
      `JIXIAO_PUBLIC_URL must be an https:// address (Office requires it): ${publicUrl}`
    );
  return xml
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${url.origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(publicUrl.replace(/\/+$/, ""));
}

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

/** The web version's page for dist/jixiao.html: taskpane.html without office.js, its icon inline. */
function offlinePage(script) {
  const icon = fs.readFileSync(path.join(__dirname, "assets/icon-16.png")).toString("base64");
  const html = fs
    .readFileSync(path.join(__dirname, "src/taskpane/taskpane.html"), "utf8")
    .replace(/\s*<!--[\s\S]*?-->/g, "")
    .replace(/\s*<script\b[^>]*\bsrc="https:\/\/appsforoffice[^"]*"[^>]*>\s*<\/script>/i, "")
    .replace(/href="assets\/icon-16\.png"/, `href="data:image/png;base64,${icon}"`);
  if (/appsforoffice|assets\//.test(html))
    throw new Error("jixiao.html: taskpane.html still refers to office.js or assets/");
  // Inside <script>…</script> the HTML parser must not see a closing tag or a comment opener: \x3C is "<" in
  // every place these can occur in JavaScript (strings, templates, regular expressions).
  const inline = script.replace(/<(\/?script|!--)/gi, "\\x3C$1");
  return html.replace("</body>", () => `<script>${inline}</script>\n</body>`);
}

/** Inlines the offline build's one script into jixiao.html and emits nothing else. */
class SingleFilePlugin {
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SingleFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SingleFilePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          const scripts = Object.keys(assets).filter((n) => n.endsWith(".js"));
          if (scripts.length !== 1) {
            compilation.errors.push(
              new WebpackError(`jixiao.html: expected one script, got ${scripts.join(", ")}`)
            );
            return;
          }
          const page = offlinePage(assets[scripts[0]].source().toString());
          for (const name of Object.keys(assets)) compilation.deleteAsset(name);
          compilation.emitAsset("jixiao.html", new sources.RawSource(page));
        }
      );
    });
  }
}

/**
 * dist/web/chunk-groups.json: the script files each named lazy import loads (pane, host-excel, web…), so that
 * bench/bundleSize.js can add up what a start-up path fetches after the initial scripts, not only those.
 */
class ChunkGroupsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ChunkGroupsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ChunkGroupsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const groups = {};
          for (const group of compilation.chunkGroups)
            if (group.name) groups[group.name] = group.getFiles().filter((f) => f.endsWith(".js"));
          compilation.emitAsset(
            "chunk-groups.json",
            new sources.RawSource(JSON.stringify(groups, null, 1))
          );
        }
      );
    });
  }
}

/** dist/jixiao.html: the web version alone, every lazy import folded into one inline script. */
function offlineConfig() {
  return {
    name: "offline",
    mode: "production",
    context: __dirname,
    // es2017: webpack's runtime and Terser then emit no `?.` or `??` of their own
    target: ["web", TARGET],
    devtool: false,
    entry: { jixiao: "./src/taskpane/offline.tsx" },
    // publicPath "": no chunk is ever loaded, and "auto" would look for a script URL an inline script lacks
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      publicPath: "",
      clean: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: moduleRules },
    optimization: { minimizer: offlineMinimizer(), splitChunks: false },
    performance: { hints: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new SingleFilePlugin()],
  };
}

module.exports = (_env = {}, argv = {}) => {
  // webpack's own default mode is production; only an explicit --mode development gives a dev build.
  const production = argv.mode !== "development";
  const pane = paneConfig(production);
  // the offline file is a production artefact; `webpack serve` and development builds make the pane only
  return production && !process.env.WEBPACK_SERVE ? [pane, offlineConfig()] : pane;
};
module.exports.rewriteManifest = rewriteManifest;
module.exports.offlinePage = offlinePage;

function paneConfig(production) {
  const publicUrl = process.env.JIXIAO_PUBLIC_URL;
  const jsName = production ? "[name].[contenthash].js" : "[name].js";

  return {
    name: "pane",
    mode: production ? "production" : "development",
    context: __dirname,
    // es2017: webpack's runtime and Terser then emit no `?.` or `??` of their own
    target: ["web", TARGET],
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
    module: { rules: moduleRules },
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
      new ChunkGroupsPlugin(),
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
              return rewriteManifest(content.toString(), publicUrl);
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
}
