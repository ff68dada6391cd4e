/**
 * A Jekyll site folder: `_config.yml` (permalink, baseurl, timezone), `_posts/` (any depth) and
 * `_drafts/`, each post `YYYY-MM-DD-title.md|markdown|html` with YAML front matter. Reads what a
 * post says about itself; ./convert.ts does the rest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseConfig, splitFrontMatter, wordList } from './front-matter.ts';
import { parseSourceDate } from './dates.ts';
import { converted, needsHuman, type ImportNote } from './notes.ts';
import { hostOf, jekyllPermalink, pathOfLink } from './permalink.ts';
import type { SourcePost, SourceSite } from './source-post.ts';

const POST_FILE = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)\.(md|markdown|mkd|mkdn|html)$/i;
const DRAFT_FILE = /^(.+)\.(md|markdown|mkd|mkdn|html)$/i;

export function isJekyllSite(dir: string): boolean {
  return existsSync(join(dir, '_posts')) && statSync(join(dir, '_posts')).isDirectory();
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.split(/[\\/]/).some((part) => part.startsWith('.')) && statSync(join(dir, f)).isFile())
    .sort();
}

/** Fields this reader understands; others are reported once per post. */
const KNOWN = new Set(['title', 'date', 'categories', 'category', 'tags', 'tag', 'excerpt', 'description', 'summary', 'permalink', 'published', 'layout', 'author', 'slug', 'last_modified_at', 'image', 'comments', 'share', 'toc', 'sitemap']);

/**
 * Front-matter defaults of `_config.yml` that apply to every post: those whose scope is the whole
 * site or `_posts`, for all types or `posts` (a scope narrower than that is not followed).
 */
function postDefaults(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of Array.isArray(config.defaults) ? config.defaults : []) {
    const scope = (entry?.scope ?? {}) as { path?: unknown; type?: unknown };
    const path = typeof scope.path === 'string' ? scope.path.replace(/^\/|\/$/g, '') : '';
    const type = scope.type;
    if ((path === '' || path === '_posts') && (type === undefined || type === 'posts')) Object.assign(out, entry?.values ?? {});
  }
  return out;
}

export function readJekyll(dir: string, options: { timeZone: string; display: (path: string) => string }): SourceSite {
  const site: SourceSite = { kind: 'jekyll', source: dir, posts: [], notes: [] };
  let config: Record<string, unknown> = {};
  const configFile = ['_config.yml', '_config.yaml'].map((n) => join(dir, n)).find((p) => existsSync(p));
  if (configFile) {
    try {
      config = parseConfig(readFileSync(configFile, 'utf8'), 'yaml');
    } catch (error) {
      site.notes.push({ file: options.display(configFile), message: `설정 파일을 읽지 못했습니다: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  if (typeof config.url === 'string') site.host = hostOf(config.url);
  const timeZone = typeof config.timezone === 'string' && config.timezone ? config.timezone : options.timeZone;
  // Some sites put their whole address in `baseurl`; only its path is part of a post's address.
  const baseurl = typeof config.baseurl === 'string' ? (/^[a-z]+:\/\//i.test(config.baseurl) ? (pathOfLink(config.baseurl) ?? '') : config.baseurl) : '';
  const defaults = postDefaults(config);
  const permalink = typeof defaults.permalink === 'string' ? defaults.permalink : typeof config.permalink === 'string' ? config.permalink : undefined;
  const siteRoots = [dir];

  const entries: { path: string; draft: boolean }[] = [
    ...filesUnder(join(dir, '_posts')).map((f) => ({ path: join(dir, '_posts', f), draft: false })),
    ...filesUnder(join(dir, '_drafts')).map((f) => ({ path: join(dir, '_drafts', f), draft: true })),
  ];
  for (const { path, draft: inDrafts } of entries) {
    const name = basename(path);
    const match = inDrafts ? null : POST_FILE.exec(name);
    const draftMatch = inDrafts ? DRAFT_FILE.exec(name) : null;
    if (!match && !draftMatch) continue;
    const file = options.display(path);
    const notes: ImportNote[] = [];
    const split = splitFrontMatter(readFileSync(path, 'utf8'));
    if (split.error) notes.push(needsHuman('프런트매터', `프런트매터를 읽지 못해 빈 것으로 보았습니다: ${split.error}`, 1));
    const data = { ...defaults, ...split.data };
    const titlePart = match ? match[4]! : draftMatch![1]!;
    const fileDay = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : undefined;
    const date = parseSourceDate(data.date, timeZone) ?? (fileDay ? parseSourceDate(fileDay, timeZone) : undefined) ?? parseSourceDate(statSync(path).mtime, timeZone)!;
    if (data.date !== undefined && !parseSourceDate(data.date, timeZone)) notes.push(needsHuman('날짜', `date "${String(data.date)}"을(를) 읽지 못해 파일 이름의 날짜를 썼습니다.`, 1));
    // Jekyll reads `category` and `categories` (a list, or words separated by spaces).
    const categories = [...new Set([...wordList(data.categories, true), ...wordList(data.category)])];
    const tags = [...new Set([...wordList(data.tags, true), ...wordList(data.tag)])];
    const slug = typeof data.slug === 'string' && data.slug ? data.slug : titlePart;
    const published = data.published !== false && data.published !== 'false';
    const ownPermalink = typeof split.data.permalink === 'string' ? split.data.permalink : undefined;
    const oldPaths = inDrafts || !published ? [] : [jekyllPermalink({ date, title: titlePart, slug: typeof data.slug === 'string' ? data.slug : undefined, categories }, ownPermalink ?? permalink, baseurl)];
    if (ownPermalink) notes.push(converted('옛 주소', `글의 permalink ${ownPermalink}을(를) 옛 주소로 씁니다.`, 1));
    const unknown = Object.keys(split.data).filter((k) => !KNOWN.has(k));
    if (unknown.length) notes.push(converted('옮기지 않은 필드', `이 사이트에 없는 필드를 옮기지 않았습니다: ${unknown.join(', ')}`, 1));
    if (data.author !== undefined) notes.push(converted('저자', `글의 author "${String(data.author)}" 대신 --author로 준 저자를 씁니다.`, 1));
    const post: SourcePost = {
      sourceFile: file,
      sourceLine: 1,
      bodyLine: split.bodyLine,
      key: name.replace(/\.[^.]+$/, ''),
      title: typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : titlePart.replace(/[-_]+/g, ' '),
      pubDate: date,
      ...(parseSourceDate(data.last_modified_at, timeZone) ? { updatedDate: parseSourceDate(data.last_modified_at, timeZone)! } : {}),
      slug,
      categories,
      tags,
      ...(typeof data.excerpt === 'string' ? { description: data.excerpt } : typeof data.description === 'string' ? { description: data.description } : typeof data.summary === 'string' ? { description: data.summary } : {}),
      draft: inDrafts || !published,
      oldPaths,
      body: split.body,
      format: /\.html$/i.test(name) ? 'html' : 'markdown',
      images: { siteRoots, postDir: join(path, '..') },
      ...(typeof data.image === 'string' ? { cover: data.image } : {}),
      notes,
    };
    site.posts.push(post);
  }
  return site;
}
