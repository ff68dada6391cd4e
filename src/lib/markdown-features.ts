/**
 * The Markdown features posts are parsed with, in one place: the build (astro.config.mjs, for
 * Markdown and MDX alike), the writer checks (src/lib/rules/mdx.ts) and the CJK-friendly emphasis
 * plugin's re-parse (src/lib/cjk-emphasis.ts) must read a post the same way.
 */
import type { Features } from 'satteri';

export const MARKDOWN_FEATURES = {
  gfm: { footnotes: { label: '각주', backLabel: (n: number) => `본문의 ${n}번 각주 위치로 돌아가기` } },
  // Curly quotes and dashes, as Astro does by default; named here so every parse agrees.
  smartPunctuation: true,
  // `$$…$$` is maths (KaTeX at build time, src/lib/math.ts). A single `$` stays a dollar sign:
  // Korean posts write prices ("$5에서 $10으로"), which would otherwise become formulas.
  math: { singleDollarTextMath: false },
} satisfies Features;
