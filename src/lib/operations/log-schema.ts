/**
 * The contract of one month of the manager's log, content/metrics/<YYYY-MM>.json, as a Zod schema:
 * the metrics collection parses with it (src/content.config.ts) and the writer checks read its
 * issues (src/lib/rules/metrics.ts), which add the rules between files and against "now" (a month
 * that has not ended, the same month twice). Every figure is optional: a figure the manager could
 * not copy is left out and shows as "기록 없음", never as 0.
 */
import { z } from 'astro/zod';
import type { DeclaredField, MetricField, MetricKind } from './fields.ts';

/** "2010-06" */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** "2010-06-14" */
export const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** What each key of a month file expects, for the Korean problem blocks. */
export const LOG_META_HELP: Record<string, string> = {
  month: '기록한 달 "YYYY-MM" (예: "2010-06"), 파일 이름과 같게',
  countedFrom: '그달 가운데 세기 시작한 날 "YYYY-MM-DD" (예: 운영을 시작한 달의 "2010-06-14"). 한 달을 다 셌으면 지우세요',
  note: '그달 기록에 붙일 메모 (빈칸이 아닌 글)',
};

function figureSchema(kind: MetricKind): z.ZodType<number> {
  if (kind === 'count') return z.number().int().min(0);
  if (kind === 'percent') return z.number().min(0).max(100);
  return z.number().min(0);
}

const metaShape = {
  month: z.string().regex(MONTH_PATTERN),
  countedFrom: z.string().regex(DAY_PATTERN).optional(),
  note: z.string().trim().min(1).optional(),
};

/**
 * The six figures every log may hold (CORE_METRIC_FIELDS, written out so their types are known);
 * the declared ones are added by `metricsFileSchema`.
 */
const coreShape = {
  followers: figureSchema('count').optional(),
  tweets: figureSchema('count').optional(),
  mentionsAnswered: figureSchema('count').optional(),
  replyMinutesMedian: figureSchema('minutes').optional(),
  blogVisitors: figureSchema('count').optional(),
  blogSubscribers: figureSchema('count').optional(),
};

const coreSchema = z.strictObject({ ...metaShape, ...coreShape });

/**
 * One month of the log: the month, where counting started, a note, and the six figures. The
 * figures a site declares are read by key with `figureOf`.
 */
export type MetricsMonthFile = z.output<typeof coreSchema>;

/** A month's figure for any field, the six or a declared one; undefined when not recorded. */
export function figureOf(data: MetricsMonthFile, fieldId: string): number | undefined {
  const value = (data as Record<string, unknown>)[fieldId];
  return typeof value === 'number' ? value : undefined;
}

/** The schema of a month file for a site whose config declares `declared` figures. Unknown keys are errors. */
export function metricsFileSchema(declared: readonly DeclaredField[] = []): z.ZodType<MetricsMonthFile> {
  if (declared.length === 0) return coreSchema;
  const extra = Object.fromEntries(declared.map((f) => [f.id, figureSchema(f.kind).optional()]));
  // The declared figures are typed as the six are not: they are read with `figureOf`.
  return z.strictObject({ ...metaShape, ...coreShape, ...extra }) as unknown as z.ZodType<MetricsMonthFile>;
}

/** What a key expects, for a problem naming it. */
export function expectedFor(key: string, fields: readonly MetricField[]): string | undefined {
  if (key in LOG_META_HELP) return LOG_META_HELP[key];
  const field = fields.find((f) => f.id === key);
  if (!field) return undefined;
  const kind =
    field.kind === 'count' ? `0 이상의 정수${field.unit ? ` (${field.unit})` : ''}` : field.kind === 'minutes' ? '0 이상의 분' : '0 이상 100 이하의 비율(%)';
  return `${field.help}: ${kind}`;
}
