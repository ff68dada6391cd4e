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
  type SurveyMethod,
  type SurveyQuestion,
  type SurveySource,
} from './types.ts';

export const PROVENANCE_LABELS: Record<Provenance, string> = {
  read: '원문 확인',
  press: '언론 보도 인용',
  secondhand: '제3자 요약 재인용',
};

/** Shown beside a question whose best source is not the publisher's own text. */
export const PROVENANCE_WARNINGS: Record<Provenance, string | undefined> = {
  read: undefined,
  press: '언론 보도로 전해진 수치',
  secondhand: '제3자 요약에서 재인용한 수치',
};

export const NUMERIC_LABELS = { mean: '평균', median: '중앙값' } as const;
/** The share no answer of the source accounts for: not "no answer", which no source reports. */
export const NOT_REPORTED_LABEL = '보고되지 않은 나머지';
/** Beside a figure the site computed rather than read. */
export const COMPUTED_NOTE = '100%에서 보고된 비율을 뺀 계산값';
export const METHOD_LABELS: Record<SurveyMethod, string> = {
  questionnaire: '설문(응답을 받아 집계)',
  observation: '관찰(계정·자료를 살펴 집계, 응답자 없음)',
};
/** A survey file's defaults, resolved here once: companies or institutions, counted exactly, by questionnaire. */
export const DEFAULT_SAMPLE_UNIT = '곳';

/**
 * - option, stat: a figure the source reports;
 * - complement: the answer the source names for the rest (100 − the reported shares, computed);
 * - remainder: the rest no answer of the source accounts for (computed, never an answer);
 * - company: the organisation's own number on a numeric question.
 */
export type RowKind = 'option' | 'complement' | 'remainder' | 'stat' | 'company';

export function surveyMethod(survey: Survey): SurveyMethod {
  return survey.method ?? 'questionnaire';
}

export const isObservation = (survey: Survey): boolean => surveyMethod(survey) === 'observation';

/** "200명", "403곳", "100개 계정": a count in the survey's own unit. */
export function countIn(survey: Survey, n: number): string {
  return `${formatNumber(n, 0)}${survey.sample.unit ?? DEFAULT_SAMPLE_UNIT}`;
}

/** The sample as the source gives it: "200명", "약 1,900명", "34,000곳 이상". */
export function sampleCount(survey: Survey): string {
  const count = countIn(survey, survey.sample.n);
  switch (survey.sample.nPrecision) {
    case 'about':
      return `약 ${count}`;
    case 'at-least':
      return `${count} 이상`;
    default:
      return count;
  }
}

/** What a base is called: those who answered, or, in an observation, those observed. */
export function baseWord(survey: Survey): string {
  return isObservation(survey) ? '관찰 기준' : '응답 기준';
}

export interface ResultRow {
  /** Option id, "mean"/"median", or "" for the remainder and the organisation's own number. */
  id: string;
  label: string;
  /** Percentage (choice questions) or number in `unit` (numeric); null when not reported. */
  value: number | null;
  /** `value` as shown, e.g. "31.0%", "약 75%" or "4.2개"; "보고되지 않음" when null. */
  display: string;
  kind: RowKind;
  /** The organisation chose this option (or this is its own number). */
  chosen: boolean;
  /** The source gives the figure as approximate ("75% 정도"). */
  approximate: boolean;
  /** The site computed the figure (from the reported ones); `COMPUTED_NOTE` says how. */
  computed: boolean;
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
  /** The number the percentages are of; undefined when the source does not report it. */
  base?: number;
  baseReported: boolean;
  /** "응답 기준 65곳", "관찰 기준 100곳" or "기준 수 보고되지 않음". */
  baseText: string;
  smallSample: boolean;
  /** No base is reported and the figure is secondhand: it may rest on few answers (shown as a warning). */
  possiblySmall: boolean;
  observation: boolean;
  multi: boolean;
  partial: boolean;
  /** Sum of the reported shares (choice questions). */
  total?: number;
  /** Provenance of the best source the figures come from. */
  provenance?: Provenance;
  sources: SurveySource[];
  organization?: string;
  /** Day the organisation's answers describe (YYYY-MM-DD), shown beside the survey's year. */
  answerAsOf?: string;
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
  const base = question.base;
  const sources = questionSources(survey, question);
  const provenance = bestProvenance(sources);
  const observation = isObservation(survey);
  const common = {
    question,
    number: index + 1,
    base,
    baseReported: base !== undefined,
    // A base equal to the sample is the whole sample, as exact as the source gives it ("34,000곳 이상").
    baseText: base === undefined ? '기준 수 보고되지 않음' : `${baseWord(survey)} ${base === survey.sample.n ? sampleCount(survey) : countIn(survey, base)}`,
    // An unreported base is at most the whole sample, so a small sample stays small.
    smallSample: isSmallSample(base ?? survey.sample.n),
    possiblySmall: base === undefined && provenance === 'secondhand' && !isSmallSample(survey.sample.n),
    observation,
    sources,
    provenance,
    organization: benchmark?.organization,
    answerAsOf: benchmark?.asOf,
    answerNote: benchmark?.notes?.[question.id],
  };
  return question.type === 'numeric'
    ? { ...common, ...numericView(question, benchmark) }
    : { ...common, ...choiceView(question, benchmark, observation) };
}

type Specific = Pick<QuestionView, 'rows' | 'unit' | 'decimals' | 'multi' | 'partial' | 'total' | 'answerLabels' | 'ariaLabel' | 'notes'>;

/** "약 75%" for an approximate figure; a computed figure derived from one is approximate too. */
function shown(value: number, decimals: number, unit: string, approximate: boolean): string {
  return `${approximate ? '약 ' : ''}${formatNumber(value, decimals)}${unit}`;
}

function choiceView(question: ChoiceQuestion, benchmark: Benchmark | undefined, observation: boolean): Specific {
  const answer = answerFor(benchmark, question.id);
  const chosen = new Set(typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : []);
  const approximate = new Set(question.approximate ?? []);
  const values = Object.values(question.results);
  const decimals = Math.max(0, ...values.map(decimalsOf));
  const rows: ResultRow[] = question.options.map((o) => {
    const value = question.results[o.id] ?? null;
    const approx = approximate.has(o.id);
    const display = value === null ? '보고되지 않음' : shown(value, decimals, '%', approx);
    return { id: o.id, label: o.label, value, display, kind: 'option', chosen: chosen.has(o.id), approximate: approx, computed: false };
  });
  const total = values.reduce((a, b) => a + b, 0);
  const multi = question.type === 'multi';
  const named = multi ? undefined : question.remainder;
  const partial = question.partial === true || named !== undefined;
  // Rounded to the source's precision so 100 - 85.7 shows 14.3, not 14.299999.
  const rest = Number((100 - total).toFixed(decimals));
  const restApproximate = values.length > 0 && question.options.some((o) => approximate.has(o.id));
  if (!multi && partial && rest > 0) {
    const display = shown(rest, decimals, '%', restApproximate);
    rows.push(
      named
        ? { id: named.id, label: named.label, value: rest, display, kind: 'complement', chosen: chosen.has(named.id), approximate: restApproximate, computed: true }
        : { id: '', label: NOT_REPORTED_LABEL, value: rest, display, kind: 'remainder', chosen: false, approximate: restApproximate, computed: true },
    );
  }
  const notes: string[] = [];
  if (multi) notes.push(`${observation ? '복수 집계: 한 대상이 여러 항목에 해당할 수 있어' : '복수 응답: 여러 항목을 고를 수 있어'} 합계가 100%를 넘을 수 있습니다.`);
  if (partial && multi) notes.push('일부 항목만 보고되어 보고된 항목만 싣습니다.');
  if (partial && !multi && rest > 0) {
    notes.push(
      named
        ? `"${named.label}" ${shown(rest, decimals, '%', restApproximate)}는 출처가 밝힌 나머지 답으로, ${COMPUTED_NOTE}입니다.`
        : `일부 항목만 보고되었습니다. 나머지 ${shown(rest, decimals, '%', restApproximate)}는 출처가 어떤 답인지 밝히지 않아 "${NOT_REPORTED_LABEL}"로 따로 표시했습니다. ${COMPUTED_NOTE}입니다.`,
    );
  } else if (partial && !multi) notes.push('일부 항목만 보고되었습니다.');
  if (rows.some((r) => r.approximate && !r.computed)) notes.push('"약"이 붙은 수치는 출처가 어림값으로 밝힌 것입니다.');
  notes.push('비율은 출처에 보고된 값 그대로이며, 반올림 때문에 합계가 100%와 조금 다를 수 있습니다.');
  const answerLabels = rows.filter((r) => r.chosen).map((r) => r.label);
  const parts = rows.map((r) => `${r.label} ${r.display}${r.computed ? '(계산값)' : ''}${r.chosen ? ` (${benchmark?.organization ?? ''}의 답)` : ''}`);
  const ariaLabel = `${multi ? (observation ? '복수 집계 ' : '복수 응답 ') : ''}가로 막대 차트. ${question.text}: ${parts.join(', ')}.`;
  return { rows, unit: '%', decimals, multi, partial, total, answerLabels, ariaLabel, notes };
}

function numericView(question: NumericQuestion, benchmark: Benchmark | undefined): Specific {
  const answer = answerFor(benchmark, question.id);
  const own = typeof answer === 'number' ? answer : undefined;
  const stats = (['mean', 'median'] as const).filter((k) => question.results[k] !== undefined);
  const decimals = Math.max(0, ...stats.map((k) => decimalsOf(question.results[k]!)), own === undefined ? 0 : decimalsOf(own));
  const approximate = new Set(question.approximate ?? []);
  // Each number at its own precision: "4.2개" beside "1개", not "1.0개".
  const show = (v: number, approx = false) => shown(v, decimalsOf(v), question.unit, approx);
  const rows: ResultRow[] = stats.map((k) => {
    const value = question.results[k]!;
    const approx = approximate.has(k);
    return { id: k, label: `조사 ${NUMERIC_LABELS[k]}`, value, display: show(value, approx), kind: 'stat', chosen: false, approximate: approx, computed: false };
  });
  if (own !== undefined) {
    rows.push({ id: '', label: benchmark!.organization, value: own, display: show(own), kind: 'company', chosen: true, approximate: false, computed: false });
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
    notes: [approximate.size > 0 ? '수치는 출처에 보고된 값 그대로이며, "약"이 붙은 수치는 출처가 어림값으로 밝힌 것입니다.' : '수치는 출처에 보고된 값 그대로입니다.'],
  };
}

/** What the client script needs to draw one chart; rendered into the page as JSON. */
export interface ChartSpec {
  labels: string[];
  values: number[];
  /**
   * How each bar is drawn: plain, the organisation's answer, or the not-reported remainder
   * (outlined and hatched: a share, not an answer).
   */
  kinds: ('plain' | 'chosen' | 'missing')[];
  /** Bar labels' values as the table shows them ("약 75%"). */
  displays: string[];
  unit: string;
  decimals: number;
  /** Axis maximum: 100 for percentages. */
  max?: number;
}

export function chartSpec(view: QuestionView): ChartSpec {
  // Options without a reported share have no bar; the table still lists them.
  const rows = view.rows.filter((r) => r.value !== null);
  return {
    labels: rows.map((r) => (r.chosen && (r.kind === 'option' || r.kind === 'complement') && view.organization ? `${r.label} ◀ ${view.organization}` : r.label)),
    values: rows.map((r) => r.value as number),
    kinds: rows.map((r) => (r.kind === 'remainder' ? 'missing' : r.chosen ? 'chosen' : 'plain')),
    displays: rows.map((r) => r.display),
    unit: view.unit,
    decimals: view.decimals,
    max: view.unit === '%' ? 100 : undefined,
  };
}

/** Pixel height that fits every bar of a chart; reserved in the page so nothing jumps when it draws. */
export function chartHeight(spec: ChartSpec): number {
  return 48 + spec.labels.length * 34;
}
