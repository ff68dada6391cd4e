/**
 * The reading half of survey spreadsheets, for `npm run survey:import`: a CSV with the columns of
 * /surveys/<id>/data.csv (src/lib/surveys/csv.ts writes them) plus the survey's description from
 * the command line become a survey, every bad cell reported with its line and column, then every
 * rule the result breaks. Messages are Korean, with what was expected and how to fix it, printed
 * as the blocks of src/lib/rules/problems.ts. A cell a spreadsheet would run as a formula is a
 * warning; the "'" the site's own data.csv puts before such cells is taken off again.
 *
 * The columns data.csv gained later (approximate, figure, base_unit, provenance, source_url) are
 * read when present; a file without them imports as before. A `figure=computed` row is the
 * question's named remainder, its share checked against 100 − the reported shares. The CSV names a
 * question's sources by address, not by title: the titles come from --source, whose addresses the
 * source_url cells are matched against (that gives each question's `sources`).
 *
 * Columns may be named in Korean ({@link KOREAN_COLUMNS}). The company_answer column, the
 * organisation's answers, becomes a benchmark when the command asks for one (--benchmark), checked
 * against the imported survey; otherwise a warning says it was left out. Survey rules whose JSON fix
 * is a field the flags set (a sum off because a question is multi-choice, partly reported or
 * numeric) name the flag instead ({@link FLAG_HINTS}).
 */
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, FIGURES, NUMERIC_COLUMNS, normalizeSurvey, restoreCell, sourceUrls, type CsvColumn, type Figure } from '../../src/lib/surveys/csv.ts';
import { bestProvenance, DEFAULT_SAMPLE_UNIT, NUMERIC_LABELS } from '../../src/lib/surveys/stats.ts';
import {
  NUMERIC_STATS,
  PROVENANCES,
  SUM_TOLERANCE,
  type Benchmark,
  type BenchmarkAnswer,
  type ChoiceQuestion,
  type NumericStat,
  type Provenance,
  type Survey,
  type SurveyQuestion,
  type SurveySource,
} from '../../src/lib/surveys/types.ts';
import { ID_PATTERN as ID, validateBenchmark, validateSurvey, type SurveyIssue } from '../../src/lib/surveys/validate.ts';
import { formatProblem, type Problem, type Severity } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';

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

/** The metadata an existing survey would need to be imported again (the inverse of the import). */
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
  const { title, publisher, year, fieldwork, method, sample, sources, note } = survey;
  return { title, publisher, year, fieldwork, method, sample, sources, note, questions };
}

/**
 * The sources a source_url cell names: every source at each address, in the cell's order. Undefined
 * when that is every source of the survey: the question then cites all (no `sources` of its own).
 */
export function sourcesAt(urls: readonly string[], sources: readonly SurveySource[]): SurveySource[] | undefined {
  const found = [...new Set(urls.flatMap((url) => sources.filter((s) => s.url === url)))];
  return found.length === sources.length ? undefined : found;
}

/**
 * The `sources` the importer reads back from a question's source_url cell in data.csv: undefined
 * for every source, the ids otherwise, or null when the cell cannot say it (a source without an id).
 * `importArgsFor` gives --cite where this differs from the question's own.
 */
export function sourcesFromCsv(survey: Survey, question: SurveyQuestion): string[] | undefined | null {
  const found = sourcesAt(sourceUrls(survey, question), survey.sources);
  if (!found) return undefined;
  return found.every((s) => s.id !== undefined) ? found.map((s) => s.id!) : null;
}

/** A problem in one cell (or row) of the CSV. `line` is the file's line number, 1 = header. */
export interface RowIssue {
  line: number;
  column?: CsvColumn | string;
  /** What was found (Korean). */
  message: string;
  expected?: string;
  fix?: string;
  /** A near match ("share_pct" for "share"), shown as `혹시 "…"?`. */
  suggestion?: string;
  /** `column` as the file's header writes it, when that is another name for it ("비율" for share_pct). */
  header?: string;
  /** "error" unless said: only the warnings of {@link ImportResult} say "warning". */
  severity?: Severity;
}

/** `오류 survey.csv:3 · column "share_pct"` and the found / expected / fix lines. */
export function rowIssueProblem(file: string, issue: RowIssue): Problem {
  return {
    kind: 'csv',
    file,
    line: issue.line,
    ...(issue.column ? { field: issue.header ? `column ${JSON.stringify(issue.header)} (${issue.column})` : `column ${JSON.stringify(issue.column)}` } : {}),
    severity: issue.severity ?? 'error',
    message: issue.message,
    expected: issue.expected,
    fix: issue.fix,
    suggestion: issue.suggestion,
  };
}

export function formatRowIssue(file: string, issue: RowIssue, color = false): string {
  return formatProblem(rowIssueProblem(file, issue), color);
}

export interface ImportResult {
  /** Present when the CSV had no row errors; check `issues` before writing it. */
  survey?: Survey;
  rowIssues: RowIssue[];
  /** Cells that do not stop the import but should be looked at (formulas), in file order. */
  warnings: RowIssue[];
  /** Problems of the assembled survey (the rules of docs/content.md), from src/lib/surveys/validate.ts. */
  issues: SurveyIssue[];
  /** CSV line of each question's first row, by question index: where to look for `questions[i]` issues. */
  questionLines: number[];
  /** CSV line the sample's unit was read from (base_unit), when no --unit gave it: where `sample.unit` issues are. */
  unitLine?: number;
  /** With --benchmark and a survey: the organisation's answers (company_answer), as content/benchmarks/<id>.json holds them. */
  benchmark?: Benchmark;
  /** The benchmark's problems against the imported survey (the benchmark rules), at paths such as `answers.staff`. */
  benchmarkIssues?: SurveyIssue[];
  /** CSV line of each answered question's first company_answer cell, by question id: where `answers.<id>` issues are. */
  answerLines?: Record<string, number>;
  /** Questions of {@link BenchmarkMeta.notes} the imported survey does not have: their notes were left out. */
  droppedNotes?: string[];
}

/** What --benchmark, --organization and --as-of give: the benchmark the company_answer column becomes. */
export interface BenchmarkMeta {
  /** content/benchmarks/<id>.json */
  id: string;
  organization: string;
  /** YYYY-MM-DD */
  asOf: string;
  /**
   * Notes of the benchmark file being replaced: the CSV carries none, so they are kept, for the
   * questions the imported survey still has.
   */
  notes?: Record<string, string>;
}

/** One row's company_answer cell; `id` is the row's option (or named remainder), none on a numeric question. */
interface AnswerCell {
  line: number;
  cell: string;
  id?: string;
}

/** The word with its subject particle: "비율이", "숫자가". */
function subject(word: string): string {
  const syllable = word.charCodeAt(word.length - 1) - 0xac00;
  return `${word}${syllable >= 0 && syllable < 11172 && syllable % 28 !== 0 ? '이' : '가'}`;
}

const HEADER = CSV_COLUMNS.join(',');

/**
 * The Korean name a spreadsheet may give each column instead of its English one. Either name is
 * the same column, so a header may mix them; in a header, spaces count as "_" and capitals as small
 * letters ("문항 ID" is 문항_id).
 */
export const KOREAN_COLUMNS: Readonly<Record<CsvColumn, string>> = {
  survey: '설문',
  question_id: '문항_id',
  question: '문항',
  option_id: '선택지_id',
  option: '선택지',
  share_pct: '비율',
  approximate: '어림값',
  figure: '수치_종류',
  base: '기준',
  base_unit: '기준_단위',
  company_answer: '우리_답',
  provenance: '출처_종류',
  source_url: '출처_주소',
};

/** The columns a CSV must have; the others may be left out. */
const REQUIRED: readonly CsvColumn[] = ['question_id', 'question', 'option_id', 'option', 'share_pct'];

/** A header cell as compared: NFC, trimmed, runs of spaces as "_", small letters. */
const headerKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, '_').toLowerCase();
const COLUMN_BY_NAME = new Map<string, CsvColumn>([
  ...CSV_COLUMNS.map((c) => [c, c] as const),
  ...CSV_COLUMNS.map((c) => [KOREAN_COLUMNS[c], c] as const),
]);
/** Every name a column may have, English then Korean: what an unknown one is compared with. */
const COLUMN_NAMES = [...COLUMN_BY_NAME.keys()];

/** "share_pct(비율)" for each column: how messages list them. */
export const COLUMN_LIST = CSV_COLUMNS.map((c) => `${c}(${KOREAN_COLUMNS[c]})`).join(', ');

/** The column a header cell names, English or Korean, or undefined. */
export function columnNamed(name: string): CsvColumn | undefined {
  return COLUMN_BY_NAME.get(headerKey(name));
}

/**
 * The header row: where each column is, and each column's name as written (for messages), or its
 * problems. An unknown column is one problem naming it, with the name probably meant; a required
 * column that name stands for is not reported missing as well. A header with no known name at all
 * (no header row, or another kind of file) is one problem.
 */
function readHeader(names: readonly string[]): { index: Map<CsvColumn, number>; written: Map<CsvColumn, string>; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const index = new Map<CsvColumn, number>();
  const written = new Map<CsvColumn, string>();
  const unknown: { name: string; at: number }[] = [];
  names.forEach((name, at) => {
    const column = columnNamed(name);
    if (!column) unknown.push({ name, at });
    else if (index.has(column)) {
      const first = written.get(column)!;
      issues.push({
        line: 1,
        column: name,
        message: first === name ? `${JSON.stringify(name)} 열이 두 번 있습니다.` : `${JSON.stringify(name)} 열이 있는데, 같은 열인 ${JSON.stringify(first)}도 있습니다.`,
        expected: `열마다 한 번 (${column}와(과) ${KOREAN_COLUMNS[column]}은(는) 같은 열입니다)`,
        fix: '겹친 열 하나를 지우세요.',
      });
    } else {
      index.set(column, at);
      written.set(column, name);
    }
  });
  if (index.size === 0) {
    return {
      index,
      written,
      issues: [
        {
          line: 1,
          message: `첫 줄에 아는 열 이름이 없습니다: ${shown(names.join(','))}`,
          expected: `첫 줄에 열 이름 (영어 또는 한국어): ${COLUMN_LIST}`,
          fix: `첫 줄이 머리글이 아니라 수치라면 맨 위에 머리글 줄을 더하세요: ${HEADER}`,
        },
      ],
    };
  }
  const meant = new Set<CsvColumn>();
  for (const { name, at } of unknown) {
    const suggestion = name === '' ? undefined : nearest(name, COLUMN_NAMES);
    const column = suggestion === undefined ? undefined : COLUMN_BY_NAME.get(suggestion);
    const stands = column !== undefined && REQUIRED.includes(column) && !index.has(column);
    if (stands) meant.add(column);
    issues.push({
      line: 1,
      column: name,
      message: name === '' ? `${at + 1}번째 열에 이름이 없습니다.` : `${JSON.stringify(name)}은(는) 알 수 없는 열입니다.`,
      expected: `열 이름 (영어 또는 한국어): ${COLUMN_LIST}`,
      fix: stands
        ? `꼭 있어야 하는 열 ${column}(${KOREAN_COLUMNS[column]})이(가) 없습니다. 이 열의 이름을 고치세요.`
        : name === ''
          ? '머리글을 쓰거나, 빈 열이면 스프레드시트에서 그 열을 지우세요.'
          : '열 이름의 철자를 고치거나 그 열을 지우세요.',
      suggestion,
    });
  }
  for (const column of REQUIRED) {
    if (index.has(column) || meant.has(column)) continue;
    issues.push({
      line: 1,
      column,
      message: `${column}(${KOREAN_COLUMNS[column]}) 열이 없습니다.`,
      expected: `머리글 줄: ${HEADER} (한국어 이름도 됩니다: ${COLUMN_LIST})`,
      fix: `머리글 줄에 ${column} 열을 더하세요.`,
    });
  }
  return { index, written, issues };
}
const ID_TEXT = '영문 소문자와 숫자, 낱말 사이는 "-"';

/** What a formula cell starts with, as a writer would name it. */
const FORMULA_CHAR: Record<string, string> = { '\t': '탭', '\r': '줄 바꿈 문자(CR)' };

/** A cell as shown in a message: quoted, escapes visible, cut after 40 characters. */
const shown = (text: string) => JSON.stringify([...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text);

/**
 * Why a raw cell would run as a formula in a spreadsheet (OWASP's CSV injection characters at its
 * start, also after spaces), or undefined. A number in a numeric column ("-5") is a number, and a
 * cell the site's own export defused ("'=…") is text.
 */
function formulaIssue(raw: string, column: string): Omit<RowIssue, 'line'> | undefined {
  const start = /^[=+\-@\t\r]/.exec(raw)?.[0] ?? /^[=+\-@]/.exec(raw.trim())?.[0];
  if (start === undefined) return undefined;
  if ((NUMERIC_COLUMNS as readonly string[]).includes(column) && typeof parseNumber(raw) === 'number') return undefined;
  const what = FORMULA_CHAR[start] ?? `"${start}"`;
  return {
    column,
    severity: 'warning',
    message: `${shown(raw)}은(는) ${what}(으)로 시작해, 이 CSV를 스프레드시트에서 열면 수식으로 실행될 수 있습니다 (CSV 인젝션).`,
    expected: '수식이 아닌 글 (스프레드시트에서 옮겨 온 수식이나 링크가 아닌, 원자료의 글 그대로)',
    fix: '원자료에 실제로 이렇게 쓰였으면 그대로 두어도 됩니다: 사이트의 data.csv는 이런 칸 앞에 "\'"를 붙여 내보냅니다. 수식이 섞여 들어왔으면 스프레드시트에서 그 칸을 값으로 바꾸세요.',
  };
}

/**
 * "1,250" or "12,345.5": a comma before groups of three digits is how spreadsheets in Korea (and
 * the US) separate thousands, so it cannot be read as a decimal comma without guessing.
 */
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

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

/** How one numeric cell is read and explained. */
interface NumberRule {
  /** The noun for "…이(가) 아닙니다": "비율", "응답자 수", "숫자". */
  what: string;
  expected: string;
  fix: string;
  /** A number that parses but is out of range: undefined when fine, else what was found. */
  range?: (n: number) => string | undefined;
  /** How to fix a number out of range, when that differs from `fix`. */
  rangeFix?: (n: number) => string | undefined;
}

const SHARE: NumberRule = {
  what: '비율',
  expected: '0~100 사이의 숫자 (예: 42.5), 비어 있으면 보고되지 않음',
  fix: '퍼센트 숫자만 쓰세요 ("42.5" 또는 "42.5%"). 보고되지 않은 선택지는 칸을 비우세요.',
  range: (n) => (n < 0 || n > 100 ? `${n}은(는) 0~100 밖의 비율입니다.` : undefined),
};

/**
 * The flags that say how to read a question, as a fix gives them: ready to paste after the
 * command (each may be given again for another question).
 */
export const FLAG_HINTS = {
  multi: (qid: string) => `복수 응답 문항(답을 여럿 고를 수 있음)이면 --multi ${qid} 옵션을 붙이세요.`,
  partial: (qid: string) => `일부 답만 보고된 문항이면 --partial ${qid} 옵션을 붙이세요.`,
  numeric: (qid: string) => `비율이 아니라 숫자(평균·중앙값)를 묻는 문항이면 --numeric ${qid}=<단위> 옵션을 붙이세요 (예: --numeric ${qid}=개).`,
};

/** {@link SHARE} in question `qid`: a share over 100 may be the number of a numeric question. */
const shareIn = (qid: string): NumberRule => ({ ...SHARE, rangeFix: (n) => (n > 100 ? `${SHARE.fix} ${FLAG_HINTS.numeric(qid)}` : undefined) });

const BASE: NumberRule = {
  what: '응답자 수',
  expected: '이 문항에 답한 사람 수: 1 이상의 정수 (예: 42), 또는 빈 칸',
  fix: '원자료의 응답자 수를 숫자만 쓰세요. 원자료에 없으면 칸을 비우세요 (페이지에 "기준 수 보고되지 않음"으로 표시됩니다).',
  range: (n) => (!Number.isInteger(n) || n <= 0 ? `${n}은(는) 1 이상의 정수가 아닙니다.` : undefined),
};

/** Number of decimals of a number as written (66.7 -> 1, 75 -> 0). */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

const WEB_ADDRESS = /^https?:\/\/\S+$/;
const escapeBar = (text: string) => text.replace(/\|/g, '\\|');
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** An id for a source at `url`, from its host ("https://www.etnews.com/1" -> "etnews"), not one of `taken`. */
function sourceIdFor(url: string, taken: Set<string>): string {
  const host = URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : '';
  const words = host.split('.').slice(0, -1).join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const stem = ID.test(words) ? words : 'source';
  let id = stem;
  for (let i = 2; taken.has(id); i++) id = `${stem}-${i}`;
  taken.add(id);
  return id;
}

/**
 * Turns CSV text (the columns of {@link CSV_COLUMNS}, in any order, English or Korean names) and the
 * survey's metadata into a survey, reporting every bad cell with its line and column, then every
 * rule the result breaks. `file` names the CSV in messages. With `benchmark`, the company_answer
 * cells also become that benchmark, with its problems against the survey.
 */
export function importSurveyCsv(text: string, id: string, meta: SurveyMeta, file = 'survey.csv', benchmark?: BenchmarkMeta): ImportResult {
  const rowIssues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  /** Each column's name as the file writes it, for messages: "비율" in a file with Korean headers. */
  let written = new Map<CsvColumn, string>();
  const named = (issues: RowIssue[]) =>
    issues.map((i) => {
      const name = written.get(i.column as CsvColumn);
      return name !== undefined && name !== i.column ? { ...i, header: name } : i;
    });
  const stop = (issues: RowIssue[]): ImportResult => ({ rowIssues: named(issues), warnings: named(warnings), issues: [], questionLines: [] });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return stop([
      {
        line: e.lines ?? 1,
        message: `CSV 파일로 읽을 수 없습니다: ${e.message}`,
        expected: '쉼표로 칸을 나눈 CSV (스프레드시트의 "CSV UTF-8"로 내보낸 파일)',
        fix: '큰따옴표로 시작한 칸이 큰따옴표로 닫혔는지 보세요. 칸 안의 큰따옴표는 두 번("") 씁니다.',
      },
    ]);
  }
  const [header, ...body] = records;
  if (!header) {
    return stop([{ line: 1, message: '빈 파일입니다.', expected: `머리글 줄: ${HEADER}`, fix: '스프레드시트에서 머리글 줄과 함께 CSV로 다시 내보내세요.' }]);
  }

  const names = header.record.map((h) => h.trim());
  const { index, written: asWritten, issues: headerIssues } = readHeader(names);
  if (headerIssues.length > 0) return stop(headerIssues);
  written = asWritten;

  const metaQuestions = meta.questions ?? {};
  interface Seen<T> {
    value: T;
    line: number;
  }
  interface Draft {
    question: SurveyQuestion;
    line: number;
    baseLine?: number;
    /** The question's provenance and source addresses, as its rows give them. */
    provenance?: Seen<Provenance>;
    urls?: Seen<string[]>;
    /** The `figure=computed` row: the named remainder, with the share and `approximate` it was written with. */
    computed?: { line: number; share?: number; approximate: boolean };
    /** Each row's company_answer cell, with the option (or remainder) id of the row; none on a numeric question. */
    answers: AnswerCell[];
    /** Rows of a question not read as numeric whose option_id is "mean" or "median". */
    statLines: number[];
  }
  const drafts = new Map<string, Draft>();
  /** The sample's unit as base_unit gives it (the first row that has one). */
  let unit: Seen<string> | undefined;
  /** base_unit values already reported as differing, so a whole column of them is said once. */
  const unitConflicts = new Set<string>();

  for (const { record, info } of body) {
    const line = info.lines;
    // The "'" the site's export put before a formula-like cell comes off before anything else.
    const cell = (name: CsvColumn) => (index.has(name) ? restoreCell(record[index.get(name)!] ?? '').trim() : '');
    const issue = (column: CsvColumn, found: Omit<RowIssue, 'line' | 'column'>) => rowIssues.push({ line, column, ...found });
    /** The number in a cell, or undefined once the reason it is not one has been reported. */
    const number = (column: CsvColumn, text: string, rule: NumberRule): number | undefined => {
      const n = parseNumber(text);
      if (n === 'thousands') {
        issue(column, {
          message: `${JSON.stringify(text)}의 ","는 천 단위 구분 기호로 보입니다.`,
          expected: rule.expected,
          fix: '쉼표를 지우고(1250), 소수점은 "."으로 쓰세요 (1.25).',
        });
        return undefined;
      }
      const outOfRange = n === undefined ? undefined : rule.range?.(n);
      if (n === undefined || outOfRange) {
        const message = outOfRange ?? (text === '' ? '칸이 비어 있습니다.' : `${JSON.stringify(text)}은(는) ${subject(rule.what)} 아닙니다.`);
        issue(column, { message, expected: rule.expected, fix: (n !== undefined && rule.rangeFix?.(n)) || rule.fix });
        return undefined;
      }
      return n;
    };
    if (record.length !== names.length) {
      rowIssues.push({
        line,
        message: `칸이 ${record.length}개입니다.`,
        expected: `머리글과 같은 ${names.length}개 (열마다 하나)`,
        fix: '쉼표가 들어간 값은 큰따옴표로 감싸세요 (예: "1,2위"). 남는 쉼표나 빠진 칸이 없는지 보세요.',
      });
      continue;
    }
    record.forEach((raw, i) => {
      const column = columnNamed(names[i]!)!;
      if (raw.includes('\uFFFD')) {
        rowIssues.push({
          line,
          column,
          message: `${shown(raw)}에 깨진 글자(U+FFFD "\uFFFD")가 있습니다.`,
          expected: '원자료의 글자 그대로',
          fix: '이 파일을 만들거나 옮기는 사이에 글자가 깨졌습니다. 원본 스프레드시트에서 "CSV UTF-8(쉼표로 분리)"로 다시 내보내세요.',
        });
      }
      const restored = restoreCell(raw);
      const formula = restored === raw ? formulaIssue(raw, column) : undefined;
      if (formula) warnings.push({ line, ...formula });
    });
    const surveyCell = cell('survey');
    if (surveyCell && surveyCell !== id) {
      issue('survey', {
        message: `"${surveyCell}"은(는) 가져오는 설문 "${id}"이(가) 아닙니다.`,
        expected: `"${id}" 또는 빈 칸`,
        fix: `다른 설문의 줄이면 지우세요. 이 설문의 줄이면 칸을 비우거나, --id를 "${surveyCell}"(으)로 주세요.`,
      });
    }
    const unitCell = cell('base_unit');
    if (unitCell !== '' && !unitConflicts.has(unitCell)) {
      const given = meta.sample.unit;
      if (given !== undefined && unitCell !== given) {
        unitConflicts.add(unitCell);
        issue('base_unit', {
          message: `"${unitCell}"이(가) --unit "${given}"과(와) 다릅니다.`,
          expected: `표본의 단위 하나: --unit과 같은 "${given}", 또는 빈 칸`,
          fix: '--unit이나 CSV의 base_unit 중 틀린 쪽을 고치세요. CSV가 맞다면 --unit을 빼도 됩니다 (base_unit을 읽습니다).',
        });
      } else if (given === undefined && unit && unitCell !== unit.value) {
        unitConflicts.add(unitCell);
        issue('base_unit', {
          message: `"${unitCell}"이(가) ${unit.line}번 줄의 "${unit.value}"과(와) 다릅니다.`,
          expected: '설문 전체에 표본의 단위 하나 (모든 줄에 같은 값, 또는 빈 칸)',
          fix: '기준 수의 단위는 설문의 표본 단위(곳, 명, 개사, 개 계정 등)입니다. 한 값으로 맞추세요.',
        });
      } else unit ??= { value: unitCell, line };
    }
    const approximateCell = cell('approximate');
    const approximate = approximateCell === '1';
    if (!['', '0', '1'].includes(approximateCell)) {
      issue('approximate', {
        message: `${JSON.stringify(approximateCell)}은(는) 어림값 표시가 아닙니다.`,
        expected: '"1"(출처가 어림값으로 밝힌 수치, 예: "약 75%") 또는 빈 칸',
        fix: '어림값이면 1, 아니면 칸을 비우세요.',
      });
    }
    const figureCell = cell('figure');
    let figure: Figure = 'reported';
    if (FIGURES.includes(figureCell as Figure)) figure = figureCell as Figure;
    else if (figureCell !== '') {
      issue('figure', {
        message: `${JSON.stringify(figureCell)}은(는) 수치의 종류가 아닙니다.`,
        expected: '"reported"(출처가 밝힌 수치), "computed"(출처가 이름을 밝힌 나머지 답: 100에서 보고된 비율을 뺀 계산값) 또는 빈 칸(reported)',
        fix: '칸을 고치세요.',
        suggestion: nearest(figureCell, FIGURES),
      });
    }
    const qid = cell('question_id');
    if (!ID.test(qid)) {
      issue('question_id', {
        message: qid === '' ? '문항 id가 비어 있습니다.' : `${JSON.stringify(qid)}은(는) 문항 id로 쓸 수 없습니다.`,
        expected: `문항 id: ${ID_TEXT} (예: "staff")`,
        fix: '한 문항의 모든 줄에 같은 id를 쓰세요.',
      });
      continue;
    }
    const qmeta = metaQuestions[qid] ?? {};
    const type = qmeta.type ?? 'single';
    const textCell = cell('question');
    const baseCell = cell('base');
    const base = baseCell === '' ? undefined : number('base', baseCell, BASE);

    let draft = drafts.get(qid);
    if (!draft) {
      if (textCell === '') {
        issue('question', {
          message: `문항 "${qid}"의 첫 줄인데 질문 글이 비어 있습니다.`,
          expected: '문항마다 첫 줄에 독자에게 보일 질문',
          fix: 'question 칸에 질문을 쓰세요.',
        });
      }
      const common = { id: qid, text: textCell, ...(base !== undefined ? { base } : {}), ...(qmeta.sources ? { sources: [...qmeta.sources] } : {}) };
      const question: SurveyQuestion =
        type === 'numeric'
          ? { ...common, type, unit: qmeta.unit ?? '', results: {} }
          : { ...common, type, ...(qmeta.partial ? { partial: true } : {}), options: [], results: {} };
      draft = { question, line, baseLine: base === undefined ? undefined : line, answers: [], statLines: [] };
      drafts.set(qid, draft);
    } else {
      const q = draft.question;
      if (textCell !== '' && textCell !== q.text) {
        issue('question', {
          message: `${draft.line}번 줄에서 시작한 문항 "${qid}"의 질문 글과 다릅니다.`,
          expected: '한 문항의 모든 줄에 같은 질문 글, 또는 빈 칸',
          fix: '글을 맞추거나 첫 줄에만 쓰세요. 다른 문항이면 question_id를 바꾸세요.',
        });
      }
      if (base !== undefined && q.base !== undefined && base !== q.base) {
        issue('base', {
          message: `${base}이(가) ${draft.baseLine}번 줄의 ${q.base}과(와) 다릅니다.`,
          expected: '문항마다 응답자 수(base) 하나',
          fix: '같은 값으로 맞추거나, 문항의 첫 줄에만 쓰고 나머지는 비우세요.',
        });
      }
      if (base !== undefined && q.base === undefined) {
        issue('base', {
          message: `문항 "${qid}"의 첫 줄(${draft.line}번 줄)에는 base가 없습니다.`,
          expected: '문항의 첫 줄에 base, 또는 모든 줄에 같은 base',
          fix: `${draft.line}번 줄에도 base를 쓰거나, 이 칸을 비우세요.`,
        });
      }
    }

    const provenanceCell = cell('provenance');
    if (provenanceCell !== '') {
      if (!PROVENANCES.includes(provenanceCell as Provenance)) {
        issue('provenance', {
          message: `${JSON.stringify(provenanceCell)}은(는) 출처 종류가 아닙니다.`,
          expected: 'read (발표 기관의 원문을 읽음), press (언론 보도), secondhand (제3자의 요약)',
          fix: '칸을 고치세요. 문항의 출처가 여럿이면 그 가운데 가장 직접적인 종류를 씁니다.',
          suggestion: nearest(provenanceCell, PROVENANCES),
        });
      } else if (draft.provenance && draft.provenance.value !== provenanceCell) {
        issue('provenance', {
          message: `"${provenanceCell}"이(가) ${draft.provenance.line}번 줄의 "${draft.provenance.value}"과(와) 다릅니다.`,
          expected: '문항마다 출처 종류 하나 (모든 줄에 같은 값, 또는 빈 칸)',
          fix: '같은 값으로 맞추세요. 다른 문항이면 question_id를 바꾸세요.',
        });
      } else draft.provenance ??= { value: provenanceCell as Provenance, line };
    }
    const urlCell = cell('source_url');
    if (urlCell !== '') {
      const urls = [...new Set(urlCell.split(/\s+/))];
      const bad = urls.filter((u) => !WEB_ADDRESS.test(u) || !URL.canParse(u));
      if (bad.length > 0) {
        issue('source_url', {
          message: `${bad.map((u) => shown(u)).join(', ')}은(는) 웹 주소가 아닙니다.`,
          expected: '출처의 주소 (http:// 또는 https://로 시작), 여럿이면 띄어쓰기로 나눔',
          fix: '주소를 고치세요. 주소 안의 띄어쓰기는 %20으로 씁니다.',
        });
      } else if (draft.urls && !sameList(draft.urls.value, urls)) {
        issue('source_url', {
          message: `${draft.urls.line}번 줄의 출처 주소와 다릅니다.`,
          expected: '문항마다 출처 주소 목록 하나 (모든 줄에 같은 값, 또는 빈 칸)',
          fix: '같은 값으로 맞추세요. 다른 문항이면 question_id를 바꾸세요.',
        });
      } else draft.urls ??= { value: urls, line };
    }

    const optionId = cell('option_id');
    const shareCell = cell('share_pct');
    const answerCell = cell('company_answer');
    const q = draft.question;
    const markApproximate = (figureId: string) => (q.approximate ??= []).push(figureId);
    if (q.type === 'numeric') {
      if (figure === 'computed') {
        issue('figure', {
          message: `문항 "${qid}"은(는) 숫자 문항(--numeric)이라 계산값 줄이 없습니다.`,
          expected: '숫자 문항의 줄은 "reported" 또는 빈 칸',
          fix: '칸을 비우세요.',
        });
        continue;
      }
      if (!NUMERIC_STATS.includes(optionId as NumericStat)) {
        issue('option_id', {
          message: `${JSON.stringify(optionId)}은(는) 숫자 문항의 통계가 아닙니다.`,
          expected: `"mean"(평균) 또는 "median"(중앙값): 문항 "${qid}"은(는) --numeric 문항입니다`,
          fix: '숫자 문항은 통계마다 한 줄을 쓰고, option_id에 mean이나 median을 쓰세요.',
          suggestion: nearest(optionId, NUMERIC_STATS),
        });
        continue;
      }
      const stat = optionId as NumericStat;
      const value = number('share_pct', shareCell, {
        what: '숫자',
        expected: `${NUMERIC_LABELS[stat]}: 숫자 (단위: ${q.unit || '없음'}, 예: 4.2)`,
        fix: '단위 없이 숫자만 쓰세요 (단위는 --numeric 문항=단위 로 줍니다).',
      });
      if (value === undefined) continue;
      if (q.results[stat] !== undefined) {
        issue('option_id', { message: `"${stat}"이(가) 문항 "${qid}"에 두 번 있습니다.`, expected: '문항마다 mean과 median 한 줄씩', fix: '겹친 줄을 지우세요.' });
        continue;
      }
      q.results[stat] = value;
      if (approximate) markApproximate(stat);
      draft.answers.push({ line, cell: answerCell });
      continue;
    }
    if (figure === 'computed' && q.type !== 'single') {
      issue('figure', {
        message: `문항 "${qid}"은(는) 복수 선택 문항(--multi)이라 계산값 줄을 쓸 수 없습니다.`,
        expected: '"computed"는 단일 선택 문항의 나머지 답에만: 복수 응답은 비율이 겹쳐 100에서 뺀 값이 어떤 답도 아닙니다.',
        fix: '출처가 이 답의 비율을 밝혔다면 figure를 "reported"로 (또는 빈 칸으로) 하세요. 아니면 줄을 지우세요.',
      });
      continue;
    }
    if (figure === 'computed' && draft.computed) {
      issue('figure', {
        message: `문항 "${qid}"의 계산값 줄이 ${draft.computed.line}번 줄에 이미 있습니다.`,
        expected: '문항마다 계산값(출처가 이름을 밝힌 나머지 답) 한 줄',
        fix: '겹친 줄을 지우거나, 출처가 비율을 밝힌 답이면 figure를 "reported"로 하세요.',
      });
      continue;
    }
    if (!ID.test(optionId)) {
      issue('option_id', {
        message: optionId === '' ? '선택지 id가 비어 있습니다.' : `${JSON.stringify(optionId)}은(는) 선택지 id로 쓸 수 없습니다.`,
        expected: `선택지 id: ${ID_TEXT} (예: "two-plus")`,
        fix: `id를 고치세요. 숫자 문항이면 --numeric ${qid}=단위 를 주세요.`,
      });
      continue;
    }
    if (q.options.some((o) => o.id === optionId) || q.remainder?.id === optionId) {
      const computedLine = q.remainder?.id === optionId ? draft.computed?.line : undefined;
      issue('option_id', {
        message:
          computedLine === undefined
            ? `선택지 "${optionId}"이(가) 문항 "${qid}"에 두 번 있습니다.`
            : `"${optionId}"은(는) 문항 "${qid}"의 계산값 줄(${computedLine}번 줄)의 id입니다.`,
        expected: figure === 'computed' ? '선택지와 다른 나머지 답의 id' : '선택지마다 한 줄',
        fix: '겹친 줄을 지우거나 option_id를 고치세요.',
      });
      continue;
    }
    const label = cell('option');
    if (label === '') issue('option', { message: '선택지 글이 비어 있습니다.', expected: '독자에게 보일 답 (예: "1~2명")', fix: 'option 칸을 채우세요.' });
    if (figure === 'computed') {
      // The named remainder: its share is computed, so it is checked once every reported share is read.
      const share = shareCell === '' ? undefined : number('share_pct', shareCell, SHARE);
      q.remainder = { id: optionId, label };
      draft.computed = { line, share, approximate };
      draft.answers.push({ line, cell: answerCell, id: optionId });
      continue;
    }
    q.options.push({ id: optionId, label });
    draft.answers.push({ line, cell: answerCell, id: optionId });
    if (NUMERIC_STATS.includes(optionId as NumericStat)) draft.statLines.push(line);
    if (shareCell !== '') {
      const share = number('share_pct', shareCell, shareIn(qid));
      if (share !== undefined) q.results[optionId] = share;
      if (share !== undefined && approximate) markApproximate(optionId);
    } else if (approximate) {
      issue('approximate', {
        message: '보고되지 않은 선택지(share_pct가 빈 칸)에 어림값 표시 1이 있습니다.',
        expected: '비율이 있는 줄에만 1',
        fix: '비율을 적거나 approximate 칸을 비우세요.',
      });
    }
  }
  const questionIds = [...drafts.keys()];
  for (const qid of Object.keys(metaQuestions)) {
    if (drafts.has(qid)) continue;
    rowIssues.push({
      line: 1,
      message: `문항 "${qid}"이(가) 옵션(--multi, --partial, --numeric, --cite)에는 있는데 CSV에는 줄이 없습니다.`,
      expected: `CSV의 문항 id: ${questionIds.join(', ') || '(없음)'}`,
      fix: '옵션의 문항 id를 고치거나, CSV에 그 문항의 줄을 더하세요.',
      suggestion: nearest(qid, questionIds),
    });
  }
  if (body.length === 0) {
    rowIssues.push({ line: 1, message: '머리글 다음에 줄이 없습니다.', expected: '문항과 선택지마다 한 줄', fix: '스프레드시트에서 수치가 든 줄까지 함께 내보내세요.' });
  }
  for (const draft of drafts.values()) {
    checkComputed(draft.question, draft.computed, rowIssues);
    looksNumeric(draft.question, draft.line, draft.statLines, rowIssues);
  }
  const answers = benchmark ? readAnswers([...drafts.values()], rowIssues) : undefined;
  if (benchmark && answers && Object.keys(answers.answers).length === 0 && !rowIssues.some((i) => i.column === 'company_answer')) {
    rowIssues.push({
      line: 1,
      column: 'company_answer',
      message: index.has('company_answer') ? '--benchmark를 주었는데 company_answer 칸이 모두 비어 있습니다.' : '--benchmark를 주었는데 CSV에 company_answer 열이 없습니다.',
      expected: '조직이 답한 문항마다 company_answer: 선택지 문항은 고른 답에 1, 아닌 답에 0 (또는 빈 칸), 숫자 문항은 조직의 수',
      fix: '답을 채우거나, 설문만 가져오려면 --benchmark, --organization, --as-of를 빼세요.',
    });
  }
  const firstAnswer = benchmark ? undefined : [...drafts.values()].flatMap((d) => d.answers).find((a) => a.cell !== '');
  if (firstAnswer) {
    const count = [...drafts.values()].filter((d) => d.answers.some((a) => a.cell !== '')).length;
    warnings.push({
      line: firstAnswer.line,
      column: 'company_answer',
      severity: 'warning',
      message: `company_answer 칸에 조직의 답이 있지만(문항 ${count}개) 가져오지 않았습니다: --benchmark가 없습니다.`,
      expected: '설문만 가져오려면 그대로 두어도 됩니다. 답도 content/benchmarks/<id>.json으로 가져오려면 --benchmark, --organization, --as-of',
      fix: `답도 가져오려면 이 옵션을 붙이세요: --benchmark <벤치마크 id> --organization "<조직 이름>" --as-of <답의 기준일 YYYY-MM-DD> (예: --benchmark ours-${id} --organization "우리 회사" --as-of 2010-08-10)`,
    });
  }
  const sources = meta.sources.length > 0 ? citeByAddress([...drafts.values()], meta, rowIssues) : sourcesWithoutTitles([...drafts.values()], index.has('source_url'), rowIssues);
  if (rowIssues.length > 0) return stop(rowIssues);

  // A unit from the CSV alone: "곳" is the default, written nowhere (an explicit "곳" comes from --unit).
  const csvUnit = meta.sample.unit === undefined && unit && unit.value !== DEFAULT_SAMPLE_UNIT ? unit : undefined;
  const survey = normalizeSurvey({
    title: meta.title,
    publisher: meta.publisher,
    year: meta.year,
    fieldwork: meta.fieldwork,
    method: meta.method,
    sample: { ...meta.sample, ...(csvUnit ? { unit: csvUnit.value } : {}) },
    sources,
    note: meta.note,
    questions: [...drafts.values()].map((d) => d.question),
  });
  const imported = benchmark && answers ? benchmarkFrom(id, benchmark, answers.answers, survey) : undefined;
  return {
    survey,
    rowIssues: named(rowIssues),
    warnings: named(warnings),
    issues: withFlagHints(validateSurvey(survey, file), survey),
    questionLines: [...drafts.values()].map((d) => d.line),
    ...(csvUnit ? { unitLine: csvUnit.line } : {}),
    ...(imported
      ? {
          benchmark: imported.benchmark,
          benchmarkIssues: validateBenchmark(imported.benchmark, survey, `benchmarks/${benchmark!.id}.json`),
          answerLines: answers!.lines,
          droppedNotes: imported.dropped,
        }
      : {}),
  };
}

/**
 * A question not flagged --numeric whose every row is a "mean" or "median": a numeric question
 * read as a choice. One problem naming the flag replaces what its shares (numbers, not percentages)
 * would have said.
 */
function looksNumeric(q: SurveyQuestion, line: number, statLines: readonly number[], rowIssues: RowIssue[]): void {
  if (q.type === 'numeric' || q.remainder || q.options.length === 0 || statLines.length !== q.options.length) return;
  for (let i = rowIssues.length - 1; i >= 0; i--) {
    if (rowIssues[i]!.column === 'share_pct' && statLines.includes(rowIssues[i]!.line)) rowIssues.splice(i, 1);
  }
  rowIssues.push({
    line,
    column: 'option_id',
    message: `문항 "${q.id}"의 option_id가 ${q.options.map((o) => `"${o.id}"`).join(', ')}뿐이라 숫자 문항(평균·중앙값)으로 보이는데, --numeric이 없어 선택지로 읽었습니다.`,
    expected: `숫자 문항은 --numeric ${q.id}=<단위>, 선택지 문항은 mean·median이 아닌 선택지 id`,
    fix: FLAG_HINTS.numeric(q.id),
  });
}

/**
 * The organisation's answers in the company_answer cells, by question in CSV order, every bad cell
 * reported: "1" on each chosen option of a choice question (exactly one on a single-choice one; the
 * named remainder's computed row may carry it) and "0" or nothing on the others; the same number on
 * every row of a numeric question. A question whose cells are all empty was not answered.
 */
function readAnswers(drafts: readonly { question: SurveyQuestion; answers: AnswerCell[] }[], rowIssues: RowIssue[]): { answers: Record<string, BenchmarkAnswer>; lines: Record<string, number> } {
  const answers: Record<string, BenchmarkAnswer> = {};
  const lines: Record<string, number> = {};
  for (const { question: q, answers: cells } of drafts) {
    const filled = cells.filter((a) => a.cell !== '');
    if (filled.length === 0) continue;
    lines[q.id] = filled[0]!.line;
    const issue = (line: number, found: Omit<RowIssue, 'line' | 'column'>) => rowIssues.push({ line, column: 'company_answer', ...found });
    if (q.type === 'numeric') {
      let first: { value: number; line: number } | undefined;
      let ok = true;
      for (const { line, cell } of filled) {
        const n = parseNumber(cell);
        if (typeof n !== 'number' || n < 0) {
          ok = false;
          issue(line, {
            message: n === 'thousands' ? `${JSON.stringify(cell)}의 ","는 천 단위 구분 기호로 보입니다.` : `${JSON.stringify(cell)}은(는) 조직의 답(0 이상의 숫자)이 아닙니다.`,
            expected: `숫자 문항 "${q.id}"에 조직이 답한 수: 0 이상의 숫자 (단위: ${q.unit || '없음'}), 답하지 않았으면 빈 칸`,
            fix: n === 'thousands' ? '쉼표를 지우세요 (1250).' : '단위 없이 숫자만 쓰세요.',
          });
        } else if (first && n !== first.value) {
          ok = false;
          issue(line, {
            message: `${n}이(가) ${first.line}번 줄의 ${first.value}과(와) 다릅니다.`,
            expected: `숫자 문항 "${q.id}"의 모든 줄에 조직의 같은 수, 또는 빈 칸`,
            fix: '같은 값으로 맞추세요: 평균 줄과 중앙값 줄의 company_answer는 둘 다 조직의 수입니다.',
          });
        } else first ??= { value: n, line };
      }
      if (ok && first) answers[q.id] = first.value;
      continue;
    }
    const bad = filled.filter((a) => a.cell !== '0' && a.cell !== '1');
    for (const { line, cell } of bad) {
      issue(line, {
        message: `${JSON.stringify(cell)}은(는) 조직의 답 표시가 아닙니다.`,
        expected: '"1"(조직이 고른 답), "0"(고르지 않은 답) 또는 빈 칸 (문항의 칸이 모두 비어 있으면 답하지 않은 문항)',
        fix: '고른 답에 1, 나머지에 0을 쓰거나 비우세요.',
      });
    }
    if (bad.length > 0) continue;
    const chosen = filled.filter((a) => a.cell === '1');
    const single = q.type === 'single';
    if (chosen.length === 0) {
      issue(filled[0]!.line, {
        message: `문항 "${q.id}"의 company_answer에 0만 있고 고른 답(1)이 없습니다.`,
        expected: single ? '답한 단일 선택 문항에는 고른 답 하나에 1' : '답한 복수 선택 문항에는 고른 답마다 1',
        fix: '조직이 고른 답의 줄에 1을 쓰세요. 답하지 않은 문항이면 이 문항의 company_answer 칸을 모두 비우세요.',
      });
    } else if (single && chosen.length > 1) {
      issue(chosen[1]!.line, {
        message: `단일 선택 문항 "${q.id}"에 1이 ${chosen.length}개 있습니다 (${chosen.map((a) => a.line).join(', ')}번 줄).`,
        expected: '단일 선택 문항에는 고른 답 하나에만 1',
        fix: `고른 답 하나에만 1을 남기세요. ${FLAG_HINTS.multi(q.id)}`,
      });
    } else answers[q.id] = single ? chosen[0]!.id! : chosen.map((a) => a.id!);
  }
  return { answers, lines };
}

/** The benchmark file the answers make, with the kept notes of the questions the survey still has. */
function benchmarkFrom(surveyId: string, meta: BenchmarkMeta, answers: Record<string, BenchmarkAnswer>, survey: Survey): { benchmark: Benchmark; dropped: string[] } {
  const questions = new Set(survey.questions.map((q) => q.id));
  const notes = Object.entries(meta.notes ?? {}).filter(([qid]) => questions.has(qid));
  return {
    benchmark: { survey: surveyId, organization: meta.organization, asOf: meta.asOf, answers, ...(notes.length > 0 ? { notes: Object.fromEntries(notes) } : {}) },
    dropped: Object.keys(meta.notes ?? {}).filter((qid) => !questions.has(qid)),
  };
}

/** The question a benchmark issue is about: "staff" for `answers.staff` or `answers["two-plus"][1]`. */
export function answerQuestion(path: string): string | undefined {
  const match = /^answers(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/.exec(path);
  if (!match) return undefined;
  return match[1] ?? (JSON.parse(match[2]!) as string);
}

/**
 * Benchmark JSON as the importer writes it: the keys in the schema's order, two-space indent, a
 * multi-choice answer on one line (`"tools": ["blog", "twitter"]`, as the example files write it),
 * a trailing newline.
 */
export function benchmarkJson(benchmark: Benchmark): string {
  const { survey, organization, asOf, answers, notes } = benchmark;
  const text = JSON.stringify({ survey, organization, asOf, answers, ...(notes && Object.keys(notes).length > 0 ? { notes } : {}) }, null, 2);
  // A JSON string holds no raw line break, so "[" before one opens an array.
  const inline = text.replace(/\[\n\s+((?:"(?:[^"\\\n]|\\.)*",\n\s+)*"(?:[^"\\\n]|\\.)*")\n\s*\]/g, (_, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`);
  return `${inline}\n`;
}

const SUM_ISSUE = /^단일 선택 문항의 비율 합이 (-?\d+(?:\.\d+)?)입니다\.$/;
const MISSING_SHARE = /^선택지 "(.+)"의 비율이 없습니다\.$/;
const NO_REST = /^선택지 비율 합이 .+ 남는 비율이 없습니다\.$/;

/**
 * The survey rules whose fix, in a JSON file, is a field ("partial": true) that the import sets by a
 * flag: the flag to give instead, ready to paste. A single-choice question whose shares add up to
 * more than 100 may be multi-choice (--multi); one whose options lack shares, or whose shares add up
 * to less, may be partly reported (--partial). A question's missing shares and its sum are one
 * problem. A named remainder with nothing left is its computed row, to delete.
 */
function withFlagHints(issues: readonly SurveyIssue[], survey: Survey): SurveyIssue[] {
  const out: SurveyIssue[] = [];
  /** Per question: the one problem its missing shares and sum become, and what went into it. */
  const merged = new Map<number, { issue: SurveyIssue; missing: string[]; sum?: number }>();
  for (const issue of issues) {
    const at = /^questions\[(\d+)\]\.(results|remainder)$/.exec(issue.path);
    const index = Number(at?.[1]);
    const q = at ? survey.questions[index] : undefined;
    if (!q || q.type === 'numeric') {
      out.push(issue);
      continue;
    }
    if (at![2] === 'remainder') {
      out.push(NO_REST.test(issue.message) && q.remainder ? { ...issue, fix: `나머지 답 "${q.remainder.id}"의 줄(figure=computed)을 지우세요: 보고된 비율만으로 100입니다.` } : issue);
      continue;
    }
    const sum = SUM_ISSUE.exec(issue.message)?.[1];
    const missing = MISSING_SHARE.exec(issue.message)?.[1];
    if (sum === undefined && missing === undefined) {
      out.push(issue);
      continue;
    }
    let entry = merged.get(index);
    if (!entry) {
      entry = { issue: { ...issue }, missing: [] };
      merged.set(index, entry);
      out.push(entry.issue);
    }
    if (missing !== undefined) entry.missing.push(missing);
    if (sum !== undefined) entry.sum = Number(sum);
  }
  for (const [index, { issue, missing, sum }] of merged) {
    const q = survey.questions[index] as ChoiceQuestion;
    const over = sum !== undefined && sum > 100 + SUM_TOLERANCE;
    const parts = [
      missing.length > 0 ? `선택지 ${missing.map((m) => `"${m}"`).join(', ')}의 비율이 비어 있습니다.` : '',
      sum !== undefined ? `단일 선택 문항의 비율 합이 ${sum.toFixed(1)}입니다.` : '',
    ];
    issue.message = parts.filter(Boolean).join(' ');
    issue.expected = over
      ? `${q.partial ? '100 이하' : `100 ± ${SUM_TOLERANCE}`} (단일 선택 문항의 비율 합, 반올림 오차 ${SUM_TOLERANCE}까지)`
      : q.type === 'single'
        ? `선택지마다 비율이 있고 합이 100 ± ${SUM_TOLERANCE} (모든 답이 보고된 단일 선택 문항)`
        : '선택지마다 비율 (모든 답이 보고된 문항)';
    const fixes = over
      ? [FLAG_HINTS.multi(q.id), ...(missing.length > 0 && !q.partial ? [FLAG_HINTS.partial(q.id)] : []), '단일 선택 문항이 맞다면 원자료의 비율을 확인하세요.']
      : [
          FLAG_HINTS.partial(q.id),
          q.type === 'single' ? '출처가 나머지 답의 이름을 밝혔다면 그 답을 figure=computed 줄로 더하세요.' : '',
          missing.length > 0 ? '모든 답이 보고되었다면 빈 share_pct 칸을 원자료의 비율로 채우세요.' : '모든 답이 보고되었다면 원자료의 비율을 확인하세요.',
        ];
    issue.fix = fixes.filter(Boolean).join(' ');
    delete issue.suggestion;
  }
  return out;
}

/**
 * The `figure=computed` row of a question: its share must be 100 − the reported shares, within the
 * rounding of the share as written ("14.3" for 14.29…, "14" for anything from 13.5 to 14.5), and it
 * is approximate only when a reported share is.
 */
function checkComputed(q: SurveyQuestion, computed: { line: number; share?: number; approximate: boolean } | undefined, rowIssues: RowIssue[]): void {
  if (!computed || q.type === 'numeric') return;
  const reported = q.options.filter((o) => q.results[o.id] !== undefined);
  const shares = reported.map((o) => q.results[o.id]!);
  const decimals = Math.max(0, ...shares.map(decimalsOf));
  const sum = shares.reduce((a, b) => a + b, 0);
  const rest = 100 - sum;
  const at = (value: number) => String(Number(value.toFixed(decimals)));
  const { line, share } = computed;
  if (share !== undefined && Math.abs(share - rest) > 0.5 * 10 ** -decimalsOf(share) + 1e-9) {
    rowIssues.push({
      line,
      column: 'share_pct',
      message: `계산값 ${share}이(가) 100에서 보고된 비율(합 ${at(sum)})을 뺀 ${at(rest)}과(와) 다릅니다.`,
      expected: `${at(rest)} (figure=computed 줄의 비율은 100 − 이 문항의 보고된 비율, 반올림 차이까지), 또는 빈 칸`,
      fix: '보고된 비율이나 이 칸을 원자료와 맞추세요. 출처가 이 답의 비율을 따로 밝혔다면 figure를 "reported"로 하고 보통 선택지로 쓰세요.',
    });
  }
  if (computed.approximate && !reported.some((o) => q.approximate?.includes(o.id))) {
    rowIssues.push({
      line,
      column: 'approximate',
      message: '계산값 줄에 어림값 표시 1이 있는데, 이 문항의 보고된 비율 가운데 어림값이 없습니다.',
      expected: '계산값은 보고된 비율 가운데 어림값이 있을 때만 어림값 (그 비율을 뺀 값이라서)',
      fix: '어림값인 보고된 비율의 줄에 1을 쓰거나, 이 칸을 비우세요.',
    });
  }
}

/**
 * With --source: each question's source_url cell names sources by address. Every address must be a
 * --source's; the addresses give the question's `sources` (unless --cite gives them, which must then
 * name the same addresses), and its provenance cell must be the best of those sources'.
 */
function citeByAddress(drafts: readonly { question: SurveyQuestion; provenance?: { value: Provenance; line: number }; urls?: { value: string[]; line: number } }[], meta: SurveyMeta, rowIssues: RowIssue[]): SurveySource[] {
  const sources = meta.sources;
  const known = [...new Set(sources.map((s) => s.url))];
  for (const { question: q, provenance, urls } of drafts) {
    const cite = meta.questions?.[q.id]?.sources;
    if (urls) {
      const { line } = urls;
      const unknown = urls.value.filter((u) => !known.includes(u));
      for (const url of unknown) {
        rowIssues.push({
          line,
          column: 'source_url',
          message: `${url}은(는) --source로 준 출처의 주소가 아닙니다.`,
          expected: `--source의 주소: ${known.join(' ')}`,
          fix: `주소를 고치거나, 이 출처를 --source "${provenance?.value ?? '<출처 종류>'}|${escapeBar(url)}|<제목>"으로 더하세요.`,
          suggestion: nearest(url, known),
        });
      }
      if (unknown.length > 0) continue;
      if (cite) {
        const cited = cite.map((id) => sources.filter((s) => s.id === id));
        // An id that is no source's is the survey rules' to report (at --cite).
        const citedUrls = new Set(cited.flat().map((s) => s.url));
        if (cited.every((c) => c.length > 0) && !sameSet(citedUrls, new Set(urls.value))) {
          rowIssues.push({
            line,
            column: 'source_url',
            message: `--cite ${q.id}=${cite.join(',')}의 출처와 주소가 다릅니다.`,
            expected: `--cite가 가리키는 출처의 주소: ${[...citedUrls].join(' ')}`,
            fix: '--cite나 이 칸 가운데 틀린 쪽을 고치세요. 칸이 맞다면 --cite를 빼도 됩니다 (칸의 주소로 출처를 찾습니다).',
          });
          continue;
        }
      } else {
        const cited = sourcesAt(urls.value, sources);
        const withoutId = cited?.find((s) => s.id === undefined);
        if (withoutId) {
          rowIssues.push({
            line,
            column: 'source_url',
            message: `${withoutId.url}의 출처에 id가 없어, 이 문항이 그 출처만 인용한다고 적을 수 없습니다.`,
            expected: '일부 출처만 인용하는 문항의 출처에는 id',
            fix: `--source "${withoutId.provenance}|${escapeBar(withoutId.url)}|${escapeBar(withoutId.title)}|<id>"처럼 id를 붙이세요.`,
          });
          continue;
        }
        if (cited) q.sources = cited.map((s) => s.id!);
      }
    }
    if (provenance) {
      const cited = q.sources ? sources.filter((s) => s.id !== undefined && q.sources!.includes(s.id)) : sources;
      const best = bestProvenance(cited);
      if (best !== undefined && best !== provenance.value) {
        rowIssues.push({
          line: provenance.line,
          column: 'provenance',
          message: `"${provenance.value}"인데, 이 문항의 출처(--source) 가운데 가장 직접적인 종류는 "${best}"입니다.`,
          expected: `"${best}" (문항 출처 가운데 가장 직접적인 것: read > press > secondhand)`,
          fix: '--source의 출처 종류나 이 칸 가운데 틀린 쪽을 원자료에 맞춰 고치세요.',
        });
      }
    }
  }
  return sources;
}

/**
 * Without --source: the CSV names each source by its address and provenance, but a source also
 * needs its title, which only --source gives. So every address becomes a problem whose fix is the
 * --source to add, filled in from the CSV (with an id when some question cites only some sources).
 */
function sourcesWithoutTitles(drafts: readonly { question: SurveyQuestion; provenance?: { value: Provenance; line: number }; urls?: { value: string[]; line: number } }[], hasColumn: boolean, rowIssues: RowIssue[]): SurveySource[] {
  const first = new Map<string, number>();
  for (const { urls } of drafts) for (const url of urls?.value ?? []) if (!first.has(url)) first.set(url, urls!.line);
  if (first.size === 0) {
    rowIssues.push({
      line: 1,
      column: 'source_url',
      message: hasColumn ? '출처가 없습니다: --source가 없고, source_url 칸도 모두 비어 있습니다.' : '출처가 없습니다: --source가 없고, CSV에 source_url 열도 없습니다.',
      expected: '출처 하나 이상: --source "<출처 종류>|<주소>|<제목>"',
      fix: '수치를 읽은 곳을 --source "press|https://example.com/article|기사 제목" 처럼 주세요.',
    });
    return [];
  }
  // An address's provenance is known from a question that cites it alone, or with sources all less
  // direct than the question's provenance (which is then this one's).
  const provenanceOf = new Map<string, Provenance>();
  const rank = (p: Provenance) => PROVENANCES.indexOf(p);
  for (let learned = true; learned; ) {
    learned = false;
    for (const { urls, provenance } of drafts) {
      if (!urls || !provenance) continue;
      const unknown = urls.value.filter((u) => !provenanceOf.has(u));
      const othersLess = urls.value.every((u) => !provenanceOf.has(u) || rank(provenanceOf.get(u)!) > rank(provenance.value));
      if (unknown.length === 1 && othersLess) {
        provenanceOf.set(unknown[0]!, provenance.value);
        learned = true;
      }
    }
  }
  const all = new Set(first.keys());
  const needIds = drafts.some(({ urls }) => urls && !sameSet(new Set(urls.value), all));
  const taken = new Set<string>();
  for (const [url, line] of first) {
    const provenance = provenanceOf.get(url);
    const flag = `--source "${provenance ?? '<출처 종류>'}|${escapeBar(url)}|<제목>${needIds ? `|${sourceIdFor(url, taken)}` : ''}"`;
    rowIssues.push({
      line,
      column: 'source_url',
      message: `출처 ${url}의 제목이 없습니다: CSV에는 출처의 주소와 종류만 있습니다.`,
      expected: '출처마다 --source "<출처 종류>|<주소>|<제목>" (제목은 기사나 보고서의 제목 그대로)',
      fix: `이 옵션을 더하고 <제목>을 원자료의 제목으로 바꾸세요: ${flag}${provenance ? '' : ' 출처 종류는 read(원문), press(언론 보도), secondhand(제3자의 요약) 가운데 하나입니다.'}`,
    });
  }
  return [];
}

/** Survey JSON as the importer writes it: two-space indent, trailing newline. */
export function surveyJson(survey: Survey): string {
  return `${JSON.stringify(normalizeSurvey(survey), null, 2)}\n`;
}
