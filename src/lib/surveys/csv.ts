/**
 * Surveys as spreadsheets: one row per question and option. The site offers this as
 * /surveys/<id>/data.csv, and `npm run survey:import` reads the same columns back, so a file
 * exported and imported again gives the same survey. CSV is written and read by csv-stringify and
 * csv-parse (RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM so spreadsheet programs open Korean).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { NUMERIC_LABELS } from './stats.ts';
import {
  NUMERIC_STATS,
  type Benchmark,
  type ChoiceQuestion,
  type NumericStat,
  type Survey,
  type SurveyQuestion,
} from './types.ts';
import { formatIssue, ID_PATTERN as ID, validateSurvey, type SurveyIssue } from './validate.ts';

export const CSV_COLUMNS = ['survey', 'question_id', 'question', 'option_id', 'option', 'share_pct', 'base', 'company_answer'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
type CsvRow = Record<CsvColumn, string>;

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

/** The survey as an RFC 4180 CSV file (CRLF, quoted where needed) starting with a UTF-8 BOM. */
export function surveyToCsv(id: string, survey: Survey, benchmark?: Benchmark): string {
  return stringify(surveyRows(id, survey, benchmark), {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
  });
}

/** What the CSV does not carry: the survey's description and each question's type. */
export type SurveyMeta = Omit<Survey, 'questions'> & {
  /** Question id -> how to read its rows; questions not listed are single-choice and complete. */
  questions?: Record<string, QuestionMeta>;
};

export interface QuestionMeta {
  type?: SurveyQuestion['type'];
  partial?: boolean;
  /** Unit of a numeric question ("개"). */
  unit?: string;
  sources?: string[];
}

/** The metadata an existing survey would need to be imported again (see scripts/survey-import.ts). */
export function surveyMeta(survey: Survey): SurveyMeta {
  const questions: Record<string, QuestionMeta> = {};
  for (const q of survey.questions) {
    const meta: QuestionMeta = {};
    if (q.type !== 'single') meta.type = q.type;
    if (q.type !== 'numeric' && q.partial) meta.partial = true;
    if (q.type === 'numeric') meta.unit = q.unit;
    if (q.sources) meta.sources = [...q.sources];
    if (Object.keys(meta).length > 0) questions[q.id] = meta;
  }
  const { title, publisher, year, fieldwork, sample, sources, note } = survey;
  return { title, publisher, year, fieldwork, sample, sources, note, questions };
}

/** A problem in one cell (or row) of the CSV. `line` is the file's line number, 1 = header. */
export interface RowIssue {
  line: number;
  column?: CsvColumn | string;
  message: string;
}

export function formatRowIssue(file: string, issue: RowIssue): string {
  return `${file}:${issue.line}${issue.column ? ` column "${issue.column}"` : ''}: ${issue.message}`;
}

export interface ImportResult {
  /** Present when the CSV had no row errors; check `issues` before writing it. */
  survey?: Survey;
  rowIssues: RowIssue[];
  /** Problems of the assembled survey (the rules of docs/content.md), from ./validate.ts. */
  issues: SurveyIssue[];
  /** CSV line of each question's first row, by question index: where to look for `questions[i]` issues. */
  questionLines: number[];
}

/**
 * "1,250" or "12,345.5": a comma before groups of three digits is how spreadsheets in Korea (and
 * the US) separate thousands, so it cannot be read as a decimal comma without guessing.
 */
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const THOUSANDS_FIX = 'the "," looks like a thousands separator; remove it (1250), and write a decimal with "." (1.25)';

/**
 * Reads "66.7", "66.7%" or " 66,7 " (a decimal comma, when it cannot be a thousands separator)
 * as 66.7; "thousands" for "1,250"; undefined for anything else.
 */
function parseNumber(text: string): number | 'thousands' | undefined {
  const plain = text.trim().replace(/%$/, '').trim();
  if (THOUSANDS.test(plain)) return 'thousands';
  const t = /^-?\d+,\d+$/.test(plain) ? plain.replace(',', '.') : plain;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/**
 * Turns CSV text (the columns of {@link CSV_COLUMNS}, in any order) and the survey's metadata into
 * a survey, reporting every bad cell with its line and column, then every rule the result breaks.
 * `file` names the CSV in messages.
 */
export function importSurveyCsv(text: string, id: string, meta: SurveyMeta, file = 'survey.csv'): ImportResult {
  const rowIssues: RowIssue[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return { rowIssues: [{ line: e.lines ?? 1, message: `not a readable CSV file: ${e.message}` }], issues: [], questionLines: [] };
  }
  const [header, ...body] = records;
  if (!header) return { rowIssues: [{ line: 1, message: `empty file; expected a header row: ${CSV_COLUMNS.join(',')}` }], issues: [], questionLines: [] };

  const names = header.record.map((h) => h.trim());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) rowIssues.push({ line: 1, column: name, message: `unknown column; expected only ${CSV_COLUMNS.join(', ')}` });
    else if (index.has(name)) rowIssues.push({ line: 1, column: name, message: 'column appears twice' });
    else index.set(name, i);
  });
  const required: CsvColumn[] = ['question_id', 'question', 'option_id', 'option', 'share_pct'];
  for (const name of required) if (!index.has(name)) rowIssues.push({ line: 1, column: name, message: `missing column; expected a header row with ${CSV_COLUMNS.join(',')}` });
  if (rowIssues.length > 0) return { rowIssues, issues: [], questionLines: [] };

  const metaQuestions = meta.questions ?? {};
  interface Draft {
    question: SurveyQuestion;
    line: number;
    baseLine?: number;
  }
  const drafts = new Map<string, Draft>();

  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (name: CsvColumn) => (index.has(name) ? (record[index.get(name)!] ?? '').trim() : '');
    const issue = (column: CsvColumn, message: string) => rowIssues.push({ line, column, message });
    /** The number in a cell, or undefined once the reason it is not one has been reported. */
    const number = (column: CsvColumn, text: string, expected: string, ok: (n: number) => boolean = () => true): number | undefined => {
      const n = parseNumber(text);
      if (n === 'thousands') issue(column, `${JSON.stringify(text)}; ${THOUSANDS_FIX}`);
      else if (n === undefined || !ok(n)) issue(column, `${JSON.stringify(text)}; ${expected}`);
      else return n;
      return undefined;
    };
    if (record.length !== names.length) {
      rowIssues.push({ line, message: `has ${record.length} cells; expected ${names.length}, one per header column` });
      continue;
    }
    const surveyCell = cell('survey');
    if (surveyCell && surveyCell !== id) issue('survey', `"${surveyCell}" is not the survey being imported ("${id}"); expected "${id}" or an empty cell`);
    const qid = cell('question_id');
    if (!ID.test(qid)) {
      issue('question_id', `${JSON.stringify(qid)}; expected a question id of lowercase letters, digits and "-"`);
      continue;
    }
    const qmeta = metaQuestions[qid] ?? {};
    const type = qmeta.type ?? 'single';
    const textCell = cell('question');
    const baseCell = cell('base');
    let base: number | undefined;
    if (baseCell !== '') {
      base = number('base', baseCell, 'expected the number of respondents (a whole number above 0) or an empty cell', (b) => Number.isInteger(b) && b > 0);
    }

    let draft = drafts.get(qid);
    if (!draft) {
      if (textCell === '') issue('question', 'empty; expected the question text on the first row of each question');
      const common = { id: qid, text: textCell, ...(base !== undefined ? { base } : {}), ...(qmeta.sources ? { sources: [...qmeta.sources] } : {}) };
      const question: SurveyQuestion =
        type === 'numeric'
          ? { ...common, type, unit: qmeta.unit ?? '', results: {} }
          : { ...common, type, ...(qmeta.partial ? { partial: true } : {}), options: [], results: {} };
      draft = { question, line, baseLine: base === undefined ? undefined : line };
      drafts.set(qid, draft);
    } else {
      const q = draft.question;
      if (textCell !== '' && textCell !== q.text) issue('question', `differs from line ${draft.line} of question "${qid}"; expected the same text on every row of a question (or an empty cell)`);
      if (base !== undefined && q.base !== undefined && base !== q.base) issue('base', `${base} differs from ${q.base} on line ${draft.baseLine}; expected one base per question`);
      if (base !== undefined && q.base === undefined) {
        rowIssues.push({ line, column: 'base', message: `question "${qid}" had no base on line ${draft.line}; expected one base per question, on every row or none` });
      }
    }

    const optionId = cell('option_id');
    const shareCell = cell('share_pct');
    const q = draft.question;
    if (q.type === 'numeric') {
      if (!NUMERIC_STATS.includes(optionId as NumericStat)) {
        issue('option_id', `${JSON.stringify(optionId)}; question "${qid}" is numeric, so expected "mean" or "median"`);
        continue;
      }
      const value = number('share_pct', shareCell, `expected the ${optionId} as a number of ${q.unit || 'units'}`);
      if (value === undefined) continue;
      if (q.results[optionId as NumericStat] !== undefined) issue('option_id', `"${optionId}" appears twice for question "${qid}"`);
      else q.results[optionId as NumericStat] = value;
      continue;
    }
    if (!ID.test(optionId)) {
      issue('option_id', `${JSON.stringify(optionId)}; expected an option id of lowercase letters, digits and "-"`);
      continue;
    }
    if (q.options.some((o) => o.id === optionId)) {
      issue('option_id', `"${optionId}" appears twice for question "${qid}"; expected one row per option`);
      continue;
    }
    const label = cell('option');
    if (label === '') issue('option', 'empty; expected the answer as shown to readers');
    q.options.push({ id: optionId, label });
    if (shareCell !== '') {
      const share = number('share_pct', shareCell, 'expected a percentage between 0 and 100 (or an empty cell when not reported)', (n) => n >= 0 && n <= 100);
      if (share !== undefined) q.results[optionId] = share;
    }
  }
  for (const qid of Object.keys(metaQuestions)) {
    if (!drafts.has(qid)) rowIssues.push({ line: 1, message: `question "${qid}" is described in the options (--multi, --partial, --numeric, --cite) but has no rows` });
  }
  if (body.length === 0) rowIssues.push({ line: 1, message: 'no rows after the header; expected one row per question and option' });
  if (rowIssues.length > 0) return { rowIssues, issues: [], questionLines: [] };

  const survey = normalizeSurvey({
    title: meta.title,
    publisher: meta.publisher,
    year: meta.year,
    fieldwork: meta.fieldwork,
    sample: meta.sample,
    sources: meta.sources,
    note: meta.note,
    questions: [...drafts.values()].map((d) => d.question),
  });
  return { survey, rowIssues, issues: validateSurvey(survey, file), questionLines: [...drafts.values()].map((d) => d.line) };
}

/**
 * A survey with its keys in the documented order and without empty optional fields, as the
 * importer writes it. Example files are kept in this form, so export + import gives them back
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

/** Survey JSON as the importer writes it: two-space indent, trailing newline. */
export function surveyJson(survey: Survey): string {
  return `${JSON.stringify(normalizeSurvey(survey), null, 2)}\n`;
}

export { formatIssue };
