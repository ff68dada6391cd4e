/**
 * Internal-link check over a built site: every local `href`, `src` and `srcset` of every HTML
 * page must lead to a built file, and a `#fragment` to an element with that id. A broken link
 * that a writer typed is reported at its line in the post file; one that comes from a template
 * is reported once with the pages it appears on.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { writeCacheFile } from '../cache-file.ts';
import { formatDate } from '../dates.ts';
import site from '../../site.config.ts';
import { decodePercent } from '../urls.ts';
import type { PostInfo } from './post.ts';
import type { Problem, Severity } from './problems.ts';

export interface FoundLink {
  tag: string;
  attribute: string;
  url: string;
}

export interface PageScan {
  links: FoundLink[];
  ids: Set<string>;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** Open Graph and Twitter images are pages' links too: a missing one shows as a blank card. */
const META_URLS = new Set(['og:image', 'twitter:image', 'og:url']);

/** Links and element ids of one HTML document. */
export function scanHtml(html: string): PageScan {
  const links: FoundLink[] = [];
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        if (attribs.id) ids.add(attribs.id);
        if (tag === 'a' && attribs.name) ids.add(attribs.name);
        if (tag === 'meta') {
          const key = attribs.property ?? attribs.name;
          if (key && META_URLS.has(key) && attribs.content) links.push({ tag, attribute: key, url: attribs.content });
          return;
        }
        for (const attribute of URL_ATTRIBUTES[tag] ?? []) {
          const value = attribs[attribute];
          if (value === undefined) continue;
          if (attribute === 'srcset') {
            for (const candidate of value.split(',')) {
              const url = candidate.trim().split(/\s+/)[0];
              if (url) links.push({ tag, attribute, url });
            }
          } else {
            links.push({ tag, attribute, url: value });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { links, ids };
}

/** This module's code and its parser: scans kept by another version of either are not used. */
function scanVersion(): string {
  const parser = findPackageJSON('htmlparser2', import.meta.url);
  return createHash('sha256')
    .update(readFileSync(import.meta.filename))
    .update(parser ? readFileSync(parser) : '')
    .digest('base64url');
}

/**
 * The scans of an earlier build's pages, by a hash of each page's bytes, so a page that did not
 * change is not parsed again: parsing is most of the check (about 0.4 ms a page, 9-11 s at 10,000
 * posts). Kept as one JSON file; only the pages of the latest check are written back.
 */
class ScanCache {
  private readonly file: string | undefined;
  private readonly before: Record<string, string> = {};
  private readonly now = new Map<string, string>();
  private readonly version: string;

  // No parameter properties: Node loads this module by stripping types, which cannot rewrite them.
  constructor(file: string | undefined) {
    this.file = file;
    this.version = file ? scanVersion() : '';
    if (!file) return;
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; scans?: Record<string, string> };
      if (kept.version === this.version && kept.scans) this.before = kept.scans;
    } catch {
      // None yet, or unreadable: every page is parsed.
    }
  }

  scan(bytes: Buffer): PageScan {
    if (!this.file) return scanHtml(bytes.toString('utf8'));
    const key = createHash('sha256').update(bytes).digest('base64url');
    const kept = this.now.get(key) ?? this.before[key];
    if (kept !== undefined) {
      this.now.set(key, kept);
      const [links, ids] = JSON.parse(kept) as [[string, string, string][], string[]];
      return { links: links.map(([tag, attribute, url]) => ({ tag, attribute, url })), ids: new Set(ids) };
    }
    const scan = scanHtml(bytes.toString('utf8'));
    this.now.set(key, JSON.stringify([scan.links.map((l) => [l.tag, l.attribute, l.url]), [...scan.ids]]));
    return scan;
  }

  /** Writes the scans of this check back, whole or not at all; failing to keep them fails nothing. */
  save(): void {
    if (!this.file) return;
    try {
      writeCacheFile(this.file, JSON.stringify({ version: this.version, scans: Object.fromEntries(this.now) }));
    } catch {
      // The next check parses every page again.
    }
  }
}

/** Every file of the built site, as site paths ("/posts/a/index.html"). */
export function listBuiltFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) {
      // Astro's own scratch folders are not part of the site.
      if (prefix === '' && name.startsWith('.')) continue;
      out.push(...listBuiltFiles(abs, `${prefix}/${name}`));
    } else {
      out.push(`${prefix}/${name}`);
    }
  }
  return out;
}

/** "/posts/a/index.html" -> "/posts/a/"; "/404.html" stays. */
export function pagePath(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}


export type Resolved =
  | { internal: false }
  | { internal: true; path: string; hash: string; file?: string };

/** Where a link on `page` leads, and the built file that answers it if there is one. */
export function resolveLink(url: string, page: string, files: Set<string>, siteUrl: string): Resolved {
  const trimmed = url.trim();
  if (trimmed === '') return { internal: false };
  const origin = new URL(`${siteUrl}/`).origin;
  let target: URL;
  try {
    target = new URL(trimmed, `${origin}${page}`);
  } catch {
    return { internal: true, path: trimmed, hash: '' };
  }
  if (target.origin !== origin) return { internal: false };
  const path = decodePercent(target.pathname);
  const hash = decodePercent(target.hash.replace(/^#/, ''));
  const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
  return { internal: true, path, hash, file: candidates.find((c) => files.has(c)) };
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** Up to three built pages whose path is close to `path` ("did you mean"). */
export function similarPages(path: string, pages: string[]): string[] {
  // A typo is a few letters of the last part of the address ("targt" for "target"), not a different word.
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const limit = Math.max(1, Math.floor(last.length / 3));
  return pages
    .map((p) => ({ p, d: levenshtein(p, path) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.p.localeCompare(b.p))
    .slice(0, 3)
    .map(({ p }) => p);
}

/** 1-based line of the first line of `source` that contains one of `needles`. */
export function lineContaining(source: string, needles: string[]): number | undefined {
  const lines = source.split('\n');
  for (const needle of needles.filter(Boolean)) {
    const index = lines.findIndex((l) => l.includes(needle));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

export interface LinkCheckOptions {
  /** The built site. */
  dir: string;
  /** Posts of the content folder (from checkContent), to name files and explain unpublished targets. */
  posts: PostInfo[];
  /** Severity of broken links that come from templates rather than a post (the build only warns). */
  templateSeverity: Severity;
  siteUrl?: string;
  /** Where the pages' scans are kept for the next check (inside Astro's cache); none: nothing kept. */
  cacheDir?: string;
}

export interface LinkCheckResult {
  problems: Problem[];
  pages: number;
  links: number;
}

interface Broken {
  page: string;
  link: FoundLink;
  reason: string;
  /** For a writer who typed the link in a post. */
  fix: string;
  /** For a developer when the link comes from a template. */
  templateFix?: string;
  suggestion?: string;
  severity: Severity;
}

export function checkLinks(options: LinkCheckOptions): LinkCheckResult {
  const siteUrl = options.siteUrl ?? site.url;
  const fileList = listBuiltFiles(options.dir);
  const files = new Set(fileList);
  const htmlFiles = fileList.filter((f) => f.endsWith('.html')).sort((a, b) => pagePath(a).localeCompare(pagePath(b)));
  const pages = htmlFiles.map(pagePath).filter((p) => p.endsWith('/'));
  const postsById = new Map(options.posts.map((p) => [p.id, p]));
  const scans = new ScanCache(options.cacheDir && join(options.cacheDir, 'link-scans.json'));
  const scanFile = (file: string) => scans.scan(readFileSync(join(options.dir, file)));
  // Only the ids of each page are kept as objects (for "#fragment" links from other pages), not
  // its links; the scans kept for the next check are one string a page.
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = scanFile(file).ids;
      idsByFile.set(file, ids);
    }
    return ids;
  };

  const broken: Broken[] = [];
  let linkCount = 0;
  // Each distinct link is resolved once: most ("/posts/a/", the stylesheet) are the same on every
  // page and do not depend on it. Likewise each distinct "#fragment" of a file is looked up once.
  const rootRelative = new Map<string, Resolved>();
  const resolve = (url: string, page: string): Resolved => {
    if (!url.startsWith('/') || url.startsWith('//')) return resolveLink(url, page, files, siteUrl);
    let resolved = rootRelative.get(url);
    if (!resolved) {
      resolved = resolveLink(url, page, files, siteUrl);
      rootRelative.set(url, resolved);
    }
    return resolved;
  };
  const fragmentFound = new Map<string, boolean>();
  const hasFragment = (file: string, hash: string): boolean => {
    const key = `${file}#${hash}`;
    let found = fragmentFound.get(key);
    if (found === undefined) {
      found = idsOf(file).has(hash);
      fragmentFound.set(key, found);
    }
    return found;
  };
  for (const file of htmlFiles) {
    const page = pagePath(file);
    const scanned = scanFile(file);
    if (!idsByFile.has(file)) idsByFile.set(file, scanned.ids);
    // A link broken twice on one page is reported once.
    const reported = new Set<string>();
    for (const link of scanned.links) {
      const resolved = resolve(link.url, page);
      if (!resolved.internal) continue;
      linkCount++;
      const fragmentMissing = Boolean(resolved.file && resolved.hash && resolved.hash !== 'top' && resolved.file.endsWith('.html') && !hasFragment(resolved.file, resolved.hash));
      if (resolved.file && !fragmentMissing) continue;
      const key = `${link.url}\0${link.attribute}`;
      if (reported.has(key)) continue;
      reported.add(key);
      if (!resolved.file) {
        broken.push({ page, link, ...explainMissing(resolved.path, link, postsById, pages) });
        continue;
      }
      broken.push({
        page,
        link,
        severity: 'error',
        reason: `${pagePath(resolved.file)}에 id가 "${resolved.hash}"인 요소가 없습니다.`,
        fix: '제목의 id는 제목 글자에서 만들어집니다. 제목 옆의 "#" 링크나 목차에서 주소를 복사하거나, "#..." 부분을 지우세요.',
      });
    }
  }
  scans.save();
  return { problems: toProblems(broken, postsById, options.templateSeverity), pages: htmlFiles.length, links: linkCount };
}

function explainMissing(path: string, link: FoundLink, postsById: Map<string, PostInfo>, pages: string[]): Omit<Broken, 'page' | 'link'> {
  const postId = /^\/posts\/([^/]+)\/?$/.exec(path)?.[1];
  const target = postId ? postsById.get(decodePercent(postId)) : undefined;
  if (target?.excluded) {
    return {
      severity: 'warning',
      reason: `${target.file}에 오류가 있어서(위 목록) 이 검사는 그 글을 빼고 빌드했습니다.`,
      fix: '그 글을 먼저 고치세요. 그러면 이 링크도 다시 검사합니다.',
    };
  }
  if (target?.state === 'scheduled' && target.pubDate) {
    return {
      severity: 'warning',
      reason: `${target.file}은(는) ${formatDate(target.pubDate, site.timeZone)}에 공개될 예약 글이라 아직 사이트에 없습니다.`,
      fix: '의도한 것이면 그대로 두세요. 공개 시각 뒤의 첫 빌드부터 링크가 작동합니다 (사이트는 매시간 다시 빌드됩니다).',
    };
  }
  if (target?.state === 'draft') {
    return {
      severity: 'error',
      reason: `${target.file}은(는) 초안(draft: true)이라 사이트에 없습니다.`,
      fix: '그 글을 먼저 공개하거나("draft: true"를 지우기) 링크를 지우세요.',
    };
  }
  const isImage = link.tag === 'img' || link.tag === 'source' || link.attribute.includes('image');
  const similar = similarPages(path, pages);
  return {
    severity: 'error',
    reason: `빌드된 사이트에 ${isImage ? '파일' : '페이지'} ${path}이(가) 없습니다.`,
    fix: isImage
      ? `이미지를 public${path}에 두거나, 글 옆에 두고 상대 경로("./${path.split('/').pop() ?? ''}")로 쓰세요.`
      : '주소를 확인하세요. content/posts/<이름>.mdx 글의 주소는 끝에 "/"가 붙은 /posts/<이름>/입니다.',
    suggestion: similar[0],
    templateFix: similar.length ? `비슷한 주소: ${similar.join(', ')}` : `${path}을(를) 만드는 페이지가 없습니다.`,
  };
}

function toProblems(broken: Broken[], postsById: Map<string, PostInfo>, templateSeverity: Severity): Problem[] {
  const problems: Problem[] = [];
  const fromTemplates = new Map<string, { item: Broken; pages: string[] }>();
  for (const item of broken) {
    const postId = /^\/posts\/([^/]+)\/$/.exec(item.page)?.[1];
    const post = postId ? postsById.get(decodePercent(postId)) : undefined;
    const line = post ? lineContaining(post.source, [item.link.url, decodePercent(item.link.url), item.link.url.replace(/\/$/, '')]) : undefined;
    const what = item.link.tag === 'img' ? '이미지' : '링크';
    if (post && line !== undefined) {
      problems.push({
        kind: 'link',
        file: post.file,
        line,
        severity: item.severity,
        message: `${what} "${item.link.url}": ${item.reason}`,
        expected: '사이트에 있는 페이지나 파일',
        fix: item.fix,
        suggestion: item.suggestion,
      });
      continue;
    }
    const key = `${item.link.url}\0${item.reason}`;
    const group = fromTemplates.get(key) ?? { item, pages: [] };
    if (!group.pages.includes(item.page)) group.pages.push(item.page);
    fromTemplates.set(key, group);
  }
  for (const { item, pages } of fromTemplates.values()) {
    const more = pages.length > 3 ? ` 외 ${pages.length - 3}곳` : '';
    problems.push({
      kind: 'link',
      file: `빌드된 페이지 ${pages[0] ?? ''}`,
      severity: item.severity === 'warning' ? 'warning' : templateSeverity,
      message: `<${item.link.tag} ${item.link.attribute}="${item.link.url}">: ${item.reason} (나온 곳: ${pages.slice(0, 3).join(', ')}${more})`,
      fix: `이 링크는 글이 아니라 사이트 템플릿(src/)에서 나옵니다. 개발자에게 알려 주세요. ${item.templateFix ?? item.fix}`,
    });
  }
  return problems;
}
