import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkitten';
import { emojiSvg } from '../../src/lib/og-emoji';
import { OG_FONT_FILES } from '../../src/lib/og-image';
import { stripXmlInvalid } from '../../src/lib/xml-chars';

type Weight = keyof typeof OG_FONT_FILES;
const fonts = new Map<Weight, Font>();

function font(weight: Weight) {
  let f = fonts.get(weight);
  if (!f) {
    const parsed = create(readFileSync(OG_FONT_FILES[weight]));
    // An .otf holds one font; only .ttc/.dfont files are collections.
    if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`${OG_FONT_FILES[weight]} is a font collection`);
    f = parsed;
    fonts.set(weight, f);
  }
  return f;
}

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });

/**
 * Characters of `text` an Open Graph card cannot draw in the given Pretendard weight: not in
 * the font's character map and not an emoji the card draws as an image. satori draws such a
 * character as nothing, silently, so a title would lose letters without any error.
 */
export function missingGlyphs(text: string, weight: Weight): string[] {
  const f = font(weight);
  const missing: string[] = [];
  // Control characters are dropped before drawing, like in the feeds.
  for (const { segment } of graphemes.segment(stripXmlInvalid(text))) {
    if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment) && emojiSvg(segment)) continue;
    for (const ch of segment) {
      if (!f.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(ch);
    }
  }
  return [...new Set(missing)];
}
