/**
 * The surveys and benchmarks collections as pages and components need them. The rules and the
 * picking of benchmarks are pure and live in src/lib/surveys; this module only reads collections.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import site from '@/site.config';
import { citedSurveys } from '@/lib/surveys/citations';
import { benchmarksFor, resolveSurveyRef as resolveRefIn, type SurveyRef, type SurveyRefNeeds } from '@/lib/surveys/refs';
import { getPublishedPosts, type Post } from './posts';

export type SurveyEntry = CollectionEntry<'surveys'>;
export type BenchmarkEntry = CollectionEntry<'benchmarks'>;

let surveysCache: Promise<SurveyEntry[]> | undefined;
let benchmarksCache: Promise<BenchmarkEntry[]> | undefined;

/** Every survey, newest year first, then by id. */
export function getSurveys(): Promise<SurveyEntry[]> {
  surveysCache ??= getCollection('surveys').then((all) => all.sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id)));
  return surveysCache;
}

/**
 * Every benchmark, by id. Each is checked against its survey by the writer checks on every build,
 * whatever the content cache kept (src/integrations/writer-checks.ts).
 */
export function getBenchmarks(): Promise<BenchmarkEntry[]> {
  benchmarksCache ??= getCollection('benchmarks').then((benchmarks) => benchmarks.sort((a, b) => a.id.localeCompare(b.id)));
  return benchmarksCache;
}

/** Benchmarks answering a survey, the site's own organisation first. */
export async function benchmarksOf(surveyId: string): Promise<BenchmarkEntry[]> {
  return benchmarksFor(surveyId, await getBenchmarks(), site.organization);
}

/** The benchmark a survey page compares with: the site organisation's, else the first by id. */
export async function primaryBenchmark(surveyId: string): Promise<BenchmarkEntry | undefined> {
  return (await benchmarksOf(surveyId))[0];
}

/** Published articles that cite a survey: by their `survey` field or by embedding its charts. */
export async function postsCiting(surveyId: string): Promise<Post[]> {
  return (await getPublishedPosts()).filter((p) => citedSurveys(p).has(surveyId));
}

/**
 * The survey (and question, and benchmark) an MDX component names. An unknown id fails the build
 * naming the post, the component and the ids that exist (src/lib/surveys/refs.ts).
 */
export async function resolveSurveyRef(
  component: string,
  props: { survey?: unknown; question?: unknown; benchmark?: unknown },
  pathname: string,
  needs: SurveyRefNeeds,
): Promise<SurveyRef<SurveyEntry, BenchmarkEntry>> {
  const surveys = await getSurveys();
  // Benchmarks are read (and re-checked) only for a known survey, so an unknown survey id is reported first.
  const benchmarks = surveys.some((s) => s.id === props.survey) ? await getBenchmarks() : [];
  return resolveRefIn(component, props, pathname, needs, surveys, (surveyId) => benchmarksFor(surveyId, benchmarks, site.organization));
}
