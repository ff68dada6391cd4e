/**
 * Content as a writer wrote it, read straight from a content folder: the independent oracle the
 * site tests compare built pages and feeds with. Dates follow the site's rule (a bare day is
 * midnight in the configured time zone), computed here without the site's code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import site from '../../src/site.config';

export { site };

export interface SourcePost {
  /** The post's id and URL slug: `a.mdx` and `a/index.mdx` are both `a`. */
  slug: string;
  /** Path under the content folder, e.g. "posts/a/index.mdx". */
  file: string;
  data: Record<string, any>;
  body: string;
}

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds `timeZone` is ahead of UTC at the instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) - Math.floor(ms / 1000) * 1000;
}

/** The instant a bare day ("2010-08-10") starts in `timeZone` (the site's time zone by default). */
export function midnightIn(day: string, timeZone = site.timeZone): number {
  const utc = Date.parse(`${day}T00:00:00Z`);
  let guess = utc - offsetAt(utc, timeZone);
  guess = utc - offsetAt(guess, timeZone);
  return guess;
}

/** `ms` as an ISO date-time with the time zone's offset, e.g. "2026-03-01T23:59:59+09:00". */
export function isoIn(ms: number, timeZone = site.timeZone): string {
  const offset = offsetAt(ms, timeZone);
  const local = new Date(ms + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The calendar day of an instant in the site's time zone, as the site shows it: "2010. 8. 10." */
export function koreanDay(ms: number, timeZone = site.timeZone): string {
  const [y, m, d] = new Date(ms + offsetAt(ms, timeZone)).toISOString().slice(0, 10).split('-').map(Number);
  return `${y}. ${m}. ${d}.`;
}

/** A front-matter date as an instant: a bare day is midnight in the site's time zone. */
export function instant(value: unknown): number {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return BARE_DAY.test(text) ? midnightIn(text) : Date.parse(text);
}

/** Every post file of a content folder (files and folders starting with "_" are never read). */
export function readPosts(contentDir: string): SourcePost[] {
  const dir = join(contentDir, 'posts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('_')) return [];
    const path = join(dir, name);
    let file: string;
    if (statSync(path).isDirectory()) {
      const index = ['index.mdx', 'index.md'].find((f) => existsSync(join(path, f)));
      if (!index) return [];
      file = `posts/${name}/${index}`;
    } else if (/\.mdx?$/.test(name)) {
      file = `posts/${name}`;
    } else {
      return [];
    }
    const text = readFileSync(join(contentDir, file), 'utf8');
    const [, front = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text) ?? [];
    // CORE_SCHEMA keeps dates as written, so a bare day is not taken for midnight UTC.
    const data = (yaml.load(front, { schema: yaml.CORE_SCHEMA }) ?? {}) as Record<string, any>;
    return [{ slug: name.replace(/\.mdx?$/, ''), file, data, body }];
  });
}

/** Newest first, ties broken by id, as the site orders every list. */
export function newestFirst(posts: SourcePost[]): SourcePost[] {
  return [...posts].sort((a, b) => instant(b.data.pubDate) - instant(a.data.pubDate) || a.slug.localeCompare(b.slug));
}

export const isPublished = (post: SourcePost, now: string | number) => post.data.draft !== true && instant(post.data.pubDate) <= new Date(now).getTime();

/** The posts a build at `now` publishes, newest first. */
export function publishedPosts(contentDir: string, now: string | number): SourcePost[] {
  return newestFirst(readPosts(contentDir).filter((p) => isPublished(p, now)));
}

/** JSON files of content/<collection> (surveys, benchmarks) by id. */
export function readJsonDir(contentDir: string, collection: string): { id: string; data: any }[] {
  const dir = join(contentDir, collection);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .sort()
    .map((f) => ({ id: f.slice(0, -5), data: JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
}

/** The name readers see for a category id. */
export function categoryName(id: string): string {
  const category = site.categories.find((c) => c.id === id);
  if (!category) throw new Error(`"${id}" is not a category of src/site.config.ts`);
  return category.name;
}

/** Characters XML 1.0 forbids (HTML too): pages and feeds drop them (src/lib/xml-chars.ts). */
export const stripControl = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
