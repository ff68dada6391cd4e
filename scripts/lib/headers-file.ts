/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages format) and tells which headers a path
 * gets, the way those hosts do: every rule whose pattern matches applies ("*" matches anything,
 * ":name" one path segment). Used by the tests to check public/_headers against a built site.
 */
export interface HeaderRule {
  pattern: string;
  line: number;
  headers: [name: string, value: string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), line: i + 1, headers: [] });
      return;
    }
    const rule = rules.at(-1);
    const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    if (!rule || !header) throw new Error(`_headers:${i + 1}: expected "  Name: value" under a path`);
    rule.headers.push([header[1]!, header[2]!]);
  });
  return rules;
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The rules that apply to a request path ("/posts/a/"). */
export function matchingRules(rules: HeaderRule[], path: string): HeaderRule[] {
  return rules.filter((rule) => patternToRegExp(rule.pattern).test(path));
}

/** Values of one header for a path, one per matching rule (more than one is a conflict). */
export function headerValues(rules: HeaderRule[], path: string, name: string): string[] {
  return matchingRules(rules, path).flatMap((rule) => rule.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v));
}
