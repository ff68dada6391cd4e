import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getBuild } from './sites';

/** Every file a build wrote, as site paths ("posts/a/index.html"). */
export function builtFiles(site: string): string[] {
  const root = getBuild(site).outDir;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
    });
  return walk(root).sort();
}

/** The parsed HTML of a page by URL path ("/posts/a/" -> posts/a/index.html). */
export function page(site: string, urlPath: string): CheerioAPI {
  return load(readFileSync(fileForUrl(site, urlPath) ?? missing(site, urlPath), 'utf8'));
}

function missing(site: string, urlPath: string): never {
  throw new Error(`${site}: no built file for ${urlPath}`);
}

/** The built file a local URL path resolves to, or undefined (as a static host would serve it). */
export function fileForUrl(site: string, urlPath: string): string | undefined {
  const root = getBuild(site).outDir;
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  const candidates = clean.endsWith('/') ? [join(clean, 'index.html')] : [clean, `${clean}.html`, join(clean, 'index.html')];
  for (const candidate of candidates) {
    const path = join(root, candidate);
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

/** HTML pages of a build as URL paths ("/", "/posts/a/"), 404 excluded. */
export function htmlPages(site: string): string[] {
  return builtFiles(site)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`);
}
