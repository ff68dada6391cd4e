/**
 * The survey and benchmark rules as the writer checks, the CSV importer and the tests use them:
 * every problem of a file at once, each with the file, the JSON path and Korean words. The rules
 * themselves are the schema in ./survey-schema.ts.
 */
import { benchmarkProblems, sentence, smallSampleWarnings, surveyProblems, type Found } from './survey-schema.ts';

export { ID_PATTERN } from './survey-schema.ts';

export interface SurveyIssue {
  /** Errors fail the build; warnings are printed and marked on the page. */
  level: 'error' | 'warning';
  /** File as the writer knows it, e.g. "content/surveys/kicom-2010.json". */
  file: string;
  /** JSON path such as `questions[1].results`; "" for the whole file. */
  path: string;
  /** What was found, e.g. `단일 선택 문항의 비율 합이 112.0입니다.` */
  message: string;
  /** What is expected instead, e.g. `100 ± 0.5`. */
  expected?: string;
  /** How to fix it. */
  fix?: string;
  /** The known id closest to an unknown one ("kicom-2010"), shown as `혹시 "…"?`. */
  suggestion?: string;
}

/** `content/surveys/kicom-2010.json: questions[1].results: 단일 선택 문항의 비율 합이 112.0입니다. 기대: 100 ± 0.5 (…)` */
export function formatIssue(issue: SurveyIssue): string {
  const prefix = issue.level === 'warning' ? '경고: ' : '';
  return `${prefix}${issue.file}: ${issue.path ? `${issue.path}: ` : ''}${sentence(issue)}`;
}

type Segment = string | number;

/** `questions[1].results["two-plus"]`: brackets for indexes and for keys that are not plain words. */
export function jsonPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function toIssue(level: SurveyIssue['level'], file: string, { path, wording }: Found): SurveyIssue {
  const issue: SurveyIssue = { level, file, path: jsonPath(path), message: wording.message };
  // Only the parts there are, so issues compare equal to plain objects in tests and logs stay short.
  if (wording.expected) issue.expected = wording.expected;
  if (wording.fix) issue.fix = wording.fix;
  if (wording.suggestion) issue.suggestion = wording.suggestion;
  return issue;
}

/** Checks a survey file; `file` is how messages name it. Errors first, then the small-sample warnings. */
export function validateSurvey(json: unknown, file: string): SurveyIssue[] {
  return [...surveyProblems(json).map((p) => toIssue('error', file, p)), ...surveyWarnings(json, file)];
}

/** The small-sample warnings alone (the build prints them once per file). */
export function surveyWarnings(json: unknown, file: string): SurveyIssue[] {
  return smallSampleWarnings(json).map((p) => toIssue('warning', file, p));
}

/**
 * Checks a benchmark file against its survey. `survey` is the parsed survey JSON, or undefined
 * when content/surveys/<id>.json does not exist (then `knownSurveys` lists the ids that do).
 */
export function validateBenchmark(json: unknown, survey: unknown, file: string, knownSurveys: string[] = []): SurveyIssue[] {
  return benchmarkProblems(json, { survey, knownSurveys }).map((p) => toIssue('error', file, p));
}
