/**
 * JSON for a <script type="application/json"> or JSON-LD element. Inside <script> the HTML
 * parser ends the element at "</script" whatever the JSON says, so "<" (and the line
 * separators JavaScript once rejected) are written as \u escapes: still the same JSON value,
 * but no text can close the element or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
