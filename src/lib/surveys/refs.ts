/**
 * Surveys and benchmarks as MDX components and survey pages pick them: which benchmarks answer a
 * survey, and what the ids a component was given refer to. Pure over entries of any source
 * (src/data/surveys.ts passes the collections).
 */
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
 * Resolves the ids an MDX component was given. The writer checks (src/lib/rules/post.ts) reject an
 * unknown id with the post's file and line before any page renders, so a miss here means the
 * checks were skipped: it fails with the ids, not with a second, weaker copy of the rule.
 * `benchmarksOf` lists a survey's benchmarks in the order of `benchmarksFor`; without a
 * `benchmark` prop the first is used.
 */
export function resolveSurveyRef<S extends SurveyLike, B extends BenchmarkLike>(
  component: string,
  props: { survey?: unknown; question?: unknown; benchmark?: unknown },
  pathname: string,
  needs: SurveyRefNeeds,
  surveys: readonly S[],
  benchmarksOf: (surveyId: string) => B[],
): SurveyRef<S, B> {
  const fail = (attr: 'survey' | 'question' | 'benchmark'): never => {
    throw new Error(`${pathname}: <${component}> ${attr}=${JSON.stringify(props[attr] ?? null)}을(를) 찾을 수 없습니다. \`npm run check\`로 글을 검사하세요.`);
  };
  const survey = surveys.find((s) => s.id === props.survey) ?? fail('survey');
  let questionIndex: number | undefined;
  if (needs.question) {
    questionIndex = survey.data.questions.findIndex((q) => q.id === props.question);
    if (questionIndex < 0) fail('question');
  }
  const candidates = benchmarksOf(survey.id);
  let benchmark: B | undefined;
  if (props.benchmark !== undefined) benchmark = candidates.find((b) => b.id === props.benchmark) ?? fail('benchmark');
  else if (needs.benchmark === 'required') fail('benchmark');
  else benchmark = candidates[0];
  return { survey, questionIndex, benchmark };
}
