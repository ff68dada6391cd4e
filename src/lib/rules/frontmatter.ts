/**
 * Reads a post's front matter the way Astro does (the same pattern and js-yaml, so a value
 * means the same thing here as in the build) and remembers on which line each field is, so
 * messages can say "content/posts/a.mdx:4".
 */
import yaml from 'js-yaml';
import { datesAsWritten } from '../written-dates.ts';

/** Astro's own pattern (@astrojs/internal-helpers/frontmatter): `---` block at the very top. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

export interface ParsedFrontmatter {
  /** False when the file does not start with a `---` block. */
  present: boolean;
  /** The fields, or undefined when the YAML could not be read. */
  data: Record<string, unknown> | undefined;
  /** YAML syntax error, with the file line it points at. */
  error?: { line: number; message: string };
  /** File line (1-based) of each top-level field. */
  fieldLines: Record<string, number>;
  /** File line of the opening `---`. */
  startLine: number;
  /** File line just after the closing `---` (where the body starts). */
  bodyLine: number;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseFrontmatter(source: string): ParsedFrontmatter {
  const match = FRONTMATTER.exec(source);
  if (!match) return { present: false, data: undefined, fieldLines: {}, startLine: 1, bodyLine: 1 };
  const raw = match[1] ?? '';
  const openOffset = match.index + match[0].indexOf('---');
  const startLine = lineAt(source, openOffset);
  // The YAML starts right after the opening "---", on the next line.
  const firstYamlLine = startLine + 1;
  const fieldLines: Record<string, number> = {};
  raw
    .replace(/^\n/, '')
    .split('\n')
    .forEach((text, i) => {
      const key = /^([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1];
      if (key && !(key in fieldLines)) fieldLines[key] = firstYamlLine + i;
    });
  const bodyLine = lineAt(source, match.index + match[0].length) + 1;
  try {
    const parsed = yaml.load(raw);
    const fields = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    // As in the build (src/content.config.ts): dates as written, so a bare day and a time differ.
    const data = datesAsWritten(raw, fields);
    return { present: true, data, fieldLines, startLine, bodyLine };
  } catch (error) {
    const e = error as { reason?: string; message?: string; mark?: { line?: number } };
    // js-yaml counts lines from 0 within the block, which begins with the newline after "---".
    const line = e.mark?.line !== undefined ? startLine + e.mark.line : startLine;
    return { present: true, data: undefined, error: { line, message: e.reason ?? e.message ?? String(error) }, fieldLines, startLine, bodyLine };
  }
}
