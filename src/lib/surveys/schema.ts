/**
 * Collection schemas for content/surveys and content/benchmarks. The rules live in ./validate.ts;
 * the schemas only run them, so `astro build` fails with the same messages the unit tests check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { beforeParse } from '../loader-hooks';
import { contentDir, displayPath, jsonIds } from '../content-dir';
import { formatIssue, validateBenchmark, validateSurvey, type SurveyIssue } from './validate';
import type { Benchmark, Survey } from './types';

/**
 * A schema sees the data but not the file it came from. The loader wrapper below notes the file of
 * each data object just before Astro validates it, so messages can name the file.
 */
const sourceFiles = new WeakMap<object, string>();

/** Wraps a (glob) loader so the schemas below can name each entry's file in their messages. */
export function withSourceFiles(loader: Loader): Loader {
  return beforeParse(loader, (props) => {
    if (props.filePath && typeof props.data === 'object' && props.data !== null) sourceFiles.set(props.data, props.filePath);
    return props;
  });
}

function fileOf(value: unknown, collection: string): string {
  const file = typeof value === 'object' && value !== null ? sourceFiles.get(value) : undefined;
  return file ? displayPath(file) : displayPath(collection, '(file)');
}

/**
 * Errors become schema issues (the build fails listing all of them); warnings are printed once when
 * the file is read. Astro prints each issue as "**<path>**: <message>", so the path carries
 * "file: JSON path" and the line reads like DESIGN.md's error style.
 */
function report(issues: SurveyIssue[], ctx: z.RefinementCtx): void {
  for (const issue of issues) {
    if (issue.level === 'warning') console.warn(formatIssue(issue));
    else ctx.addIssue({ code: 'custom', path: [issue.path ? `${issue.file}: ${issue.path}` : issue.file], message: issue.message });
  }
}

export const surveySchema = z.custom<Survey>().superRefine((value, ctx) => {
  report(validateSurvey(value, fileOf(value, 'surveys')), ctx);
});

/** A benchmark is checked against its survey's file, read from disk: collections cannot see each other while loading. */
export function readSurveyFile(id: string): unknown {
  const file = join(contentDir, 'surveys', `${id}.json`);
  if (!jsonIds('surveys').includes(id) || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // The surveys collection reports the syntax error for that file.
    return {};
  }
}

export const benchmarkSchema = z.custom<Benchmark>().superRefine((value, ctx) => {
  const surveyId = typeof value === 'object' && value !== null ? (value as { survey?: unknown }).survey : undefined;
  const survey = typeof surveyId === 'string' ? readSurveyFile(surveyId) : undefined;
  report(validateBenchmark(value, survey, fileOf(value, 'benchmarks'), jsonIds('surveys')), ctx);
});
