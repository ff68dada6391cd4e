/**
 * Code blocks without style attributes. Shiki writes every token's colours as
 * `style="color:#24292E;--shiki-dark:#E1E4E8"`, and Astro adds `overflow-x: auto` to the <pre>;
 * the site's Content-Security-Policy (src/lib/csp.ts) allows no style attribute, so
 * `codeClasses()` (a Shiki transformer, last in astro.config.mjs's shikiConfig.transformers)
 * turns each declaration into a class and src/styles/code.css, generated from the same two themes
 * by `codeCss()`, gives the classes their colours:
 *
 *   color:#24292E                     -> sl-24292e     (light theme)
 *   --shiki-dark:#E1E4E8              -> sd-e1e4e8     (dark theme, under prefers-color-scheme: dark)
 *   background-color / --shiki-dark-bg on a token -> sl-bg-… / sd-bg-…
 *   font-style / font-weight / text-decoration, or their --shiki-light-… / --shiki-dark-… forms
 *                                     -> sl-fs-italic, sd-fw-bold, …
 *   the <pre>'s own colours and overflow -> nothing: .astro-code in code.css and pre in global.css
 *
 * A declaration it does not know stops the build with a message, rather than shipping a style
 * the policy would block. After changing CODE_THEMES, regenerate the stylesheet:
 *   node scripts/generate-code-css.ts
 * (tests/unit/code-highlight.test.ts fails until code.css matches.)
 */

/** The two themes of every code block: light by default, dark with the reader's colour scheme. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** The part of a hast element the transformer touches. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** The part of a Shiki theme the stylesheet is made from. */
export interface CodeTheme {
  name?: string;
  colors?: Record<string, string>;
  tokenColors?: { settings?: { foreground?: string; background?: string } }[];
}

const HEX = /^#([0-9a-f]{3,8})$/i;
const KEYWORDS: Record<string, readonly string[]> = {
  'font-style': ['italic', 'normal', 'inherit'],
  'font-weight': ['bold', 'normal', 'inherit'],
  'text-decoration': ['underline', 'line-through', 'underline line-through', 'none', 'inherit'],
};
const SHORT: Record<string, string> = { 'font-style': 'fs', 'font-weight': 'fw', 'text-decoration': 'td' };

/** Declarations Astro or Shiki put on the <pre> that code.css and global.css already cover. */
const PRE_DROPPED = new Set(['background-color', 'color', '--shiki-dark', '--shiki-dark-bg', 'overflow-x']);

function colourClass(prefix: string, value: string, where: string): string {
  const hex = HEX.exec(value.trim());
  if (!hex) throw new Error(`code-highlight: ${where}: colour "${value}" is not #hex; extend src/lib/code-highlight.ts`);
  return `${prefix}${hex[1]!.toLowerCase()}`;
}

/** The classes standing for one style attribute of a Shiki element (exported for the tests). */
export function styleToClasses(style: string, tagName: string): string[] {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    if (!declaration.trim()) continue;
    const colon = declaration.indexOf(':');
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    const where = `<${tagName} style="${style}">`;
    if (tagName === 'pre' && PRE_DROPPED.has(name)) continue;
    if (name === 'user-select' && value === 'none') {
      classes.push('code-no-select');
      continue;
    }
    if (name === 'white-space' && value === 'pre-wrap') {
      classes.push('code-wrap');
      continue;
    }
    if (name === 'word-wrap' && value === 'break-word') continue; // part of code-wrap
    // "color" / "--shiki-light" / "--shiki-dark", each with -bg, -font-style, -font-weight, -text-decoration.
    const themed = /^--shiki-(light|dark)(?:-(bg|font-style|font-weight|text-decoration))?$/.exec(name);
    const prefix = themed ? (themed[1] === 'dark' ? 'sd' : 'sl') : 'sl';
    const property = themed ? (themed[2] === 'bg' ? 'background-color' : (themed[2] ?? 'color')) : name;
    if (property === 'color') classes.push(colourClass(`${prefix}-`, value, where));
    else if (property === 'background-color') classes.push(colourClass(`${prefix}-bg-`, value, where));
    else {
      const short = SHORT[property];
      if (!short || !KEYWORDS[property]!.includes(value)) {
        throw new Error(`code-highlight: ${where}: no class for "${name}: ${value}"; extend src/lib/code-highlight.ts and src/styles/code.css`);
      }
      classes.push(`${prefix}-${short}-${value.replace(/\s+/g, '-')}`);
    }
  }
  return classes;
}

function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

function convert(node: HastNode): void {
  if (node.type === 'element' && node.properties) {
    const style = node.properties.style;
    if (typeof style === 'string') {
      const added = styleToClasses(style, node.tagName ?? '');
      node.properties.class = [...new Set([...classList(node.properties.class ?? node.properties.className), ...added])].join(' ');
      delete node.properties.className;
      delete node.properties.style;
    }
  }
  for (const child of node.children ?? []) convert(child);
}

/** The Shiki transformer: put it after any other, so it sees every style they added. */
export function codeClasses(): { name: string; root: (root: HastNode) => void } {
  return {
    name: 'socialbench:code-classes',
    root(root) {
      convert(root);
    },
  };
}

/**
 * Shiki stops tokenizing a line after 500 ms and gives the rest of it the colour it had reached.
 * The first block of each language compiles the grammar inside that time, so on a busy machine (a
 * build beside the tests, a shared CI runner) a block could come out with all its tokens in one
 * colour, and differently from one build to the next, which a kept result (./markdown/
 * highlight-cache.ts) would then repeat. With no limit, the same code always gets the same
 * colours. (Astro's Shiki wrapper passes no tokenizer options; a transformer's `preprocess` sees
 * the call's own options object before tokenizing.)
 */
export function untimedTokenizing(): { name: string; preprocess: (code: string, options: { tokenizeTimeLimit?: number }) => void } {
  return {
    name: 'socialbench:untimed-tokenizing',
    preprocess(_code, options) {
      options.tokenizeTimeLimit = 0;
    },
  };
}

/** Every transformer of the site's code blocks, in order (astro.config.mjs and the tests use these). */
export function codeTransformers() {
  return [untimedTokenizing(), codeClasses()];
}

/** The colours a theme can give a token or a code block, lower-case. */
function themeColours(theme: CodeTheme): { foreground: string[]; background: string[] } {
  const foreground = new Set<string>();
  const background = new Set<string>();
  const fg = theme.colors?.['editor.foreground'];
  if (fg) foreground.add(fg.toLowerCase());
  for (const rule of theme.tokenColors ?? []) {
    if (rule.settings?.foreground) foreground.add(rule.settings.foreground.toLowerCase());
    if (rule.settings?.background) background.add(rule.settings.background.toLowerCase());
  }
  return { foreground: [...foreground].sort(), background: [...background].sort() };
}

function keywordRules(prefix: 'sl' | 'sd'): string[] {
  return Object.entries(KEYWORDS).flatMap(([property, values]) =>
    values.map((value) => `.astro-code .${prefix}-${SHORT[property]}-${value.replace(/\s+/g, '-')}{${property}:${value}}`),
  );
}

/** src/styles/code.css for a light and a dark theme. */
export function codeCss(light: CodeTheme, dark: CodeTheme): string {
  const colours = (theme: CodeTheme, prefix: 'sl' | 'sd'): string[] => {
    const { foreground, background } = themeColours(theme);
    const fg = theme.colors?.['editor.foreground']?.toLowerCase() ?? 'inherit';
    const bg = theme.colors?.['editor.background']?.toLowerCase() ?? 'transparent';
    return [
      `.astro-code{background-color:${bg};color:${fg}}`,
      ...foreground.map((c) => `.astro-code .${prefix}-${c.slice(1)}{color:${c}}`),
      ...background.map((c) => `.astro-code .${prefix}-bg-${c.slice(1)}{background-color:${c}}`),
    ];
  };
  const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
  // Colours: the dark rules come later with the same specificity, so they win in dark mode.
  // Font styles: each theme's own apply only in its scheme, as with Shiki's own dual-theme CSS.
  return [
    `/* Generated by scripts/generate-code-css.ts from the Shiki themes ${light.name ?? 'light'} and ${dark.name ?? 'dark'}`,
    '   (src/lib/code-highlight.ts turns their style attributes into these classes). Do not edit. */',
    ...colours(light, 'sl'),
    '.astro-code .code-no-select{user-select:none}',
    '.astro-code.code-wrap{white-space:pre-wrap;overflow-wrap:break-word}',
    '@media (prefers-color-scheme: light) {',
    ...indent(keywordRules('sl')),
    '}',
    '@media (prefers-color-scheme: dark) {',
    ...indent([...colours(dark, 'sd'), ...keywordRules('sd')]),
    '}',
    '',
  ].join('\n');
}

/** The stylesheet for CODE_THEMES, read from Shiki's bundled themes. */
export async function codeCssForThemes(): Promise<string> {
  const load = async (name: string) => ((await import(`@shikijs/themes/${name}`)) as { default: CodeTheme }).default;
  return codeCss(await load(CODE_THEMES.light), await load(CODE_THEMES.dark));
}
