/**
 * The operations page's charts as the survey charts draw them (src/components/survey/BarChart.astro,
 * src/lib/surveys/stats.ts's ChartSpec): horizontal bars, each with the words of the table beside
 * it, and a sentence stating every number for screen readers. A target is a bar of its own, first,
 * drawn outlined and hatched ("missing") so it never reads as a count. Pure.
 */
import type { ChartSpec } from '../surveys/stats.ts';
import { formatMetric } from './fields.ts';
import { postsText, tweetsText, type CountRow, type OperationsReport } from './report.ts';

export interface OperationsChart {
  spec: ChartSpec;
  /** Every number of the chart in one sentence (the canvas's aria-label). */
  label: string;
}

interface Bar {
  label: string;
  value: number;
  display: string;
  target?: boolean;
}

function chart(title: string, bars: Bar[], unit: string, decimals: number): OperationsChart {
  return {
    spec: {
      labels: bars.map((b) => b.label),
      values: bars.map((b) => b.value),
      kinds: bars.map((b) => (b.target ? 'missing' : 'plain')),
      displays: bars.map((b) => b.display),
      unit,
      decimals,
    },
    label: `가로 막대 차트. ${title}: ${bars.map((b) => `${b.label} ${b.display}`).join(', ')}.`,
  };
}

/** Posts per week, oldest first, after the target. */
export function weeksChart(r: OperationsReport): OperationsChart {
  const c = r.cadence;
  const target: Bar[] =
    c.target === null
      ? []
      : [{ label: `목표 (${c.targetDisplay})`, value: c.target, display: `${postsText(c.target, Number.isInteger(c.target) ? 0 : 1)} (목표)`, target: true }];
  const weeks = c.rows.map((w) => ({ label: `${w.label}${w.inProgress ? ' (진행 중)' : ''}`, value: w.posts, display: postsText(w.posts) }));
  return chart(`최근 ${c.weeks}주 주별 블로그 글 수`, [...target, ...weeks], '편', 0);
}

/** Posts by category or author since the blog began. */
export function countsChart(title: string, rows: readonly CountRow[]): OperationsChart {
  return chart(
    title,
    rows.map((row) => ({ label: row.name, value: row.total, display: postsText(row.total) })),
    '편',
    0,
  );
}

/** Tweets per day by month, after the target. */
export function tweetsChart(r: OperationsReport): OperationsChart {
  const t = r.tweets;
  const target: Bar[] =
    t.target === null
      ? []
      : [{ label: `목표 (${t.targetDisplay})`, value: t.target, display: `${tweetsText(t.target, Number.isInteger(t.target) ? 0 : 1)} (목표)`, target: true }];
  return chart('달별 하루 트윗 수(계산값)', [...target, ...t.rows.map((row) => ({ label: row.label, value: row.perDay, display: row.display }))], '건', 1);
}

/** One figure of the log over the months that have it, or undefined when none has. */
export function logChart(r: OperationsReport, fieldId: string): OperationsChart | undefined {
  const field = r.log.fields.find((f) => f.id === fieldId);
  if (!field) return undefined;
  const bars = r.log.months.flatMap((m) => {
    const value = m.values[fieldId];
    return value === null || value === undefined ? [] : [{ label: m.label, value, display: formatMetric(field, value) }];
  });
  if (bars.length === 0) return undefined;
  return chart(`달별 ${field.label}`, bars, field.kind === 'percent' ? '%' : field.unit, 0);
}
