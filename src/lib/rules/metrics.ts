/**
 * The rules of the manager's monthly log, content/metrics/<YYYY-MM>.json, and of the survey figures
 * src/site.config.ts asks the operations report to show. Run by checkContent (./content.ts) in every
 * build, `npm run dev` and `npm run check`, and by `npm run report` before it counts anything.
 *
 * A month file: its schema (src/lib/operations/log-schema.ts: known keys only, counts whole and not
 * negative, percentages up to 100), then the rules the schema cannot see:
 * - the month has ended in the site's time zone (the log holds month-end figures; a month still
 *   running or in the future is refused);
 * - `countedFrom` is a day of that month;
 * - a file named like a month ("2010-07.json") holds that month;
 * - no month is logged twice.
 * Every problem names the file, its line and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import site from '../../site.config.ts';
import { displayPath } from '../content-dir.ts';
import { dayNumber, daysInMonth, monthHasEnded, monthLabel, monthOf } from '../operations/calendar.ts';
import { LOG_META_KEYS, metricFields, type MetricField } from '../operations/fields.ts';
import { DAY_PATTERN, expectedFor, metricsFileSchema, MONTH_PATTERN, type MetricsMonthFile } from '../operations/log-schema.ts';
import type { LogEntry } from '../operations/report.ts';
import { jsonErrorLine, jsonPathLines, lineOfPath } from './json-lines.ts';
import type { Problem } from './problems.ts';
import type { SiteConfig } from './site-config.ts';
import { lineOf, SITE_CONFIG_FILE } from './site-config.ts';
import { nearest } from './suggest.ts';

export const METRICS_FOLDER = 'metrics';

export interface MetricsCheckOptions {
  contentDir: string;
  /** For src/site.config.ts's text (the lines of `operations.compare`). */
  projectRoot: string;
  now: Date;
  /** The site config; src/site.config.ts when absent (tests pass their own). */
  config?: Pick<SiteConfig, 'timeZone' | 'operations'>;
  /** The text of the config file, for line numbers; src/site.config.ts's own when `config` is absent. */
  configSource?: string;
  /**
   * Warn about a survey `operations.compare` names that the content does not have (`npm run report`
   * does). Off in builds and `npm run check`: the page leaves it out, and an owner who replaced the
   * example surveys is not told so on every build.
   */
  warnMissingSurveys?: boolean;
}

export interface MetricsCheck {
  problems: Problem[];
  /** The month files without errors, by month. */
  entries: LogEntry[];
}

const KIND = 'metrics';

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** What was found in a figure or key that broke the schema, and how to fix it. */
function explain(key: string, value: unknown, field: MetricField | undefined): Pick<Problem, 'message' | 'fix'> {
  if (value === undefined) return { message: '필드가 없습니다.', fix: `"${key}"을(를) 쓰세요.` };
  if (value === null) return { message: 'null입니다.', fix: '기록하지 못한 수치는 줄을 지우세요. 페이지에 "기록 없음"으로 보입니다.' };
  if (field) {
    if (typeof value === 'string') {
      return {
        message: `${show(value)}은(는) 따옴표로 감싼 글자입니다.`,
        fix: `따옴표와 쉼표 없이 숫자만 쓰세요 (예: ${Number(value.replace(/[^\d.]/g, '')) || 1480}).`,
      };
    }
    if (typeof value !== 'number') return { message: `${show(value)}은(는) 숫자가 아닙니다.`, fix: '숫자만 쓰세요.' };
    if (value < 0) return { message: `${value}입니다. 음수는 기록할 수 없습니다.`, fix: '서비스 통계에서 다시 확인해 0 이상의 수를 쓰세요.' };
    if (field.kind === 'count' && !Number.isInteger(value)) return { message: `${value}입니다. 개수는 정수입니다.`, fix: '소수점 없이 쓰세요.' };
    if (field.kind === 'percent' && value > 100)
      return { message: `${value}입니다. 비율은 100을 넘을 수 없습니다.`, fix: '0에서 100 사이의 %로 쓰세요 (37%는 37).' };
    return { message: `${show(value)}입니다.` };
  }
  if (key === 'month') {
    return typeof value === 'string'
      ? { message: `${show(value)}은(는) 달 형식이 아닙니다.`, fix: '"2010-06"처럼 네 자리 연도, "-", 두 자리 달로 쓰세요.' }
      : { message: `${show(value)}은(는) 글자가 아닙니다.`, fix: '"2010-06"처럼 큰따옴표로 감싸 쓰세요.' };
  }
  if (key === 'countedFrom') return { message: `${show(value)}은(는) 날짜 형식이 아닙니다.`, fix: '"2010-06-14"처럼 큰따옴표로 감싸 쓰세요.' };
  return { message: typeof value === 'string' && value.trim() === '' ? '비어 있습니다.' : `${show(value)}입니다.`, fix: '메모가 없으면 "note" 줄을 지우세요.' };
}

interface MonthFile {
  name: string;
  file: string;
  text: string;
  json?: unknown;
}

function readMonthFiles(dir: string, problems: Problem[]): MonthFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_') && !name.startsWith('.'))
    .sort()
    .map((name) => {
      const file = displayPath(join(dir, name));
      const text = readFileSync(join(dir, name), 'utf8');
      try {
        return { name, file, text, json: JSON.parse(text) as unknown };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push({
          kind: KIND,
          file,
          ...jsonErrorLine(message, text),
          severity: 'error',
          message: `JSON 문법 오류: ${message}`,
          expected: '올바른 JSON',
          fix: '쉼표(항목 사이에 하나, 마지막 항목 뒤에는 없음), 모든 키와 글자를 감싼 큰따옴표, 닫는 괄호를 확인하세요.',
        });
        return { name, file, text };
      }
    });
}

/** The log's files: every problem, and the valid months. */
export function checkMetrics(options: MetricsCheckOptions): MetricsCheck {
  const config = options.config ?? site;
  const fields = metricFields(config.operations?.fields);
  const schema = metricsFileSchema(config.operations?.fields);
  const allowed = [...LOG_META_KEYS, ...fields.map((f) => f.id)];
  const problems: Problem[] = [];
  const entries: LogEntry[] = [];
  const seen = new Map<string, string>();
  const currentMonth = monthOf(options.now, config.timeZone);
  for (const month of readMonthFiles(join(options.contentDir, METRICS_FOLDER), problems)) {
    if (month.json === undefined) continue;
    const lines = jsonPathLines(month.text);
    const own: Problem[] = [];
    const add = (field: string | undefined, found: Pick<Problem, 'message' | 'fix' | 'suggestion'>, expected?: string) =>
      own.push({ kind: KIND, file: month.file, line: lineOfPath(lines, field ?? ''), field, severity: 'error', expected, ...found });
    if (typeof month.json !== 'object' || month.json === null || Array.isArray(month.json)) {
      add(
        undefined,
        { message: '파일이 { } 묶음이 아닙니다.', fix: '{ "month": "2010-06", "followers": 310, ... }처럼 쓰세요.' },
        '한 달의 기록 { "month", 수치들 }',
      );
      problems.push(...own);
      continue;
    }
    const json = month.json as Record<string, unknown>;
    const result = schema.safeParse(json);
    for (const issue of result.success ? [] : result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          add(
            key,
            {
              message: `${JSON.stringify(key)}: 알 수 없는 항목입니다.`,
              fix: '철자를 고치세요. 새 항목이면 src/site.config.ts의 operations.fields에 먼저 적으세요.',
              suggestion: nearest(key, allowed),
            },
            `쓸 수 있는 항목: ${allowed.join(', ')}`,
          );
        }
        continue;
      }
      const key = String(issue.path[0] ?? '');
      if (own.some((p) => p.field === key)) continue;
      add(
        key || undefined,
        explain(
          key,
          json[key],
          fields.find((f) => f.id === key),
        ),
        expectedFor(key, fields),
      );
    }
    // Rules between the month, the day, the file name, the clock and the other files.
    const value = json.month;
    if (typeof value === 'string' && MONTH_PATTERN.test(value)) {
      if (!monthHasEnded(value, options.now, config.timeZone)) {
        const future = value > currentMonth;
        add(
          'month',
          {
            message: future ? `${monthLabel(value)}은(는) 아직 오지 않은 달입니다.` : `${monthLabel(value)}은(는) 아직 끝나지 않은 달입니다.`,
            fix: future ? 'month를 기록한 달로 고치세요.' : '달이 끝난 뒤에 월말 수치로 파일을 만드세요.',
          },
          `끝난 달 (기록은 월말 수치이므로, 이번 달 ${monthLabel(currentMonth)}은 다음 달 1일부터 씁니다)`,
        );
      }
      const stem = month.name.slice(0, -'.json'.length);
      if (MONTH_PATTERN.test(stem) && stem !== value) {
        add(
          'month',
          { message: `파일 이름은 ${stem}인데 month는 "${value}"입니다.`, fix: '지난달 파일을 복사했다면 month를 고치고, 아니면 파일 이름을 고치세요.' },
          '파일 이름과 같은 달',
        );
      }
      const first = seen.get(value);
      if (first !== undefined) {
        add(
          'month',
          { message: `${monthLabel(value)}은(는) ${first}에도 기록되어 있습니다.`, fix: '한 달에 파일 하나만 두세요. 둘 중 하나를 지우거나 month를 고치세요.' },
          '달마다 파일 하나',
        );
      } else seen.set(value, month.file);
      const from = json.countedFrom;
      if (typeof from === 'string' && DAY_PATTERN.test(from)) {
        const day = Number(from.slice(8, 10));
        if (from.slice(0, 7) !== value || day > daysInMonth(value) || Number.isNaN(dayNumber(from))) {
          add(
            'countedFrom',
            {
              message: `${from}은(는) ${monthLabel(value)}의 날이 아닙니다.`,
              fix: `"${value}-14"처럼 ${monthLabel(value)} 안의 날짜로 고치거나, 한 달을 다 셌으면 줄을 지우세요.`,
            },
            `${value}-01부터 ${value}-${daysInMonth(value)} 사이의 날`,
          );
        }
      }
    }
    problems.push(...own);
    if (own.length === 0 && result.success) entries.push({ file: month.file, data: result.data as MetricsMonthFile });
  }
  problems.push(...comparisonProblems(options, config));
  entries.sort((a, b) => a.data.month.localeCompare(b.data.month));
  return { problems, entries };
}

/**
 * The line of `key` in the i-th entry of `operations.compare`: entries differ in their keys
 * (question or quote), so the entry is found by its `survey`, which each has, then the key from
 * there to the next entry. The entry's line when the key is not written plainly.
 */
function entryKeyLine(source: string, index: number, key: string): number | undefined {
  const start = lineOf(source, ['operations', 'compare', index, 'survey']);
  if (start === undefined || key === 'survey') return start;
  const lines = source.split('\n');
  const pattern = new RegExp(`(?:^|[{,\\s])['"]?${key}['"]?\\s*:`);
  for (let i = start - 1; i < lines.length; i++) {
    if (i > start - 1 && /(?:^|[{,\s])['"]?survey['"]?\s*:/.test(lines[i]!)) break;
    if (pattern.test(lines[i]!)) return i + 1;
  }
  return start;
}

/**
 * The survey figures `operations.compare` names: a survey the content does not have is left out of
 * the page, without a word in builds (an owner who replaced the example content still builds,
 * without noise) and with a warning from `npm run report` when the site has other surveys (a typo);
 * a question that
 * survey does not have, or a quote its notes do not hold word for word, is an error, since the page
 * would show a figure without its source.
 */
function comparisonProblems(options: MetricsCheckOptions, config: Pick<SiteConfig, 'operations'>): Problem[] {
  const compare = config.operations?.compare ?? [];
  if (compare.length === 0) return [];
  let source = options.configSource;
  if (source === undefined && options.config === undefined) {
    try {
      source = readFileSync(fileURLToPath(new URL('../../site.config.ts', import.meta.url)), 'utf8');
    } catch {
      source = undefined;
    }
  }
  const dir = join(options.contentDir, 'surveys');
  const ids = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.json') && !n.startsWith('_'))
        .map((n) => n.slice(0, -'.json'.length))
        .sort()
    : [];
  // A site without surveys shows none: nothing to warn about (an owner who replaced the example content).
  if (ids.length === 0) return [];
  const problems: Problem[] = [];
  compare.forEach((entry, i) => {
    const at = (key: string): Pick<Problem, 'file' | 'line' | 'field' | 'kind'> => ({
      kind: KIND,
      file: SITE_CONFIG_FILE,
      line: source ? entryKeyLine(source, i, key) : undefined,
      field: `operations.compare[${i}].${key}`,
    });
    if (!ids.includes(entry.survey)) {
      if (!options.warnMissingSurveys) return;
      problems.push({
        ...at('survey'),
        severity: 'warning',
        message: `조사 "${entry.survey}"이(가) ${displayPath(dir)}/에 없어 운영 현황 페이지에서 빠집니다.`,
        expected: `있는 조사: ${ids.join(', ')}`,
        fix: 'id의 철자를 고치거나 이 항목을 지우세요.',
        suggestion: nearest(entry.survey, ids),
      });
      return;
    }
    let survey: { note?: unknown; sources?: { note?: unknown }[]; questions?: { id?: unknown }[] } | undefined;
    try {
      survey = JSON.parse(readFileSync(join(dir, `${entry.survey}.json`), 'utf8')) as typeof survey;
    } catch {
      return; // the survey check reports it
    }
    if (entry.question !== undefined) {
      const questions = (survey?.questions ?? []).map((q) => q?.id).filter((id): id is string => typeof id === 'string');
      if (!questions.includes(entry.question)) {
        problems.push({
          ...at('question'),
          severity: 'error',
          message: `조사 "${entry.survey}"에 문항 "${entry.question}"이(가) 없습니다.`,
          expected: `그 조사의 문항: ${questions.join(', ')}`,
          fix: '문항 id의 철자를 고치세요.',
          suggestion: nearest(entry.question, questions),
        });
      }
    }
    if (entry.quote !== undefined) {
      const quote = entry.quote.trim();
      const notes = [survey?.note, ...(survey?.sources ?? []).map((s) => s?.note)].filter((n): n is string => typeof n === 'string');
      if (!notes.some((n) => n.includes(quote))) {
        problems.push({
          ...at('quote'),
          severity: 'error',
          message: `"${quote}"은(는) 조사 "${entry.survey}"의 note에 없는 글귀입니다.`,
          expected: '조사 파일의 note(또는 출처의 note)에 한 글자도 다르지 않게 있는 글귀: 페이지는 이 글귀를 조사의 출처와 함께 인용합니다',
          fix: `${displayPath(dir)}/${entry.survey}.json의 note에서 글귀를 그대로 복사하세요.`,
        });
      }
    }
  });
  return problems;
}
