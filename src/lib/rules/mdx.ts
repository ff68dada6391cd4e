/**
 * The one walk over a post's Markdown/MDX tree. It collects everything the rules and the pages
 * need to know about the body: components with their props, the surveys they embed, images,
 * links and names brought in by `import`, and every attribute and URL the writer's HTML gives
 * the page (JSX elements in MDX, raw HTML tags in Markdown) for the unsafe-HTML rules. Parsing
 * uses Sätteri, the processor Astro builds with, so a syntax error here is the one the build
 * would hit; raw HTML is read with htmlparser2, as a browser would tokenize it.
 */
import { Parser } from 'htmlparser2';
import { markdownToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from '../markdown-features.ts';
import { sourceColumn, type ProseEdit } from '../markdown/mdx-prose.ts';
import { renderMath } from '../math.ts';
import { esmNames } from './expressions.ts';
import { foreignSyntaxInText, lostTableIn, type ForeignSyntax } from './foreign-syntax.ts';
import { parseMdxCollectingErrors, type MdxSyntaxError } from './mdx-errors.ts';

export { parseMdxError } from './mdx-errors.ts';

export interface Position {
  line?: number;
  column?: number;
}

export interface ComponentUse extends Position {
  name: string;
  /** String props as written; an expression prop (`{...}`) is listed in `expressionProps`. */
  props: Record<string, string>;
  expressionProps: string[];
}

export interface ImageUse extends Position {
  url: string;
}

export interface LinkUse extends Position {
  url: string;
}

/**
 * One attribute of an element the writer wrote: a JSX element in MDX (HTML like `<a>` and
 * components like `<SurveyChart>` alike), or a tag of raw HTML in a Markdown post.
 */
export interface AttributeUse extends Position {
  /** The element: "a", "img", "SurveyChart" (raw HTML tags in lower case). */
  tag: string;
  /** As written ("onClick", "href"); raw HTML names in lower case; for a spread, the whole `{...props}`. */
  name: string;
  /** The value with character references (`&#x09;`) decoded; '' for a bare attribute; absent for an expression. */
  value?: string;
  /** `href={...}` or a spread `{...props}`: only running the code would tell the value. */
  expression: boolean;
  /** `{...props}`: may set any attribute at all. */
  spread?: boolean;
}

/** Where a URL of the body was written. */
export type UrlOrigin = 'link' | 'image' | 'definition' | 'attribute';

/** A URL the page will carry: a Markdown link, image or link definition, or a URL-bearing attribute. */
export interface UrlUse extends Position {
  /** As the parser decoded it (character references resolved), untrimmed. */
  url: string;
  from: UrlOrigin;
  /** For an attribute: its element and name ("img", "srcset"). */
  tag?: string;
  attribute?: string;
  /** For a link definition (`[ref]: url`): its label. */
  label?: string;
}

/** A `{…}` of an MDX post: in the text, or as the value of an attribute (`field`). */
export interface ExpressionUse extends Position {
  /** The code inside the braces. */
  code: string;
  /** For an attribute value: the element and attribute (`<Foo>`, "title"). */
  tag?: string;
  attribute?: string;
}

export interface BodyScan {
  /** Capitalised JSX elements (components); lower-case names are HTML and not listed. */
  components: ComponentUse[];
  /** Markdown images (`![alt](url)`), checked on disk. */
  images: ImageUse[];
  /** Markdown links and link definitions. */
  links: LinkUse[];
  /** Every attribute of every JSX element and raw HTML tag, in file order. */
  attributes: AttributeUse[];
  /** Every URL of the body: Markdown links, images and definitions, and URL-bearing attributes (one per srcset candidate). */
  urls: UrlUse[];
  /** Names brought in by `import X from '...'` lines (MDX only). */
  imports: string[];
  /** Survey ids embedded by the survey components' `survey` prop. */
  surveys: string[];
  /** Names the post's `import`/`export` lines define (MDX only), for its `{…}` expressions. */
  defined: string[];
  /** Every `{…}` of an MDX post, in file order. */
  expressions: ExpressionUse[];
  /** Other generators' syntax shown as raw text, and formulas KaTeX cannot read (src/lib/rules/foreign-syntax.ts). */
  foreignSyntax: ForeignSyntax[];
  /** The MDX parser's first error, when the body could not be read. */
  syntaxError?: MdxSyntaxError;
  /** Every MDX syntax error of the body (src/lib/rules/mdx-errors.ts), the first one first. */
  syntaxErrors?: MdxSyntaxError[];
  /** The first tag nested deeper than MAX_TAG_DEPTH, where there is one. */
  tooDeep?: Position & { tag: string };
}

/**
 * How deeply tags may nest. Astro's MDX compiler crashes the whole build process (a native stack
 * overflow, SIGSEGV, no message) at about 1,000 levels; 400 built fine when measured. No real post
 * comes near 200.
 */
export const MAX_TAG_DEPTH = 200;

interface MdNode {
  type: string;
  name?: string | null;
  url?: string;
  label?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/**
 * Attributes a browser reads as a URL (HTML and SVG, current and legacy), compared in lower case,
 * so JSX's `srcSet` or `formAction` counts too. The same names as sanitize-html's scheme-checked list.
 */
export const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'imagesrcset',
  'poster',
  'action',
  'formaction',
  'cite',
  'data',
  'background',
  'longdesc',
  'usemap',
  'manifest',
  'ping',
  'xlink:href',
  'codebase',
  'classid',
  'archive',
  'profile',
  'itemid',
  'icon',
  'lowsrc',
  'dynsrc',
]);

/** SVG animation can set an `href` to the value of these (`<animate attributeName="href" to="javascript:…">`). */
const ANIMATION_URL_ATTRIBUTES: Record<string, string[]> = {
  animate: ['to', 'from', 'by', 'values'],
  set: ['to'],
};

/** Attributes whose value is HTML put into the page as it is: Astro's `set:html` and an iframe's `srcdoc`. */
export const HTML_ATTRIBUTES = new Set(['set:html', 'srcdoc']);

/** True when `name` (any case) on `tag` holds one or more URLs. */
export function isUrlAttribute(tag: string, name: string): boolean {
  const lower = name.toLowerCase();
  return URL_ATTRIBUTES.has(lower) || (ANIMATION_URL_ATTRIBUTES[tag.toLowerCase()]?.includes(lower) ?? false);
}

/**
 * The URLs in one attribute value: each candidate of a `srcset` (parsed as the HTML spec does: a
 * URL runs to the next whitespace, a trailing comma ends it, descriptors run to the next comma),
 * each space-separated URL of `ping` and `archive`, each ";"-separated value of an SVG `values`.
 */
export function urlsInAttribute(name: string, value: string): string[] {
  const lower = name.toLowerCase();
  if (lower === 'ping' || lower === 'archive') return value.split(/[\s,]+/).filter(Boolean);
  if (lower === 'values') return value.split(';');
  if (lower !== 'srcset' && lower !== 'imagesrcset') return [value];
  const urls: string[] = [];
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (space(value[i]) || value[i] === ',')) i++;
    const start = i;
    while (i < value.length && !space(value[i])) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // Descriptors ("640w", "2x") up to the comma that ends the candidate.
      let depth = 0;
      for (; i < value.length; i++) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/**
 * Characters after the HTML so an unfinished tag still reports its attributes. An HTML block in
 * Markdown ends at a blank line, even inside a tag (`<div onclick="…` then an empty line); the
 * browser carries on into whatever follows, but htmlparser2 drops an unfinished tag at the end of
 * its input. `'">` closes a single- or double-quoted value or ends an unquoted one, then the tag;
 * after text it is only text.
 */
const TAG_CLOSER = `'">`;

/**
 * Every attribute of every tag in `html`, as a browser would read them (names in lower case,
 * character references decoded). `at` turns an index into `html` into a position in the file.
 */
function htmlAttributes(html: string, at: (index: number) => Position): AttributeUse[] {
  const found: AttributeUse[] = [];
  let tag = '';
  const parser = new Parser(
    {
      onopentagname(name) {
        tag = name;
      },
      onattribute(name, value) {
        // `parser.startIndex` is where the attribute's name starts; past the end is TAG_CLOSER's own.
        if (parser.startIndex < html.length) found.push({ tag, name, value, expression: false, ...at(parser.startIndex) });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.write(TAG_CLOSER);
  parser.end();
  return found;
}

/**
 * Index in an `html` node's value -> line and column in the file. Inside a list item or a block
 * quote the parser strips each following line's prefix ("> ", the indent) from the value, so a
 * later line is found as the end of its line in the file.
 */
function htmlNodePositions(node: MdNode, value: string, sourceLines: string[]): (index: number) => Position {
  const start = node.position?.start;
  if (!start) return () => ({});
  return (index) => {
    const before = value.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    if (lineStart === 0) return { line: start.line, column: start.column + index };
    const line = start.line + before.split('\n').length - 1;
    const valueLine = (value.slice(lineStart).split('\n')[0] ?? '').replace(/\r$/, '');
    const fileLine = sourceLines[line - 1] ?? '';
    const prefix = fileLine.endsWith(valueLine) ? fileLine.length - valueLine.length : 0;
    return { line, column: prefix + index - lineStart + 1 };
  };
}

/** Attributes of a JSX element. Sätteri gives attributes no position of their own: each is reported at its element. */
function jsxAttributes(node: MdNode, tag: string, at: Position): AttributeUse[] {
  const found: AttributeUse[] = [];
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      const code = typeof attribute.value === 'string' ? attribute.value : '';
      found.push({ tag, name: `{${code}}`, expression: true, spread: true, ...at });
      continue;
    }
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const value = attribute.value;
    if (typeof value === 'string' || value === null || value === undefined) {
      found.push({ tag, name: attribute.name, value: value ?? '', expression: false, ...at });
      // HTML written into an attribute reaches the page as HTML: its tags are the writer's HTML too.
      if (typeof value === 'string' && HTML_ATTRIBUTES.has(attribute.name.toLowerCase())) found.push(...htmlAttributes(value, () => at));
    } else found.push({ tag, name: attribute.name, expression: true, ...at });
  }
  return found;
}

/** Names brought in by `import X from '...'` / `import { X, Y as Z } from '...'` lines of an MDX file. */
export function importedNames(esm: string): string[] {
  const names: string[] = [];
  for (const match of esm.matchAll(/import\s+([^'";]+?)\s+from\s+['"]/g)) {
    const clause = match[1] ?? '';
    const braces = /\{([^}]*)\}/.exec(clause);
    if (braces) {
      for (const part of (braces[1] ?? '').split(',')) {
        const name = part.trim().split(/\s+as\s+/).pop()?.trim();
        if (name) names.push(name);
      }
    }
    for (const part of clause.replace(/\{[^}]*\}/, '').split(',')) {
      const name = part.replace(/^\*\s+as\s+/, '').trim();
      if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
    }
  }
  return names;
}

/** Components whose `survey` prop embeds a survey's figures (the survey page lists such articles). */
export const SURVEY_COMPONENTS = new Set(['SurveyChart', 'SurveyComparison']);

const emptyScan = (): BodyScan => ({ components: [], images: [], links: [], attributes: [], urls: [], imports: [], surveys: [], defined: [], expressions: [], foreignSyntax: [] });

/** The text of a node's descendants, as it reads (text and inline code). */
function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return typeof node.value === 'string' ? node.value : '';
  return (node.children ?? []).map(plainText).join('');
}

/** Walks `source` (the whole file: front matter is skipped by the parser) once. */
export function scanBody(source: string, isMdx: boolean): BodyScan {
  // The build's own features (maths, smart punctuation), so the tree is the one the page is made from.
  if (!isMdx) return walkTree(markdownToMdast(source, { features: MARKDOWN_FEATURES }) as unknown as MdNode, source, [], false);
  // MDX is read as the site renders it: Korean prose prepared first, its columns mapped back.
  const parsed = parseMdxCollectingErrors(source);
  if (parsed.tree) return walkTree(parsed.tree as MdNode, source, parsed.edits, true);
  // The rest of the file, its errors neutralised, still tells which `{…}` use undefined names.
  const rest = parsed.recovered ? walkTree(parsed.recovered as MdNode, source, parsed.edits, true) : emptyScan();
  return { ...emptyScan(), expressions: rest.expressions, defined: rest.defined, imports: rest.imports, syntaxErrors: parsed.errors, syntaxError: parsed.errors[0] };
}

function walkTree(tree: MdNode, source: string, edits: readonly ProseEdit[], isMdx: boolean): BodyScan {
  const scan = emptyScan();
  let sourceLines: string[] | undefined;
  const addAttributes = (attributes: AttributeUse[]) => {
    for (const attribute of attributes) {
      scan.attributes.push(attribute);
      if (attribute.value === undefined || !isUrlAttribute(attribute.tag, attribute.name)) continue;
      const { tag, name, line, column } = attribute;
      for (const url of urlsInAttribute(name, attribute.value)) scan.urls.push({ url, from: 'attribute', tag, attribute: name, line, column });
    }
  };
  // The text node that ends each heading, where a kramdown `{#id}` would be.
  const headingEnds = new Set<MdNode>();
  const stack: MdNode[] = [tree];
  // Tag depth of each node on the stack, kept beside it rather than on the parser's objects.
  const depths: number[] = [0];
  while (stack.length) {
    const node = stack.pop()!;
    let depth = depths.pop()!;
    const start = node.position?.start;
    const at: Position = { line: start?.line, column: start && edits.length ? sourceColumn(edits, start.line, start.column) : start?.column };
    const isJsx = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    if (isJsx && ++depth > MAX_TAG_DEPTH && !scan.tooDeep) scan.tooDeep = { tag: node.name ?? '', ...at };
    if (isJsx && node.name) addAttributes(jsxAttributes(node, node.name, at));
    if (isJsx) {
      for (const attribute of node.attributes ?? []) {
        const value = attribute.value as { type?: string; value?: unknown } | null | undefined;
        if (attribute.type === 'mdxJsxAttribute' && value?.type === 'mdxJsxAttributeValueExpression' && typeof value.value === 'string') {
          scan.expressions.push({ code: value.value, tag: `<${node.name ?? ''}>`, attribute: attribute.name, ...at });
        }
      }
    }
    if (node.type === 'text' && typeof node.value === 'string') {
      scan.foreignSyntax.push(...foreignSyntaxInText(node.value, at, { isMdx, inHeadingEnd: headingEnds.has(node) }));
    } else if (node.type === 'heading' && node.children?.length) headingEnds.add(node.children.at(-1)!);
    else if (node.type === 'paragraph') {
      const lostTable = lostTableIn(plainText(node), at);
      if (lostTable) scan.foreignSyntax.push(lostTable);
    } else if ((node.type === 'math' || node.type === 'inlineMath') && typeof node.value === 'string') {
      const { error } = renderMath(node.value, node.type === 'math');
      if (error) scan.foreignSyntax.push({ kind: 'math-error', text: error, ...at });
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (typeof node.value === 'string') scan.expressions.push({ code: node.value, ...at });
    } else if (node.type === 'mdxjsEsm' && typeof node.value === 'string') {
      scan.imports.push(...importedNames(node.value));
      scan.defined.push(...esmNames(node.value));
    }
    if (node.type === 'image' && node.url !== undefined) {
      if (node.url) scan.images.push({ url: node.url, ...at });
      scan.urls.push({ url: node.url, from: 'image', ...at });
    } else if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined) {
      if (node.url) scan.links.push({ url: node.url, ...at });
      scan.urls.push({ url: node.url, from: node.type, ...(node.type === 'definition' && node.label ? { label: node.label } : {}), ...at });
    } else if (node.type === 'html' && typeof node.value === 'string') {
      sourceLines ??= source.split(/\r?\n|\r/);
      addAttributes(htmlAttributes(node.value, htmlNodePositions(node, node.value, sourceLines)));
    } else if (isJsx && node.name && /^[A-Z]/.test(node.name)) {
      const props: Record<string, string> = {};
      const expressionProps: string[] = [];
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        if (typeof attribute.value === 'string') props[attribute.name] = attribute.value;
        else if (attribute.value !== null && attribute.value !== undefined) expressionProps.push(attribute.name);
        else props[attribute.name] = '';
      }
      scan.components.push({ name: node.name, props, expressionProps, ...at });
      const survey = props.survey;
      if (SURVEY_COMPONENTS.has(node.name) && survey && !scan.surveys.includes(survey)) scan.surveys.push(survey);
    }
    // Children in reverse so the walk, and so every list, follows the file's order.
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!);
      depths.push(depth);
    }
  }
  return scan;
}
