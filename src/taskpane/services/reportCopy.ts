// 复制报告全文: the report as rich text (headings, paragraphs, the score table; Word keeps them on paste) and as
// plain text, put on the clipboard together. Reports true only when the browser took it.
import { BAR_HEADER, textBar, type ReportDoc } from "../../core/report";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function reportHtml(doc: ReportDoc): string {
  const out = [`<h1>${esc(doc.title)}</h1>`];
  for (const b of doc.blocks) {
    if (b.kind === "heading") out.push(`<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`);
    else if (b.kind === "paragraph") out.push(`<p>${esc(b.text).replace(/\r?\n/g, "<br>")}</p>`);
    else {
      const header = [...b.header, ...(b.bars ? [BAR_HEADER] : [])];
      const rows = b.rows.map((r, i) => [
        ...r.map(String),
        ...(b.bars ? [textBar(b.bars[i] ?? NaN)] : []),
      ]);
      out.push(
        `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">` +
          `<tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>` +
          rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("") +
          `</table>`
      );
    }
  }
  return `<meta charset="utf-8">${out.join("\n")}`;
}

export function reportPlain(doc: ReportDoc): string {
  const out = [doc.title];
  for (const b of doc.blocks) {
    if (b.kind !== "table") out.push(b.text);
    else {
      const header = [...b.header, ...(b.bars ? [BAR_HEADER] : [])];
      out.push(
        [
          header.join("\t"),
          ...b.rows.map((r, i) =>
            [...r.map(String), ...(b.bars ? [textBar(b.bars[i] ?? NaN)] : [])].join("\t")
          ),
        ].join("\n")
      );
    }
  }
  return out.join("\n\n") + "\n";
}

/** Puts `html` and `text` on the clipboard: the async Clipboard API, else a copy of a hidden selection. */
export async function copyRich(html: string, text: string): Promise<boolean> {
  const clip = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (clip && typeof clip.write === "function" && typeof ClipboardItem !== "undefined") {
    try {
      await clip.write([
        new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return true;
    } catch {
      // permission refused (task panes without clipboard-write): try the older way
    }
  }
  return copyBySelection(html, text);
}

function copyBySelection(html: string, text: string): boolean {
  if (typeof document === "undefined" || typeof document.execCommand !== "function") return false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData("text/html", html);
    e.clipboardData.setData("text/plain", text);
    e.preventDefault();
  };
  const holder = document.createElement("div");
  holder.textContent = text;
  holder.style.position = "fixed";
  holder.style.left = "-10000px";
  document.body.appendChild(holder);
  const selection = document.getSelection();
  const range = document.createRange();
  range.selectNodeContents(holder);
  selection?.removeAllRanges();
  selection?.addRange(range);
  document.addEventListener("copy", onCopy);
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    document.removeEventListener("copy", onCopy);
    selection?.removeAllRanges();
    holder.remove();
  }
}
