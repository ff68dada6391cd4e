/**
 * Writes src/styles/code.css: the colours and font styles of the classes that
 * src/lib/code-highlight.ts gives code blocks instead of style attributes, from the Shiki themes
 * named in CODE_THEMES. Re-run after changing the themes or upgrading Astro (Shiki):
 *   node scripts/generate-code-css.ts
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeCssForThemes } from '../src/lib/code-highlight.ts';

const outFile = join(import.meta.dirname, '../src/styles/code.css');
writeFileSync(outFile, await codeCssForThemes());
console.log(`wrote ${relative(process.cwd(), outFile)}`);
