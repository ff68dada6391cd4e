/**
 * The one walk over a post's Markdown/MDX tree. It collects everything the rules and the pages
 * need to know about the body: components with their props, the surveys they embed, images,
 * links and names brought in by `import`. Parsing uses Sätteri, the processor Astro builds with,
 * so a syntax error here is the one the build would hit.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';

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

export interface BodyScan {
  /** Capitalised JSX elements (components); lower-case names are HTML and not listed. */
  components: ComponentUse[];
  images: ImageUse[];
  links: LinkUse[];
  /** Names brought in by `import X from '...'` lines (MDX only). */
  imports: string[];
  /** Survey ids embedded by the survey components' `survey` prop. */
  surveys: string[];
  /** The MDX parser's error, when the body could not be read. */
  syntaxError?: Position & { reason: string };
}

interface MdNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/** "7:1: Expected a closing tag for `<div>` (7:1) (mdx-jsx:unexpected-character)" -> parts. */
export function parseMdxError(message: string): Position & { reason: string } {
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*?)(?:\s*\(\d+:\d+(?:-\d+:\d+)?\))?(?:\s*\([\w:-]+\))?\s*$/.exec(message.trim());
  if (!match) return { reason: message.trim() };
  return { line: Number(match[1]), column: Number(match[2]), reason: (match[3] ?? '').trim() };
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

/** Walks `source` (the whole file: front matter is skipped by the parser) once. */
export function scanBody(source: string, isMdx: boolean): BodyScan {
  const scan: BodyScan = { components: [], images: [], links: [], imports: [], surveys: [] };
  let tree: MdNode;
  try {
    tree = (isMdx ? mdxToMdast(source) : markdownToMdast(source)) as unknown as MdNode;
  } catch (error) {
    scan.syntaxError = parseMdxError(error instanceof Error ? error.message : String(error));
    return scan;
  }
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const at: Position = { line: node.position?.start.line, column: node.position?.start.column };
    if (node.type === 'mdxjsEsm' && typeof node.value === 'string') scan.imports.push(...importedNames(node.value));
    else if (node.type === 'image' && node.url) scan.images.push({ url: node.url, ...at });
    else if ((node.type === 'link' || node.type === 'definition') && node.url) scan.links.push({ url: node.url, ...at });
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
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
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return scan;
}
