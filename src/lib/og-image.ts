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
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { emojiDataUri } from './og-emoji.ts';
import { OG_HEIGHT, OG_WIDTH } from './og-size.ts';
import { encodeRgbaAsPng, filteredRowLength, filterImageUp, filterRowUp, pngFromFilteredRows } from './png.ts';
import { stripXmlInvalid } from './xml-chars.ts';

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

/** The card as SVG: satori lays it out and turns every glyph into a path. */
async function cardSvg(card: OgCard): Promise<string> {
  return satori(cardTree(normalise(card)) as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: loadFonts(),
    // Emoji are drawn as images (Pretendard has none); other scripts the font lacks stay missing,
    // which the glyph-coverage test reports for every title of the site.
    loadAdditionalAsset: async (code, segment) => (code === 'emoji' ? (emojiDataUri(segment) ?? '') : []),
  });
}

/**
 * Why cards are not rasterised whole: resvg's cost follows the number of pixels (about 20 ms for
 * 1200x630 even when empty), and most of a card (background, top band, site name) is the same on
 * every card. So the fixed part is rasterised and PNG-filtered once per build, and each card
 * rasterises only the boxes of its own text (kicker and title, then date and author), which it
 * pastes into a copy of the fixed rows. The pixels are the same as a whole-card render: the
 * boxes are cut at whole pixels, so every path is sampled at the same positions.
 *
 * satori writes the elements in tree order and gives each box an (unused) mask element with
 * its layout rectangle: `satori_om-id-0` is the site name, `-1` the kicker and title (`-1-0`,
 * `-1-1`), `-2` the bottom lines. Everything before `-1`'s mask is the fixed part.
 */
const FIRST_CARD_BOX = '<mask id="satori_om-id-1"';
const BOX = /<mask id="satori_om-id-([\d-]+)"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g;
const UNUSED_BOX_MASK = /<mask id="(satori_om-id-[\d-]+)"><rect [^>]*\/><\/mask>/g;
/** Glyphs and anti-aliasing may reach a little past a layout box. */
const BOX_MARGIN = 8;
const RESVG_OPTIONS = { font: { loadSystemFonts: false } } as const;

interface Backdrop {
  rgba: Buffer;
  /** The fixed part's filtered PNG rows, and a copy each card writes its rows into. */
  filtered: Buffer;
  scratch: Buffer;
}
/** Per fixed part (the site name is the only text in it): one per build in practice. */
const backdrops = new Map<string, Backdrop>();

function backdropFor(fixedSvg: string): Backdrop {
  let backdrop = backdrops.get(fixedSvg);
  if (!backdrop) {
    const rgba = Buffer.from(new Resvg(fixedSvg, RESVG_OPTIONS).render().pixels);
    const filtered = filterImageUp(rgba, OG_WIDTH, OG_HEIGHT);
    backdrop = { rgba, filtered, scratch: Buffer.from(filtered) };
    backdrops.set(fixedSvg, backdrop);
  }
  return backdrop;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The innermost boxes of the card's own part (the kicker, the title, each bottom line): an outer
 * box (kicker and title together) also covers the empty space between and beside them.
 */
function cardBoxes(variablePart: string): Box[] {
  const boxes: Box[] = [];
  const found = [...variablePart.matchAll(BOX)];
  const ids = found.map((m) => m[1] as string);
  for (const m of found) {
    if (ids.some((id) => id.startsWith(`${m[1]}-`))) continue;
    const [x0, y0, w, h] = m.slice(2, 6).map(Number) as [number, number, number, number];
    const x = Math.max(0, Math.floor(x0 - BOX_MARGIN));
    const y = Math.max(0, Math.floor(y0 - BOX_MARGIN));
    const width = Math.min(OG_WIDTH, Math.ceil(x0 + w + BOX_MARGIN)) - x;
    const height = Math.min(OG_HEIGHT, Math.ceil(y0 + h + BOX_MARGIN)) - y;
    if (width > 0 && height > 0) boxes.push({ x, y, width, height });
  }
  return boxes;
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

/** SVG to PNG: the fixed part once per build, then only the card's own boxes. */
function rasterise(svg: string): Buffer | Promise<Buffer> {
  const cut = svg.indexOf(FIRST_CARD_BOX);
  const rootEnd = svg.indexOf('>') + 1;
  if (cut < 0 || !svg.startsWith(`<svg width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}"`)) return wholeCard(svg);
  const backdrop = backdropFor(`${svg.slice(0, cut)}</svg>`);
  const variablePart = svg.slice(cut);
  const boxes = cardBoxes(variablePart);
  // A box over the band or the site name (a very long title) would need the fixed part drawn under it.
  // resvg cannot crop a card with an embedded image (an emoji): it aborts the process.
  if (variablePart.includes('<image') || boxes.length === 0 || !boxes.every((box) => plainUnder(backdrop, box, backgroundRow))) return wholeCard(svg);
  // The masks are satori's layout records, referenced by nothing: left out, resvg has less to read.
  const boxSvg = `${svg.slice(0, rootEnd)}<rect x="0" y="0" width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${COLORS.background}"/>${variablePart.replace(UNUSED_BOX_MASK, (mask, id: string) => (variablePart.includes(`url(#${id})`) ? mask : ''))}`;
  const regions = boxes.map((box) => {
    // resvg crops the view to the box and renders only that area (a crop applies once per parse).
    const resvg = new Resvg(boxSvg, RESVG_OPTIONS);
    const crop = resvg.getBBox();
    if (!crop) throw new Error('og-image: empty card');
    Object.assign(crop, box);
    resvg.cropByBBox(crop);
    const rendered = resvg.render();
    if (rendered.width !== box.width || rendered.height !== box.height) throw new Error(`og-image: box ${box.width}x${box.height} came out ${rendered.width}x${rendered.height}`);
    return { box, pixels: rendered.pixels };
  });
  // Pixel rows the boxes change: the backdrop's row with the boxes' pixels over it.
  const rowBuffers = new Map<number, Buffer>();
  const pixelRow = (y: number): { row: Uint8Array; start: number } => {
    let row = rowBuffers.get(y);
    if (row) return { row, start: 0 };
    const over = regions.filter(({ box }) => y >= box.y && y < box.y + box.height);
    if (over.length === 0) return { row: backdrop.rgba, start: y * OG_WIDTH * 4 };
    row = Buffer.from(backdrop.rgba.subarray(y * OG_WIDTH * 4, (y + 1) * OG_WIDTH * 4));
    for (const { box, pixels } of over) {
      const from = (y - box.y) * box.width * 4;
      pixels.copy(row, box.x * 4, from, from + box.width * 4);
    }
    rowBuffers.set(y, row);
    return { row, start: 0 };
  };
  // Filtered rows differ from the backdrop's only in a box's columns, on its rows and the row
  // under it (the Up filter subtracts the row above). The build's one scratch copy of the
  // backdrop's rows is written there, encoded, and put back: nothing here awaits in between.
  const scratch = backdrop.scratch;
  const rowLength = filteredRowLength(OG_WIDTH);
  const columns = new Map<number, [number, number]>();
  for (const { box } of regions) {
    for (let y = box.y; y <= Math.min(OG_HEIGHT - 1, box.y + box.height); y++) {
      const [from, to] = columns.get(y) ?? [box.x, box.x + box.width];
      columns.set(y, [Math.min(from, box.x), Math.max(to, box.x + box.width)]);
    }
  }
  for (const [y, [from, to]] of columns) {
    const current = pixelRow(y);
    const above = y > 0 ? pixelRow(y - 1) : undefined;
    filterRowUp(scratch, y * rowLength, current.row, current.start, above?.row, above?.start ?? 0, OG_WIDTH, from, to);
  }
  try {
    return pngFromFilteredRows(scratch, OG_WIDTH, OG_HEIGHT);
  } finally {
    for (const y of columns.keys()) backdrop.filtered.copy(scratch, y * rowLength, y * rowLength, (y + 1) * rowLength);
  }
}

/** Draws a card (no cache). */
export async function drawOgImage(card: OgCard): Promise<Buffer> {
  return rasterise(await cardSvg(card));
}

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
    // Only while it is being drawn: afterwards the disk cache answers, and ten thousand finished
    // PNGs (about 33 KiB each) are not kept in memory for the rest of the build.
    const settled = () => inProcess.delete(key);
    png.then(settled, settled);
  }
  return png;
}
