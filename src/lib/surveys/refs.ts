/**
 * Surveys and benchmarks as MDX components and survey pages pick them: which benchmarks answer a
 * survey, and what the ids a component was given refer to. Pure over entries of any source
 * (src/data/surveys.ts passes the collections).
 */
import { findTag, postFileForPath } from '../post-files.ts';
import type { Benchmark, Survey } from './types.ts';

export interface SurveyLike {
  id: string;
  data: Survey;
}

export interface BenchmarkLike {
  id: string;
  data: Benchmark;
}

/** Benchmarks answering a survey, those of `organization` (the site's own) first, then by id. */
export function benchmarksFor<B extends BenchmarkLike>(surveyId: string, benchmarks: readonly B[], organization: string): B[] {
  const own = (b: B) => (b.data.organization === organization ? 0 : 1);
  return benchmarks.filter((b) => b.data.survey === surveyId).sort((a, b) => own(a) - own(b) || a.id.localeCompare(b.id));
}

export interface SurveyRef<S, B> {
  survey: S;
  questionIndex?: number;
  benchmark?: B;
}

export interface SurveyRefNeeds {
  question: boolean;
  benchmark: 'required' | 'optional';
}

/**
 * Resolves the ids an MDX component was given. An unknown id throws, failing the build with the
 * post, the component, the id and the ids that exist. `benchmarksOf` lists a survey's benchmarks
 * in the order of `benchmarksFor`; without a `benchmark` prop the first is used.
 */
export function resolveSurveyRef<S extends SurveyLike, B extends BenchmarkLike>(
  component: string,
  props: { survey?: unknown; question?: unknown; benchmark?: unknown },
  pathname: string,
  needs: SurveyRefNeeds,
  surveys: readonly S[],
  benchmarksOf: (surveyId: string) => B[],
): SurveyRef<S, B> {
  const fail = (message: string, attr: 'survey' | 'question' | 'benchmark'): never => {
    // Feeds render posts outside their page, so the URL may not name the post: find the tag in the files.
    const found = postFileForPath(pathname) ?? findTag(component, attr, String(props[attr]))?.join(', ') ?? `the page ${pathname}`;
    throw new Error(`${found}: <${component}> ${message}`);
  };
  const survey =
    surveys.find((s) => s.id === props.survey) ??
    fail(
      `survey=${JSON.stringify(props.survey ?? null)} is not a survey (known: ${surveys.map((s) => s.id).join(', ') || 'none'}). ` +
        `Fix the id or add content/surveys/${String(props.survey)}.json.`,
      'survey',
    );
  let questionIndex: number | undefined;
  if (needs.question) {
    questionIndex = survey.data.questions.findIndex((q) => q.id === props.question);
    if (questionIndex < 0) {
      fail(
        `question=${JSON.stringify(props.question ?? null)} is not a question of survey "${survey.id}" ` +
          `(questions: ${survey.data.questions.map((q) => q.id).join(', ')}).`,
        'question',
      );
    }
  }
  const candidates = benchmarksOf(survey.id);
  const known = candidates.map((b) => b.id).join(', ') || 'none';
  let benchmark: B | undefined;
  if (props.benchmark !== undefined) {
    benchmark =
      candidates.find((b) => b.id === props.benchmark) ??
      fail(
        `benchmark=${JSON.stringify(props.benchmark)} is not a benchmark of survey "${survey.id}" ` +
          `(known: ${known}). Fix the id or add content/benchmarks/${String(props.benchmark)}.json with "survey": "${survey.id}".`,
        'benchmark',
      );
  } else if (needs.benchmark === 'required') {
    fail(`needs benchmark="<id>" (benchmarks of survey "${survey.id}": ${known}).`, 'survey');
  } else {
    benchmark = candidates[0];
  }
  return { survey, questionIndex, benchmark };
}
