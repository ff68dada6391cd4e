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
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { emojiDataUri } from './og-emoji.ts';
import { OG_HEIGHT, OG_WIDTH } from './og-size.ts';
import { encodeRgbaAsPng, filteredRowLength, filterImageUp, filterRowUp, pngFromFilteredRows } from './png.ts';
import { stripXmlInvalid } from './xml-chars.ts';
import { writeCacheFile } from './cache-file.ts';

/**
 * Bump when drawing changes outside the element tree (emoji source, fonts chosen, PNG
 * settings): the tree itself is part of the cache key already.
 */
export const TEMPLATE_VERSION = 2;

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

type SatoriFont = Parameters<typeof import('satori').default>[1]['fonts'][number];
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

/** The cached PNG of the card with this key (./og-predraw.ts draws into the same files). */
export function ogCacheFile(key: string): string {
  return join(ogCacheDir(), `${key}.png`);
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

function rootStyle(): Record<string, unknown> {
  return {
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
  };
}

/**
 * Which parts of the card the tree holds: all of it; only the fixed part (background, band, site
 * name); or only the card's own text, with an empty box of the site name's height in its place so
 * that everything else is laid out exactly as on the whole card.
 */
type CardParts = { kind: 'whole' } | { kind: 'fixed' } | { kind: 'own'; siteNameHeight: number };

function cardTree(card: OgCard, parts: CardParts = { kind: 'whole' }): Node {
  const title = card.title;
  const size = titleSize(title);
  const siteName =
    parts.kind === 'own'
      ? h('div', { display: 'flex', height: parts.siteNameHeight })
      : h('div', { display: 'flex', alignItems: 'center', fontSize: 30, fontWeight: 700, color: COLORS.accent }, card.siteName);
  if (parts.kind === 'fixed') return h('div', rootStyle(), [siteName]);
  return h(
    'div',
    rootStyle(),
    [
      siteName,
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

/**
 * satori, loaded the first time a card is drawn: loading it takes about 0.13 s, which a build whose
 * cards all come from the cache (a warm build, `npm run check`) does not spend.
 */
let satoriModule: Promise<typeof import('satori')> | undefined;

/** The card (or some of its parts) as SVG: satori lays it out and turns every glyph into a path. */
async function cardSvg(card: OgCard, parts?: CardParts): Promise<string> {
  const { default: satori } = await (satoriModule ??= import('satori'));
  return satori(cardTree(normalise(card), parts) as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: loadFonts(),
    // Emoji are drawn as images (Pretendard has none); other scripts the font lacks stay missing,
    // which the glyph-coverage test reports for every title of the site.
    loadAdditionalAsset: async (code, segment) => (code === 'emoji' ? (emojiDataUri(segment) ?? '') : []),
  });
}

/**
 * Why cards are not rasterised whole: resvg's cost follows the number of pixels it fills and
 * reads back (about 20 ms for 1200x630 even when empty), and most of a card (background, top
 * band, site name) is the same on every card. So the fixed part is laid out, rasterised and
 * PNG-filtered once per build; each card is laid out with an empty box where the site name goes
 * (shaping text is most of satori's cost), and only the ink of its own text boxes (kicker and
 * title, then date and author) is rasterised and pasted into a copy of the fixed rows. The
 * pixels are the same as a whole-card render: the boxes are cut at whole pixels, so every path
 * is sampled at the same positions (tests/unit/og-image.test.ts compares them).
 *
 * satori writes the elements in tree order and gives each box an (unused) mask element with
 * its layout rectangle: `satori_om-id-0` is the site name, `-1` the kicker and title (`-1-0`,
 * `-1-1`), `-2` the bottom lines.
 */
const FIRST_CARD_BOX = '<mask id="satori_om-id-1"';
const BOX = /<mask id="satori_om-id-([\d-]+)"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g;
/** Glyphs and anti-aliasing may reach a little past a layout box. */
const BOX_MARGIN = 8;
const RESVG_OPTIONS = { font: { loadSystemFonts: false } } as const;

interface Backdrop {
  /** The fixed part's pixels (RGBA), and a copy each card pastes its boxes into. */
  rgba: Buffer;
  pixels: Buffer;
  /** The fixed part's filtered PNG rows, and a copy each card writes its rows into. */
  filtered: Buffer;
  scratch: Buffer;
  /** Height of the site name's box, which each card's own layout keeps free. */
  siteNameHeight: number;
}
/** Per site name (the only text in the fixed part): one per build in practice. */
const backdrops = new Map<string, Promise<Backdrop | undefined>>();

/** The fixed part drawn once; undefined when its layout is not the expected one (cards are then drawn whole). */
function backdropFor(card: OgCard): Promise<Backdrop | undefined> {
  let backdrop = backdrops.get(card.siteName);
  if (!backdrop) {
    backdrop = cardSvg(card, { kind: 'fixed' }).then((fixedSvg) => {
      const siteNameBox = [...fixedSvg.matchAll(BOX)].find((m) => m[1] === '0');
      const siteNameHeight = Number(siteNameBox?.[5]);
      if (!(siteNameHeight > 0)) return undefined;
      const rgba = Buffer.from(new Resvg(fixedSvg, RESVG_OPTIONS).render().pixels);
      const filtered = filterImageUp(rgba, OG_WIDTH, OG_HEIGHT);
      return { rgba, pixels: Buffer.from(rgba), filtered, scratch: Buffer.from(filtered), siteNameHeight };
    });
    backdrops.set(card.siteName, backdrop);
  }
  return backdrop;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box to rasterise and the SVG elements drawn inside it (text, a kicker's band). */
interface CardBox {
  box: Box;
  content: string;
}

/**
 * The innermost boxes of the card's own part (the kicker, the title, each bottom line), each with
 * the elements that follow its mask up to the next one: an outer box (kicker and title together)
 * has no elements of its own and would cover the empty space between and beside them. Boxes whose
 * margins overlap (two bottom lines) become one: a render's edge rows are sampled a little
 * differently from the same rows inside a larger render, so no box may end inside another's text.
 */
function cardBoxes(variablePart: string): CardBox[] {
  const found = [...variablePart.matchAll(BOX)];
  const ids = found.map((m) => m[1] as string);
  let groups: { box: Box; parts: number[] }[] = [];
  found.forEach((m, i) => {
    if (ids.some((id) => id.startsWith(`${m[1]}-`))) return;
    const [x0, y0, w, h] = m.slice(2, 6).map(Number) as [number, number, number, number];
    const x = Math.max(0, Math.floor(x0 - BOX_MARGIN));
    const y = Math.max(0, Math.floor(y0 - BOX_MARGIN));
    const width = Math.min(OG_WIDTH, Math.ceil(x0 + w + BOX_MARGIN)) - x;
    const height = Math.min(OG_HEIGHT, Math.ceil(y0 + h + BOX_MARGIN)) - y;
    if (width > 0 && height > 0) groups.push({ box: { x, y, width, height }, parts: [i] });
  });
  for (let merged = true; merged; ) {
    merged = false;
    const next: typeof groups = [];
    for (const group of groups) {
      const into = next.find((other) => overlap(other.box, group.box));
      if (!into) {
        next.push(group);
        continue;
      }
      into.box = union(into.box, group.box);
      into.parts.push(...group.parts);
      merged = true;
    }
    groups = next;
  }
  const contentOf = (i: number): string => {
    const m = found[i]!;
    const maskEnd = variablePart.indexOf('</mask>', m.index) + '</mask>'.length;
    return variablePart.slice(maskEnd, found[i + 1]?.index ?? variablePart.lastIndexOf('</svg>'));
  };
  // Elements keep the order satori wrote them in: later ones paint over earlier ones.
  return groups.map(({ box, parts }) => ({ box, content: parts.sort((a, b) => a - b).map(contentOf).join('') }));
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * The part of a box its paths can colour: their bounding box, widened by a pixel for
 * anti-aliasing and cut at whole pixels. A title's layout box spans the whole text width and the
 * line spacing; resvg's cost follows the pixels it renders.
 */
function inkBox(bounds: { x: number; y: number; width: number; height: number } | undefined, box: Box): Box | undefined {
  if (!bounds || !(bounds.width > 0) || !(bounds.height > 0)) return undefined;
  const x = Math.max(box.x, Math.floor(bounds.x) - 1);
  const y = Math.max(box.y, Math.floor(bounds.y) - 1);
  const right = Math.min(box.x + box.width, Math.ceil(bounds.x + bounds.width) + 1);
  const bottom = Math.min(box.y + box.height, Math.ceil(bounds.y + bounds.height) + 1);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when the backdrop is plain `background` inside the box, so the box can be drawn on its own over that colour. */
function plainUnder(backdrop: Backdrop, box: Box, plainRow: Buffer): boolean {
  const span = box.width * 4;
  for (let y = box.y; y < box.y + box.height; y++) {
    const start = (y * OG_WIDTH + box.x) * 4;
    if (!backdrop.rgba.subarray(start, start + span).equals(plainRow.subarray(0, span))) return false;
  }
  return true;
}

/** One row of the card's background colour ("#rrggbb"), as RGBA. */
function plainRowOf(colour: string): Buffer {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
  const row = Buffer.alloc(OG_WIDTH * 4);
  for (let i = 0; i < row.length; i += 4) row.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], i);
  return row;
}
const backgroundRow = plainRowOf(COLORS.background);

async function wholeCard(svg: string): Promise<Buffer> {
  const rendered = await renderAsync(svg, RESVG_OPTIONS);
  return encodeRgbaAsPng(rendered.pixels, OG_WIDTH, OG_HEIGHT);
}

/** The card's own boxes over the fixed part, or undefined when the card has to be drawn whole. */
function rasterise(ownSvg: string, backdrop: Backdrop): Buffer | undefined {
  const cut = ownSvg.indexOf(FIRST_CARD_BOX);
  if (cut < 0 || !ownSvg.startsWith(`<svg width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}"`)) return undefined;
  const variablePart = ownSvg.slice(cut);
  const cardBoxList = cardBoxes(variablePart);
  const boxes = cardBoxList.map(({ box }) => box);
  // A box over the band or the site name (a very long title) would need the fixed part drawn under it.
  // resvg cannot draw part of a card with an embedded image (an emoji): it aborts the process.
  // Elements that point at a clip or mask (url(#…)) would need its definition copied with them.
  if (variablePart.includes('<image') || variablePart.includes('url(#') || boxes.length === 0 || !boxes.every((box) => plainUnder(backdrop, box, backgroundRow))) return undefined;
  const regions = cardBoxList.map(({ box, content }) => {
    // Each box is its own small SVG: the box's elements on the background, seen through a view of
    // exactly the box. The view moves by whole pixels, so every path is sampled where a whole-card
    // render samples it.
    const resvg = new Resvg(
      `<svg width="${box.width}" height="${box.height}" viewBox="${box.x} ${box.y} ${box.width} ${box.height}" xmlns="http://www.w3.org/2000/svg">${content}</svg>`,
      { ...RESVG_OPTIONS, background: COLORS.background },
    );
    // A stroke reaches past the paths' bounding box; satori draws text as filled paths only.
    const bounds = content.includes('stroke') ? undefined : resvg.getBBox();
    const ink = inkBox(bounds, box);
    if (bounds && ink) resvg.cropByBBox(Object.assign(bounds, ink));
    const view = ink ?? box;
    const rendered = resvg.render();
    if (rendered.width !== view.width || rendered.height !== view.height) throw new Error(`og-image: box ${view.width}x${view.height} came out ${rendered.width}x${rendered.height}`);
    return { box: view, pixels: rendered.pixels };
  });
  // The boxes are pasted into the build's one working copy of the backdrop's pixels, and the rows
  // they change are filtered into its copy of the filtered rows: a box's columns on its rows and
  // on the row under it (the Up filter subtracts the row above). After encoding, both copies get
  // the backdrop back. Nothing here awaits in between, so cards drawn at once do not mix.
  const { pixels: canvas, scratch } = backdrop;
  const stride = OG_WIDTH * 4;
  const rowLength = filteredRowLength(OG_WIDTH);
  const columns = new Map<number, [number, number]>();
  for (const { box, pixels } of regions) {
    for (let row = 0; row < box.height; row++) {
      pixels.copy(canvas, (box.y + row) * stride + box.x * 4, row * box.width * 4, (row + 1) * box.width * 4);
    }
    for (let y = box.y; y <= Math.min(OG_HEIGHT - 1, box.y + box.height); y++) {
      const [from, to] = columns.get(y) ?? [box.x, box.x + box.width];
      columns.set(y, [Math.min(from, box.x), Math.max(to, box.x + box.width)]);
    }
  }
  for (const [y, [from, to]] of columns) {
    filterRowUp(scratch, y * rowLength, canvas, y * stride, y > 0 ? canvas : undefined, (y - 1) * stride, OG_WIDTH, from, to);
  }
  try {
    return pngFromFilteredRows(scratch, OG_WIDTH, OG_HEIGHT);
  } finally {
    for (const y of columns.keys()) {
      backdrop.filtered.copy(scratch, y * rowLength, y * rowLength, (y + 1) * rowLength);
      backdrop.rgba.copy(canvas, y * stride, y * stride, (y + 1) * stride);
    }
  }
}

/** Draws a card (no cache). */
export async function drawOgImage(card: OgCard): Promise<Buffer> {
  const backdrop = await backdropFor(normalise(card));
  const drawn = backdrop && rasterise(await cardSvg(card, { kind: 'own', siteNameHeight: backdrop.siteNameHeight }), backdrop);
  ogDrawCounts[drawn ? 'inParts' : 'whole']++;
  return drawn ?? drawOgImageWhole(card);
}

/** How many cards this process drew from their parts and how many whole (emoji, very long titles). */
export const ogDrawCounts = { inParts: 0, whole: 0 };

/** Draws a card the plain way, whole (for tests comparing the two). */
export async function drawOgImageWhole(card: OgCard): Promise<Buffer> {
  return wholeCard(await cardSvg(card));
}

/** Several routes (the image itself, the Twitter feed's enclosure) may ask for the same PNG at once: it is drawn once. */
const inProcess = new Map<string, Promise<Buffer>>();

/** The card as PNG, from the disk cache when an identical card was drawn before. */
export function ogImage(card: OgCard): Promise<Buffer> {
  const key = ogCacheKey(card);
  let png = inProcess.get(key);
  if (!png) {
    png = (async () => {
      const file = ogCacheFile(key);
      if (existsSync(file)) return readFileSync(file);
      const drawn = await drawOgImage(card);
      writeCacheFile(file, drawn);
      return drawn;
    })();
    inProcess.set(key, png);
    // Only while it is being drawn: afterwards the disk cache answers, and ten thousand finished
    // PNGs (about 33 KiB each) are not kept in memory for the rest of the build.
    const settled = () => inProcess.delete(key);
    png.then(settled, settled);
  }
  return png;
}
