/**
 * Shapes of content/surveys/<id>.json and content/benchmarks/<id>.json (DESIGN.md, "Content
 * contract"). The files are checked by ./validate.ts, which is the single source of the rules;
 * these types describe a file that passed it.
 */

/** How the figures were obtained: the publisher's own text, news coverage, or a third party's summary. */
export type Provenance = 'read' | 'press' | 'secondhand';
export const PROVENANCES: readonly Provenance[] = ['read', 'press', 'secondhand'];

export interface SurveySource {
  /** Short id that questions use to cite the source (`"sources": ["etnews"]`). */
  id?: string;
  title: string;
  url: string;
  provenance: Provenance;
  /** Caveat shown beside the source, e.g. that the copy could not be checked against the original. */
  note?: string;
}

export interface SurveyOption {
  id: string;
  label: string;
}

interface QuestionCommon {
  id: string;
  text: string;
  /** Number of respondents the percentages are of; absent when the source does not report it. */
  base?: number;
  /** Ids of the survey's sources these figures come from (all sources when absent). */
  sources?: string[];
}

export interface ChoiceQuestion extends QuestionCommon {
  type: 'single' | 'multi';
  /** Only some answers were reported: the remainder of a single-choice question is shown as "not reported". */
  partial?: boolean;
  options: SurveyOption[];
  /** Option id -> percentage of the base. An option without a result was not reported (partial only). */
  results: Record<string, number>;
}

export type NumericStat = 'mean' | 'median';
export const NUMERIC_STATS: readonly NumericStat[] = ['mean', 'median'];

export interface NumericQuestion extends QuestionCommon {
  type: 'numeric';
  unit: string;
  results: Partial<Record<NumericStat, number>>;
}

export type SurveyQuestion = ChoiceQuestion | NumericQuestion;

export interface Survey {
  title: string;
  publisher: string;
  year: number;
  /** ISO days or months ("2009-11"): some reports give only the month. */
  fieldwork?: { start: string; end: string };
  sample: { n: number; population: string };
  sources: SurveySource[];
  /** A caveat about the whole survey, shown under its description. */
  note?: string;
  questions: SurveyQuestion[];
}

export type BenchmarkAnswer = string | string[] | number;

export interface Benchmark {
  /** Id of the survey answered. */
  survey: string;
  organization: string;
  /** Day the answers describe (YYYY-MM-DD). */
  asOf: string;
  answers: Record<string, BenchmarkAnswer>;
  /** Question id -> the organisation's explanation, shown with its answer. */
  notes?: Record<string, string>;
}

/** Below this many respondents a figure is marked "소표본" (small sample) and the build warns. */
export const SMALL_BASE = 30;
/** A single-choice question's shares must add up to 100 within this tolerance (rounding). */
export const SUM_TOLERANCE = 0.5;
