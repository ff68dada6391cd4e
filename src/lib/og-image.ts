/**
 * Open Graph images: a 1200x630 PNG card drawn at build time with satori (layout and text to
 * SVG paths) and resvg (SVG to PNG), in Pretendard, a Korean font shipped by npm.
 *
 * Drawing a card takes tens of milliseconds, so each PNG is cached on disk under Astro's cache
 * folder, keyed by a hash of the element tree handed to satori (text and every style, so a
 * change to the template's look gets new keys by itself), the font package version and
 * TEMPLATE_VERSION. An unchanged post is not drawn again on the next build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import satori from 'satori';
import { renderAsync } from '@resvg/resvg-js';
import { emojiDataUri } from './og-emoji.ts';
import { OG_HEIGHT, OG_WIDTH } from './og-size.ts';
import { stripXmlInvalid } from './xml-chars.ts';

/**
 * Bump when drawing changes outside the element tree (emoji source, fonts chosen, PNG
 * settings): the tree itself is part of the cache key already.
 */
export const TEMPLATE_VERSION = 1;

export interface OgCard {
  /** The page's title, the largest text. */
  title: string;
  /** Short label above the title (category, "설문 조사"). */
  kicker?: string | undefined;
  /** Smaller lines under the title: date and author, or the survey's publisher. */
  meta: string[];
  siteName: string;
}

/** The static OTFs of the `pretendard` package, resolved from the project (the build runs there). */
const projectRequire = createRequire(join(process.cwd(), 'package.json'));
const fontDir = dirname(projectRequire.resolve('pretendard/dist/public/static/Pretendard-Regular.otf'));
const fontVersion = (projectRequire('pretendard/package.json') as { version: string }).version;

/** Font files the card uses, by weight; also read by the glyph-coverage test. */
export const OG_FONT_FILES = {
  400: join(fontDir, 'Pretendard-Regular.otf'),
  700: join(fontDir, 'Pretendard-Bold.otf'),
} as const;

type SatoriFont = Parameters<typeof satori>[1]['fonts'][number];
let fonts: SatoriFont[] | undefined;

/** Read from disk once per build and handed to satori as the same array every time. */
function loadFonts(): SatoriFont[] {
  fonts ??= (Object.entries(OG_FONT_FILES) as [string, string][]).map(([weight, file]) => ({
    name: 'Pretendard',
    data: readFileSync(file),
    weight: Number(weight) as 400 | 700,
    style: 'normal' as const,
  }));
  return fonts;
}

/** Where cached PNGs live: inside Astro's cacheDir (ASTRO_CACHE_DIR in this project's config). */
export function ogCacheDir(): string {
  return resolve(process.env.ASTRO_CACHE_DIR || 'node_modules/.astro', 'og-images');
}

/** Minimal element constructor for satori (a React-like tree without JSX or React). */
interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: Node | string | (Node | string)[] };
}
const h = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

const PADDING_X = 80;
const CONTENT_WIDTH = OG_WIDTH - 2 * PADDING_X;

/** Height left for the title between the site name, the kicker and the bottom line. */
const TITLE_BOX_HEIGHT = 330;
const LINE_HEIGHT = 1.3;

/** Title size steps down with length so that a 120-character title still fits. */
function titleSize(title: string): number {
  const length = [...title].length;
  if (length <= 24) return 76;
  if (length <= 44) return 64;
  if (length <= 72) return 54;
  if (length <= 100) return 44;
  return 40;
}

/** Rough width of a word in em: Hangul and CJK are square, Latin about half as wide. */
function wordEms(word: string): number {
  let ems = 0;
  for (const ch of word) ems += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/u.test(ch) ? 1 : 0.6;
  return ems;
}

/**
 * Korean titles break between words (keep-all), as Korean readers expect; a word too long for
 * one line (a long compound or URL) would overflow the card, so then any break is allowed.
 */
function wordBreak(title: string, size: number): 'keep-all' | 'break-all' {
  const longest = Math.max(0, ...title.split(/\s+/).map(wordEms));
  return longest * size > CONTENT_WIDTH ? 'break-all' : 'keep-all';
}

const COLORS = { background: '#ffffff', text: '#111827', muted: '#4b5563', accent: '#0f766e', band: '#ccfbf1' };

function cardTree(card: OgCard): Node {
  const title = card.title;
  const size = titleSize(title);
  return h(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      // satori sizes boxes like CSS's default content-box: without this the padding pushes
      // the bottom line off the card.
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `56px ${PADDING_X}px 56px`,
      backgroundColor: COLORS.background,
      borderTop: `16px solid ${COLORS.accent}`,
      fontFamily: 'Pretendard',
      color: COLORS.text,
    },
    [
      h('div', { display: 'flex', alignItems: 'center', fontSize: 30, fontWeight: 700, color: COLORS.accent }, card.siteName),
      h('div', { display: 'flex', flexDirection: 'column', width: CONTENT_WIDTH }, [
        ...(card.kicker
          ? [
              h(
                'div',
                {
                  display: 'flex',
                  alignSelf: 'flex-start',
                  fontSize: 26,
                  fontWeight: 700,
                  color: COLORS.accent,
                  backgroundColor: COLORS.band,
                  padding: '6px 16px',
                  borderRadius: 8,
                  marginBottom: 24,
                },
                card.kicker,
              ),
            ]
          : []),
        h(
          'div',
          {
            display: 'block',
            width: CONTENT_WIDTH,
            fontSize: size,
            fontWeight: 700,
            lineHeight: LINE_HEIGHT,
            wordBreak: wordBreak(title, size),
            lineClamp: Math.floor(TITLE_BOX_HEIGHT / (size * LINE_HEIGHT)),
          },
          title,
        ),
      ]),
      h(
        'div',
        { display: 'flex', flexDirection: 'column', width: CONTENT_WIDTH, fontSize: 30, fontWeight: 400, color: COLORS.muted },
        card.meta.map((line) => h('div', { display: 'flex' }, line)),
      ),
    ],
  );
}

/** Text as drawn: no control characters (they have no glyph), whitespace collapsed. */
function tidy(text: string): string {
  return stripXmlInvalid(text).replace(/\s+/g, ' ').trim();
}

function normalise(card: OgCard): OgCard {
  return {
    title: tidy(card.title),
    kicker: card.kicker ? tidy(card.kicker) : undefined,
    meta: card.meta.map(tidy).filter(Boolean),
    siteName: tidy(card.siteName),
  };
}

/** Cache key: everything that changes the pixels. */
export function ogCacheKey(card: OgCard): string {
  const tree = cardTree(normalise(card));
  return createHash('sha256')
    .update(JSON.stringify({ TEMPLATE_VERSION, fontVersion, OG_WIDTH, OG_HEIGHT, tree }))
    .digest('hex')
    .slice(0, 32);
}

/** Draws a card (no cache). */
export async function drawOgImage(card: OgCard): Promise<Buffer> {
  const svg = await satori(cardTree(normalise(card)) as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: loadFonts(),
    // Emoji are drawn as images (Pretendard has none); other scripts the font lacks stay missing,
    // which the glyph-coverage test reports for every title of the site.
    loadAdditionalAsset: async (code, segment) => (code === 'emoji' ? (emojiDataUri(segment) ?? '') : []),
  });
  // Rasterised on libuv's thread pool, so with build.concurrency > 1 other pages render meanwhile.
  const rendered = await renderAsync(svg, { fitTo: { mode: 'width', value: OG_WIDTH } });
  return rendered.asPng();
}

/** Several routes (the image itself, the Twitter feed's enclosure) need the same PNG in one build. */
const inProcess = new Map<string, Promise<Buffer>>();

/** The card as PNG, from the disk cache when an identical card was drawn before. */
export function ogImage(card: OgCard): Promise<Buffer> {
  const key = ogCacheKey(card);
  let png = inProcess.get(key);
  if (!png) {
    png = (async () => {
      const dir = ogCacheDir();
      const file = join(dir, `${key}.png`);
      if (existsSync(file)) return readFileSync(file);
      const drawn = await drawOgImage(card);
      mkdirSync(dir, { recursive: true });
      // Write then rename, so a build running beside this one never reads half a file.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, drawn);
      renameSync(partial, file);
      return drawn;
    })();
    inProcess.set(key, png);
  }
  return png;
}
