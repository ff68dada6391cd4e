/**
 * Collection schemas for content/surveys and content/benchmarks: the schema of ./survey-schema.ts,
 * so `astro build` parses with the same rules and Korean messages as the writer checks. Their
 * warnings (small samples) are printed once, by the writer checks, which know each file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { contentDir, jsonIds } from '../content-dir.ts';
import { benchmarkFileSchema, surveyFileSchema } from './survey-schema.ts';

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

/*
 * Behind z.lazy because Astro adds an optional `$schema` to an object collection schema with
 * `.extend()` to write its JSON Schema, and Zod refuses `.extend()` over an existing key of an
 * object with refinements (ours declare `$schema` and have rules between fields). The lazy schema
 * parses, types and converts to JSON Schema exactly as the object inside it.
 */
export const surveySchema = z.lazy(() => surveyFileSchema);

/** The benchmark rules against the survey file it names, and the survey ids on disk for "혹시 …?". */
export const benchmarkSchema = z.lazy(() =>
  benchmarkFileSchema((surveyId) => ({ survey: readSurveyFile(surveyId), knownSurveys: jsonIds('surveys') })),
);
