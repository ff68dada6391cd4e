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

/**
 * HTML forbids a little more than XML: every control character but whitespace (C1 controls
 * U+007F-U+009F too) and the noncharacters (U+FDD0-U+FDEF and the last two code points of each
 * plane). A stray one in a title or a paragraph is invisible to a reader but makes the page invalid
 * (the W3C checker: "Forbidden code point"), so text from a writer drops them before any page,
 * feed or image shows it. U+000C (form feed), allowed in HTML, is dropped as well, for XML's sake.
 */
const MARKUP_FORBIDDEN = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 or HTML forbids (a superset of stripXmlInvalid's). */
export function stripMarkupInvalid(text: string): string {
  return text.replace(MARKUP_FORBIDDEN, '').replace(ASTRAL, (c) => ((c.codePointAt(0)! & 0xfffe) === 0xfffe ? '' : c));
}

/** True when `text` holds a character stripMarkupInvalid drops. */
export function hasMarkupInvalid(text: string): boolean {
  return stripMarkupInvalid(text) !== text;
}
