/**
 * The line of every value in a JSON text, keyed by its JSON path in the format the survey
 * validators use (`questions[1].results["two-plus"]`), so a survey problem can point at a line.
 * A small scanner rather than a second parser: JSON.parse has already accepted the text.
 */

import { jsonPath } from '../surveys/validate.ts';

/** Same format as the survey validators' messages. */
export { jsonPath as formatJsonPath };

type Segment = string | number;

/** Path -> 1-based line where its value (for a key: the key) starts. "" is the whole document. */
export function jsonPathLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] ?? '')) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: Segment[], keyLine?: number) => {
    skipSpace();
    lines.set(jsonPath(path), keyLine ?? line);
    const char = text[i];
    if (char === '{') {
      i++;
      skipSpace();
      while (i < text.length && text[i] !== '}') {
        skipSpace();
        const at = line;
        const key = readString();
        skipSpace();
        i++; // colon
        value([...path, key], at);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (char === '[') {
      i++;
      skipSpace();
      let index = 0;
      while (i < text.length && text[i] !== ']') {
        value([...path, index++]);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (char === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i++;
    }
  };
  try {
    value([]);
  } catch {
    // Malformed text: JSON.parse reports it; keep what was found.
  }
  return lines;
}

/** Line of `path`, or of its nearest parent that has one ("questions[1].results.x" -> "questions[1].results"). */
export function lineOfPath(lines: Map<string, number>, path: string): number | undefined {
  let p = path;
  for (;;) {
    const found = lines.get(p);
    if (found !== undefined) return found;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return lines.get('') ?? undefined;
    p = p.slice(0, cut);
  }
}

/** "Unexpected token } in JSON at position 120 (line 7 column 3)" -> line 7. */
export function jsonErrorLine(message: string, text: string): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    return { line, column: before.length - before.lastIndexOf('\n') };
  }
  return {};
}
