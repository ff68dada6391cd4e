/**
 * Command-line options of `npm run report`. Pure: every mistake comes back as a Korean problem
 * block (src/lib/rules/problems.ts), all at once.
 */
import { parseArgs } from 'node:util';
import { monthLabel, monthOf } from '../../src/lib/operations/calendar.ts';
import { MONTH_PATTERN } from '../../src/lib/operations/log-schema.ts';
import type { Problem } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';

export const COMMAND = 'npm run report';

export const REPORT_USAGE = `사용법: npm run report -- [--json] [--weeks <주 수>] [--month <YYYY-MM>]

  블로그 글(초안과 예약 글은 빼고)과 월별 기록(content/metrics/)으로 운영 현황을 셉니다.
  /about/operations/ 페이지와 같은 계산, 같은 수치입니다.
  --json          표 대신 JSON으로 (주간 메일이나 발표 자료에 붙일 때)
  --weeks <수>    최근 몇 주를 셀지 (1~260, 기본값은 src/site.config.ts의 operations.weeks 또는 26)
  --month <달>    그달 말일 기준으로 셉니다 (예: 2011-06). 없으면 지금(BUILD_TIME) 기준
  한 주는 사이트 시간대(src/site.config.ts의 timeZone)의 월요일부터 일요일까지입니다.
  CONTENT_DIR과 BUILD_TIME을 빌드와 똑같이 따릅니다. "--" 없이 npm run report --json처럼 써도 됩니다.`;

export interface ReportOptions {
  json: boolean;
  weeks?: number;
  month?: string;
}

const FLAGS = {
  json: { type: 'boolean', default: false },
  weeks: { type: 'string' },
  month: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;
const FLAG_NAMES = Object.keys(FLAGS).map((f) => `--${f}`);

/**
 * The options as written, also when npm took them: `npm run report --json --weeks 13` (without the
 * "--" that passes flags on) leaves npm_config_json=true and npm_config_weeks=true in the
 * environment and only "13" in argv. The values are put back by their shape: a whole number is the
 * weeks, "YYYY-MM" the month; `--weeks=13` reaches the environment as the value itself.
 */
export function npmArgs(argv: readonly string[], env: Record<string, string | undefined>): string[] {
  if (env.npm_lifecycle_event !== 'report') return [...argv];
  const positionals = [...argv];
  const out: string[] = [];
  const take = (test: RegExp) => {
    const at = positionals.findIndex((a) => test.test(a));
    return at < 0 ? undefined : positionals.splice(at, 1)[0];
  };
  if (env.npm_config_json === 'true') out.push('--json');
  for (const [name, shape] of [
    ['weeks', /^\d+$/],
    ['month', /^\d{4}-\d{2}$/],
  ] as const) {
    const value = env[`npm_config_${name}`];
    if (value === undefined || value === '') continue;
    const given = value === 'true' ? take(shape) : value;
    out.push(`--${name}`, ...(given === undefined ? [] : [given]));
  }
  if (env.npm_config_help === 'true') out.push('--help');
  return [...out, ...positionals];
}

const problem = (field: string, found: Pick<Problem, 'message'> & Partial<Problem>): Problem => ({
  kind: 'arguments',
  file: COMMAND,
  ...(field ? { field } : {}),
  severity: 'error',
  ...found,
});

/** The options, or every problem at once. Neither: `--help` was asked for. */
export function parseReportArgs(argv: string[], now: Date, timeZone: string): { options?: ReportOptions; errors: Problem[] } {
  const errors: Problem[] = [];
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: false, options: FLAGS, strict: true });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    const flag = /'(?:-\w, )?(-[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      errors.push(
        problem(flag, {
          message: `알 수 없는 옵션 ${flag}입니다.`,
          expected: `쓸 수 있는 옵션: ${FLAG_NAMES.join(', ')}`,
          fix: '철자를 고치세요.',
          suggestion: nearest(flag, FLAG_NAMES),
        }),
      );
    } else if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      errors.push(
        problem('', {
          message: `옵션이 아닌 값이 있습니다: ${/'([^']*)'/.exec(message)?.[1] ?? ''}`,
          expected: '--weeks 26, --month 2011-06처럼 옵션 뒤의 값',
          fix: 'npm run report -- --month 2011-06처럼 "--" 뒤에 옵션을 쓰세요.',
        }),
      );
    } else {
      errors.push(
        problem(flag, {
          message: `${flag}에 값이 없습니다.`,
          expected: flag === '--weeks' ? '1~260의 정수 (예: --weeks 13)' : '"YYYY-MM" 형식의 달 (예: --month 2011-06)',
          fix: '옵션 뒤에 값을 쓰세요.',
        }),
      );
    }
    return { errors };
  }
  const { values } = parsed;
  if (values.help) return { errors };
  const options: ReportOptions = { json: values.json };
  if (values.weeks !== undefined) {
    const weeks = Number(values.weeks);
    if (!/^\d+$/.test(values.weeks.trim()) || weeks < 1 || weeks > 260) {
      errors.push(
        problem('--weeks', {
          message: `"${values.weeks}"은(는) 셀 수 있는 주 수가 아닙니다.`,
          expected: '1 이상 260 이하의 정수',
          fix: '--weeks 26처럼 쓰세요.',
        }),
      );
    } else options.weeks = weeks;
  }
  if (values.month !== undefined) {
    const month = values.month.trim();
    const current = monthOf(now, timeZone);
    if (!MONTH_PATTERN.test(month)) {
      errors.push(
        problem('--month', {
          message: `"${values.month}"은(는) 달 형식이 아닙니다.`,
          expected: '"YYYY-MM" (예: 2011-06)',
          fix: '네 자리 연도, "-", 두 자리 달로 쓰세요.',
        }),
      );
    } else if (month > current) {
      errors.push(
        problem('--month', {
          message: `${monthLabel(month)}은(는) 아직 오지 않은 달입니다 (지금 ${monthLabel(current)}).`,
          expected: `${monthLabel(current)}이나 그 전의 달`,
          fix: '지난달까지의 달을 쓰세요. 이번 달이면 --month 없이 실행하세요.',
        }),
      );
    } else options.month = month;
  }
  return errors.length ? { errors } : { options, errors };
}
