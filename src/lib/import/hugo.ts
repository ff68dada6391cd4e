/**
 * A Hugo site folder: `hugo.toml|yaml|json` or `config.toml|yaml|json` (baseURL, permalinks,
 * timeZone), posts under `content/posts/` or `content/post/` (single files or page bundles
 * `x/index.md` with their images), YAML (`---`) or TOML (`+++`) front matter, images of `static/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseConfig, splitFrontMatter, wordList } from './front-matter.ts';
import { parseSourceDate } from './dates.ts';
import { converted, needsHuman, type ImportNote } from './notes.ts';
import { hostOf, hugoPermalink, pathOfLink } from './permalink.ts';
import type { SourcePost, SourceSite } from './source-post.ts';

const CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const SECTIONS = ['posts', 'post', 'blog'];

export function hugoConfigFile(dir: string): string | undefined {
  return CONFIG_FILES.map((n) => join(dir, n)).find((p) => existsSync(p));
}

export function isHugoSite(dir: string): boolean {
  return hugoConfigFile(dir) !== undefined && existsSync(join(dir, 'content'));
}

const KNOWN = new Set(['title', 'date', 'publishDate', 'lastmod', 'draft', 'tags', 'categories', 'description', 'summary', 'slug', 'url', 'aliases', 'images', 'image', 'author', 'authors', 'toc', 'weight', 'type', 'layout']);

export function readHugo(dir: string, options: { timeZone: string; display: (path: string) => string }): SourceSite {
  const site: SourceSite = { kind: 'hugo', source: dir, posts: [], notes: [] };
  const configFile = hugoConfigFile(dir)!;
  let config: Record<string, unknown> = {};
  try {
    const format = configFile.endsWith('.toml') ? 'toml' : configFile.endsWith('.json') ? 'json' : 'yaml';
    config = parseConfig(readFileSync(configFile, 'utf8'), format);
  } catch (error) {
    site.notes.push({ file: options.display(configFile), message: `설정 파일을 읽지 못했습니다: ${(error as Error).message.split('\n')[0]}` });
  }
  const timeZone = typeof config.timeZone === 'string' && config.timeZone ? config.timeZone : typeof config.timezone === 'string' && config.timezone ? config.timezone : options.timeZone;
  if (typeof config.baseURL === 'string') site.host = hostOf(config.baseURL);
  const baseurl = typeof config.baseURL === 'string' ? (pathOfLink(config.baseURL) ?? '') : '';
  const permalinks = (config.permalinks && typeof config.permalinks === 'object' ? config.permalinks : {}) as Record<string, unknown>;
  const siteRoots = [join(dir, 'static'), dir];

  for (const section of SECTIONS) {
    const sectionDir = join(dir, 'content', section);
    if (!existsSync(sectionDir)) continue;
    const files = readdirSync(sectionDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(md|markdown)$/i.test(f) && !/(^|[\\/])_index\.(md|markdown)$/i.test(f))
      .sort();
    for (const rel of files) {
      const path = join(sectionDir, rel);
      const bundle = /^index\.(md|markdown)$/i.test(basename(path));
      const name = bundle ? basename(dirname(path)) : basename(path).replace(/\.(md|markdown)$/i, '');
      const notes: ImportNote[] = [];
      const split = splitFrontMatter(readFileSync(path, 'utf8'));
      if (split.error) notes.push(needsHuman('프런트매터', `프런트매터를 읽지 못해 빈 것으로 보았습니다: ${split.error}`, 1));
      const data = split.data;
      const date = parseSourceDate(data.date, timeZone) ?? parseSourceDate(data.publishDate, timeZone) ?? parseSourceDate(statSync(path).mtime, timeZone)!;
      if (data.date === undefined && data.publishDate === undefined) notes.push(needsHuman('날짜', '날짜가 없어 파일을 고친 시각을 썼습니다. pubDate를 확인하세요.', 1));
      const slug = typeof data.slug === 'string' && data.slug ? data.slug : name;
      const template = typeof permalinks[section] === 'string' ? (permalinks[section] as string) : undefined;
      const own = typeof data.url === 'string' ? data.url : undefined;
      const aliases = wordList(data.aliases).map((a) => (a.startsWith('/') ? a : `/${a}`));
      const draft = data.draft === true || data.draft === 'true';
      const oldPaths = draft
        ? []
        : [own ? `/${baseurl}/${own}`.replace(/\/{2,}/g, '/') : hugoPermalink({ date, title: name, slug: typeof data.slug === 'string' ? data.slug : undefined, categories: wordList(data.categories), section }, template, baseurl), ...aliases];
      if (aliases.length) notes.push(converted('옛 주소', `aliases ${aliases.join(', ')}도 옛 주소로 옮겼습니다.`, 1));
      const unknown = Object.keys(data).filter((k) => !KNOWN.has(k));
      if (unknown.length) notes.push(converted('옮기지 않은 필드', `이 사이트에 없는 필드를 옮기지 않았습니다: ${unknown.join(', ')}`, 1));
      const images = wordList(data.images);
      const post: SourcePost = {
        sourceFile: options.display(path),
        sourceLine: 1,
        bodyLine: split.bodyLine,
        key: name,
        title: typeof data.title === 'string' ? data.title : name,
        pubDate: date,
        ...(parseSourceDate(data.lastmod, timeZone) ? { updatedDate: parseSourceDate(data.lastmod, timeZone)! } : {}),
        slug,
        categories: wordList(data.categories),
        tags: wordList(data.tags),
        ...(typeof data.description === 'string' ? { description: data.description } : typeof data.summary === 'string' ? { description: data.summary } : {}),
        draft,
        oldPaths,
        body: split.body,
        format: 'markdown',
        images: { siteRoots, postDir: dirname(path) },
        ...(images[0] ? { cover: images[0] } : typeof data.image === 'string' ? { cover: data.image } : {}),
        notes,
      };
      site.posts.push(post);
    }
  }
  return site;
}
