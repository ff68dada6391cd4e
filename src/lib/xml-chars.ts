/**
 * XML 1.0 allows only these characters (https://www.w3.org/TR/xml/#charsets):
 *   #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 * A serialiser escapes "<" and "&" but cannot escape these others: even as "&#8;" they make
 * the document ill-formed, and a strict reader rejects the whole feed. A stray control
 * character pasted into a title must therefore be dropped before any text reaches a feed.
 */
// The `u` flag makes a lone surrogate one unit of its own, so only unpaired ones match the range.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids. */
export function stripXmlInvalid(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** True when `text` holds a character XML 1.0 forbids. */
export function hasXmlInvalid(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(text);
  FORBIDDEN.lastIndex = 0;
  return found;
}
