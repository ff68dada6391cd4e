/**
 * Cleans the Markdown of an old blog (Jekyll's kramdown, Hugo's Goldmark) for this site:
 *
 * - kramdown attribute lists on their own line (`{: .center}`, `{:toc}` with its `* 목차` line)
 *   and at the end of a line (`![x](y){: width="50%"}`), heading ids (`## 제목 {#id}`) and
 *   extensions (`{::options /}`, `{::comment}…{:/comment}`) are removed, with a note;
 * - blocks of HTML (`<div>…</div>`, `<p align="center"><img …></p>`) become Markdown through
 *   ./html-to-markdown.ts, and `<img>` inside a paragraph becomes a Markdown image.
 *
 * Code (fenced, indented, inline) is never touched: the Markdown is parsed with
 * mdast-util-from-markdown (GFM) to know where it is.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { Parser } from 'htmlparser2';
import { visit } from 'unist-util-visit';
import type { Html, Root } from 'mdast';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { converted, needsHuman, type ImportNote } from './notes.ts';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Lines (1-based) that are code: fenced, indented or holding inline code. */
function codeLines(tree: Root): Set<number> {
  const lines = new Set<number>();
  visit(tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l++) lines.add(l);
    }
  });
  return lines;
}

const IAL_LINE = /^\s*\{:(?!:)[^}]*\}\s*$/;
const TOC_LINE = /^\s*[*-]\s+(TOC|목차|Table of Contents)\s*$/i;
const TRAILING_IAL = /\{:(?!:)[^}\n]*\}\s*$/;
const HEADING_ID = /^(#{1,6}\s.*?)\s*\{#[^}\s]+\}\s*$/;
const EXTENSION_INLINE = /\{::(options|nomarkdown)[^}]*\/\}/g;
/** A span attribute list right after an image or link, anywhere in a line (a table cell): `![a](b){: width="50%"}`. */
const SPAN_IAL = /(\))\{:(?!:)[^}\n]*\}/g;

/** Removes kramdown's own syntax outside code; keeps the number of lines. */
export function stripKramdown(text: string, lineOffset = 0): { text: string; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const code = codeLines(parseMarkdown(text));
  const lines = text.split('\n');
  let inComment = false;
  const counts = { ial: 0, toc: 0, heading: 0 };
  const first: Record<keyof typeof counts, number | undefined> = { ial: undefined, toc: undefined, heading: undefined };
  const mark = (kind: keyof typeof counts, line: number) => {
    counts[kind]++;
    first[kind] ??= line + lineOffset;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (code.has(n)) continue;
    if (inComment) {
      if (line.includes('{:/comment}')) inComment = false;
      lines[i] = '';
      continue;
    }
    if (/^\s*\{::comment\}/.test(line)) {
      inComment = !line.includes('{:/comment}');
      lines[i] = '';
      continue;
    }
    if (/^\s*\{:toc\}\s*$/.test(line) || /^\s*\{:\s*\.?toc\s*\}\s*$/i.test(line)) {
      lines[i] = '';
      if (i > 0 && TOC_LINE.test(lines[i - 1]!)) lines[i - 1] = '';
      mark('toc', n);
      continue;
    }
    if (IAL_LINE.test(line)) {
      lines[i] = '';
      mark('ial', n);
      continue;
    }
    const heading = HEADING_ID.exec(line);
    if (heading) {
      lines[i] = heading[1]!;
      mark('heading', n);
      continue;
    }
    let cleaned = line.replace(EXTENSION_INLINE, '');
    if (SPAN_IAL.test(cleaned)) {
      cleaned = cleaned.replace(SPAN_IAL, '$1');
      mark('ial', n);
    }
    if (TRAILING_IAL.test(cleaned)) {
      cleaned = cleaned.replace(TRAILING_IAL, '').replace(/\s+$/, '');
      mark('ial', n);
    }
    lines[i] = cleaned;
  }
  if (counts.ial) notes.push(converted('kramdown 속성', `kramdown 속성 목록({: …}) ${counts.ial}개를 뺐습니다. 가운데 정렬·크기 같은 꾸밈은 이 사이트의 기본 모양을 따릅니다.`, first.ial));
  if (counts.toc) notes.push(converted('kramdown 목차', '{:toc} 목차를 뺐습니다. 이 사이트는 긴 글에 목차를 알아서 붙입니다.', first.toc));
  if (counts.heading) notes.push(converted('제목 id', `소제목의 {#id} ${counts.heading}개를 뺐습니다. 소제목 id는 제목에서 새로 만들어집니다. 이 글 안의 #옛-id 링크는 새 id로 바꿨으니, 다른 곳에서 건 링크를 확인하세요.`, first.heading));
  return { text: lines.join('\n'), notes };
}

/** Whether an opening tag is `<a>` with nothing but a `name` or `id`: a link target, not a link. */
function isTargetOnlyAnchor(tag: string): boolean {
  let anchor = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      const keys = Object.keys(attributes);
      anchor = name === 'a' && keys.length === 1 && (keys[0] === 'name' || keys[0] === 'id');
    },
  });
  parser.write(tag);
  parser.end();
  return anchor;
}

/** Tags that are inline when they stand inside a paragraph: left as they are (valid in .md). */
const IMG_TAG = /^<img\b[^>]*>$/i;

/**
 * Replaces the HTML in Markdown by Markdown: each block of HTML through ./html-to-markdown.ts,
 * each `<img>` inside a paragraph by an image. Other inline HTML (`<br>`, `<sup>`) is valid in
 * .md and stays. HTML comments are removed (they would be published in the page's source).
 */
export function htmlBlocksToMarkdown(text: string, lineOffset = 0): { text: string; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const tree = parseMarkdown(text);
  const edits: { start: number; end: number; replacement: string }[] = [];
  let blocks = 0;
  let firstBlock: number | undefined;
  visit(tree, 'html', (node: Html, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const line = (node.position?.start.line ?? 1) + lineOffset;
    const inline = parent?.type === 'paragraph' || parent?.type === 'heading' || parent?.type === 'tableCell' || parent?.type === 'link' || parent?.type === 'emphasis' || parent?.type === 'strong';
    const value = node.value.trim();
    if (/^<!--[\s\S]*-->$/.test(value)) {
      edits.push({ start, end, replacement: '' });
      return;
    }
    if (inline) {
      // An empty anchor (`<a name="x"></a>`) in a heading was only a link target: the heading's own
      // id replaces it (./heading-ids.ts moves the links). Elsewhere it stays the target it was.
      const next = index === undefined || parent?.type !== 'heading' ? undefined : parent.children[index + 1];
      if (isTargetOnlyAnchor(value) && next?.type === 'html' && /^<\/a\s*>$/i.test(next.value.trim()) && next.position?.end.offset !== undefined) {
        let from = start;
        while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
        edits.push({ start: from, end: next.position.end.offset, replacement: '' });
        return;
      }
      if (!IMG_TAG.test(value)) return;
      const converted = htmlToMarkdown(value, line - 1);
      edits.push({ start, end, replacement: converted.markdown.trim() });
      return;
    }
    const result = htmlToMarkdown(node.value, line - 1);
    notes.push(...result.notes);
    // A block that was only line breaks (`<br>` on its own line, for spacing) leaves nothing: a lone "\" would show.
    edits.push({ start, end, replacement: result.markdown.replace(/^\\\s*$/gm, '').trimEnd() });
    blocks++;
    firstBlock ??= line;
  });
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
  if (blocks) notes.push(converted('HTML 블록', `HTML 블록 ${blocks}개를 마크다운으로 바꿨습니다. 모양이 뜻대로인지 미리 보기로 확인하세요.`, firstBlock));
  return { text: out, notes };
}

/** Marks as needing a person: what stays as raw text after the cleaning (`{% … %}`, `{{ … }}` outside code). */
export function leftoverTemplateNotes(text: string, lineOffset = 0): ImportNote[] {
  const code = codeLines(parseMarkdown(text));
  const notes: ImportNote[] = [];
  text.split('\n').forEach((line, i) => {
    if (code.has(i + 1)) return;
    if (/\{%.*?%\}|\{\{.*?\}\}/.test(line)) notes.push(needsHuman('템플릿 문법', `템플릿 문법이 글자 그대로 남았습니다: ${line.trim().slice(0, 80)}`, i + 1 + lineOffset));
  });
  return notes;
}
