// Packages the WPS 表格 add-in from the webpack output (npm run build:wps = webpack, then this script):
//
//   dist/wps/jixiao/               the add-in folder: ribbon.xml, index.html + ribbon.js (the ribbon's callbacks),
//                                  taskpane.html and its bundles (the same pane as in Excel), images/
//   dist/wps/jsplugins.xml         online deployment: IT serves dist/wps/jixiao/ on the intranet and points WPS's
//                                  oem.ini [Server] JSPluginsServer at this file
//   dist/wps/publish.html          online deployment without oem.ini: a user opens this page and clicks 安装
//   dist/wps/offline/jsaddons/     offline deployment: copy the contents into the user's jsaddons folder
//                                  (publish.xml + jixiao_<version>/)
//
//   node scripts/build-wps.js [--web dist/web] [--out dist/wps] [--url https://intranet/jixiao/]
//   (or JIXIAO_WPS_URL=…): the address where dist/wps/jixiao/ will be served, ending in "/".
//
// The pane finds WPS at start (src/taskpane/index.tsx); the office.js tag is dropped from the WPS copy of the page,
// since an offline desktop cannot fetch it and WPS does not need it.
const fs = require("fs");
const path = require("path");

const NAME = "jixiao";
const ROOT = path.resolve(__dirname, "..");

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(web|out|url)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) throw new Error(`build-wps: unknown argument ${argv[i]}`);
    out[m[1]] = argv[++i];
  }
  return out;
}

const xmlEscape = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function copyDir(from, to, skip = () => false) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

function publishHtml(url, version) {
  const addon = { name: NAME, addonType: "et", online: "true", url, version };
  // the same request the wpsjs publish page sends to the WPS local service (wpscloudsvr, port 58890)
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>安装绩效自评助手（WPS 表格加载项）</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.6}button{font-size:1em;padding:.4em 1.2em}</style>
</head>
<body>
<h1>绩效自评助手 · WPS 表格加载项</h1>
<p>加载项地址：<code id="url"></code></p>
<p>请先启动 WPS Office，然后点击“安装”；安装后重新打开 WPS 表格，功能区会出现“绩效自评”选项卡。</p>
<p><button id="install">安装</button> <button id="remove">卸载</button></p>
<p id="status" role="status"></p>
<script>
var ADDON = ${JSON.stringify(addon)};
document.getElementById("url").textContent = ADDON.url;
function send(cmd) {
  var data = JSON.stringify({ cmd: cmd, name: ADDON.name, url: ADDON.url, addonType: ADDON.addonType,
    online: ADDON.online, version: ADDON.version, customDomain: "" });
  var body = btoa(unescape(encodeURIComponent(data)));
  var status = document.getElementById("status");
  var xhr = new XMLHttpRequest();
  xhr.open("POST", "http://127.0.0.1:58890/deployaddons/runParams");
  xhr.onload = function () {
    status.textContent = xhr.status === 200 ? (cmd === "enable" ? "安装成功：请重新打开 WPS 表格。" : "已卸载。") : "WPS 拒绝了请求（" + xhr.status + "）。";
  };
  xhr.onerror = function () {
    status.textContent = "无法连接 WPS 本地服务：请先启动 WPS Office 后重试；仍不行请联系信息中心按离线方式部署。";
  };
  xhr.send(body);
}
document.getElementById("install").onclick = function () { send("enable"); };
document.getElementById("remove").onclick = function () { send("disable"); };
</script>
</body>
</html>
`;
}

function build(options = {}) {
  const web = path.resolve(options.web ?? path.join(ROOT, "dist/web"));
  const out = path.resolve(options.out ?? path.join(ROOT, "dist/wps"));
  let url = options.url ?? process.env.JIXIAO_WPS_URL ?? "http://127.0.0.1:3889/jixiao/";
  if (!url.endsWith("/")) url += "/";
  const version = require(path.join(ROOT, "package.json")).version;
  if (!fs.existsSync(path.join(web, "taskpane.html")))
    throw new Error(
      `build-wps: ${web}/taskpane.html not found — run webpack first (npm run build:wps does)`
    );

  fs.rmSync(out, { recursive: true, force: true });
  const addin = path.join(out, NAME);
  // the task pane and its bundles; the Office manifest and the Office function file stay out
  copyDir(web, addin, (name) => /^(manifest.*\.xml|commands\.html)$/.test(name));
  const pane = path.join(addin, "taskpane.html");
  const html = fs.readFileSync(pane, "utf8");
  fs.writeFileSync(
    pane,
    html.replace(
      // quoted or, in the minified production page, unquoted
      /<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/[^>]*>\s*<\/script>/,
      ""
    )
  );
  for (const file of ["ribbon.xml", "ribbon.js", "index.html"])
    fs.copyFileSync(path.join(ROOT, "src/wps/addin", file), path.join(addin, file));
  fs.mkdirSync(path.join(addin, "images"), { recursive: true });
  for (const size of [32, 64])
    fs.copyFileSync(
      path.join(ROOT, `assets/icon-${size}.png`),
      path.join(addin, "images", `jixiao-${size}.png`)
    );

  const addinUrl = `${url}`;
  fs.writeFileSync(
    path.join(out, "jsplugins.xml"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlEscape(addinUrl)}" enable="enable_dev"/>\n</jsplugins>\n`
  );
  fs.writeFileSync(path.join(out, "publish.html"), publishHtml(addinUrl, version));

  const jsaddons = path.join(out, "offline/jsaddons");
  copyDir(addin, path.join(jsaddons, `${NAME}_${version}`));
  fs.writeFileSync(
    path.join(jsaddons, "publish.xml"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${NAME}_${version}" version="${version}" enable="enable_dev" install="null"/>\n</jsplugins>\n`
  );
  return { out, addin, url: addinUrl, version };
}

module.exports = { build };

if (require.main === module) {
  const result = build(args(process.argv.slice(2)));
  console.log(`WPS 加载项 → ${path.relative(process.cwd(), result.out)}（在线地址 ${result.url}）`);
}
