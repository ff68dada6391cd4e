/**
 * Shapes of content/surveys/<id>.json and content/benchmarks/<id>.json, derived from the schema in
 * ./survey-schema.ts (the one place they are written down); this module is the import path the
 * rest of the site uses. A value of these types is a file that passed the schema.
 */
export type {
  SampleNPrecision,
  SurveyMethod,
  SurveyRemainder,
  Benchmark,
  BenchmarkAnswer,
  ChoiceQuestion,
  NumericQuestion,
  NumericStat,
  Provenance,
  Survey,
  SurveyOption,
  SurveyQuestion,
  SurveySource,
} from './survey-schema.ts';
export { NUMERIC_STATS, PROVENANCES, SMALL_BASE, SUM_TOLERANCE } from './survey-schema.ts';
