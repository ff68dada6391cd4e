/**
 * Maths in posts: `$$…$$` (Sätteri's math feature, src/lib/markdown-features.ts) typeset at build
 * time by KaTeX as MathML, which browsers draw themselves: no script, no KaTeX style sheet or
 * fonts on the page. The writer check uses the same function, so a formula KaTeX cannot read is
 * reported with its line before it reaches a reader.
 */
import katex from 'katex';

export type MathResult = { html: string; error?: undefined } | { html?: undefined; error: string };

/** `tex` as MathML (`<span class="katex"><math>…</math></span>`), or KaTeX's reason it cannot be read. */
export function renderMath(tex: string, display: boolean): MathResult {
  try {
    // trust: false (the default) keeps \href, \htmlClass and friends out; strict: 'ignore' lets
    // Unicode text such as Korean in \text{} through without a console warning per formula.
    return { html: katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true, strict: 'ignore' }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message.replace(/^KaTeX parse error:\s*/, '') };
  }
}
