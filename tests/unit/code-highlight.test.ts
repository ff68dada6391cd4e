/**
 * Code blocks under the Content-Security-Policy: Shiki's colours become classes
 * (src/lib/code-highlight.ts) that src/styles/code.css colours, with no style attribute left.
 * Highlighted here with the same function astro.config.mjs uses.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { satteriCreateHighlightFn } from '@astrojs/markdown-satteri';
import { CODE_THEMES, codeCssForThemes, codeTransformers, styleToClasses } from '../../src/lib/code-highlight';

const root = resolve(import.meta.dirname, '../..');
const css = readFileSync(join(root, 'src/styles/code.css'), 'utf8');

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

const SAMPLES: [lang: string, code: string][] = [
  ['ts', "const channels: string[] = ['blog', 'twitter']; // 채널\nexport default function f<T>(x: T): T { return x; }"],
  ['js', 'const end = "]]>"; // CDATA를 끝내는 문자열 & <b>\nclass A extends B { #p = 1; }'],
  ['json', '{ "title": "소셜", "n": 1, "ok": true, "none": null }'],
  ['xml', '<item><title>"소통" &amp;</title><!-- c --><![CDATA[<p>]]></item>'],
  ['html', '<a href="/x" class="y">링크</a><script>let a = 1</script><style>p{color:red}</style>'],
  ['css', '@media (prefers-color-scheme: dark) { .a::before { content: "x"; color: #fff !important; } }'],
  ['bash', 'npm run build && echo "$HOME" # 주석\nfor f in *.md; do cat "$f"; done'],
  ['diff', '--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new'],
  ['md', '# 제목\n\n**굵게** _기울임_ [링크](https://example.com) `code`\n\n> 인용'],
  ['yaml', 'title: 소셜\ntags: [a, b]\ndraft: true # comment'],
  ['python', 'def f(x: int) -> str:\n    """doc"""\n    return f"{x}"  # 주석'],
  ['markdown', '~~취소~~ *기울임*'],
  ['unknown-language', 'plain text'],
  ['plaintext', 'plain text'],
];

describe('code blocks without style attributes', () => {
  it('src/styles/code.css is what scripts/generate-code-css.ts writes for CODE_THEMES', async () => {
    expect(css, 'run: node scripts/generate-code-css.ts').toBe(await codeCssForThemes());
    expect(CODE_THEMES).toEqual({ light: 'github-light-default', dark: 'github-dark-default' });
  });

  it('turns each of Shiki\'s declarations into a class', () => {
    expect(styleToClasses('color:#24292E;--shiki-dark:#E1E4E8', 'span')).toEqual(['sl-24292e', 'sd-e1e4e8']);
    expect(styleToClasses('color:#6A737D;font-style:italic;--shiki-dark:#6A737D;--shiki-dark-font-style:italic', 'span')).toEqual([
      'sl-6a737d',
      'sl-fs-italic',
      'sd-6a737d',
      'sd-fs-italic',
    ]);
    expect(styleToClasses('text-decoration:underline line-through;--shiki-dark-font-weight:bold', 'span')).toEqual(['sl-td-underline-line-through', 'sd-fw-bold']);
    expect(styleToClasses('background-color:#fff;--shiki-dark-bg:#24292e;color:#24292e;--shiki-dark:#e1e4e8; overflow-x: auto;', 'pre')).toEqual([]);
    expect(styleToClasses('user-select: none;', 'span')).toEqual(['code-no-select']);
    expect(() => styleToClasses('position: fixed', 'span')).toThrow(/no class for "position: fixed"/);
    expect(() => styleToClasses('color: red', 'span')).toThrow(/is not #hex/);
  });

  it('colours every token even when Shiki would cut a line short (a busy machine), the same on every build', async () => {
    // Shiki gives up on a line after its time limit and colours the rest as one token; -1 makes
    // it give up at once, as a first block of a language could on a loaded machine.
    const cutShort = { name: 'cut-short', preprocess: (_code: string, options: { tokenizeTimeLimit?: number }) => void (options.tokenizeTimeLimit = -1) };
    const withShiki = async (transformers: unknown[]) => {
      const highlight = await satteriCreateHighlightFn('shiki', { themes: { ...CODE_THEMES }, transformers } as never);
      return JSON.stringify(await highlight!("const channels: string[] = ['blog', 'twitter']; // 채널", 'ts'));
    };
    const site = await withShiki(codeTransformers());
    // The site's transformers come after any other, so the limit they lift stays lifted.
    expect(await withShiki([cutShort, ...codeTransformers()])).toBe(site);
    const cut = await withShiki([...codeTransformers(), cutShort]);
    expect(cut).not.toBe(site);
    const lightColours = (json: string) => new Set(json.match(/sl-[0-9a-f]{6}/g));
    expect(lightColours(cut).size).toBe(1);
    expect(lightColours(site).size).toBeGreaterThan(3);
  });

  it.each(SAMPLES)('%s: highlighted with classes only, each of them in code.css', async (lang, code) => {
    const highlight = await satteriCreateHighlightFn('shiki', { themes: { ...CODE_THEMES }, transformers: codeTransformers() } as never);
    const pre = (await highlight!(code, lang)) as Node;
    expect(pre.tagName).toBe('pre');
    const styled: string[] = [];
    const classes = new Set<string>();
    walk(pre, (node) => {
      if (node.properties?.style !== undefined) styled.push(`<${node.tagName} style="${String(node.properties.style)}">`);
      const value = node.properties?.class ?? node.properties?.className;
      for (const c of Array.isArray(value) ? value : String(value ?? '').split(/\s+/)) if (/^(sl|sd|code)-/.test(String(c))) classes.add(String(c));
    });
    expect(styled).toEqual([]);
    if (lang !== 'plaintext' && lang !== 'unknown-language') expect(classes.size).toBeGreaterThan(1);
    const undefinedClasses = [...classes].filter((c) => !css.includes(`.${c}{`));
    expect(undefinedClasses).toEqual([]);
  });
});
