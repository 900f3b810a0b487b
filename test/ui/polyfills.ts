// What jsdom lacks and every browser the pane runs in has (docx and ExcelJS use them).
import { configure } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;

// Fluent's first render, axe and the lazily loaded chunks take seconds on a busy 2-core machine: findBy/waitFor
// wait up to 10 s (a real failure still fails, only later).
configure({ asyncUtilTimeout: 10000 });

// Fluent's MessageBar measures itself to reflow its actions (single-line layout)
if (typeof g.ResizeObserver === "undefined")
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
