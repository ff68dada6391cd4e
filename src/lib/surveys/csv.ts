/**
 * Surveys as spreadsheets: one row per question and option, each with its provenance, source
 * addresses and the sample's unit, so a figure keeps its label once downloaded. The site offers this
 * as /surveys/<id>/data.csv, and as data.json: the survey in {@link normalizeSurvey}'s form beside
 * the same rows ({@link surveyDataRows}). Reading
 * the same columns back is `npm run survey:import`'s (scripts/lib/survey-csv-import.ts), so a file
 * exported and imported again gives the same survey. CSV is written by csv-stringify (RFC 4180
 * quoting, CRLF line ends, UTF-8 with a BOM so spreadsheet programs open Korean), with text cells
 * that a spreadsheet would run as a formula defused ({@link defuseCell}).
 */
import { stringify } from 'csv-stringify/sync';
import { bestProvenance, DEFAULT_SAMPLE_UNIT, NUMERIC_LABELS, questionSources, questionView } from './stats.ts';
import {
  NUMERIC_STATS,
  type Benchmark,
  type ChoiceQuestion,
  type NumericStat,
  type Provenance,
  type Survey,
  type SurveyQuestion,
} from './types.ts';

/**
 * The columns of data.csv, in this order. What each holds:
 * - `survey`, `question_id`, `question`: the survey's id, the question's id and text;
 * - `option_id`, `option`: the option (or, on a numeric question, "mean"/"median" and its name);
 * - `share_pct`: the percentage of the base (a numeric question: the number in its unit); empty when
 *   the source did not report it;
 * - `approximate`: "1" when the source gives the figure as approximate ("약 75%"), else empty;
 * - `figure`: "reported" (the source's number) or "computed" (the question's named `remainder`:
 *   100 − the reported shares, at the question's precision, as the survey page shows it);
 * - `base`, `base_unit`: the number the percentages are of (empty when the source did not report it)
 *   and the survey's sample unit ("곳", "명", …), on every row;
 * - `company_answer`: the organisation's answer (see {@link surveyRows});
 * - `provenance`: the best provenance of the question's sources (read, press or secondhand), so a
 *   secondhand figure keeps its label once downloaded;
 * - `source_url`: the addresses of the question's sources, separated by spaces.
 */
export const CSV_COLUMNS = [
  'survey',
  'question_id',
  'question',
  'option_id',
  'option',
  'share_pct',
  'approximate',
  'figure',
  'base',
  'base_unit',
  'company_answer',
  'provenance',
  'source_url',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** Columns that hold numbers; every other column is text. */
export const NUMERIC_COLUMNS: readonly CsvColumn[] = ['share_pct', 'base', 'company_answer'];

/** `figure`: a number the source reports, or one the site computed from them (a named remainder). */
export const FIGURES = ['reported', 'computed'] as const;
export type Figure = (typeof FIGURES)[number];

/**
 * One row of data.json's `rows`: the row of data.csv, with numbers as numbers (null where the CSV
 * cell is empty), `approximate` as true/false, and text as it is (not defused: JSON is no
 * spreadsheet). `source_url` stays one string of space-separated addresses, as in the CSV.
 */
export interface SurveyDataRow {
  survey: string;
  question_id: string;
  question: string;
  option_id: string;
  option: string;
  share_pct: number | null;
  approximate: boolean;
  figure: Figure;
  base: number | null;
  base_unit: string;
  company_answer: number | null;
  provenance: Provenance | null;
  source_url: string;
}

/**
 * A cell a spreadsheet may read as a formula (CSV injection, OWASP): it starts with "=", "+", "-",
 * "@", a tab or a carriage return. Quotes before them count too, so that {@link defuseCell} and
 * {@link restoreCell} undo each other for every text.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * `=HYPERLINK("http://x","클릭")` -> `'=HYPERLINK("http://x","클릭")`: the leading "'" makes a
 * spreadsheet show the cell as text (OWASP's defence against CSV injection). Other text is
 * unchanged.
 */
export function defuseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of {@link defuseCell}: one leading "'" is dropped when the rest would be defused. */
export function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * The addresses of a question's sources, as its `source_url` cell lists them: those it cites, in
 * the order it cites them, or every source of the survey; each address once.
 */
export function sourceUrls(survey: Survey, question: SurveyQuestion): string[] {
  const cited = question.sources
    ? question.sources.flatMap((id) => survey.sources.filter((s) => s.id === id))
    : survey.sources;
  return [...new Set(cited.map((s) => s.url))];
}

/**
 * Rows of a survey, as data.json's `rows` (data.csv is the same rows as text). `company_answer` is
 * 1 on the option the organisation chose and 0 on the others of a question it answered (null when
 * it did not); numeric questions have one row per statistic ("mean", "median") whose `share_pct`
 * holds the number in the question's unit, and `company_answer` holds the organisation's own
 * number. A single-choice question's named remainder is a row of its own (`figure: "computed"`),
 * with the share the survey page shows; the remainder no answer accounts for is no row (it is no
 * answer).
 */
export function surveyDataRows(id: string, survey: Survey, benchmark?: Benchmark): SurveyDataRow[] {
  const rows: SurveyDataRow[] = [];
  const unit = survey.sample.unit ?? DEFAULT_SAMPLE_UNIT;
  survey.questions.forEach((q, index) => {
    const answer = benchmark?.answers[q.id];
    const common = {
      survey: id,
      question_id: q.id,
      question: q.text,
      base: q.base ?? null,
      base_unit: unit,
      provenance: bestProvenance(questionSources(survey, q)) ?? null,
      source_url: sourceUrls(survey, q).join(' '),
    };
    const approximate = new Set(q.approximate ?? []);
    if (q.type === 'numeric') {
      for (const stat of NUMERIC_STATS) {
        const value = q.results[stat];
        if (value === undefined) continue;
        rows.push({
          ...common,
          option_id: stat,
          option: NUMERIC_LABELS[stat],
          share_pct: value,
          approximate: approximate.has(stat),
          figure: 'reported',
          company_answer: typeof answer === 'number' ? answer : null,
        });
      }
      return;
    }
    const answered = typeof answer === 'string' || Array.isArray(answer);
    // The page's own rows: the same computed share, at the same precision, as the survey page.
    for (const row of questionView(survey, index, benchmark).rows) {
      if (row.kind !== 'option' && row.kind !== 'complement') continue;
      rows.push({
        ...common,
        option_id: row.id,
        option: row.label,
        share_pct: row.value,
        approximate: row.approximate,
        figure: row.computed ? 'computed' : 'reported',
        company_answer: answered ? (row.chosen ? 1 : 0) : null,
      });
    }
  });
  return rows;
}

/** The rows of {@link surveyDataRows} as CSV text: numbers written as in the JSON, empty for null, "1" or empty for `approximate`. */
export function surveyRows(id: string, survey: Survey, benchmark?: Benchmark): CsvRow[] {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return surveyDataRows(id, survey, benchmark).map((row) => ({
    ...row,
    share_pct: text(row.share_pct),
    approximate: row.approximate ? '1' : '',
    base: text(row.base),
    company_answer: text(row.company_answer),
    provenance: row.provenance ?? '',
  }));
}

/**
 * The survey as an RFC 4180 CSV file (CRLF, quoted where needed) starting with a UTF-8 BOM. Text
 * cells that would start a formula get a leading "'" ({@link defuseCell}; the importer takes it off
 * again); numbers stay numbers.
 */
export function surveyToCsv(id: string, survey: Survey, benchmark?: Benchmark): string {
  const rows = surveyRows(id, survey, benchmark).map((row) => {
    const out = { ...row };
    for (const column of CSV_COLUMNS) if (!NUMERIC_COLUMNS.includes(column)) out[column] = defuseCell(row[column]);
    return out;
  });
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
  });
}

/**
 * A survey with its keys in the documented order (that of the schema, src/lib/surveys/survey-schema.ts)
 * and without empty optional fields, as data.json and the importer write it. Results follow the
 * order of the options (mean before median), and so do the ids in `approximate`. Example files are
 * kept in this form, so export + import gives them back byte for byte.
 */
export function normalizeSurvey(survey: Survey): Survey {
  const { sample } = survey;
  const out: Survey = {
    title: survey.title,
    publisher: survey.publisher,
    year: survey.year,
    ...(survey.fieldwork ? { fieldwork: { start: survey.fieldwork.start, end: survey.fieldwork.end } } : {}),
    ...(survey.method !== undefined ? { method: survey.method } : {}),
    sample: {
      n: sample.n,
      ...(sample.unit !== undefined ? { unit: sample.unit } : {}),
      ...(sample.nPrecision !== undefined ? { nPrecision: sample.nPrecision } : {}),
      population: sample.population,
    },
    sources: survey.sources.map((s) => ({
      ...(s.id !== undefined ? { id: s.id } : {}),
      title: s.title,
      url: s.url,
      provenance: s.provenance,
      ...(s.note ? { note: s.note } : {}),
    })),
    ...(survey.note ? { note: survey.note } : {}),
    questions: survey.questions.map(normalizeQuestion),
  };
  return out;
}

/** `ids` in the order of `figures`; ids that name no figure (a mistake the checks report) follow as written. */
function inOrder(ids: readonly string[], figures: readonly string[]): string[] {
  return [...figures.filter((f) => ids.includes(f)), ...ids.filter((id) => !figures.includes(id))];
}

function normalizeQuestion(q: SurveyQuestion): SurveyQuestion {
  const common = {
    id: q.id,
    text: q.text,
    type: q.type,
    ...(q.base !== undefined ? { base: q.base } : {}),
  };
  if (q.type === 'numeric') {
    const results: NumericQuestionResults = {};
    for (const stat of NUMERIC_STATS) if (q.results[stat] !== undefined) results[stat] = q.results[stat];
    return {
      ...common,
      type: 'numeric',
      ...(q.sources ? { sources: [...q.sources] } : {}),
      unit: q.unit,
      ...(q.approximate ? { approximate: inOrder(q.approximate, NUMERIC_STATS) } : {}),
      results,
    };
  }
  const results: Record<string, number> = {};
  for (const o of q.options) if (q.results[o.id] !== undefined) results[o.id] = q.results[o.id]!;
  const choice: ChoiceQuestion = {
    ...common,
    type: q.type,
    ...(q.partial ? { partial: true } : {}),
    ...(q.sources ? { sources: [...q.sources] } : {}),
    options: q.options.map((o) => ({ id: o.id, label: o.label })),
    ...(q.remainder ? { remainder: { id: q.remainder.id, label: q.remainder.label } } : {}),
    ...(q.approximate ? { approximate: inOrder(q.approximate, q.options.map((o) => o.id)) } : {}),
    results,
  };
  return choice;
}

type NumericQuestionResults = Partial<Record<NumericStat, number>>;
