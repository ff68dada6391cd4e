/**
 * The operations report (src/lib/operations/report.ts) on posts and a log with known dates, in the
 * test's own settings (never src/site.config.ts's targets or content/): exact counts per week in
 * the site's time zone, streaks, the longest gap, what is left out (drafts, scheduled posts, posts
 * after `asOf`), the log's per-day figures, and the survey figures beside them.
 */
import { describe, expect, it } from 'vitest';
import { monthEnd, zoneName } from '@/lib/operations/calendar';
import { formatMinutes, metricFields } from '@/lib/operations/fields';
import { metricsFileSchema } from '@/lib/operations/log-schema';
import { computeOperations, operationsInput, type OperationsPost, type OperationsSettings } from '@/lib/operations/report';
import { reportText } from '@/lib/operations/text';
import { surveyFileSchema } from '@/lib/surveys/survey-schema';
import { npmArgs, parseReportArgs } from '../../scripts/lib/report-args';

const ZONE = 'Asia/Seoul';
/** Wednesday 4 March 2026, noon in Seoul: the build time. */
const NOW = new Date('2026-03-04T12:00:00+09:00');

const post = (id: string, iso: string, category: string, author: string, extra: Partial<OperationsPost> = {}): OperationsPost => ({
  id,
  pubDate: new Date(iso),
  draft: false,
  category,
  author,
  ...extra,
});

/** Four weeks to count: Mon 9 Feb, Mon 16 Feb, Mon 23 Feb (none), and the week of NOW (Mon 2 Mar, in progress). */
const POSTS: OperationsPost[] = [
  post('old', '2026-01-05T10:00:00+09:00', 'news', 'lee'),
  post('mon-9', '2026-02-09T10:00:00+09:00', 'news', 'kim', { tweet: '트윗' }),
  // Sunday 23:30 in Seoul is Sunday 14:30 UTC: the week of 9 February.
  post('sun-late', '2026-02-15T23:30:00+09:00', 'news', 'kim'),
  // Monday 00:30 in Seoul is still Sunday (15:30) in UTC: the week of 16 February all the same.
  post('mon-early', '2026-02-15T15:30:00Z', 'people', 'lee', { tweet: '트윗' }),
  post('tue-17', '2026-02-17T09:00:00+09:00', 'people', 'lee'),
  post('wed-18', '2026-02-18T09:00:00+09:00', 'news', 'kim', { tweet: '트윗' }),
  post('draft', '2026-02-20T09:00:00+09:00', 'news', 'kim', { draft: true, tweet: '트윗' }),
  post('mon-2', '2026-03-02T09:00:00+09:00', 'news', 'kim', { tweet: '트윗' }),
  post('tue-3', '2026-03-03T09:00:00+09:00', 'people', 'kim'),
  post('wed-4', '2026-03-04T11:00:00+09:00', 'news', 'kim', { tweet: '  ' }),
  // An hour after the build time: scheduled, not counted.
  post('scheduled', '2026-03-04T13:00:00+09:00', 'news', 'kim', { tweet: '트윗' }),
];

const survey = surveyFileSchema.parse({
  title: '가상 조사',
  publisher: '가상연구소',
  year: 2010,
  sample: { n: 100, population: '가상 기업 100곳' },
  note: '운영 주기는 "하루 한 번 이상 관리"한다는 설명만 보도되었습니다.',
  sources: [{ title: '가상 보도', url: 'https://example.org/news', provenance: 'press' }],
  questions: [
    {
      id: 'staff',
      text: '담당 인력은 몇 명입니까?',
      type: 'single',
      base: 80,
      options: [
        { id: 'one', label: '1명' },
        { id: 'more', label: '2명 이상' },
      ],
      results: { one: 60, more: 40 },
    },
  ],
});

const month = (data: Record<string, unknown>) => ({
  file: `metrics/${String(data.month)}.json`,
  data: metricsFileSchema([{ id: 'staff', label: '담당자', kind: 'count', unit: '명' }]).parse(data),
});
const LOG = [
  month({ month: '2026-02', followers: 1200, tweets: 250, replyMinutesMedian: 100, staff: 2 }),
  month({ month: '2025-12', followers: 900 }),
  month({ month: '2026-01', countedFrom: '2026-01-20', followers: 1000, tweets: 120, note: '20일부터 셌습니다.' }),
];

const SETTINGS: OperationsSettings = {
  timeZone: ZONE,
  organization: '테스트회사',
  categories: [
    { id: 'news', name: '소식' },
    { id: 'people', name: '사람들' },
    { id: 'unused', name: '쓰지 않는 분류' },
  ],
  operations: {
    postsPerWeek: 2,
    tweetsPerDay: 10,
    weeks: 4,
    fields: [{ id: 'staff', label: '담당자', kind: 'count', unit: '명' }],
    compare: [
      { survey: 'fx', quote: '하루 한 번 이상 관리', beside: 'posts' },
      { survey: 'fx', question: 'staff' },
      { survey: 'fx', question: 'staff' },
      { survey: 'absent', question: 'staff' },
      { survey: 'fx', quote: '출처에 없는 글귀' },
    ],
  },
};

const CONTENT = {
  posts: POSTS,
  authors: [
    { id: 'kim', name: '김하늘' },
    { id: 'lee', name: '이도윤' },
    { id: 'nobody', name: '글 없는 저자' },
  ],
  log: LOG,
  surveys: [{ id: 'fx', data: survey }],
  benchmarks: [],
};

const report = (settings = SETTINGS, when: { now?: Date; asOf?: Date; weeks?: number } = {}) =>
  computeOperations(operationsInput(settings, metricFields(settings.operations?.fields), CONTENT, { now: NOW, ...when }));

describe('posts per week', () => {
  const r = report();

  it('counts weeks Monday to Sunday in the site time zone, the last one being the week of the build time', () => {
    expect(r.cadence.rows.map((w) => [w.start, w.end, w.posts, w.days, w.inProgress])).toEqual([
      ['2026-02-09', '2026-02-15', 2, 7, false],
      ['2026-02-16', '2026-02-22', 3, 7, false],
      ['2026-02-23', '2026-03-01', 0, 7, false],
      ['2026-03-02', '2026-03-08', 3, 3, true],
    ]);
    expect(r.cadence.from).toBe('2026-02-09');
    expect(r.cadence.to).toBe('2026-03-04');
    expect(r.asOfDay).toBe('2026-03-04');
  });

  it('does not depend on the machine zone: a UTC calendar would put the Monday-morning post in the week before', () => {
    const utc = report({ ...SETTINGS, timeZone: 'UTC' });
    expect(utc.cadence.rows.find((w) => w.start === '2026-02-09')?.posts).toBe(3);
    expect(utc.cadence.rows.find((w) => w.start === '2026-02-16')?.posts).toBe(2);
  });

  it('leaves out drafts, scheduled posts and posts before the window from the weekly counts', () => {
    expect(r.cadence.total).toBe(8);
    expect(r.posts.window).toBe(8);
    expect(r.posts.total).toBe(9); // "old" counts in the totals, never the draft or the scheduled post
  });

  it('computes the weekly average over the days of the window', () => {
    expect(r.cadence.days).toBe(24);
    expect(r.cadence.perWeek).toBe(2.3); // 8 posts / 24 days × 7
    expect(r.cadence.perWeekDisplay).toBe('2.3편');
  });

  it('judges complete weeks against the target; the week in progress meets it once it has enough posts', () => {
    expect(r.cadence.rows.map((w) => w.met)).toEqual([true, true, false, true]);
    expect(r.cadence.judgedWeeks).toBe(3);
    expect(r.cadence.metWeeks).toBe(2);
    expect(r.cadence.targetStreak).toEqual({ current: 1, longest: 2 });
    expect(r.cadence.postingStreak).toEqual({ current: 1, longest: 2 });
  });

  it('never counts a week in progress as missing the target', () => {
    const higher = report({ ...SETTINGS, operations: { ...SETTINGS.operations, postsPerWeek: 4 } });
    expect(higher.cadence.rows.map((w) => w.met)).toEqual([false, false, false, null]);
    expect(higher.cadence.targetStreak).toEqual({ current: 0, longest: 0 });
  });

  it('finds the longest run of days without a post', () => {
    expect(r.cadence.longestGap).toEqual({ days: 11, from: '2026-02-19', to: '2026-03-01', ongoing: false, fromWindowStart: false });
  });

  it('says when the longest gap runs to the build time and from the window start', () => {
    const quiet = report(SETTINGS, { now: new Date('2026-04-30T12:00:00+09:00'), weeks: 2 });
    expect(quiet.cadence.total).toBe(0);
    expect(quiet.cadence.longestGap).toMatchObject({ from: '2026-04-20', to: '2026-04-30', days: 11, ongoing: true, fromWindowStart: true });
    expect(quiet.cadence.postingStreak).toEqual({ current: 0, longest: 0 });
  });

  it('ends at the end of a month given as asOf, leaving out later posts', () => {
    const feb = report(SETTINGS, { asOf: monthEnd('2026-02', ZONE) });
    expect(feb.asOfDay).toBe('2026-02-28');
    expect(feb.cadence.rows.map((w) => [w.start, w.posts, w.inProgress, w.days])).toEqual([
      ['2026-02-02', 0, false, 7],
      ['2026-02-09', 2, false, 7],
      ['2026-02-16', 3, false, 7],
      ['2026-02-23', 0, true, 6],
    ]);
    expect(feb.posts.total).toBe(6);
    expect(feb.log.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('counts a week as over when asOf is the last instant of its Sunday', () => {
    const sunday = report(SETTINGS, { asOf: new Date(new Date('2026-03-02T00:00:00+09:00').getTime() - 1) });
    expect(sunday.cadence.rows.at(-1)).toMatchObject({ start: '2026-02-23', inProgress: false, met: false });
  });

  it('takes the number of weeks from the settings, then from the caller, 26 by default', () => {
    expect(report(SETTINGS, { weeks: 2 }).cadence.rows).toHaveLength(2);
    const bare = report({ ...SETTINGS, operations: undefined });
    expect(bare.cadence.weeks).toBe(26);
    expect(bare.cadence.target).toBeNull();
    expect(bare.cadence.targetStreak).toBeNull();
    expect(bare.cadence.rows.every((w) => w.met === null)).toBe(true);
    expect(bare.tweets.target).toBeNull();
    expect(bare.comparisons).toEqual([]);
  });
});

describe('posts by purpose and author', () => {
  const r = report();

  it('lists every category of the settings, in their order, with the window and all time', () => {
    expect(r.posts.byCategory).toEqual([
      { id: 'news', name: '소식', window: 5, total: 6 },
      { id: 'people', name: '사람들', window: 3, total: 3 },
      { id: 'unused', name: '쓰지 않는 분류', window: 0, total: 0 },
    ]);
  });

  it('lists the authors with posts, most posts first, by name', () => {
    expect(r.posts.byAuthor).toEqual([
      { id: 'kim', name: '김하늘', window: 6, total: 6 },
      { id: 'lee', name: '이도윤', window: 2, total: 3 },
    ]);
  });

  it('gives the share of posts with tweet text (a blank tweet is none)', () => {
    expect(r.posts.withTweet.window).toEqual({ count: 4, of: 8, percent: 50, display: '8편 가운데 4편 (50.0%)' });
    expect(r.posts.withTweet.total).toMatchObject({ count: 4, of: 9, percent: 44.4 });
  });
});

describe('the monthly log', () => {
  const r = report();

  it('orders the months and shows what is not recorded as such, never as 0', () => {
    expect(r.log.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(r.log.months[0]!.values).toMatchObject({ followers: 900, tweets: null, staff: null });
    expect(r.log.months[0]!.displays).toMatchObject({ followers: '900명', tweets: '기록 없음' });
    expect(r.log.months[2]!.displays).toMatchObject({ replyMinutesMedian: '1시간 40분', staff: '2명' });
    expect(r.log.fields.filter((f) => f.recorded).map((f) => f.id)).toEqual(['followers', 'tweets', 'replyMinutesMedian', 'staff']);
  });

  it('divides tweets by the days counted: from countedFrom to the month end', () => {
    expect(r.log.months[1]).toMatchObject({ countedFrom: '2026-01-20', days: 12, note: '20일부터 셌습니다.' });
    expect(r.tweets.rows.map((t) => [t.month, t.tweets, t.days, t.perDay, t.display, t.met])).toEqual([
      ['2026-01', 120, 12, 10, '10.0건', true],
      ['2026-02', 250, 28, 8.9, '8.9건', false],
    ]);
  });

  it('formats minutes as a reader says them', () => {
    expect([formatMinutes(52), formatMinutes(60), formatMinutes(100), formatMinutes(190), formatMinutes(30.5)]).toEqual([
      '52분',
      '1시간',
      '1시간 40분',
      '3시간 10분',
      '30.5분',
    ]);
  });
});

describe('survey figures beside the report', () => {
  const r = report();

  it('shows a question with its provenance and a quote the survey note holds; leaves out a missing survey, a repeat and an unquotable text', () => {
    expect(r.comparisons.map((c) => [c.kind, c.beside, c.survey.id, c.provenance])).toEqual([
      ['quote', 'posts', 'fx', 'press'],
      ['question', 'log', 'fx', 'press'],
    ]);
    const question = r.comparisons[1]!;
    expect(question.kind === 'question' && question.view.rows.map((row) => [row.label, row.display])).toEqual([
      ['1명', '60%'],
      ['2명 이상', '40%'],
    ]);
    expect(question.url).toBe('/surveys/fx/#q-staff');
    expect(r.comparisons[0]).toMatchObject({ quote: '하루 한 번 이상 관리', provenanceLabel: '언론 보도 인용', url: '/surveys/fx/' });
  });
});

describe('the report as text and JSON', () => {
  const r = report();

  it('prints the headline and every table with the report’s own words', () => {
    const text = reportText(r);
    for (const line of r.headline) expect(text).toContain(line);
    expect(text).toContain(zoneName(ZONE));
    expect(text).toMatch(/2026-03-02 \(진행 중, 3일\)\s+3편\s+지킴/);
    expect(text).toContain('8편 가운데 4편 (50.0%)');
    expect(text).toContain('"하루 한 번 이상 관리"');
    expect(r.headline[0]).toBe('최근 4주(2026년 2월 9일 ~ 2026년 3월 4일) 블로그 글 8편, 주 평균 2.3편(계산값), 목표 주 2편.');
  });

  it('survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('npm run report arguments', () => {
  const parse = (...argv: string[]) => parseReportArgs(argv, NOW, ZONE);

  it('reads --json, --weeks and --month', () => {
    expect(parse().options).toEqual({ json: false });
    expect(parse('--json', '--weeks', '13', '--month', '2026-02').options).toEqual({ json: true, weeks: 13, month: '2026-02' });
    expect(parse('--month=2026-03').options).toEqual({ json: false, month: '2026-03' });
  });

  it('takes 1 to 260 weeks', () => {
    expect(parse('--weeks', '1').options?.weeks).toBe(1);
    expect(parse('--weeks', '260').options?.weeks).toBe(260);
    for (const bad of ['0', '261', '2.5', 'x']) expect(parse('--weeks', bad).errors.map((e) => e.field)).toEqual(['--weeks']);
  });

  it('refuses a month that is not one, or has not come yet', () => {
    expect(parse('--month', '2026-3').errors[0]).toMatchObject({ field: '--month', message: '"2026-3"은(는) 달 형식이 아닙니다.' });
    expect(parse('--month', '2026-04').errors[0]?.message).toBe('2026년 4월은(는) 아직 오지 않은 달입니다 (지금 2026년 3월).');
  });

  it('puts back the flags npm takes when they come without "--" (npm run report --json --weeks 13)', () => {
    const npm = { npm_lifecycle_event: 'report', npm_config_json: 'true', npm_config_weeks: 'true', npm_config_month: 'true' };
    expect(npmArgs(['2026-02', '13'], npm)).toEqual(['--json', '--weeks', '13', '--month', '2026-02']);
    expect(npmArgs([], { npm_lifecycle_event: 'report', npm_config_weeks: '8' })).toEqual(['--weeks', '8']);
    expect(npmArgs(['--json', '--weeks', '13'], { npm_lifecycle_event: 'report' })).toEqual(['--json', '--weeks', '13']);
    expect(npmArgs(['x'], { npm_config_json: 'true' })).toEqual(['x']);
    expect(parse(...npmArgs(['2026-02', '13'], npm)).options).toEqual({ json: true, weeks: 13, month: '2026-02' });
  });

  it('names an unknown option with a suggestion; --help gives neither options nor errors', () => {
    expect(parse('--jsn').errors[0]).toMatchObject({ field: '--jsn', suggestion: '--json' });
    expect(parse('--help')).toEqual({ errors: [] });
  });
});
