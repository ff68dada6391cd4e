/**
 * Every rule a survey or benchmark file must follow (DESIGN.md), as pure functions over the raw
 * JSON. They return all problems of a file at once, each with the file, the JSON path and what
 * was expected, so a writer fixes a file in one pass. The collection schemas
 * (./schema.ts), the CSV importer and the unit tests all call these.
 */
import {
  NUMERIC_STATS,
  PROVENANCES,
  SMALL_BASE,
  SUM_TOLERANCE,
  type Benchmark,
  type Survey,
} from './types';

export interface SurveyIssue {
  /** Errors fail the build; warnings are printed and marked on the page. */
  level: 'error' | 'warning';
  /** File as the writer knows it, e.g. "content/surveys/kicom-2010.json". */
  file: string;
  /** JSON path such as `questions[1].results`; "" for the whole file. */
  path: string;
  message: string;
}

/** "content/surveys/kicom-2010.json: questions[1].results: shares ... (expected ...)" */
export function formatIssue(issue: SurveyIssue): string {
  const prefix = issue.level === 'warning' ? 'warning: ' : '';
  return `${prefix}${issue.file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
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

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPositiveInteger = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const describe = (v: unknown): string => (v === undefined ? 'missing' : JSON.stringify(v));

/** Ids appear in URLs, CSV files and MDX props: lowercase ASCII words joined by "-". */
export const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const ID_RULE = 'lowercase letters, digits and "-", e.g. "two-plus"';
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_OR_MONTH = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Collects issues for one file. */
class Report {
  readonly issues: SurveyIssue[] = [];
  constructor(readonly file: string) {}
  error(path: readonly Segment[], message: string): void {
    this.issues.push({ level: 'error', file: this.file, path: jsonPath(path), message });
  }
  warn(path: readonly Segment[], message: string): void {
    this.issues.push({ level: 'warning', file: this.file, path: jsonPath(path), message });
  }
  /** Fields the writer probably misspelt ("parital") would otherwise be ignored silently. */
  unknownKeys(value: Obj, path: readonly Segment[], allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.error([...path, key], `unknown field (expected one of: ${allowed.join(', ')})`);
    }
  }
  text(value: Obj, key: string, path: readonly Segment[], what: string, optional = false): void {
    const v = value[key];
    if (optional && v === undefined) return;
    if (!isNonEmptyString(v)) this.error([...path, key], `${describe(v)}; expected ${what} (non-empty text)`);
  }
  id(v: unknown, path: readonly Segment[], what: string): v is string {
    if (typeof v !== 'string' || !ID_PATTERN.test(v)) {
      this.error(path, `${describe(v)}; expected ${what} made of ${ID_RULE}`);
      return false;
    }
    return true;
  }
}

const SURVEY_KEYS = ['$schema', 'title', 'publisher', 'year', 'fieldwork', 'sample', 'sources', 'note', 'questions'];
const SOURCE_KEYS = ['id', 'title', 'url', 'provenance', 'note'];
const CHOICE_KEYS = ['id', 'text', 'type', 'base', 'partial', 'sources', 'options', 'results'];
const NUMERIC_KEYS = ['id', 'text', 'type', 'base', 'sources', 'unit', 'results'];

/** Checks a survey file; `file` is how messages name it. */
export function validateSurvey(json: unknown, file: string): SurveyIssue[] {
  const r = new Report(file);
  if (!isObject(json)) {
    r.error([], `expected a JSON object with title, publisher, year, sample, sources and questions`);
    return r.issues;
  }
  r.unknownKeys(json, [], SURVEY_KEYS);
  r.text(json, 'title', [], 'the survey title');
  r.text(json, 'publisher', [], 'who published the survey');
  r.text(json, 'note', [], 'a note about the survey', true);
  if (!Number.isInteger(json.year) || (json.year as number) < 1900 || (json.year as number) > 2100) {
    r.error(['year'], `${describe(json.year)}; expected the year of publication as a number, e.g. 2010`);
  }
  checkFieldwork(r, json.fieldwork);

  let n: number | undefined;
  if (!isObject(json.sample)) {
    r.error(['sample'], `${describe(json.sample)}; expected { "n": <respondents>, "population": "<who was asked>" }`);
  } else {
    r.unknownKeys(json.sample, ['sample'], ['n', 'population']);
    if (isPositiveInteger(json.sample.n)) n = json.sample.n;
    else r.error(['sample', 'n'], `${describe(json.sample.n)}; expected the number of respondents (a whole number above 0)`);
    r.text(json.sample, 'population', ['sample'], 'who was asked');
  }

  const sourceIds = checkSources(r, json.sources);

  if (!Array.isArray(json.questions) || json.questions.length === 0) {
    r.error(['questions'], `${describe(json.questions)}; expected a list of at least one question`);
    return r.issues;
  }
  const seen = new Map<string, number>();
  json.questions.forEach((q, i) => {
    const path = ['questions', i];
    if (!isObject(q)) {
      r.error(path, `${describe(q)}; expected a question object`);
      return;
    }
    if (r.id(q.id, [...path, 'id'], 'a question id')) {
      const first = seen.get(q.id);
      if (first !== undefined) r.error([...path, 'id'], `"${q.id}" is already the id of questions[${first}]; expected unique question ids`);
      else seen.set(q.id, i);
    }
    checkQuestion(r, q, path, n, sourceIds);
  });
  // Questions without a base each warn about a small sample.n: say it once.
  return r.issues.filter((issue, i, all) => all.findIndex((o) => o.path === issue.path && o.message === issue.message) === i);
}

function checkFieldwork(r: Report, fieldwork: unknown): void {
  if (fieldwork === undefined) return;
  if (!isObject(fieldwork)) {
    r.error(['fieldwork'], `${describe(fieldwork)}; expected { "start": "YYYY-MM-DD", "end": "YYYY-MM-DD" }`);
    return;
  }
  r.unknownKeys(fieldwork, ['fieldwork'], ['start', 'end']);
  const ok = (key: 'start' | 'end') => {
    const v = fieldwork[key];
    if (typeof v === 'string' && DAY_OR_MONTH.test(v)) return true;
    r.error(['fieldwork', key], `${describe(v)}; expected a day (YYYY-MM-DD) or, when only the month is known, YYYY-MM`);
    return false;
  };
  const startOk = ok('start');
  const endOk = ok('end');
  // Same-length ISO strings compare in date order; a month compares with its own days by prefix.
  if (startOk && endOk && (fieldwork.start as string) > (fieldwork.end as string) && !(fieldwork.start as string).startsWith(fieldwork.end as string)) {
    r.error(['fieldwork'], `starts ${String(fieldwork.start)} after it ends ${String(fieldwork.end)}; expected start <= end`);
  }
}

/** Returns the declared source ids (for questions' `sources`). */
function checkSources(r: Report, sources: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(sources) || sources.length === 0) {
    r.error(['sources'], `${describe(sources)}; expected a list of at least one source { "title", "url", "provenance" }`);
    return ids;
  }
  sources.forEach((s, i) => {
    const path = ['sources', i];
    if (!isObject(s)) {
      r.error(path, `${describe(s)}; expected { "title", "url", "provenance" }`);
      return;
    }
    r.unknownKeys(s, path, SOURCE_KEYS);
    if (s.id !== undefined && r.id(s.id, [...path, 'id'], 'a source id')) {
      if (ids.has(s.id)) r.error([...path, 'id'], `"${s.id}" is used by another source; expected unique source ids`);
      ids.add(s.id);
    }
    r.text(s, 'title', path, 'the title of the article or report');
    r.text(s, 'note', path, 'a note about the source', true);
    if (typeof s.url !== 'string' || !/^https?:\/\/[^\s]+$/.test(s.url) || !URL.canParse(s.url)) {
      r.error([...path, 'url'], `${describe(s.url)}; expected the address where the figures were read (http:// or https://)`);
    }
    if (!PROVENANCES.includes(s.provenance as never)) {
      r.error(
        [...path, 'provenance'],
        `${describe(s.provenance)}; expected "read" (the publisher's own text), "press" (news coverage) or "secondhand" (a third party's summary)`,
      );
    }
  });
  return ids;
}

function checkQuestion(r: Report, q: Obj, path: Segment[], n: number | undefined, sourceIds: Set<string>): void {
  r.text(q, 'text', path, 'the question as asked');
  const type = q.type;
  if (type !== 'single' && type !== 'multi' && type !== 'numeric') {
    r.error([...path, 'type'], `${describe(type)}; expected "single" (one answer), "multi" (several answers) or "numeric" (a number)`);
    return;
  }
  r.unknownKeys(q, path, type === 'numeric' ? NUMERIC_KEYS : CHOICE_KEYS);

  if (q.base !== undefined) {
    if (!isPositiveInteger(q.base)) {
      r.error([...path, 'base'], `${describe(q.base)}; expected the number of respondents the percentages are of (a whole number above 0), or no "base"`);
    } else {
      if (n !== undefined && q.base > n) r.error([...path, 'base'], `${q.base} is more than sample.n (${n}); expected base <= sample.n`);
      if (q.base < SMALL_BASE) {
        r.warn([...path, 'base'], `${q.base} respondents is a small sample (under ${SMALL_BASE}); the page marks it "소표본"`);
      }
    }
  } else if (n !== undefined && n < SMALL_BASE) {
    r.warn(['sample', 'n'], `${n} respondents is a small sample (under ${SMALL_BASE}); the page marks it "소표본"`);
  }

  if (q.sources !== undefined) {
    if (!Array.isArray(q.sources) || q.sources.length === 0) {
      r.error([...path, 'sources'], `${describe(q.sources)}; expected a list of source ids, or no "sources" (all sources)`);
    } else {
      q.sources.forEach((s, i) => {
        if (typeof s !== 'string' || !sourceIds.has(s)) {
          r.error([...path, 'sources', i], `${describe(s)} is not a source id (known: ${[...sourceIds].join(', ') || 'none; give the sources an "id"'})`);
        }
      });
    }
  }

  if (type === 'numeric') checkNumeric(r, q, path);
  else checkChoice(r, q, type, path);
}

function checkNumeric(r: Report, q: Obj, path: Segment[]): void {
  r.text(q, 'unit', path, 'the unit of the number, e.g. "명" or "개"');
  if (!isObject(q.results)) {
    r.error([...path, 'results'], `${describe(q.results)}; expected { "mean": <number> } and/or { "median": <number> }`);
    return;
  }
  const keys = Object.keys(q.results);
  if (keys.length === 0) r.error([...path, 'results'], `is empty; expected "mean" and/or "median"`);
  for (const key of keys) {
    const v = q.results[key];
    if (!NUMERIC_STATS.includes(key as never)) r.error([...path, 'results', key], `unknown statistic; expected "mean" or "median"`);
    else if (!isFiniteNumber(v) || v < 0) r.error([...path, 'results', key], `${describe(v)}; expected a number of ${String(q.unit ?? 'units')}, 0 or more`);
  }
}

function checkChoice(r: Report, q: Obj, type: 'single' | 'multi', path: Segment[]): void {
  if (q.partial !== undefined && typeof q.partial !== 'boolean') {
    r.error([...path, 'partial'], `${describe(q.partial)}; expected true (only some answers were reported) or false`);
  }
  const partial = q.partial === true;
  const optionIds = new Set<string>();
  if (!Array.isArray(q.options) || q.options.length === 0) {
    r.error([...path, 'options'], `${describe(q.options)}; expected a list of at least one option { "id", "label" }`);
  } else {
    q.options.forEach((o, i) => {
      const op = [...path, 'options', i];
      if (!isObject(o)) {
        r.error(op, `${describe(o)}; expected { "id", "label" }`);
        return;
      }
      r.unknownKeys(o, op, ['id', 'label']);
      if (r.id(o.id, [...op, 'id'], 'an option id')) {
        if (optionIds.has(o.id)) r.error([...op, 'id'], `"${o.id}" is already an option of this question; expected unique option ids`);
        optionIds.add(o.id);
      }
      r.text(o, 'label', op, 'the answer as shown to readers');
    });
  }

  const rp = [...path, 'results'];
  if (!isObject(q.results)) {
    r.error(rp, `${describe(q.results)}; expected { "<option id>": <percentage 0-100>, ... }`);
    return;
  }
  let sum = 0;
  let sumValid = true;
  for (const [key, v] of Object.entries(q.results)) {
    if (!optionIds.has(key)) {
      r.error([...rp, key], `"${key}" is not an option of this question (options: ${[...optionIds].join(', ') || 'none'})`);
    }
    if (!isFiniteNumber(v) || v < 0 || v > 100) {
      r.error([...rp, key], `${describe(v)}; expected a percentage of the base between 0 and 100`);
      sumValid = false;
    } else {
      sum += v;
    }
  }
  if (!partial) {
    for (const id of optionIds) {
      if (!(id in q.results)) r.error([...rp], `option "${id}" has no share; expected a share for every option, or set "partial": true`);
    }
  }
  if (type === 'single' && sumValid) {
    const total = sum.toFixed(1);
    if (!partial && Math.abs(sum - 100) > SUM_TOLERANCE) {
      r.error(rp, `shares of a single-choice question sum to ${total} (expected 100 +/- ${SUM_TOLERANCE}, or set "partial": true)`);
    } else if (partial && sum > 100 + SUM_TOLERANCE) {
      r.error(rp, `shares of a single-choice question sum to ${total}; expected at most 100 (+${SUM_TOLERANCE} for rounding)`);
    }
  }
}

const BENCHMARK_KEYS = ['$schema', 'survey', 'organization', 'asOf', 'answers', 'notes'];

/**
 * Checks a benchmark file against its survey. `survey` is the parsed survey JSON, or undefined
 * when content/surveys/<id>.json does not exist (then `knownSurveys` lists the ids that do).
 */
export function validateBenchmark(json: unknown, survey: unknown, file: string, knownSurveys: string[] = []): SurveyIssue[] {
  const r = new Report(file);
  if (!isObject(json)) {
    r.error([], 'expected a JSON object with survey, organization, asOf and answers');
    return r.issues;
  }
  r.unknownKeys(json, [], BENCHMARK_KEYS);
  if (!isNonEmptyString(json.survey)) {
    r.error(['survey'], `${describe(json.survey)}; expected the id of a survey (a file name in content/surveys/ without .json)`);
  } else if (survey === undefined) {
    r.error(
      ['survey'],
      `"${json.survey}" is not a survey (known: ${knownSurveys.join(', ') || 'none'}). Add content/surveys/${json.survey}.json or fix the id.`,
    );
  }
  r.text(json, 'organization', [], 'the name of the organisation that answered');
  if (typeof json.asOf !== 'string' || !DAY.test(json.asOf)) {
    r.error(['asOf'], `${describe(json.asOf)}; expected the day the answers describe (YYYY-MM-DD)`);
  }

  // Questions by id; a survey that is itself broken is reported in its own file.
  const questions = new Map<string, Obj>();
  if (isObject(survey) && Array.isArray(survey.questions)) {
    for (const q of survey.questions) if (isObject(q) && typeof q.id === 'string') questions.set(q.id, q);
  }
  const known = () => [...questions.keys()].join(', ') || 'none';
  const surveyId = typeof json.survey === 'string' ? json.survey : '?';

  if (!isObject(json.answers)) {
    r.error(['answers'], `${describe(json.answers)}; expected { "<question id>": <answer>, ... }`);
  } else if (survey !== undefined) {
    for (const [qid, answer] of Object.entries(json.answers)) {
      const path = ['answers', qid];
      const q = questions.get(qid);
      if (!q) {
        r.error(path, `"${qid}" is not a question of survey "${surveyId}" (questions: ${known()})`);
        continue;
      }
      checkAnswer(r, q, answer, path);
    }
  }
  if (json.notes !== undefined) {
    if (!isObject(json.notes)) {
      r.error(['notes'], `${describe(json.notes)}; expected { "<question id>": "<note>", ... }`);
    } else {
      for (const [qid, note] of Object.entries(json.notes)) {
        if (survey !== undefined && !questions.has(qid)) r.error(['notes', qid], `"${qid}" is not a question of survey "${surveyId}" (questions: ${known()})`);
        if (!isNonEmptyString(note)) r.error(['notes', qid], `${describe(note)}; expected the note as text`);
      }
    }
  }
  return r.issues;
}

function checkAnswer(r: Report, q: Obj, answer: unknown, path: Segment[]): void {
  const options = Array.isArray(q.options) ? q.options.filter(isObject).map((o) => o.id).filter((id): id is string => typeof id === 'string') : [];
  const list = options.join(', ') || 'none';
  switch (q.type) {
    case 'single':
      if (typeof answer !== 'string') r.error(path, `${describe(answer)}; expected one option id of this single-choice question (options: ${list})`);
      else if (!options.includes(answer)) r.error(path, `"${answer}" is not an option of question "${String(q.id)}" (options: ${list})`);
      break;
    case 'multi':
      if (!Array.isArray(answer) || answer.length === 0) {
        r.error(path, `${describe(answer)}; expected a list of option ids of this multi-choice question, e.g. ["${options[0] ?? 'a'}"] (options: ${list})`);
        break;
      }
      answer.forEach((a, i) => {
        if (typeof a !== 'string' || !options.includes(a)) r.error([...path, i], `${describe(a)} is not an option of question "${String(q.id)}" (options: ${list})`);
        else if (answer.indexOf(a) !== i) r.error([...path, i], `"${a}" is listed twice; expected each option once`);
      });
      break;
    case 'numeric':
      if (!isFiniteNumber(answer) || answer < 0) r.error(path, `${describe(answer)}; expected a number of ${String(q.unit ?? 'units')}, 0 or more`);
      break;
    default:
      // The survey's own check reports an unknown question type.
      break;
  }
}

