/**
 * The reading half of survey spreadsheets, for `npm run survey:import`: a CSV with the columns of
 * /surveys/<id>/data.csv (src/lib/surveys/csv.ts writes them) plus the survey's description from
 * the command line become a survey, every bad cell reported with its line and column, then every
 * rule the result breaks. Messages are Korean, with what was expected and how to fix it, printed
 * as the blocks of src/lib/rules/problems.ts. A cell a spreadsheet would run as a formula is a
 * warning; the "'" the site's own data.csv puts before such cells is taken off again.
 */
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, NUMERIC_COLUMNS, normalizeSurvey, restoreCell, type CsvColumn } from '../../src/lib/surveys/csv.ts';
import { NUMERIC_LABELS } from '../../src/lib/surveys/stats.ts';
import { NUMERIC_STATS, type NumericStat, type Survey, type SurveyQuestion } from '../../src/lib/surveys/types.ts';
import { ID_PATTERN as ID, validateSurvey, type SurveyIssue } from '../../src/lib/surveys/validate.ts';
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
  const { title, publisher, year, fieldwork, sample, sources, note } = survey;
  return { title, publisher, year, fieldwork, sample, sources, note, questions };
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
  /** "error" unless said: only the warnings of {@link ImportResult} say "warning". */
  severity?: Severity;
}

/** `오류 survey.csv:3 · column "share_pct"` and the found / expected / fix lines. */
export function rowIssueProblem(file: string, issue: RowIssue): Problem {
  return {
    kind: 'csv',
    file,
    line: issue.line,
    ...(issue.column ? { field: `column ${JSON.stringify(issue.column)}` } : {}),
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
}

/** The word with its subject particle: "비율이", "숫자가". */
function subject(word: string): string {
  const syllable = word.charCodeAt(word.length - 1) - 0xac00;
  return `${word}${syllable >= 0 && syllable < 11172 && syllable % 28 !== 0 ? '이' : '가'}`;
}

const HEADER = CSV_COLUMNS.join(',');
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
}

const SHARE: NumberRule = {
  what: '비율',
  expected: '0~100 사이의 숫자 (예: 42.5), 비어 있으면 보고되지 않음',
  fix: '퍼센트 숫자만 쓰세요 ("42.5" 또는 "42.5%"). 보고되지 않은 선택지는 칸을 비우세요.',
  range: (n) => (n < 0 || n > 100 ? `${n}은(는) 0~100 밖의 비율입니다.` : undefined),
};

const BASE: NumberRule = {
  what: '응답자 수',
  expected: '이 문항에 답한 사람 수: 1 이상의 정수 (예: 42), 또는 빈 칸',
  fix: '원자료의 응답자 수를 숫자만 쓰세요. 모르면 칸을 비우세요 (sample.n이 쓰입니다).',
  range: (n) => (!Number.isInteger(n) || n <= 0 ? `${n}은(는) 1 이상의 정수가 아닙니다.` : undefined),
};

/**
 * Turns CSV text (the columns of {@link CSV_COLUMNS}, in any order) and the survey's metadata into
 * a survey, reporting every bad cell with its line and column, then every rule the result breaks.
 * `file` names the CSV in messages.
 */
export function importSurveyCsv(text: string, id: string, meta: SurveyMeta, file = 'survey.csv'): ImportResult {
  const rowIssues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const stop = (issues: RowIssue[]): ImportResult => ({ rowIssues: issues, warnings, issues: [], questionLines: [] });
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
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      rowIssues.push({
        line: 1,
        column: name,
        message: `${JSON.stringify(name)}은(는) 알 수 없는 열입니다.`,
        expected: `열 이름: ${CSV_COLUMNS.join(', ')}`,
        fix: '열 이름의 철자를 고치거나 그 열을 지우세요.',
        suggestion: nearest(name, CSV_COLUMNS),
      });
    } else if (index.has(name)) {
      rowIssues.push({ line: 1, column: name, message: `${JSON.stringify(name)} 열이 두 번 있습니다.`, expected: '열마다 한 번', fix: '겹친 열 하나를 지우세요.' });
    } else index.set(name, i);
  });
  const required: CsvColumn[] = ['question_id', 'question', 'option_id', 'option', 'share_pct'];
  for (const name of required) {
    if (!index.has(name)) {
      rowIssues.push({ line: 1, column: name, message: `${JSON.stringify(name)} 열이 없습니다.`, expected: `머리글 줄: ${HEADER}`, fix: `머리글 줄에 ${name} 열을 더하세요.` });
    }
  }
  if (rowIssues.length > 0) return stop(rowIssues);

  const metaQuestions = meta.questions ?? {};
  interface Draft {
    question: SurveyQuestion;
    line: number;
    baseLine?: number;
  }
  const drafts = new Map<string, Draft>();

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
        issue(column, { message, expected: rule.expected, fix: rule.fix });
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
      const column = names[i]!;
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
      draft = { question, line, baseLine: base === undefined ? undefined : line };
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

    const optionId = cell('option_id');
    const shareCell = cell('share_pct');
    const q = draft.question;
    if (q.type === 'numeric') {
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
      } else q.results[stat] = value;
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
    if (q.options.some((o) => o.id === optionId)) {
      issue('option_id', {
        message: `선택지 "${optionId}"이(가) 문항 "${qid}"에 두 번 있습니다.`,
        expected: '선택지마다 한 줄',
        fix: '겹친 줄을 지우거나 option_id를 고치세요.',
      });
      continue;
    }
    const label = cell('option');
    if (label === '') issue('option', { message: '선택지 글이 비어 있습니다.', expected: '독자에게 보일 답 (예: "1~2명")', fix: 'option 칸을 채우세요.' });
    q.options.push({ id: optionId, label });
    if (shareCell !== '') {
      const share = number('share_pct', shareCell, SHARE);
      if (share !== undefined) q.results[optionId] = share;
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
  if (rowIssues.length > 0) return stop(rowIssues);

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
  return { survey, rowIssues, warnings, issues: validateSurvey(survey, file), questionLines: [...drafts.values()].map((d) => d.line) };
}

/** Survey JSON as the importer writes it: two-space indent, trailing newline. */
export function surveyJson(survey: Survey): string {
  return `${JSON.stringify(normalizeSurvey(survey), null, 2)}\n`;
}
