/**
 * Korean prose in an `.mdx` post, made into the MDX it means before the MDX parser reads it.
 * MDX reads every `<` as a tag and every `{` as code; Korean writers put titles of works in angle
 * brackets (`<성장>`), compare amounts (`1,000원 < 2,000원`), and bring `<br>`, `<!-- 메모 -->`
 * and `<https://…>` from Markdown and HTML. None of these can be one of the site's components, so
 * this rewrites exactly them, outside code, expressions and `import`/`export` lines:
 *
 * - `<` followed by whitespace, the end of the line, a digit, any non-ASCII character or
 *   punctuation that cannot begin a tag → `&lt;` (a character reference: shown as `<`);
 * - an autolink (`<https://…>`, `<mailto:…>`, `<kim@example.com>`) → a Markdown link;
 * - an HTML comment → an MDX comment `{/* … *\/}`, its text blanked: dropped, never published;
 * - an HTML void element written the HTML way (`<br>`, `<img src=a.png alt="…">`) → self-closed,
 *   unquoted attribute values quoted, as JSX needs.
 *
 * Tags starting with an ASCII letter (`<Callout>`, `<div>`) and everything in code spans, fenced
 * code, `{…}` expressions and ESM stay exactly as written. Lines are never added or removed, so
 * an error in the result is on the writer's line; `sourceColumn` maps its column back.
 *
 * Where code, expressions and ESM are is not guessed: Sätteri's MDX parser itself finds them, in
 * a copy where every `<` is masked (so no tag can fail the parse and every code span, fence,
 * expression and `import` line comes out as the real MDX parse would read it, front matter
 * included). Whether `<…>` is an autolink is asked of Sätteri's Markdown parser (CommonMark's own
 * rule); HTML attributes are read with htmlparser2.
 */
import { Parser } from 'htmlparser2';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from '../markdown-features.ts';

/** One change of length: at (line, column) of the original, `removed` code units became `inserted`. */
export interface ProseEdit {
  line: number;
  column: number;
  removed: number;
  inserted: number;
}

export interface PreparedMdx {
  /** The source to give the MDX parser: same lines as the original. */
  text: string;
  /** Changes of length in source order, for `sourceColumn` (a comment keeps its length and is not listed). */
  edits: ProseEdit[];
}

/** HTML elements that never have content; JSX needs them closed (`<br />`). */
export const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Node types whose text the preparation never touches. */
const UNTOUCHED = new Set(['code', 'inlineCode', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml', 'toml', 'math', 'inlineMath']);

/**
 * Stands in for `<` in the structure-only copy. Satteri parses every `{…}` as JavaScript, so the
 * stand-in must keep `{a < b}` valid code: `>` does, and in text it means nothing (at the start of
 * a line it opens a block quote, which leaves code spans, fences and expressions where they were).
 */
const MASK = '>';

interface TreeNode {
  type: string;
  url?: string;
  children?: TreeNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

type Range = [start: number, end: number];

/** Code, expressions, ESM and front matter, as [start, end) offsets in file order. */
function untouchedRanges(source: string): Range[] {
  const masked = source.replaceAll('<', MASK);
  let tree: TreeNode;
  try {
    tree = mdxToMdast(masked, { features: MARKDOWN_FEATURES }) as unknown as TreeNode;
  } catch {
    // Unbalanced braces, or an expression that is not JavaScript: the MDX parse will report them.
    // Code and front matter are still found, expressions are then left as they are.
    tree = mdxToMdast(masked.replace(/[{}]/g, ' '), { features: MARKDOWN_FEATURES }) as unknown as TreeNode;
  }
  const ranges: Range[] = [];
  const stack: TreeNode[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (UNTOUCHED.has(node.type) && start !== undefined && end !== undefined) {
      ranges.push([start, end]);
      continue;
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

const isAsciiLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/**
 * Whether the `<` before `next` is text: it cannot begin a tag (`<a`, `<Foo`, `<_x`, `<$x`), a
 * closing tag (`</`), a fragment (`<>`) or a comment or declaration (`<!`).
 */
export function isProseAngle(next: string | undefined): boolean {
  if (next === undefined) return true;
  if (isAsciiLetter(next)) return false;
  return !['/', '>', '!', '_', '$'].includes(next);
}

/** Backslash-escapes ASCII punctuation, so the text of a link is shown as written. */
const literalText = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);

/**
 * The autolink `<…>` starting at `start`, as CommonMark reads it: its URL (`mailto:` added to an
 * e-mail address) and end. Asked of the Markdown parser, so the rule is CommonMark's own.
 */
function autolinkAt(source: string, start: number): { url: string; text: string; end: number } | undefined {
  const close = source.indexOf('>', start);
  if (close < 0) return undefined;
  const candidate = source.slice(start, close + 1);
  if (/\s/.test(candidate) || !/[:@]/.test(candidate)) return undefined;
  const tree = markdownToMdast(candidate, { features: { gfm: false, frontmatter: false } }) as unknown as TreeNode;
  const paragraph = tree.children?.length === 1 ? tree.children[0] : undefined;
  const link = paragraph?.type === 'paragraph' && paragraph.children?.length === 1 ? paragraph.children[0] : undefined;
  if (link?.type !== 'link' || link.url === undefined) return undefined;
  return { url: link.url, text: candidate.slice(1, -1), end: close + 1 };
}

/**
 * The end (just past `>`) of the tag starting at `start`, reading JSX's way: quoted values and
 * `{…}` expressions (from `ranges`) may hold a `>`. Undefined when the tag never ends.
 */
function tagEnd(source: string, start: number, expressionEnd: (at: number) => number | undefined): number | undefined {
  let quote: string | undefined;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    const skip = expressionEnd(i);
    if (skip !== undefined) {
      i = skip - 1;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') return undefined;
  }
  return undefined;
}

/** Offsets (within `tag`) of attribute values written without quotes, as htmlparser2 reads the tag. */
function unquotedValues(tag: string): Range[] {
  const found: Range[] = [];
  const parser = new Parser(
    {
      onattribute(_name, value, quote) {
        // `null`: a value without quotes; endIndex is just past it.
        if (quote !== null || !value) return;
        found.push([parser.endIndex - value.length, parser.endIndex]);
      },
    },
    { decodeEntities: false, lowerCaseAttributeNames: false },
  );
  parser.write(tag);
  parser.end();
  return found;
}

/** Rewrites the Korean-prose constructs of an MDX source (see the module comment). Pure. */
export function prepareMdxProse(source: string): PreparedMdx {
  // Nothing to do without a `<`: the common post pays only this scan.
  if (!source.includes('<')) return { text: source, edits: [] };
  const ranges = untouchedRanges(source);
  const rangeStarts = new Map(ranges.map(([start, end]) => [start, end]));
  const expressionEnd = (at: number) => {
    const end = rangeStarts.get(at);
    return end !== undefined && source[at] === '{' ? end : undefined;
  };
  const out: string[] = [];
  const edits: ProseEdit[] = [];
  let copied = 0;
  let line = 1;
  let lineStart = 0;
  let lineCountedTo = 0;
  const positionOf = (offset: number) => {
    for (let i = lineCountedTo; i < offset; i++) {
      if (source[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    lineCountedTo = offset;
    return { line, column: offset - lineStart + 1 };
  };
  let changed = false;
  // Edits in source order; only those that change a length move columns, so only they are recorded.
  const replace = (start: number, end: number, text: string) => {
    out.push(source.slice(copied, start), text);
    copied = end;
    changed = true;
    if (text.length !== end - start) edits.push({ ...positionOf(start), removed: end - start, inserted: text.length });
  };
  const insert = (at: number, text: string) => replace(at, at, text);

  let rangeIndex = 0;
  for (let i = 0; i < source.length; i++) {
    while (rangeIndex < ranges.length && ranges[rangeIndex]![1] <= i) rangeIndex++;
    const range = ranges[rangeIndex];
    if (range && range[0] <= i) {
      i = range[1] - 1;
      continue;
    }
    const c = source[i];
    if (c === '\\' && ASCII_PUNCTUATION.test(source[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (c !== '<') continue;
    const after = source[i + 1];
    if (isProseAngle(after)) {
      replace(i, i + 1, '&lt;');
      continue;
    }
    if (source.startsWith('<!--', i)) {
      // CommonMark also ends a comment at once with `<!-->` and `<!--->`.
      const close = source.startsWith('<!-->', i) ? i + 2 : source.startsWith('<!--->', i) ? i + 3 : source.indexOf('-->', i + 4);
      if (close < 0) continue;
      const end = close + 3;
      // The comment's own text is blanked (line breaks kept): nothing of it can reach a page.
      const inner = source.slice(i + 4, close).replace(/[^\n]/g, ' ');
      replace(i, end, end - i >= 7 ? `{/* ${inner}*/}` : '{/**/}');
      i = end - 1;
      continue;
    }
    if (isAsciiLetter(after)) {
      const autolink = autolinkAt(source, i);
      if (autolink) {
        replace(i, autolink.end, `[${literalText(autolink.text)}](<${autolink.url}>)`);
        i = autolink.end - 1;
        continue;
      }
    }
    const end = tagEnd(source, i, expressionEnd);
    if (end === undefined) continue;
    const name = /^<\/?([A-Za-z][\w.:-]*)/.exec(source.slice(i, end))?.[1];
    if (name && after !== '/' && /^[a-z]/.test(name)) {
      const tag = source.slice(i, end);
      const unquoted = tag.includes('{') ? [] : unquotedValues(tag);
      for (const [start, stop] of unquoted) {
        insert(i + start, '"');
        insert(i + stop, '"');
      }
      // `<img src=b/>`: HTML reads the slash as part of the value, so the tag is not closed yet.
      const selfClosed = /\/\s*>$/.test(tag) && unquoted.at(-1)?.[1] !== tag.length - 1;
      const closedLater = new RegExp(`^\\s*</${name}\\s*>`, 'i').test(source.slice(end, end + name.length + 20));
      if (VOID_ELEMENTS.has(name.toLowerCase()) && !selfClosed && !closedLater) insert(end - 1, ' /');
    }
    i = end - 1;
  }
  if (!changed) return { text: source, edits };
  out.push(source.slice(copied));
  return { text: out.join(''), edits };
}

/** The column in the original source of `column` on `line` of the prepared text. */
export function sourceColumn(edits: readonly ProseEdit[], line: number, column: number): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.line !== line) continue;
    const preparedStart = edit.column + shift;
    if (column < preparedStart) break;
    if (column < preparedStart + edit.inserted) return edit.column;
    shift += edit.inserted - edit.removed;
  }
  return column - shift;
}
