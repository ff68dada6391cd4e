/**
 * What a reader sees of one question: rows with the same numbers in the chart and the table, the
 * "not reported" remainder, the organisation's answer, the small-sample mark, and Korean wording.
 * Pure, so the page, the MDX components and the tests share one reading of the data.
 */
import {
  SMALL_BASE,
  type Benchmark,
  type BenchmarkAnswer,
  type ChoiceQuestion,
  type NumericQuestion,
  type Provenance,
  type Survey,
  type SurveyQuestion,
  type SurveySource,
} from './types.ts';

export const PROVENANCE_LABELS: Record<Provenance, string> = {
  read: '원문 확인',
  press: '언론 보도 인용',
  secondhand: '재인용(제3자 요약)',
};

/** Shown beside a question whose best source is not the publisher's own text. */
export const PROVENANCE_WARNINGS: Record<Provenance, string | undefined> = {
  read: undefined,
  press: '언론 보도로 전해진 수치',
  secondhand: '제3자 요약에서 재인용한 수치',
};

export const NUMERIC_LABELS = { mean: '평균', median: '중앙값' } as const;
export const NOT_REPORTED_LABEL = '미응답/보고되지 않음';

export type RowKind = 'option' | 'remainder' | 'stat' | 'company';

export interface ResultRow {
  /** Option id, "mean"/"median", or "" for the remainder and the organisation's own number. */
  id: string;
  label: string;
  /** Percentage (choice questions) or number in `unit` (numeric); null when not reported. */
  value: number | null;
  /** `value` as shown, e.g. "31.0%" or "4.2개"; "보고되지 않음" when null. */
  display: string;
  kind: RowKind;
  /** The organisation chose this option (or this is its own number). */
  chosen: boolean;
}

export interface QuestionView {
  question: SurveyQuestion;
  /** 1-based position in the survey, for headings. */
  number: number;
  rows: ResultRow[];
  /** Percent or the numeric unit. */
  unit: string;
  /** Decimals every value of this question is shown with (the source's precision). */
  decimals: number;
  /** Respondents the percentages are of; falls back to the sample size when the question gives none. */
  base?: number;
  baseReported: boolean;
  smallSample: boolean;
  multi: boolean;
  partial: boolean;
  /** Sum of the reported shares (choice questions). */
  total?: number;
  /** Provenance of the best source the figures come from. */
  provenance?: Provenance;
  sources: SurveySource[];
  organization?: string;
  /** Labels of the organisation's answer, e.g. ["블로그", "트위터"] or ["1개"]; empty when it did not answer. */
  answerLabels: string[];
  answerNote?: string;
  /** Screen-reader sentence stating every number of the chart. */
  ariaLabel: string;
  /** Notes under the table: multi-choice, partial, rounding. */
  notes: string[];
}

const PROVENANCE_RANK: Record<Provenance, number> = { read: 0, press: 1, secondhand: 2 };

/** Number of decimals in a value as written in the JSON (66.7 -> 1, 75 -> 0). */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export function formatNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('ko-KR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** The sources a question's figures come from: those it cites, or every source of the survey. */
export function questionSources(survey: Survey, question: SurveyQuestion): SurveySource[] {
  if (!question.sources) return survey.sources;
  return survey.sources.filter((s) => s.id !== undefined && question.sources!.includes(s.id));
}

/** The strongest provenance among sources: a figure read in the publisher's own text counts as read. */
export function bestProvenance(sources: SurveySource[]): Provenance | undefined {
  return [...sources].sort((a, b) => PROVENANCE_RANK[a.provenance] - PROVENANCE_RANK[b.provenance])[0]?.provenance;
}

export function isSmallSample(base: number | undefined): boolean {
  return base !== undefined && base < SMALL_BASE;
}

/** "2010년 3월 1일 ~ 2010년 4월 12일"; months alone when the report gives only months. */
export function formatFieldwork(fieldwork: Survey['fieldwork']): string {
  if (!fieldwork) return '보고되지 않음';
  const one = (value: string) => {
    const [y, m, d] = value.split('-').map(Number);
    return d ? `${y}년 ${m}월 ${d}일` : `${y}년 ${m}월`;
  };
  return fieldwork.start === fieldwork.end ? one(fieldwork.start) : `${one(fieldwork.start)} ~ ${one(fieldwork.end)}`;
}

function answerFor(benchmark: Benchmark | undefined, id: string): BenchmarkAnswer | undefined {
  return benchmark?.answers[id];
}

/** Everything the chart and the table of one question show. */
export function questionView(survey: Survey, index: number, benchmark?: Benchmark): QuestionView {
  const question = survey.questions[index];
  if (!question) throw new Error(`questions[${index}] does not exist`);
  const base = question.base ?? survey.sample.n;
  const sources = questionSources(survey, question);
  const common = {
    question,
    number: index + 1,
    base,
    baseReported: question.base !== undefined,
    smallSample: isSmallSample(base),
    sources,
    provenance: bestProvenance(sources),
    organization: benchmark?.organization,
    answerNote: benchmark?.notes?.[question.id],
  };
  return question.type === 'numeric'
    ? { ...common, ...numericView(question, benchmark) }
    : { ...common, ...choiceView(question, benchmark) };
}

type Specific = Pick<QuestionView, 'rows' | 'unit' | 'decimals' | 'multi' | 'partial' | 'total' | 'answerLabels' | 'ariaLabel' | 'notes'>;

function choiceView(question: ChoiceQuestion, benchmark: Benchmark | undefined): Specific {
  const answer = answerFor(benchmark, question.id);
  const chosen = new Set(typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : []);
  const values = Object.values(question.results);
  const decimals = Math.max(0, ...values.map(decimalsOf));
  const show = (v: number | null) => (v === null ? '보고되지 않음' : `${formatNumber(v, decimals)}%`);
  const rows: ResultRow[] = question.options.map((o) => {
    const value = question.results[o.id] ?? null;
    return { id: o.id, label: o.label, value, display: show(value), kind: 'option', chosen: chosen.has(o.id) };
  });
  const total = values.reduce((a, b) => a + b, 0);
  const multi = question.type === 'multi';
  const partial = question.partial === true;
  // Rounded to the source's precision so 100 - 85.7 shows 14.3, not 14.299999.
  const remainder = Number((100 - total).toFixed(decimals));
  if (!multi && partial && remainder > 0) {
    rows.push({ id: '', label: NOT_REPORTED_LABEL, value: remainder, display: show(remainder), kind: 'remainder', chosen: false });
  }
  const notes: string[] = [];
  if (multi) notes.push('복수 응답: 한 곳이 여러 항목을 고를 수 있어 합계가 100%를 넘을 수 있습니다.');
  if (partial && multi) notes.push('일부 항목만 보고되어 보고된 항목만 싣습니다.');
  if (partial && !multi) {
    notes.push(
      remainder > 0
        ? `일부 항목만 보고되었습니다. 나머지 ${formatNumber(remainder, decimals)}%는 "${NOT_REPORTED_LABEL}"으로 표시합니다.`
        : '일부 항목만 보고되었습니다.',
    );
  }
  notes.push('비율은 출처에 보고된 값 그대로이며, 반올림 때문에 합계가 100%와 조금 다를 수 있습니다.');
  const answerLabels = rows.filter((r) => r.chosen).map((r) => r.label);
  const parts = rows.map((r) => `${r.label} ${r.display}${r.chosen ? ` (${benchmark?.organization ?? ''}의 답)` : ''}`);
  const ariaLabel = `${multi ? '복수 응답 ' : ''}가로 막대 차트. ${question.text}: ${parts.join(', ')}.`;
  return { rows, unit: '%', decimals, multi, partial, total, answerLabels, ariaLabel, notes };
}

function numericView(question: NumericQuestion, benchmark: Benchmark | undefined): Specific {
  const answer = answerFor(benchmark, question.id);
  const own = typeof answer === 'number' ? answer : undefined;
  const stats = (['mean', 'median'] as const).filter((k) => question.results[k] !== undefined);
  const decimals = Math.max(0, ...stats.map((k) => decimalsOf(question.results[k]!)), own === undefined ? 0 : decimalsOf(own));
  // Each number at its own precision: "4.2개" beside "1개", not "1.0개".
  const show = (v: number) => `${formatNumber(v, decimalsOf(v))}${question.unit}`;
  const rows: ResultRow[] = stats.map((k) => {
    const value = question.results[k]!;
    return { id: k, label: `조사 ${NUMERIC_LABELS[k]}`, value, display: show(value), kind: 'stat', chosen: false };
  });
  if (own !== undefined) {
    rows.push({ id: '', label: benchmark!.organization, value: own, display: show(own), kind: 'company', chosen: true });
  }
  const ariaLabel = `가로 막대 차트. ${question.text}: ${rows.map((r) => `${r.label} ${r.display}`).join(', ')}.`;
  return {
    rows,
    unit: question.unit,
    decimals,
    multi: false,
    partial: false,
    answerLabels: own === undefined ? [] : [show(own)],
    ariaLabel,
    notes: ['수치는 출처에 보고된 값 그대로입니다.'],
  };
}

/** What the client script needs to draw one chart; rendered into the page as JSON. */
export interface ChartSpec {
  labels: string[];
  values: number[];
  /** How each bar is coloured: plain, the organisation's answer, or the not-reported remainder. */
  kinds: ('plain' | 'chosen' | 'missing')[];
  unit: string;
  decimals: number;
  /** Axis maximum: 100 for percentages. */
  max?: number;
}

export function chartSpec(view: QuestionView): ChartSpec {
  // Options without a reported share have no bar; the table still lists them.
  const rows = view.rows.filter((r) => r.value !== null);
  return {
    labels: rows.map((r) => (r.chosen && r.kind === 'option' && view.organization ? `${r.label} ◀ ${view.organization}` : r.label)),
    values: rows.map((r) => r.value as number),
    kinds: rows.map((r) => (r.kind === 'remainder' ? 'missing' : r.chosen ? 'chosen' : 'plain')),
    unit: view.unit,
    decimals: view.decimals,
    max: view.unit === '%' ? 100 : undefined,
  };
}

/** Pixel height that fits every bar of a chart; reserved in the page so nothing jumps when it draws. */
export function chartHeight(spec: ChartSpec): number {
  return 48 + spec.labels.length * 34;
}
