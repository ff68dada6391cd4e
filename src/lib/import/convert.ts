/**
 * One old post to one post of this site: its body as clean Markdown, the images it names (to be
 * copied beside it), its front matter under this site's rules (docs/content.md) and what a person
 * must still look at. Pure except for `exists`, which the caller gives to look for image files.
 */
import { basename, extname, join, normalize } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Definition, Image, Root } from 'mdast';
import { oldPathProblem, normalizeOldPath } from '../redirects.ts';
import { FALLBACK_SLUG, slugify } from '../slug.ts';
import { tagSlug } from '../taxonomy.ts';
import { writtenDay } from './dates.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { translateShortcodes } from './hugo-shortcodes.ts';
import { translateLiquid } from './liquid.ts';
import { explicitHeadingIds, headingLinkTarget } from './heading-ids.ts';
import { htmlBlocksToMarkdown, leftoverTemplateNotes, parseMarkdown, stripKramdown } from './markdown-body.ts';
import { writePost, type PostFrontMatter } from './front-matter.ts';
import { converted, lineOf, needsHuman, type ImportNote } from './notes.ts';
import type { SourceKind, SourcePost } from './source-post.ts';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 200;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg|tiff?)$/i;

export interface ConvertOptions {
  author: string;
  /** Old category name (as written, compared case-insensitively) -> this site's category id. */
  categoryMap: Map<string, string>;
  /** The category of posts none of whose categories is mapped. */
  defaultCategory: string;
  /** The site's category ids: an old category equal to one of them needs no mapping. */
  categoryIds: string[];
  /** The new address of another imported post, by its key (Jekyll/Hugo file name). */
  postUrl: (key: string) => string | undefined;
  /**
   * The new address of a link to an old post ("/2021/03/22/x.html#part", or an absolute link to the
   * old blog's host), the fragment kept; undefined for any other link.
   */
  movedLink?: (url: string) => string | undefined;
  /** True when a file exists (images are looked for on disk). */
  exists: (path: string) => boolean;
}

export interface ImageCopy {
  /** Absolute path of the file to copy. */
  from: string;
  /** File name beside the post. */
  name: string;
}

export interface ConvertedPost {
  source: SourcePost;
  /** The id without a number to tell apart posts of one day and slug: the caller settles that. */
  baseId: string;
  frontMatter: PostFrontMatter;
  body: string;
  images: ImageCopy[];
  notes: ImportNote[];
  /** Old categories that no mapping named (the default was used). */
  unmappedCategories: string[];
}

/** The body as Markdown, whatever the source wrote it in. */
function bodyMarkdown(post: SourcePost, kind: SourceKind, options: ConvertOptions): { text: string; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const offset = post.bodyLine - 1;
  let text = post.body;
  if (kind === 'jekyll') {
    const liquid = translateLiquid(text, { postUrl: options.postUrl, lineOffset: offset });
    notes.push(...liquid.notes);
    text = liquid.text;
  }
  if (kind === 'hugo') {
    const shortcodes = translateShortcodes(text, { postUrl: options.postUrl, lineOffset: offset });
    notes.push(...shortcodes.notes);
    text = shortcodes.text;
  }
  if (post.format === 'html') {
    const html = htmlToMarkdown(text, kind === 'jekyll' || kind === 'hugo' ? offset : 0);
    // A feed item's lines are those of its <item>: notes point there.
    notes.push(...html.notes.map((n) => (kind === 'jekyll' || kind === 'hugo' ? n : { ...n, sourceLine: post.sourceLine })));
    return { text: html.markdown, notes };
  }
  if (kind === 'jekyll') {
    const kramdown = stripKramdown(text, offset);
    notes.push(...kramdown.notes);
    text = kramdown.text;
  }
  const blocks = htmlBlocksToMarkdown(text, offset);
  notes.push(...blocks.notes);
  notes.push(...leftoverTemplateNotes(blocks.text, offset));
  return { text: blocks.text.replace(/\n{3,}/g, '\n\n').trim() + '\n', notes };
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Where a local image named in a post is on disk, or undefined. */
function localImage(url: string, post: SourcePost, exists: (path: string) => boolean): { path?: string; remote: boolean } {
  const uploads = post.images.uploads;
  if (/^(https?:)?\/\//i.test(url)) {
    if (uploads) {
      const path = safeDecode(new URL(url, 'http://x.invalid').pathname);
      const at = path.indexOf(uploads.prefix);
      if (at >= 0) {
        const candidate = join(uploads.dir, path.slice(at + uploads.prefix.length));
        if (exists(candidate)) return { path: candidate, remote: true };
      }
    }
    return { remote: true };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return { remote: false };
  const clean = safeDecode(url.split(/[?#]/)[0] ?? '');
  if (!clean) return { remote: false };
  const candidates = clean.startsWith('/')
    ? post.images.siteRoots.map((root) => join(root, clean))
    : [...(post.images.postDir ? [join(post.images.postDir, clean)] : []), ...post.images.siteRoots.map((root) => join(root, clean))];
  const path = candidates.map((c) => normalize(c)).find((c) => exists(c));
  return path ? { path, remote: false } : { remote: false };
}

/** A file name beside the post not taken yet: "a.png", "a-2.png". */
function freeName(name: string, taken: Set<string>): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length).replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'image';
  let candidate = `${stem}${ext.toLowerCase()}`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext.toLowerCase()}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Copies the local images the Markdown names beside the post and points the Markdown at them
 * (`./name.png`), so Astro optimises them. Remote images and missing files become notes; their
 * line is the line in the body (the caller adds the front matter's).
 */
function relinkImages(markdown: string, post: SourcePost, exists: (path: string) => boolean): { text: string; images: ImageCopy[]; notes: { note: ImportNote; bodyLine: number }[] } {
  const tree = parseMarkdown(markdown);
  const images: ImageCopy[] = [];
  const byPath = new Map<string, string>();
  const taken = new Set<string>();
  const notes: { note: ImportNote; bodyLine: number }[] = [];
  const edits: { start: number; end: number; replacement: string }[] = [];
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'definition') return;
    const { url } = node as Image | Definition;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const line = node.position?.start.line ?? 1;
    if (start === undefined || end === undefined || !url) return;
    // A definition is an image only if it names an image file.
    if (node.type === 'definition' && !IMAGE_FILE.test(url.split(/[?#]/)[0] ?? '')) return;
    if (/^data:/i.test(url)) {
      notes.push({ note: needsHuman('데이터 이미지', '본문에 data: 주소로 든 이미지입니다. 파일로 저장해 글 옆에 두고 ./파일이름 으로 바꾸세요.'), bodyLine: line });
      return;
    }
    const found = localImage(url, post, exists);
    if (!found.path) {
      if (found.remote) {
        notes.push({ note: needsHuman('원격 이미지', `원격 이미지 ${url}: 빌드할 때는 인터넷에서 가져오지 않으므로 최적화되지 않고, 옛 블로그가 닫히면 사라집니다. 내려받아 글 옆에 두고 ./파일이름 으로 바꾸세요.`), bodyLine: line });
      } else {
        notes.push({ note: needsHuman('이미지 없음', `이미지 ${url}을(를) 원본 폴더에서 찾지 못했습니다.${post.images.uploads ? '' : ' 워드프레스라면 --uploads <wp-content/uploads 폴더>를 주세요.'}`), bodyLine: line });
      }
      return;
    }
    let name = byPath.get(found.path);
    if (!name) {
      name = freeName(basename(found.path), taken);
      byPath.set(found.path, name);
      images.push({ from: found.path, name });
    }
    const slice = markdown.slice(start, end);
    // The destination as written: after "](" for an image, after "]:" for a definition.
    const pattern = node.type === 'image' ? /(\]\(\s*)(<[^>]*>|[^\s)]+)/ : /(\]:\s*)(<[^>]*>|\S+)/;
    const replaced = slice.replace(pattern, (_m, before: string) => `${before}./${encodeURI(name!)}`);
    edits.push({ start, end, replacement: replaced });
  });
  let text = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
  if (images.length) notes.push({ note: converted('이미지', `로컬 이미지 ${images.length}개를 글 옆으로 복사했습니다.`), bodyLine: 0 });
  return { text, images, notes };
}

/** Rewrites the destination of each link and link definition for which `target` gives a new one. */
function rewriteLinks(markdown: string, target: (url: string) => string | undefined, tree: Root = parseMarkdown(markdown)): { text: string; count: number } {
  const edits: { start: number; end: number; replacement: string }[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const destination = target((node as Definition).url);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!destination || start === undefined || end === undefined) return;
    const slice = markdown.slice(start, end);
    // The destination as written: the last "](…)" of a link (its text may hold brackets), after "]:" for a definition.
    if (node.type === 'link') {
      const open = slice.lastIndexOf('](');
      if (open < 0 || !slice.endsWith(')')) return;
      const rest = slice.slice(open + 2, -1).replace(/^(\s*)(<[^>]*>|\S+)/, (_m, space: string) => `${space}${destination}`);
      edits.push({ start, end, replacement: `${slice.slice(0, open + 2)}${rest})` });
    } else {
      edits.push({ start, end, replacement: slice.replace(/(\]:\s*)(<[^>]*>|\S+)/, (_m, before: string) => `${before}${destination}`) });
    }
  });
  let text = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
  return { text, count: edits.length };
}

/** Points links to old posts at their new addresses. */
function relinkPosts(markdown: string, movedLink: (url: string) => string | undefined, notes: ImportNote[], sourceLine: number): string {
  const { text, count } = rewriteLinks(markdown, movedLink);
  if (count) notes.push(converted('글 링크', `옛 글 주소로 건 링크 ${count}개를 새 주소로 바꿨습니다.`, sourceLine));
  return text;
}

/** Points the post's links to its own headings' old ids (`#index1`) at the ids the site gives them (./heading-ids.ts). */
function relinkHeadings(markdown: string, oldIds: Map<string, string>, notes: ImportNote[], sourceLine: number): string {
  if (oldIds.size === 0) return markdown;
  const tree = parseMarkdown(markdown);
  const { text, count } = rewriteLinks(markdown, headingLinkTarget(tree, oldIds), tree);
  if (count) notes.push(converted('소제목 링크', `옛 소제목 id(#…)로 건 링크 ${count}개를 이 사이트가 만드는 소제목 id로 바꿨습니다.`, sourceLine));
  return text;
}

/**
 * Plain text of the first paragraphs of Markdown (not its headings, code or tables): enough of
 * them for a summary of `enough` characters.
 */
function plainText(markdown: string, enough = Infinity): string {
  const tree = parseMarkdown(markdown);
  const paragraphs: string[] = [];
  let length = 0;
  visit(tree, 'paragraph', (node) => {
    if (length >= enough) return;
    const text = toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
    if (!text) return;
    paragraphs.push(text);
    length += text.length + 1;
  });
  return paragraphs.join(' ').trim();
}

/** At most `max` characters: whole sentences if one fits, else cut at a space with "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const sentences = text.match(/[^.!?。]+[.!?。]+["'”’)]*\s*/g) ?? [];
  let out = '';
  for (const sentence of sentences) {
    if ((out + sentence).trim().length > max) break;
    out += sentence;
  }
  if (out.trim()) return out.trim();
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/** The post's description: the source's summary, else the first sentences of the body. */
function description(post: SourcePost, body: string, notes: ImportNote[]): string {
  const own = post.description ? plainText(htmlToMarkdown(post.description).markdown) : '';
  if (own) {
    if (own.length > DESCRIPTION_MAX) notes.push(converted('요약', `원래 요약이 ${own.length}자라서 ${DESCRIPTION_MAX}자 안으로 줄였습니다.`, post.sourceLine));
    return shorten(own, DESCRIPTION_MAX);
  }
  const text = plainText(body, 60);
  if (!text) {
    notes.push(needsHuman('요약', '본문에 글이 없어 제목을 요약으로 썼습니다. description을 쓰세요.', post.sourceLine));
    return post.title.slice(0, DESCRIPTION_MAX) || '요약';
  }
  notes.push(converted('요약', '원본에 요약이 없어 본문 첫 문장으로 description을 만들었습니다. 검색 결과에 나가니 다듬어 주세요.', post.sourceLine));
  return shorten(text, Math.min(DESCRIPTION_MAX, 160));
}

/** This site's category for the old post's categories. */
function category(post: SourcePost, options: ConvertOptions): { id: string; unmapped: string[] } {
  const mapped = post.categories.map((c) => options.categoryMap.get(c.toLowerCase()) ?? (options.categoryIds.includes(c) ? c : undefined));
  const id = mapped.find((m) => m !== undefined) ?? options.defaultCategory;
  const unmapped = post.categories.filter((_, i) => mapped[i] === undefined);
  return { id, unmapped: mapped.some((m) => m !== undefined) ? [] : unmapped };
}

export function convertPost(post: SourcePost, kind: SourceKind, options: ConvertOptions): ConvertedPost {
  const notes: ImportNote[] = [...post.notes];
  const body = bodyMarkdown(post, kind, options);
  notes.push(...body.notes);
  const oldHeadingIds = explicitHeadingIds(post.body, post.format);
  const withHeadingLinks = relinkHeadings(body.text, oldHeadingIds, notes, post.sourceLine);
  const relinked = relinkImages(options.movedLink ? relinkPosts(withHeadingLinks, options.movedLink, notes, post.sourceLine) : withHeadingLinks, post, options.exists);

  let title = post.title.replace(/\s+/g, ' ').trim();
  if (!title) {
    title = plainText(relinked.text).slice(0, 40) || '제목 없음';
    notes.push(needsHuman('제목', '제목이 없어 본문 앞부분을 제목으로 썼습니다.', post.sourceLine));
  }
  if (title.length > TITLE_MAX) {
    notes.push(needsHuman('제목', `제목이 ${title.length}자라서 ${TITLE_MAX}자로 잘랐습니다.`, post.sourceLine));
    title = shorten(title, TITLE_MAX);
  }
  const { id: categoryId, unmapped } = category(post, options);

  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of post.tags.map((t) => t.replace(/\s+/g, ' ').trim())) {
    const slug = tagSlug(tag);
    if (!tag || ['', '.', '..'].includes(slug) || seen.has(slug)) continue;
    seen.add(slug);
    tags.push(tag);
  }

  const redirectFrom: string[] = [];
  for (const path of post.oldPaths.map(normalizeOldPath)) {
    const problem = oldPathProblem(path);
    if (problem) notes.push(needsHuman('옛 주소', `옛 주소를 리디렉트로 남기지 않았습니다: ${problem}`, post.sourceLine));
    else if (!redirectFrom.includes(path)) redirectFrom.push(path);
  }

  let cover: { name: string; from: string } | undefined;
  if (post.cover) {
    const found = localImage(post.cover, post, options.exists);
    if (found.path) {
      const existing = relinked.images.find((i) => i.from === found.path);
      cover = existing ?? { from: found.path, name: freeName(basename(found.path), new Set(relinked.images.map((i) => i.name.toLowerCase()))) };
      if (!existing) relinked.images.push(cover);
      notes.push(converted('대표 이미지', `대표 이미지 ${post.cover}을(를) heroImage로 옮겼습니다. heroAlt(대체 텍스트)는 제목으로 채웠으니 그림을 설명하는 문장으로 고치세요.`, post.sourceLine));
    } else {
      notes.push(needsHuman('대표 이미지', `대표 이미지 ${post.cover}을(를) 찾지 못해 옮기지 않았습니다.`, post.sourceLine));
    }
  }

  const slugSource = slugify(post.slug);
  const slug = slugSource === FALLBACK_SLUG || /^\d+$/.test(slugSource) ? slugify(post.title) : slugSource;
  const frontMatter: PostFrontMatter = {
    title,
    description: description(post, relinked.text, notes),
    pubDate: post.pubDate,
    ...(post.updatedDate && post.updatedDate.slice(0, 10) >= post.pubDate.slice(0, 10) ? { updatedDate: post.updatedDate } : {}),
    author: options.author,
    category: categoryId,
    tags,
    ...(cover ? { heroImage: `./${cover.name}`, heroAlt: title } : {}),
    ...(post.draft ? { draft: true } : {}),
    ...(redirectFrom.length ? { redirectFrom } : {}),
  };
  // Lines of the body in the new file: after the front matter and one blank line.
  const headerLines = lineOf(writePost(frontMatter, 'x'), Infinity) - 2;
  for (const { note, bodyLine } of relinked.notes) notes.push(bodyLine ? { ...note, line: bodyLine + headerLines } : note);
  return {
    source: post,
    baseId: `${writtenDay(post.pubDate)}-${slug}`,
    frontMatter,
    body: relinked.text,
    images: relinked.images,
    notes,
    unmappedCategories: unmapped,
  };
}
