// What jsdom lacks and every browser the pane runs in has (docx and ExcelJS use them).
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
