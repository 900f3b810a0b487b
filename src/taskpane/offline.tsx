// Entry of dist/jixiao.html, the web version in one self-contained file (webpack.config.js, offlineConfig): no
// office.js and no Office or WPS host, only the page over an .xlsx file. Every lazy import is folded into the
// one inline script, so the page works from file:// with no server and no network.
import { createRoot } from "react-dom/client";
import { Shell } from "./Shell";
import { WebApp } from "./WebApp";

const container = document.getElementById("container");
// the ES5 guard of the page has already said this browser is too old
if (container && !(window as { __jixiaoUnsupported?: boolean }).__jixiaoUnsupported)
  createRoot(container).render(
    <Shell>
      <WebApp />
    </Shell>
  );
