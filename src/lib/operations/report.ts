/**
 * The social-media manager's report, computed once for both readers of it: the /about/operations/
 * page (src/data/operations.ts gives it the collections) and `npm run report` (./read.ts gives it
 * the files). Pure: posts, the monthly log, surveys and the site's targets in, every figure out,
 * each with the text both show, so the page and the terminal cannot disagree.
 *
 * Rules:
 * - a post counts when the publishing rule (src/lib/publishing.ts) publishes it at `now` and it
 *   came out by `asOf`; drafts and scheduled posts never count;
 * - days are calendar days in the site's time zone; a week runs Monday to Sunday (./calendar.ts);
 * - the window is the `weeks` most recent weeks, the last one being the week of `asOf`, which is
 *   "in progress" until its Sunday has ended: it meets the target once it has enough posts, and
 *   is never counted as missing it;
 * - the weekly average, shares and tweets per day are computed here and labelled so.
 */
import { publishState } from '../publishing.ts';
import { benchmarksFor } from '../surveys/refs.ts';
import { bestProvenance, PROVENANCE_LABELS, questionSources, questionView, type QuestionView } from '../surveys/stats.ts';
import type { Benchmark, Provenance, Survey, SurveySource } from '../surveys/types.ts';
import { surveyQuestionUrl, surveyUrl } from '../urls.ts';
import { dayLabel, dayNumber, dayText, daysInMonth, localDayNumber, monthLabel, monthOf, weekStart, zoneName } from './calendar.ts';
import { formatAmount, formatMetric, NOT_RECORDED, type MetricField, type MetricKind } from './fields.ts';
import { figureOf, type MetricsMonthFile } from './log-schema.ts';

/** The weeks the page shows when the site config does not say. */
export const DEFAULT_WEEKS = 26;

/** Beside which part of the report a survey figure is shown. */
export const BESIDE = ['posts', 'tweets', 'log'] as const;
export type Beside = (typeof BESIDE)[number];

export interface OperationsPost {
  id: string;
  pubDate: Date;
  draft: boolean;
  category: string;
  author: string;
  tweet?: string;
}

export interface LogEntry {
  /** As the manager sees it ("content/metrics/2010-06.json"). */
  file: string;
  data: MetricsMonthFile;
}

export interface Comparison {
  survey: string;
  question?: string;
  quote?: string;
  beside?: Beside;
}

export interface OperationsInput {
  /** What is published: the build time. */
  now: Date;
  /** The report's end (the end of `--month`); `now` when absent, never later than `now`. */
  asOf?: Date;
  timeZone: string;
  weeks: number;
  targets: { postsPerWeek?: number; tweetsPerDay?: number };
  organization: string;
  categories: readonly { id: string; name: string }[];
  authors: readonly { id: string; name: string }[];
  fields: readonly MetricField[];
  posts: readonly OperationsPost[];
  log: readonly LogEntry[];
  compare: readonly Comparison[];
  surveys: readonly { id: string; data: Survey }[];
  benchmarks: readonly { id: string; data: Benchmark }[];
}

export interface WeekRow {
  /** Monday and Sunday, "YYYY-MM-DD". */
  start: string;
  end: string;
  /** "6월 14일 주" */
  label: string;
  posts: number;
  /** Days of the week up to `asOf` (7 unless in progress). */
  days: number;
  inProgress: boolean;
  /** The target was met; null when there is no target, or the week is in progress without it yet. */
  met: boolean | null;
}

export interface Streak {
  /** Weeks in a row up to the newest week (an in-progress week counts once it qualifies). */
  current: number;
  /** The longest run in the window. */
  longest: number;
}

export interface Gap {
  /** Days in a row without a post. */
  days: number;
  from: string;
  to: string;
  /** It runs to `asOf`: still going. */
  ongoing: boolean;
  /** It starts on the window's first day: it may have begun before. */
  fromWindowStart: boolean;
}

export interface CountRow {
  id: string;
  name: string;
  /** Posts in the window, and since the blog began (up to `asOf`). */
  window: number;
  total: number;
}

export interface Share {
  count: number;
  of: number;
  /** Computed; null when `of` is 0. */
  percent: number | null;
  /** "19편 가운데 18편 (94.7%)" */
  display: string;
}

export interface LogFieldInfo {
  id: string;
  label: string;
  kind: MetricKind;
  unit: string;
  core: boolean;
  /** Some month of the log has it. */
  recorded: boolean;
}

export interface LogMonthRow {
  month: string;
  label: string;
  file: string;
  countedFrom?: string;
  /** Days the month's counts cover. */
  days: number;
  note?: string;
  /** Field id -> figure, null when not recorded. */
  values: Record<string, number | null>;
  displays: Record<string, string>;
}

export interface TweetRow {
  month: string;
  label: string;
  tweets: number;
  days: number;
  /** Computed: tweets / days, to one decimal. */
  perDay: number;
  display: string;
  met: boolean | null;
}

interface ComparisonBase {
  beside: Beside;
  survey: { id: string; title: string; publisher: string; year: number; url: string };
  provenance?: Provenance;
  provenanceLabel?: string;
  sources: SurveySource[];
}

export type ComparisonView =
  (ComparisonBase & { kind: 'question'; question: string; url: string; view: QuestionView }) | (ComparisonBase & { kind: 'quote'; quote: string; url: string });

export interface OperationsReport {
  asOf: string;
  /** "YYYY-MM-DD" of `asOf` in `timeZone`. */
  asOfDay: string;
  timeZone: string;
  /** The zone as readers see it ("한국 표준시"). */
  timeZoneName: string;
  organization: string;
  cadence: {
    weeks: number;
    from: string;
    to: string;
    target: number | null;
    /** "주 7편" */
    targetDisplay: string | null;
    rows: WeekRow[];
    total: number;
    days: number;
    /** Computed: posts per 7 days of the window, to one decimal. */
    perWeek: number;
    perWeekDisplay: string;
    /** Complete weeks, and those that met the target (null without one). */
    judgedWeeks: number;
    metWeeks: number | null;
    targetStreak: Streak | null;
    postingStreak: Streak;
    longestGap: Gap | null;
  };
  posts: {
    total: number;
    window: number;
    byCategory: CountRow[];
    byAuthor: CountRow[];
    withTweet: { window: Share; total: Share };
  };
  log: { fields: LogFieldInfo[]; months: LogMonthRow[] };
  tweets: { target: number | null; targetDisplay: string | null; rows: TweetRow[] };
  comparisons: ComparisonView[];
  /** The report in a few sentences: the page's summary and the terminal's first lines. */
  headline: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
/** "3편" */
export const postsText = (n: number, decimals = 0) => `${formatAmount(n, decimals)}편`;
/** "9.2건" */
export const tweetsText = (n: number, decimals = 1) => `${formatAmount(n, decimals)}건`;
const decimalsOf = (n: number) => (Number.isInteger(n) ? 0 : 1);

function share(count: number, of: number): Share {
  const percent = of === 0 ? null : round1((count / of) * 100);
  return { count, of, percent, display: of === 0 ? '글 없음' : `${postsText(of)} 가운데 ${postsText(count)} (${formatAmount(percent!, 1)}%)` };
}

/** Runs of consecutive `true` in `flags` (oldest first): the longest, and the one ending at the newest. */
function streak(flags: readonly (boolean | null)[]): Streak {
  let longest = 0;
  let run = 0;
  for (const flag of flags) {
    run = flag === true ? run + 1 : flag === null ? run : 0;
    longest = Math.max(longest, run);
  }
  let current = 0;
  for (let i = flags.length - 1; i >= 0; i--) {
    const flag = flags[i];
    if (flag === null) continue;
    if (!flag) break;
    current++;
  }
  return { current, longest };
}

function cadence(input: OperationsInput, postDays: number[], asOf: Date) {
  const target = input.targets.postsPerWeek ?? null;
  const today = localDayNumber(asOf, input.timeZone);
  // The day of `asOf` is over when `asOf` is its last instant (the end of a `--month`).
  const lastFullDay = localDayNumber(new Date(asOf.getTime() + 1), input.timeZone) > today ? today : today - 1;
  const first = weekStart(today) - 7 * (input.weeks - 1);
  const perDay = new Map<number, number>();
  for (const day of postDays) if (day >= first && day <= today) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  const rows: WeekRow[] = [];
  for (let start = first; start <= today; start += 7) {
    const end = start + 6;
    let posts = 0;
    for (let d = start; d <= Math.min(end, today); d++) posts += perDay.get(d) ?? 0;
    const inProgress = end > lastFullDay;
    const reached = target !== null && posts >= target;
    rows.push({
      start: dayText(start),
      end: dayText(end),
      // The year on the first week and where it changes: "2010년 12월 27일 주", "1월 3일 주".
      label: `${dayLabel(start, start === first || dayText(start).slice(0, 4) !== dayText(start - 7).slice(0, 4))} 주`,
      posts,
      days: Math.min(end, today) - start + 1,
      inProgress,
      met: target === null ? null : inProgress && !reached ? null : reached,
    });
  }
  const total = rows.reduce((sum, r) => sum + r.posts, 0);
  const days = today - first + 1;
  const perWeek = round1((total / days) * 7);
  const judged = rows.filter((r) => !r.inProgress);
  // The longest run of days without a post, inside the window.
  let longestGap: Gap | null = null;
  let runStart: number | undefined;
  for (let d = first; d <= today + 1; d++) {
    const empty = d <= today && !perDay.has(d);
    if (empty && runStart === undefined) runStart = d;
    if (!empty && runStart !== undefined) {
      const length = d - runStart;
      if (!longestGap || length > longestGap.days) {
        longestGap = { days: length, from: dayText(runStart), to: dayText(d - 1), ongoing: d - 1 === today, fromWindowStart: runStart === first };
      }
      runStart = undefined;
    }
  }
  return {
    weeks: rows.length,
    from: dayText(first),
    to: dayText(today),
    target,
    targetDisplay: target === null ? null : `주 ${postsText(target, decimalsOf(target))}`,
    rows,
    total,
    days,
    perWeek,
    perWeekDisplay: postsText(perWeek, 1),
    judgedWeeks: judged.length,
    metWeeks: target === null ? null : judged.filter((r) => r.met).length,
    targetStreak: target === null ? null : streak(rows.map((r) => r.met)),
    postingStreak: streak(rows.map((r) => (r.posts > 0 ? true : r.inProgress ? null : false))),
    longestGap,
  };
}

function countRows<K extends 'category' | 'author'>(
  key: K,
  known: readonly { id: string; name: string }[],
  all: readonly OperationsPost[],
  inWindow: (p: OperationsPost) => boolean,
  keepEmpty: boolean,
): CountRow[] {
  const rows = new Map<string, CountRow>(known.map((k) => [k.id, { id: k.id, name: k.name, window: 0, total: 0 }]));
  for (const post of all) {
    const id = post[key];
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { id, name: id, window: 0, total: 0 }));
    row.total++;
    if (inWindow(post)) row.window++;
  }
  const list = [...rows.values()].filter((r) => keepEmpty || r.total > 0);
  return keepEmpty ? list : list.sort((a, b) => b.total - a.total || b.window - a.window || a.name.localeCompare(b.name, 'ko'));
}

function logRows(input: OperationsInput, asOfMonth: string): LogMonthRow[] {
  return [...input.log]
    .filter((entry) => entry.data.month <= asOfMonth)
    .sort((a, b) => a.data.month.localeCompare(b.data.month))
    .map(({ file, data }) => {
      const values: Record<string, number | null> = {};
      const displays: Record<string, string> = {};
      for (const field of input.fields) {
        const value = figureOf(data, field.id);
        values[field.id] = value ?? null;
        displays[field.id] = value === undefined ? NOT_RECORDED : formatMetric(field, value);
      }
      const skipped = data.countedFrom ? Number(data.countedFrom.slice(8, 10)) - 1 : 0;
      return {
        month: data.month,
        label: monthLabel(data.month),
        file,
        ...(data.countedFrom ? { countedFrom: data.countedFrom } : {}),
        days: daysInMonth(data.month) - skipped,
        ...(data.note ? { note: data.note } : {}),
        values,
        displays,
      };
    });
}

function comparisons(input: OperationsInput): ComparisonView[] {
  const out: ComparisonView[] = [];
  const seen = new Set<string>();
  for (const entry of input.compare) {
    // A survey the content does not have is left out (the writer checks warn about it); a figure named twice is shown once.
    const survey = input.surveys.find((s) => s.id === entry.survey);
    const key = JSON.stringify([entry.survey, entry.question ?? null, entry.quote?.trim() ?? null]);
    if (!survey || seen.has(key)) continue;
    seen.add(key);
    const base = {
      beside: entry.beside ?? 'log',
      survey: { id: survey.id, title: survey.data.title, publisher: survey.data.publisher, year: survey.data.year, url: surveyUrl(survey.id) },
    };
    if (entry.question !== undefined) {
      const index = survey.data.questions.findIndex((q) => q.id === entry.question);
      if (index < 0) continue;
      const benchmark = benchmarksFor(survey.id, input.benchmarks, input.organization)[0];
      const question = survey.data.questions[index]!;
      const sources = questionSources(survey.data, question);
      const provenance = bestProvenance(sources);
      out.push({
        ...base,
        kind: 'question',
        question: question.id,
        url: surveyQuestionUrl(survey.id, question.id),
        view: questionView(survey.data, index, benchmark?.data),
        sources,
        ...(provenance ? { provenance, provenanceLabel: PROVENANCE_LABELS[provenance] } : {}),
      });
    } else if (entry.quote !== undefined) {
      const quote = entry.quote.trim();
      // The quote's sources: the one whose note holds it, else the survey's (its note speaks for them all).
      const own = survey.data.sources.filter((s) => s.note?.includes(quote));
      if (!own.length && !survey.data.note?.includes(quote)) continue;
      const sources = own.length ? own : survey.data.sources;
      const provenance = bestProvenance(sources);
      out.push({
        ...base,
        kind: 'quote',
        quote,
        url: surveyUrl(survey.id),
        sources,
        ...(provenance ? { provenance, provenanceLabel: PROVENANCE_LABELS[provenance] } : {}),
      });
    }
  }
  return out;
}

/** Every figure of the report. */
export function computeOperations(input: OperationsInput): OperationsReport {
  const asOf = input.asOf && input.asOf.getTime() < input.now.getTime() ? input.asOf : input.now;
  const { timeZone } = input;
  const posts = input.posts.filter((p) => publishState(p, input.now) === 'published' && p.pubDate.getTime() <= asOf.getTime());
  const dayOf = new Map(posts.map((p) => [p, localDayNumber(p.pubDate, timeZone)]));
  const c = cadence(input, [...dayOf.values()], asOf);
  const from = dayNumber(c.from);
  const inWindow = (p: OperationsPost) => dayOf.get(p)! >= from;
  const windowPosts = posts.filter(inWindow);
  const hasTweet = (p: OperationsPost) => (p.tweet ?? '').trim() !== '';
  const asOfMonth = monthOf(asOf, timeZone);
  const months = logRows(input, asOfMonth);
  const tweetTarget = input.targets.tweetsPerDay ?? null;
  const tweetRows: TweetRow[] = months.flatMap((m) => {
    const tweets = m.values.tweets;
    if (tweets === null || tweets === undefined) return [];
    const perDay = round1(tweets / m.days);
    return [
      {
        month: m.month,
        label: m.label,
        tweets,
        days: m.days,
        perDay,
        display: tweetsText(perDay),
        met: tweetTarget === null ? null : tweets / m.days >= tweetTarget,
      },
    ];
  });
  const report: Omit<OperationsReport, 'headline'> = {
    asOf: asOf.toISOString(),
    asOfDay: dayText(localDayNumber(asOf, timeZone)),
    timeZone,
    timeZoneName: zoneName(timeZone),
    organization: input.organization,
    cadence: c,
    posts: {
      total: posts.length,
      window: windowPosts.length,
      byCategory: countRows('category', input.categories, posts, inWindow, true),
      byAuthor: countRows('author', input.authors, posts, inWindow, false),
      withTweet: { window: share(windowPosts.filter(hasTweet).length, windowPosts.length), total: share(posts.filter(hasTweet).length, posts.length) },
    },
    log: {
      fields: input.fields.map((f) => ({
        id: f.id,
        label: f.label,
        kind: f.kind,
        unit: f.unit,
        core: f.core,
        recorded: months.some((m) => m.values[f.id] !== null),
      })),
      months,
    },
    tweets: { target: tweetTarget, targetDisplay: tweetTarget === null ? null : `하루 ${tweetsText(tweetTarget, decimalsOf(tweetTarget))}`, rows: tweetRows },
    comparisons: comparisons(input),
  };
  return { ...report, headline: headline(report) };
}

/** "2010-06-14" -> "2010년 6월 14일" */
const longDay = (day: string) => dayLabel(dayNumber(day), true);

function headline(r: Omit<OperationsReport, 'headline'>): string[] {
  const c = r.cadence;
  const lines = [
    `최근 ${c.weeks}주(${longDay(c.from)} ~ ${longDay(c.to)}) 블로그 글 ${postsText(c.total)}, 주 평균 ${c.perWeekDisplay}(계산값)${c.targetDisplay ? `, 목표 ${c.targetDisplay}` : ''}.`,
  ];
  if (c.targetStreak && c.metWeeks !== null) {
    lines.push(
      `목표를 지킨 주: 끝난 ${c.judgedWeeks}주 가운데 ${c.metWeeks}주, 지금 ${c.targetStreak.current}주 연속, 가장 길게 ${c.targetStreak.longest}주 연속.`,
    );
  }
  lines.push(`글이 있는 주: 지금 ${c.postingStreak.current}주 연속, 가장 길게 ${c.postingStreak.longest}주 연속.`);
  if (c.longestGap) {
    const g = c.longestGap;
    lines.push(
      `글 없이 지난 날이 가장 길게 이어진 때: ${formatAmount(g.days)}일 (${longDay(g.from)} ~ ${longDay(g.to)}${g.ongoing ? ', 기준일까지 이어짐' : ''}${g.fromWindowStart ? ', 기간 시작 전부터일 수 있음' : ''}).`,
    );
  } else lines.push('기간 안에 글이 없던 날이 없습니다.');
  lines.push(`트윗 문구가 있는 글: 최근 ${c.weeks}주 ${r.posts.withTweet.window.display}, 전체 ${r.posts.withTweet.total.display}.`);
  const latest = r.log.months.at(-1);
  if (latest) {
    const figures = r.log.fields.filter((f) => latest.values[f.id] !== null).map((f) => `${f.label} ${latest.displays[f.id]}`);
    lines.push(`최근 기록 ${latest.label}: ${figures.length ? figures.join(', ') : NOT_RECORDED}.`);
    const tweets = r.tweets.rows.at(-1);
    if (tweets?.month === latest.month) {
      lines.push(
        `${latest.label} 하루 트윗 ${tweets.display}(계산값)${r.tweets.targetDisplay ? `, 목표 ${r.tweets.targetDisplay} 이상: ${tweets.met ? '지킴' : '못 미침'}` : ''}.`,
      );
    }
  } else lines.push('월별 기록이 아직 없습니다.');
  return lines;
}

/** The parts of the site config the report reads (src/site.config.ts; tests pass their own). */
export interface OperationsSettings {
  timeZone: string;
  organization: string;
  categories: readonly { id: string; name: string }[];
  operations?: {
    postsPerWeek?: number;
    tweetsPerDay?: number;
    weeks?: number;
    fields?: readonly { id: string; label: string; kind: MetricKind; unit?: string }[];
    compare?: readonly Comparison[];
  };
}

/** The content the report counts, however it was read (collections or files). */
export type OperationsContent = Pick<OperationsInput, 'posts' | 'authors' | 'log' | 'surveys' | 'benchmarks'>;

/**
 * The report's input from the site config and the content: the one place the settings become
 * targets, fields and survey figures, for the page and the command alike.
 */
export function operationsInput(
  settings: OperationsSettings,
  fields: readonly MetricField[],
  content: OperationsContent,
  when: { now: Date; asOf?: Date; weeks?: number },
): OperationsInput {
  const ops = settings.operations ?? {};
  return {
    now: when.now,
    ...(when.asOf ? { asOf: when.asOf } : {}),
    timeZone: settings.timeZone,
    weeks: when.weeks ?? ops.weeks ?? DEFAULT_WEEKS,
    targets: {
      ...(ops.postsPerWeek !== undefined ? { postsPerWeek: ops.postsPerWeek } : {}),
      ...(ops.tweetsPerDay !== undefined ? { tweetsPerDay: ops.tweetsPerDay } : {}),
    },
    organization: settings.organization,
    categories: settings.categories.map((c) => ({ id: c.id, name: c.name })),
    fields,
    compare: ops.compare ?? [],
    ...content,
  };
}
