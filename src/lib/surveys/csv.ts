/**
 * Surveys as spreadsheets: one row per question and option. The site offers this as
 * /surveys/<id>/data.csv (and the survey as data.json, in {@link normalizeSurvey}'s form). Reading
 * the same columns back is `npm run survey:import`'s (scripts/lib/survey-csv-import.ts), so a file
 * exported and imported again gives the same survey. CSV is written by csv-stringify (RFC 4180
 * quoting, CRLF line ends, UTF-8 with a BOM so spreadsheet programs open Korean), with text cells
 * that a spreadsheet would run as a formula defused ({@link defuseCell}).
 */
import { stringify } from 'csv-stringify/sync';
import { NUMERIC_LABELS } from './stats.ts';
import { NUMERIC_STATS, type Benchmark, type ChoiceQuestion, type NumericStat, type Survey, type SurveyQuestion } from './types.ts';

export const CSV_COLUMNS = ['survey', 'question_id', 'question', 'option_id', 'option', 'share_pct', 'base', 'company_answer'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** Columns that hold numbers; every other column is text. */
export const NUMERIC_COLUMNS: readonly CsvColumn[] = ['share_pct', 'base', 'company_answer'];

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
 * Rows of a survey. `company_answer` is "1" on the option the organisation chose and "0" on the
 * others of a question it answered (empty when it did not); numeric questions have one row per
 * statistic ("mean", "median") whose `share_pct` holds the number in the question's unit, and
 * `company_answer` holds the organisation's own number.
 */
export function surveyRows(id: string, survey: Survey, benchmark?: Benchmark): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const q of survey.questions) {
    const answer = benchmark?.answers[q.id];
    const common = { survey: id, question_id: q.id, question: q.text, base: q.base === undefined ? '' : String(q.base) };
    if (q.type === 'numeric') {
      for (const stat of NUMERIC_STATS) {
        const value = q.results[stat];
        if (value === undefined) continue;
        rows.push({ ...common, option_id: stat, option: NUMERIC_LABELS[stat], share_pct: String(value), company_answer: typeof answer === 'number' ? String(answer) : '' });
      }
      continue;
    }
    const chosen = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : undefined;
    for (const o of q.options) {
      const share = q.results[o.id];
      rows.push({
        ...common,
        option_id: o.id,
        option: o.label,
        share_pct: share === undefined ? '' : String(share),
        company_answer: chosen ? (chosen.includes(o.id) ? '1' : '0') : '',
      });
    }
  }
  return rows;
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
 * A survey with its keys in the documented order and without empty optional fields, as data.json
 * and the importer write it. Example files are kept in this form, so export + import gives them back
 * byte for byte.
 */
export function normalizeSurvey(survey: Survey): Survey {
  const out: Survey = {
    title: survey.title,
    publisher: survey.publisher,
    year: survey.year,
    ...(survey.fieldwork ? { fieldwork: { start: survey.fieldwork.start, end: survey.fieldwork.end } } : {}),
    sample: { n: survey.sample.n, population: survey.sample.population },
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
    return { ...common, type: 'numeric', ...(q.sources ? { sources: [...q.sources] } : {}), unit: q.unit, results };
  }
  const results: Record<string, number> = {};
  for (const o of q.options) if (q.results[o.id] !== undefined) results[o.id] = q.results[o.id]!;
  const choice: ChoiceQuestion = {
    ...common,
    type: q.type,
    ...(q.partial ? { partial: true } : {}),
    ...(q.sources ? { sources: [...q.sources] } : {}),
    options: q.options.map((o) => ({ id: o.id, label: o.label })),
    results,
  };
  return choice;
}

type NumericQuestionResults = Partial<Record<NumericStat, number>>;
