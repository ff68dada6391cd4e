/**
 * Front matter of the old blog's files, read with real parsers: YAML between `---` lines (Jekyll,
 * Hugo) with js-yaml's core schema, so dates stay text and keep their offset, and TOML between
 * `+++` lines (Hugo) with smol-toml. And the front matter this site's posts get, written with
 * js-yaml so any title is quoted as YAML needs.
 */
import yaml from 'js-yaml';
import { parse as parseToml, TomlDate } from 'smol-toml';

export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  /** Why the front matter could not be read, when it could not. */
  error?: string;
}

const YAML_BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TOML_BLOCK = /^\uFEFF?\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;

/** TOML dates as the text they were written as (smol-toml keeps the offset in its TomlDate). */
function tomlDatesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlDatesAsText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tomlDatesAsText(v)]));
  return value;
}

export function splitFrontMatter(text: string): SplitFile {
  const source = text.replace(/\r\n/g, '\n');
  for (const [pattern, parse] of [
    [YAML_BLOCK, (raw: string) => yaml.load(raw, { schema: yaml.CORE_SCHEMA })],
    [TOML_BLOCK, (raw: string) => tomlDatesAsText(parseToml(raw))],
  ] as const) {
    const match = pattern.exec(source);
    if (!match) continue;
    const body = source.slice(match[0].length);
    const bodyLine = (match[0].match(/\n/g) ?? []).length + (match[0].endsWith('\n') ? 1 : 2);
    try {
      const parsed = parse(match[1] ?? '');
      const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      return { data, body, bodyLine };
    } catch (error) {
      return { data: {}, body, bodyLine, error: (error as Error).message.split('\n')[0] };
    }
  }
  return { data: {}, body: source, bodyLine: 1 };
}

/** A config file (`_config.yml`, `config.toml`, `hugo.yaml`, `config.json`) as an object. */
export function parseConfig(text: string, format: 'yaml' | 'toml' | 'json'): Record<string, unknown> {
  const parsed = format === 'toml' ? tomlDatesAsText(parseToml(text)) : format === 'json' ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** A list of words from a front-matter value: `[a, b]`, `"a b"` (Jekyll splits on spaces) or `a`. */
export function wordList(value: unknown, splitSpaces = false): string[] {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).trim();
    return (splitSpaces ? text.split(/\s+/) : [text]).filter(Boolean);
  }
  return [];
}

/** The front matter of an imported post, fields in the order of docs/content.md. */
export interface PostFrontMatter {
  title: string;
  description: string;
  pubDate: string;
  updatedDate?: string;
  author: string;
  category: string;
  tags: string[];
  heroImage?: string;
  heroAlt?: string;
  draft?: boolean;
  redirectFrom?: string[];
}

export function writePost(frontMatter: PostFrontMatter, body: string): string {
  const fields = Object.fromEntries(Object.entries(frontMatter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0 && v !== frontMatter.tags)));
  const text = yaml.dump(fields, { lineWidth: -1, flowLevel: 1, quotingType: '"' });
  return `---\n${text}---\n\n${body.trim()}\n`;
}
