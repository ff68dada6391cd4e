/**
 * HTML (a feed item, a WordPress post, a block of HTML inside old Markdown) to clean Markdown:
 * hast-util-from-html parses it as a browser would, hast-util-to-mdast turns elements into
 * Markdown nodes (layout wrappers such as <div> and <span> dissolve into their content) and
 * mdast-util-to-markdown writes it with GFM tables and strikethrough. Embedded players, scripts,
 * forms and styles have no Markdown form and would not run under the site's Content-Security-Policy:
 * they are dropped, each with a note for the writer.
 */
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { needsHuman, type ImportNote } from './notes.ts';

/** Elements dropped with a note: what the reader would have seen, in Korean. */
const DROPPED: Record<string, string> = {
  iframe: '삽입된 프레임(동영상·지도 등)',
  script: '스크립트',
  noscript: 'noscript 블록',
  object: '삽입 객체(object)',
  embed: '삽입 객체(embed)',
  video: '동영상(video)',
  audio: '오디오(audio)',
  form: '입력 양식(form)',
  style: '스타일 블록(style)',
  canvas: 'canvas',
};

/** A human-readable pointer to a dropped element: its src, or its first words. */
function describeElement(element: Element): string {
  const src = element.properties?.src ?? element.properties?.data;
  if (typeof src === 'string' && src) return ` (${src})`;
  return '';
}

/** The web address of an embedded frame, made absolute ("//www.youtube.com/embed/x" -> "https://…"), or undefined. */
function frameAddress(element: Element): string | undefined {
  const src = element.properties?.src;
  if (typeof src !== 'string') return undefined;
  const url = src.startsWith('//') ? `https:${src}` : src;
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * Removes the dropped elements in place, with a note for each (with its line in the HTML). A frame
 * with a web address (a video, slides) leaves a link to it, so readers keep a way to what it showed.
 */
function dropUnsupported(node: HastRoot | Element, notes: ImportNote[], lineOffset: number): void {
  const kept: unknown[] = [];
  for (const child of node.children) {
    if (child.type === 'comment') continue;
    if (child.type !== 'element') {
      kept.push(child);
      continue;
    }
    const what = DROPPED[child.tagName];
    if (!what) {
      dropUnsupported(child, notes, lineOffset);
      kept.push(child);
      continue;
    }
    const line = child.position ? child.position.start.line + lineOffset : undefined;
    const address = child.tagName === 'iframe' ? frameAddress(child) : undefined;
    if (address) {
      const host = new URL(address).host;
      kept.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'a', properties: { href: address }, children: [{ type: 'text', value: `삽입된 내용 보기 (${host})` }] }] });
      notes.push(needsHuman('삽입 요소 삭제', `${what} ${address}을(를) 링크로 바꿨습니다. 링크 글을 알맞게 고치거나 그림으로 바꾸세요.`, line));
    } else {
      notes.push(needsHuman('삽입 요소 삭제', `${what}${describeElement(child)}을(를) 뺐습니다. 필요하면 링크나 이미지로 바꿔 넣으세요.`, line));
    }
  }
  node.children = kept as Element['children'];
}

/**
 * How every Markdown the importer writes looks: "-" bullets, "*" emphasis (Korean particles follow
 * emphasis without a space, and "_" does not work inside a word), fenced code, ATX headings.
 */
export const MARKDOWN_OPTIONS = {
  bullet: '-' as const,
  emphasis: '*' as const,
  strong: '*' as const,
  fence: '`' as const,
  fences: true,
  rule: '-' as const,
  listItemIndent: 'one' as const,
  extensions: [gfmToMarkdown()],
};

/** Markdown for a Markdown tree, as the importer writes it. */
export function markdownOf(tree: MdastNodes): string {
  return toMarkdown(tree, MARKDOWN_OPTIONS);
}

export interface HtmlConversion {
  markdown: string;
  notes: ImportNote[];
}

/**
 * Markdown for an HTML fragment. `lineOffset` is added to the fragment's own lines so notes name
 * the line of the file it came from.
 */
export function htmlToMarkdown(html: string, lineOffset = 0): HtmlConversion {
  const notes: ImportNote[] = [];
  const hast = fromHtml(html, { fragment: true });
  dropUnsupported(hast, notes, lineOffset);
  const mdast = toMdast(hast as HastNodes) as MdastRoot;
  const markdown = markdownOf(mdast).trim();
  return { markdown: markdown ? `${markdown}\n` : '', notes };
}
