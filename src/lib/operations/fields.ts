/**
 * The figures of the monthly log (content/metrics/<YYYY-MM>.json): the six every site has, and the
 * kinds a site may declare more of in src/site.config.ts (`operations.fields`). One list, so the
 * log's schema, its checks, the /about/operations/ page and `npm run report` name, check and show
 * each figure the same way. Pure.
 */

/** How a figure is counted, checked and shown. */
export const METRIC_KINDS = ['count', 'minutes', 'percent'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const METRIC_KIND_HELP: Record<MetricKind, string> = {
  count: '0 이상의 정수 (사람 수, 건수)',
  minutes: '0 이상의 분 (예: 95는 1시간 35분)',
  percent: '0 이상 100 이하의 비율(%)',
};

export interface MetricField {
  /** The JSON key in a month file. */
  id: string;
  /** What readers see ("트위터 팔로워(월말)"). */
  label: string;
  kind: MetricKind;
  /** Unit after a count ("명", "건"); minutes and percentages bring their own. */
  unit: string;
  /** One of the six every site has, or declared by the site config. */
  core: boolean;
  /** What the manager copies into the field, for the error messages and the docs. */
  help: string;
}

/** The six figures of every log, in the order they are shown. */
export const CORE_METRIC_FIELDS: readonly MetricField[] = [
  { id: 'followers', label: '트위터 팔로워(월말)', kind: 'count', unit: '명', core: true, help: '그달 마지막 날의 트위터 팔로워 수' },
  { id: 'tweets', label: '보낸 트윗', kind: 'count', unit: '건', core: true, help: '그달 계정이 올린 트윗 수 (답글과 리트윗 포함)' },
  { id: 'mentionsAnswered', label: '답한 멘션·쪽지', kind: 'count', unit: '건', core: true, help: '그달 답한 멘션과 쪽지 수' },
  { id: 'replyMinutesMedian', label: '멘션 응답 시간(중앙값)', kind: 'minutes', unit: '', core: true, help: '멘션을 받고 답하기까지 걸린 시간의 중앙값(분)' },
  { id: 'blogVisitors', label: '블로그 월 방문자', kind: 'count', unit: '명', core: true, help: '그달 블로그 방문자 수 (블로그 서비스 통계)' },
  { id: 'blogSubscribers', label: '블로그 구독자(월말)', kind: 'count', unit: '명', core: true, help: '그달 마지막 날의 RSS·이메일 구독자 수' },
];

export const CORE_METRIC_IDS: readonly string[] = CORE_METRIC_FIELDS.map((f) => f.id);

/** Keys of a month file that are not figures. */
export const LOG_META_KEYS = ['month', 'countedFrom', 'note'] as const;

/** A figure the site config declares (`operations.fields[i]`). */
export interface DeclaredField {
  id: string;
  label: string;
  kind: MetricKind;
  unit?: string;
}

/** Every figure of a site's log: the six, then the declared ones. */
export function metricFields(declared: readonly DeclaredField[] = []): MetricField[] {
  return [
    ...CORE_METRIC_FIELDS,
    ...declared.map((f) => ({
      id: f.id,
      label: f.label,
      kind: f.kind,
      unit: f.kind === 'count' ? (f.unit ?? '') : '',
      core: false,
      help: `${f.label} (src/site.config.ts의 operations.fields에서 정한 항목)`,
    })),
  ];
}

const formats = new Map<number, Intl.NumberFormat>();
/** "1,480", "6.9": grouped, with exactly `decimals` decimals. */
export function formatAmount(value: number, decimals = 0): string {
  let format = formats.get(decimals);
  if (!format) formats.set(decimals, (format = new Intl.NumberFormat('ko-KR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format.format(value);
}

/** Decimals a value was written with (66.5 -> 1), at most 2. */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(2, text.length - dot - 1);
}

/** "1시간 40분", "52분", "2시간", "30.5분". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${formatAmount(minutes, decimalsOf(minutes))}분`;
  const hours = Math.floor(minutes / 60);
  const rest = Number((minutes - hours * 60).toFixed(2));
  return rest === 0 ? `${formatAmount(hours)}시간` : `${formatAmount(hours)}시간 ${formatAmount(rest, decimalsOf(rest))}분`;
}

/** A figure as readers see it: "1,480명", "1시간 40분", "37%". */
export function formatMetric(field: Pick<MetricField, 'kind' | 'unit'>, value: number): string {
  if (field.kind === 'minutes') return formatMinutes(value);
  if (field.kind === 'percent') return `${formatAmount(value, decimalsOf(value))}%`;
  return `${formatAmount(value, decimalsOf(value))}${field.unit}`;
}

/** Shown where a month has no figure for a field. */
export const NOT_RECORDED = '기록 없음';
