/**
 * Emoji for Open Graph cards. Pretendard has no emoji and satori draws a missing glyph as
 * nothing, so a title such as "Q&A 🎉" would lose its emoji silently. satori asks for each
 * emoji as an image instead; they come from Google's Noto Emoji (Apache-2.0), shipped by npm
 * as @iconify-json/noto (one SVG body per emoji, indexed by code points).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface IconSet {
  width?: number;
  height?: number;
  icons: Record<string, { body: string; width?: number; height?: number }>;
  aliases?: Record<string, { parent: string }>;
}

const projectRequire = createRequire(join(process.cwd(), 'package.json'));

let chars: Record<string, string> | undefined;
let icons: IconSet | undefined;

/** The 25 MB icon set is read only when a title actually contains an emoji. */
function load(): { chars: Record<string, string>; icons: IconSet } {
  chars ??= JSON.parse(readFileSync(projectRequire.resolve('@iconify-json/noto/chars.json'), 'utf8')) as Record<string, string>;
  icons ??= JSON.parse(readFileSync(projectRequire.resolve('@iconify-json/noto/icons.json'), 'utf8')) as IconSet;
  return { chars, icons };
}

/** "❤️" -> "2764"; the set's keys leave out the emoji variation selector U+FE0F. */
function codeKey(emoji: string, keepVariation: boolean): string {
  return [...emoji]
    .map((c) => c.codePointAt(0)!)
    .filter((cp) => keepVariation || cp !== 0xfe0f)
    .map((cp) => cp.toString(16))
    .join('-');
}

/** A standalone SVG of `emoji` (one grapheme cluster), or undefined when the set lacks it. */
export function emojiSvg(emoji: string): string | undefined {
  const { chars, icons } = load();
  const name = chars[codeKey(emoji, false)] ?? chars[codeKey(emoji, true)];
  if (!name) return undefined;
  let iconName = name;
  // An alias points at the icon it shares a drawing with.
  for (let hops = 0; !icons.icons[iconName] && icons.aliases?.[iconName] && hops < 5; hops++) {
    iconName = icons.aliases[iconName]!.parent;
  }
  const icon = icons.icons[iconName];
  if (!icon) return undefined;
  const width = icon.width ?? icons.width ?? 16;
  const height = icon.height ?? icons.height ?? 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${icon.body}</svg>`;
}

/** `emojiSvg` as a data URI, the form satori's `loadAdditionalAsset` returns for an emoji. */
export function emojiDataUri(emoji: string): string | undefined {
  const svg = emojiSvg(emoji);
  return svg === undefined ? undefined : `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
