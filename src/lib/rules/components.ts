/**
 * Names of the components every post may use without an import, read from the source of
 * src/components/mdx-components.ts. That module imports `.astro` files, which only Vite can
 * load, so the command-line checks read its object literal instead of importing it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MDX_COMPONENTS_FILE = 'src/components/mdx-components.ts';

/** Keys of the object literal assigned to `mdxComponents` ({ SurveyChart, Foo: Bar, 'Baz': x }). */
export function componentNamesFromSource(source: string): string[] {
  const start = /mdxComponents\b[^=]*=\s*\{/.exec(source);
  if (!start) return [];
  // Only the top level of the literal: skip nested braces, strings and comments.
  const text = source.slice(start.index + start[0].length).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  let quote: string | undefined;
  for (const char of text) {
    if (quote) {
      current += char;
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      quote = char;
      current += char;
      continue;
    }
    if (char === '{' || char === '(' || char === '[') depth++;
    if (char === '}' || char === ')' || char === ']') {
      if (depth === 0) break;
      depth--;
    }
    if (char === ',' && depth === 0) {
      entries.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  entries.push(current);
  const names: string[] = [];
  for (const entry of entries) {
    const key = /^\s*(?:\.\.\.\s*\S+|["']([^"']+)["']|([A-Za-z_$][\w$]*))/.exec(entry);
    const name = key?.[1] ?? key?.[2];
    if (name) names.push(name);
  }
  return names;
}

export function knownComponentNames(projectRoot: string): string[] {
  const file = join(projectRoot, MDX_COMPONENTS_FILE);
  return existsSync(file) ? componentNamesFromSource(readFileSync(file, 'utf8')) : [];
}
