import type { Loader } from 'astro/loaders';
import { beforeParse } from './loader-hooks.ts';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

/**
 * Front-matter dates as the writer typed them. YAML turns every timestamp into a Date, so
 * `2010-08-10` (a day: midnight in the site's zone) and `2010-08-10T09:00:00+09:00` (00:00 UTC)
 * arrive as the same instant and cannot be told apart. Reading the front matter again with
 * YAML's core schema, which has no timestamp type, gives back the text; parseContentDate
 * (./dates.ts) then reads a bare day and a date-time each for what it is.
 */
export const DATE_FIELDS = ['pubDate', 'updatedDate'] as const;

/** `data` with each date field replaced by its text in `frontmatterYaml`, where it is text. */
export function datesAsWritten(frontmatterYaml: string, data: Record<string, unknown>): Record<string, unknown> {
  let written: unknown;
  try {
    written = yaml.load(frontmatterYaml, { schema: yaml.CORE_SCHEMA });
  } catch {
    return data; // A YAML error is reported elsewhere, with its line.
  }
  if (typeof written !== 'object' || written === null) return data;
  const out = { ...data };
  for (const field of DATE_FIELDS) {
    const text = (written as Record<string, unknown>)[field];
    if (typeof text === 'string') out[field] = text;
  }
  return out;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/** Wraps the posts loader so the schema receives date fields as written. */
export function withWrittenDates(loader: Loader): Loader {
  return beforeParse(loader, (props) => {
    if (!props.filePath || typeof props.data !== 'object' || props.data === null) return props;
    const yamlText = FRONTMATTER.exec(readFileSync(props.filePath, 'utf8'))?.[1];
    return yamlText === undefined ? props : { ...props, data: datesAsWritten(yamlText, props.data) as typeof props.data };
  });
}
