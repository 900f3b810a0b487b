// Regular expressions with the Unicode classes \p{L} (letters) and \p{N} (numbers) of ES2018, for engines without
// them too: Office 2019 renders task panes in EdgeHTML 18 (ES2017), where a /\p{L}/u literal is a syntax error that
// stops the whole script. Where the engine has them, the expression is exactly what the literal would be.

/** Inside a character class: Latin (with accents), Greek, Cyrillic, kana, hangul, CJK, full-width Latin. */
const LETTERS =
  "A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u03FF\\u0400-\\u052F" +
  "\\u3005-\\u3007\\u3041-\\u30FF\\u3131-\\u318E\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7A3\\uF900-\\uFAFF" +
  "\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF66-\\uFF9F";
/** Inside a character class: ASCII and full-width digits, superscripts, fractions, circled and Roman numerals. */
const NUMBERS =
  "0-9\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE\\u2070-\\u2079\\u2080-\\u2089\\u2150-\\u2189\\u2460-\\u249B" +
  "\\u3007\\u3021-\\u3029\\uFF10-\\uFF19";

/**
 * `new RegExp(source, flags + "u")`; where the engine lacks Unicode property escapes, `\p{L}` and `\p{N}` (used
 * only inside character classes) stand for the ranges above, without the u flag.
 */
export function unicodeRegExp(source: string, flags = ""): RegExp {
  try {
    return new RegExp(source, flags + "u");
  } catch {
    return withoutPropertyEscapes(source, flags);
  }
}

/** The fallback of unicodeRegExp (exported for its test). */
export function withoutPropertyEscapes(source: string, flags = ""): RegExp {
  return new RegExp(source.split("\\p{L}").join(LETTERS).split("\\p{N}").join(NUMBERS), flags);
}
