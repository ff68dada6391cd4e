/**
 * The XML sources, read with fast-xml-parser: a WordPress export (WXR: posts only, drafts kept as
 * drafts, categories and tags, `wp:post_name`, the old link) and any RSS 2.0 or Atom feed with
 * full content (Tistory, Naver, Velog and most hosted blogs offer one): `content:encoded`, else
 * `description` (RSS); `content`, else `summary` (Atom).
 */
import { XMLParser } from 'fast-xml-parser';
import { parseFeedDate, parseSourceDate, withOffset } from './dates.ts';
import { converted, needsHuman, type ImportNote } from './notes.ts';
import { hostOf, pathOfLink } from './permalink.ts';
import type { SourceKind, SourcePost, SourceSite } from './source-post.ts';

const ARRAYS = new Set(['item', 'entry', 'category', 'link', 'wp:postmeta', 'wp:category', 'wp:tag']);

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => ARRAYS.has(name),
  });
}

type XmlNode = Record<string, unknown>;

/** The text of an element that may carry attributes (`{ '#text': …, '@_type': … }`). */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as XmlNode)['#text']);
  return '';
}

const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as XmlNode[];

/** Which XML source a file is: its root element. Undefined for anything else. */
export function xmlKind(xml: string): 'wxr' | 'rss' | 'atom' | undefined {
  let doc: XmlNode;
  try {
    doc = parser().parse(xml) as XmlNode;
  } catch {
    return undefined;
  }
  if (doc.feed) return 'atom';
  const rss = doc.rss as XmlNode | undefined;
  if (!rss) return undefined;
  const channel = rss.channel as XmlNode | undefined;
  const ns = Object.keys(rss).some((k) => k.startsWith('@_xmlns:wp')) || (channel !== undefined && 'wp:wxr_version' in channel);
  return ns ? 'wxr' : 'rss';
}

/** 1-based line of the n-th (0-based) opening `<tag` in the file: where the n-th item starts. */
function itemLines(xml: string, tag: string): number[] {
  const lines: number[] = [];
  const pattern = new RegExp(`<${tag}[\\s>]`, 'g');
  let line = 1;
  let last = 0;
  for (const m of xml.matchAll(pattern)) {
    for (let i = last; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

/** The last meaningful segment of a link's path, for the slug ("/@user/제목-1" -> "제목-1"). */
function lastSegment(link: string): string {
  const path = pathOfLink(link) ?? '';
  return path.split('/').filter(Boolean).at(-1)?.replace(/\.(html?|php)$/, '') ?? '';
}

export function readFeed(xml: string, file: string, options: { timeZone: string; kind: 'rss' | 'atom' }): SourceSite {
  const site: SourceSite = { kind: options.kind, source: file, posts: [], notes: [] };
  const doc = parser().parse(xml) as XmlNode;
  if (options.kind === 'rss') {
    const channel = ((doc.rss as XmlNode).channel ?? {}) as XmlNode;
    site.host = hostOf(text(channel.link));
    const lines = itemLines(xml, 'item');
    list(channel.item).forEach((item, i) => {
      const notes: ImportNote[] = [];
      const full = text(item['content:encoded']);
      const body = full || text(item.description);
      if (!full) notes.push(converted('본문', 'content:encoded가 없어 description을 본문으로 썼습니다. 피드가 요약만 주는 블로그라면 본문이 잘렸을 수 있습니다.', lines[i]));
      const link = text(item.link) || text(item.guid);
      const date = parseFeedDate(text(item.pubDate), options.timeZone) ?? parseFeedDate(text(item['dc:date']), options.timeZone);
      if (!date) notes.push(needsHuman('날짜', `날짜 "${text(item.pubDate)}"을(를) 읽지 못해 지금 시각을 썼습니다. pubDate를 고치세요.`, lines[i]));
      const categories = list(item.category).map((c) => text(c).trim()).filter(Boolean);
      site.posts.push(feedPost({ file, line: lines[i] ?? 1, title: text(item.title), link, date, options, body, categories, notes, description: full ? text(item.description) : undefined }));
    });
  } else {
    const feed = doc.feed as XmlNode;
    const lines = itemLines(xml, 'entry');
    list(feed.entry).forEach((entry, i) => {
      const notes: ImportNote[] = [];
      const content = entry.content as XmlNode | string | undefined;
      const body = text(content) || text(entry.summary);
      if (!text(content)) notes.push(converted('본문', 'content가 없어 summary를 본문으로 썼습니다. 본문이 잘렸을 수 있습니다.', lines[i]));
      const type = typeof content === 'object' ? String(content['@_type'] ?? 'text') : 'text';
      const links = list(entry.link);
      const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
      const link = String(alternate?.['@_href'] ?? text(entry.id));
      const date = parseSourceDate(text(entry.published), options.timeZone) ?? parseSourceDate(text(entry.updated), options.timeZone);
      if (!date) notes.push(needsHuman('날짜', '날짜(published, updated)를 읽지 못해 지금 시각을 썼습니다. pubDate를 고치세요.', lines[i]));
      const categories = list(entry.category).map((c) => String(c['@_term'] ?? c['@_label'] ?? '').trim()).filter(Boolean);
      const html = type === 'text' ? `<p>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>` : body;
      site.posts.push(feedPost({ file, line: lines[i] ?? 1, title: text(entry.title), link, date, options, body: html, categories, notes, description: text(content) ? text(entry.summary) : undefined }));
    });
  }
  return site;
}

function feedPost(p: { file: string; line: number; title: string; link: string; date: string | undefined; options: { timeZone: string }; body: string; categories: string[]; notes: ImportNote[]; description: string | undefined }): SourcePost {
  const oldPath = pathOfLink(p.link);
  return {
    sourceFile: p.file,
    sourceLine: p.line,
    bodyLine: p.line,
    title: p.title.trim(),
    pubDate: p.date ?? withOffset(new Date(), 0),
    slug: lastSegment(p.link),
    // A feed has no separate tags: its categories are the post's category (mapped) and its tags.
    categories: p.categories,
    tags: p.categories,
    ...(p.description ? { description: p.description } : {}),
    draft: false,
    oldPaths: oldPath ? [oldPath] : [],
    body: p.body,
    format: 'html',
    images: { siteRoots: [] },
    notes: p.notes,
  };
}

const WP_STATUS_DRAFT = new Set(['draft', 'pending', 'private', 'future', 'auto-draft']);

export function readWxr(xml: string, file: string, options: { timeZone: string; uploads?: string }): SourceSite {
  const site: SourceSite = { kind: 'wxr' as SourceKind, source: file, posts: [], notes: [] };
  const doc = parser().parse(xml) as XmlNode;
  const channel = ((doc.rss as XmlNode).channel ?? {}) as XmlNode;
  site.host = hostOf(text(channel.link));
  const lines = itemLines(xml, 'item');
  list(channel.item).forEach((item, i) => {
    if (text(item['wp:post_type']) !== 'post') return;
    const status = text(item['wp:status']);
    if (status === 'trash' || status === 'inherit') return;
    const line = lines[i] ?? 1;
    const notes: ImportNote[] = [];
    const draft = WP_STATUS_DRAFT.has(status);
    if (draft) notes.push(converted('초안', `워드프레스 상태 "${status}"인 글이라 draft: true로 가져왔습니다.`, line));
    // The offset is what separates the post's local time from its UTC time; a draft may have no UTC time.
    const local = text(item['wp:post_date']);
    const gmt = text(item['wp:post_date_gmt']);
    let date: string | undefined;
    const localUtc = parseSourceDate(`${local}Z`, 'UTC');
    const gmtUtc = gmt && !gmt.startsWith('0000') ? parseSourceDate(`${gmt}Z`, 'UTC') : undefined;
    if (localUtc && gmtUtc) {
      const offset = Math.round((Date.parse(localUtc) - Date.parse(gmtUtc)) / 60000);
      date = withOffset(new Date(Date.parse(gmtUtc)), offset);
    } else {
      date = parseSourceDate(local, options.timeZone) ?? parseFeedDate(text(item.pubDate), options.timeZone);
    }
    if (!date) notes.push(needsHuman('날짜', '날짜를 읽지 못해 지금 시각을 썼습니다. pubDate를 고치세요.', line));
    const categories = list(item.category);
    const link = text(item.link);
    const name = text(item['wp:post_name']);
    let slug = name;
    try {
      slug = decodeURIComponent(name);
    } catch {
      // A name that is not percent-encoding stays as it is.
    }
    const oldPath = draft ? undefined : pathOfLink(link);
    const uploads = options.uploads ? { prefix: '/wp-content/uploads/', dir: options.uploads } : undefined;
    site.posts.push({
      sourceFile: file,
      sourceLine: line,
      bodyLine: line,
      title: text(item.title).trim(),
      pubDate: date ?? withOffset(new Date(), 0),
      slug: slug || lastSegment(link),
      categories: categories.filter((c) => c['@_domain'] === 'category').map((c) => text(c).trim()).filter((c) => c && c !== 'Uncategorized' && c !== '미분류'),
      tags: categories.filter((c) => c['@_domain'] === 'post_tag').map((c) => text(c).trim()).filter(Boolean),
      ...(text(item['excerpt:encoded']).trim() ? { description: text(item['excerpt:encoded']) } : {}),
      draft,
      oldPaths: oldPath ? [oldPath] : [],
      body: wpAutoParagraphs(text(item['content:encoded'])),
      format: 'html',
      images: { siteRoots: [], ...(uploads ? { uploads } : {}) },
      notes,
    });
  });
  return site;
}

const BLOCK_START = /^\s*<(p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|pre|figure|figcaption|hr|!--|section|article|header|footer|iframe|dl|dd|dt|form|address|details|summary)\b/i;

/**
 * WordPress stores a classic post without <p>: the theme adds them when it shows the post
 * (`wpautop`). The same here: text separated by a blank line is a paragraph, a single line break
 * inside one a <br>. Blocks that already are HTML elements (and block-editor posts) are left alone.
 */
export function wpAutoParagraphs(html: string): string {
  if (!/\n\s*\n/.test(html)) return html;
  return html
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => {
      const trimmed = chunk.trim();
      if (!trimmed || BLOCK_START.test(trimmed)) return trimmed;
      return `<p>${trimmed.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n\n');
}
