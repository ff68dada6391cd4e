/**
 * CJK-friendly emphasis for Sätteri, the parser Astro builds posts with. CommonMark does not see
 * `**“도구”**를` or `**'하루 한 편'**입니다` as bold: a closing `**` between punctuation and a
 * letter is not "right-flanking". micromark-extension-cjk-friendly changes that rule for Chinese,
 * Japanese and Korean text; Sätteri has no such option, so this mdast plugin lets the extension
 * decide, only where it matters:
 *
 * 1. A document is looked at only when its source has `*`, `_` or `~` next to a CJK character
 *    (a cheap test in the plugin factory); any other post pays nothing.
 * 2. In it, only a paragraph, heading or table cell whose parsed text still shows such a
 *    character (a delimiter CommonMark left unpaired) is read again.
 * 3. micromark with GFM and the CJK-friendly extensions parses that container's own source and
 *    says which delimiter runs open and close emphasis, strong and strikethrough.
 * 4. Those runs are swapped for marker characters (Unicode punctuation, so neighbouring quotes
 *    and flanking read exactly as next to `*`); every other `*`, `_`, `~` in text is escaped.
 *    Sätteri parses the result with the site's own features, so links, code, smart quotes and
 *    everything else come out as in any other paragraph; the markers become the emphasis nodes.
 *
 * Whatever cannot be done safely (a marker already in the text, or one that ends up outside plain
 * text, as in a URL) leaves the container exactly as CommonMark read it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { gfm } from 'micromark-extension-gfm';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { markdownToMdast, mdxToMdast, type Features, type MdastPluginDefinition, type MdastVisitorContext, type PluginFactoryContext } from 'satteri';

/** Hangul, Han, kana, Bopomofo, CJK symbols and punctuation, full-width forms. */
const CJK = String.raw`\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef`;
/** A delimiter character touching a CJK character: the only place the CJK-friendly rules differ. */
export const DELIMITER_NEAR_CJK = new RegExp(`[*_~][${CJK}]|[${CJK}][*_~]`, 'u');

type EmphasisType = 'emphasis' | 'strong' | 'delete';
/** Marker characters: rare Unicode punctuation (the supplemental punctuation block). */
const OPEN: Record<EmphasisType, string> = { emphasis: '\u2e02', strong: '\u2e04', delete: '\u2e09' };
const CLOSE: Record<EmphasisType, string> = { emphasis: '\u2e03', strong: '\u2e05', delete: '\u2e0a' };
const MARKER_TYPE = new Map<string, { type: EmphasisType; open: boolean }>();
for (const type of Object.keys(OPEN) as EmphasisType[]) {
  MARKER_TYPE.set(OPEN[type], { type, open: true });
  MARKER_TYPE.set(CLOSE[type], { type, open: false });
}
const ANY_MARKER = /[\u2e02-\u2e05\u2e09\u2e0a]/;
const ANY_MARKER_G = /[\u2e02-\u2e05\u2e09\u2e0a]/g;

interface Point {
  offset?: number;
}
interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  label?: string | null;
  identifier?: string;
  children?: MdNode[];
  position?: { start: Point; end: Point };
  [key: string]: unknown;
}

type ContainerType = 'paragraph' | 'heading' | 'tableCell';

/** Combined once: micromark would otherwise merge the extensions' tables again for every snippet. */
const MICROMARK_OPTIONS = {
  // The strikethrough variant must come after gfm(), whose strikethrough it replaces.
  extensions: [combineExtensions([gfm(), cjkFriendlyExtension(), gfmStrikethroughCjkFriendly()])],
  mdastExtensions: [gfmFromMarkdown()],
};

interface InlineSource {
  text: string;
  /** Offset in the post's source of index `i` of `text`. */
  sourceAt: (i: number) => number;
}

/**
 * The container's inline source: from its first child to its last, continuation lines without
 * their block-quote markers and indentation (which the inline parser drops as well).
 */
function inlineSource(node: MdNode, source: string): InlineSource | undefined {
  const children = node.children ?? [];
  const start = children[0]?.position?.start.offset;
  const end = children.at(-1)?.position?.end.offset;
  if (start === undefined || end === undefined || end <= start) return undefined;
  const raw = source.slice(start, end);
  // Where each line of `text` starts, in `text` and in the source.
  const lines: [number, number][] = [[0, start]];
  let text = '';
  let last = 0;
  for (const match of raw.matchAll(/(\r\n|\r|\n)((?:[ \t]*>)*[ \t]*)/g)) {
    text += raw.slice(last, match.index + match[1]!.length);
    last = match.index + match[0].length;
    lines.push([text.length, start + last]);
  }
  text += raw.slice(last);
  const sourceAt = (i: number) => {
    let line = lines[0]!;
    for (const candidate of lines) if (candidate[0] <= i) line = candidate;
    return line[1] + (i - line[0]);
  };
  return { text, sourceAt };
}

/** Source ranges of a container's MDX expressions and JSX, where a backslash would change code. */
function mdxRanges(node: MdNode, out: [number, number][] = []): [number, number][] {
  for (const child of node.children ?? []) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (child.type.startsWith('mdx') && start !== undefined && end !== undefined) out.push([start, end]);
    else mdxRanges(child, out);
  }
  return out;
}

/** The inline source as a document of its own that parses to the same kind of container. */
function asDocument(type: ContainerType, content: string): { text: string; offset: number } {
  if (type === 'tableCell') return { text: `| ${content} |\n| - |\n`, offset: 2 };
  if (type === 'heading') return /[\r\n]/.test(content) ? { text: `${content}\n=\n`, offset: 0 } : { text: `# ${content}\n`, offset: 2 };
  return { text: `${content}\n`, offset: 0 };
}

/** The first container of a parsed wrapper document, when it is the kind asked for. */
function containerIn(root: MdNode, type: ContainerType): MdNode | undefined {
  const first = root.children?.[0];
  if (type === 'tableCell') {
    const rows = first?.type === 'table' ? (first.children ?? []) : [];
    const cells = rows.length === 1 ? (rows[0]?.children ?? []) : [];
    return cells.length === 1 ? cells[0] : undefined;
  }
  return first?.type === type ? first : undefined;
}

/** Link and footnote definitions of the document, so references in a container still resolve. */
function definitionsText(labels: string[], notes: string[]): string {
  return ['', ...labels.map((label) => `[${label}]: #`), ...notes.map((label) => `[^${label}]: .`)].join('\n\n');
}

const isEscaped = (text: string, index: number): boolean => {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
};

interface Edit {
  at: number;
  length: number;
  insert: string;
}

/**
 * micromark's reading of the delimiters: a marker for each run it turned into emphasis, strong or
 * strikethrough, and an escape for each delimiter character it left as text.
 */
function delimiterEdits(node: MdNode, text: string, edits: Edit[], mayEscape: (index: number) => boolean): boolean {
  for (const child of node.children ?? []) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined) return false;
    if (child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete') {
      const inner = child.children ?? [];
      const innerStart = inner[0]?.position?.start.offset;
      const innerEnd = inner.at(-1)?.position?.end.offset;
      if (innerStart === undefined || innerEnd === undefined) return false;
      edits.push({ at: start, length: innerStart - start, insert: OPEN[child.type] });
      edits.push({ at: innerEnd, length: end - innerEnd, insert: CLOSE[child.type] });
    } else if (child.type === 'text') {
      for (let i = start; i < end; i++) {
        const c = text[i]!;
        if ((c === '*' || c === '_' || c === '~') && !isEscaped(text, i) && mayEscape(i)) edits.push({ at: i, length: 1, insert: `\\${c}` });
      }
    }
    if (!delimiterEdits(child, text, edits, mayEscape)) return false;
  }
  return true;
}

/** A copy without positions: they would point into the re-parsed snippet, not the post. */
function withoutPositions(node: MdNode): MdNode {
  const { position: _position, children, ...rest } = node;
  return children ? { ...rest, children: children.map(withoutPositions) } : rest;
}

/** Turns the markers in text nodes back into emphasis nodes; undefined when they do not nest. */
function rebuild(children: MdNode[]): { children: MdNode[]; markers: number } | undefined {
  const stack: { type: EmphasisType | 'root'; children: MdNode[] }[] = [{ type: 'root', children: [] }];
  let markers = 0;
  for (const child of children) {
    const frame = stack.at(-1)!;
    if (child.type !== 'text' || !ANY_MARKER.test(child.value ?? '')) {
      if (child.children) {
        const inner = rebuild(child.children);
        if (!inner) return undefined;
        markers += inner.markers;
        frame.children.push({ ...child, children: inner.children });
      } else frame.children.push(child);
      continue;
    }
    let rest = child.value ?? '';
    while (rest) {
      const index = rest.search(ANY_MARKER);
      const top = stack.at(-1)!;
      if (index === -1) {
        top.children.push({ type: 'text', value: rest });
        break;
      }
      if (index > 0) top.children.push({ type: 'text', value: rest.slice(0, index) });
      const marker = MARKER_TYPE.get(rest[index]!)!;
      markers++;
      if (marker.open) stack.push({ type: marker.type, children: [] });
      else {
        const closed = stack.pop()!;
        if (closed.type !== marker.type || stack.length === 0) return undefined;
        stack.at(-1)!.children.push({ type: marker.type, children: closed.children });
      }
      rest = rest.slice(index + 1);
    }
  }
  return stack.length === 1 ? { children: stack[0]!.children, markers } : undefined;
}

const EMPHASIS_OR_TEXT = new Set(['text', 'emphasis', 'strong', 'delete']);

/**
 * Everything in a container other than text and emphasis, in order: code, links and their URLs,
 * images, HTML, MDX expressions and JSX with their attributes. The re-read may change only text and
 * emphasis; if anything else differs (an escape landed inside `{a_b}`, a marker inside a bare URL),
 * the container is left as it was.
 */
function otherParts(node: MdNode, out: string[] = []): string[] {
  for (const child of node.children ?? []) {
    if (!EMPHASIS_OR_TEXT.has(child.type)) {
      const attributes = (child.attributes as { name?: string; value?: unknown }[] | undefined)?.map((a) => [a.name, typeof a.value === 'object' && a.value ? (a.value as { value?: unknown }).value : a.value]);
      out.push(JSON.stringify([child.type, child.value, child.url, child.alt, child.title, child.identifier, child.name, attributes]));
    }
    otherParts(child, out);
  }
  return out;
}

const countMarkers = (value: unknown): number => (JSON.stringify(value).match(ANY_MARKER_G) ?? []).length;

/**
 * The container read with the CJK-friendly rules, or undefined to leave it as it is (nothing to
 * change, or no safe way to change it).
 */
export function reparseContainer(
  node: MdNode,
  source: string,
  options: { isMdx: boolean; features: Features; labels: string[]; notes: string[] },
): MdNode | undefined {
  const type = node.type as ContainerType;
  const inline = inlineSource(node, source);
  if (inline === undefined || ANY_MARKER.test(inline.text)) return undefined;
  const content = inline.text;
  const definitions = content.includes('[') ? definitionsText(options.labels, options.notes) : '';
  const wrapped = asDocument(type, content);
  const micromarkTree = fromMarkdown(wrapped.text + definitions, MICROMARK_OPTIONS) as unknown as MdNode;
  const read = containerIn(micromarkTree, type);
  const kids = read?.children ?? [];
  // The snippet must parse to the same single container, over the whole of its content.
  if (!read || kids[0]?.position?.start.offset !== wrapped.offset || kids.at(-1)?.position?.end.offset !== wrapped.offset + content.length) {
    return undefined;
  }
  const edits: Edit[] = [];
  const protectedRanges = options.isMdx ? mdxRanges(node) : [];
  const mayEscape = (index: number) => {
    const at = inline.sourceAt(index - wrapped.offset);
    return !protectedRanges.some(([start, end]) => at >= start && at < end);
  };
  if (!delimiterEdits(read, wrapped.text, edits, mayEscape)) return undefined;
  const inserted = edits.filter((edit) => edit.insert.length === 1).length;
  if (inserted === 0) return undefined;
  edits.sort((a, b) => a.at - b.at);
  let marked = '';
  let at = wrapped.offset;
  for (const edit of edits) {
    marked += wrapped.text.slice(at, edit.at) + edit.insert;
    at = edit.at + edit.length;
  }
  marked += wrapped.text.slice(at, wrapped.offset + content.length);
  const parse = options.isMdx ? mdxToMdast : markdownToMdast;
  const features = { ...options.features, frontmatter: false };
  const reread = containerIn(parse(asDocument(type, marked).text + definitions, { features, position: false }) as unknown as MdNode, type);
  if (!reread?.children || countMarkers(reread) !== inserted) return undefined;
  const rebuilt = rebuild(reread.children);
  if (!rebuilt || rebuilt.markers !== inserted) return undefined;
  if (JSON.stringify(otherParts({ type, children: rebuilt.children })) !== JSON.stringify(otherParts(node))) return undefined;
  const replacement: MdNode = { type, children: rebuilt.children.map(withoutPositions) };
  if (type === 'heading') replacement.depth = node.depth;
  return replacement;
}

const hasDelimiterText = (node: MdNode): boolean =>
  node.type === 'text' ? /[*_~]/.test(node.value ?? '') : (node.children ?? []).some(hasDelimiterText);

/**
 * The Sätteri mdast plugin factory. `features` must be the ones the document is parsed with
 * (src/lib/markdown-features.ts). Rust hands over only the containers and definitions; a container
 * is looked into only when its own source has a delimiter next to CJK text, and all are re-read
 * at the end, when every definition (which may come after its reference) is known.
 */
export function cjkFriendlyEmphasis(features: Features) {
  return (factory: PluginFactoryContext): MdastPluginDefinition | null => {
    if (!DELIMITER_NEAR_CJK.test(factory.source)) return null;
    const isMdx = factory.sourceFormat === 'mdx';
    const source = factory.source;
    const labels: string[] = [];
    const notes: string[] = [];
    const containers: MdNode[] = [];
    const consider = (node: unknown) => {
      const container = node as MdNode;
      const start = container.position?.start.offset;
      const end = container.position?.end.offset;
      if (start === undefined || end === undefined || !DELIMITER_NEAR_CJK.test(source.slice(start, end))) return;
      if (hasDelimiterText(container)) containers.push(container);
    };
    return {
      name: 'socialbench-cjk-friendly-emphasis',
      options: { position: true },
      paragraph: consider,
      heading: consider,
      tableCell: consider,
      definition(node) {
        labels.push(node.label ?? node.identifier);
      },
      footnoteDefinition(node) {
        notes.push(node.label ?? node.identifier);
      },
      after(_root, ctx: MdastVisitorContext) {
        for (const node of containers) {
          let replacement: MdNode | undefined;
          try {
            replacement = reparseContainer(node, ctx.source, { isMdx, features, labels, notes });
          } catch {
            // The snippet did not parse on its own (an MDX expression the escapes broke, say): as written.
            replacement = undefined;
          }
          if (replacement) ctx.replaceNode(node as never, replacement as never);
        }
      },
    };
  };
}
