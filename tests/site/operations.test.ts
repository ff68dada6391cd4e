/**
 * /about/operations/ and `npm run report --json`: the blog fixture's page holds the counts its
 * content implies (weeks in the site's time zone, no draft or scheduled post, the log as written),
 * and the page and the command show the same numbers, there and on the example site (content/ as
 * it is, so only "the same numbers" is checked). Targets, weeks and survey figures come from
 * src/site.config.ts, so nothing here assumes the example's settings.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { OperationsReport } from '@/lib/operations/report';
import { root, userEnv } from '../support/build-site';
import { htmlPages, page } from '../support/html';
import { getBuild } from '../support/sites';
import { BLOG, BLOG_METRICS, BLOG_NOW, blogContentDir, schedulePosts } from '../support/sites-blog';
import { instant, publishedPosts, site } from '../support/source';

const URL_PATH = '/about/operations/';

/** `npm run report -- --json` on a content folder, "now" being the build's. */
function reportJson(contentDir: string, buildTime: string, env: Record<string, string> = {}): OperationsReport {
  const result = spawnSync(join(root, 'node_modules/.bin/node'), ['scripts/report.ts', '--json'], {
    cwd: root,
    encoding: 'utf8',
    env: userEnv({ PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, CONTENT_DIR: contentDir, BUILD_TIME: buildTime, NO_COLOR: '1', ...env }),
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as OperationsReport;
}

const num = (value: string | undefined) => (value === undefined || value === '' ? null : Number(value));
const text = ($: CheerioAPI, el: Parameters<CheerioAPI>[0]) => $(el).text().replace(/\s+/g, ' ').trim();

/** Every number the page shows, read from its tables and facts. */
function pageNumbers($: CheerioAPI) {
  const attr = (selector: string, name: string) => num($(selector).attr(name));
  return {
    headline: $('.headline li')
      .map((_, li) => text($, li))
      .get(),
    total: attr('[data-total]', 'data-total'),
    perWeek: attr('[data-per-week]', 'data-per-week'),
    metWeeks: attr('[data-met-weeks]', 'data-met-weeks'),
    judgedWeeks: attr('[data-judged-weeks]', 'data-judged-weeks'),
    targetStreak: [attr('[data-target-streak]', 'data-target-streak'), attr('[data-target-streak]', 'data-target-streak-longest')],
    postingStreak: [attr('[data-posting-streak]', 'data-posting-streak'), attr('[data-posting-streak]', 'data-posting-streak-longest')],
    gap: [attr('[data-gap-days]', 'data-gap-days'), $('[data-gap-days]').attr('data-gap-from') ?? null, $('[data-gap-days]').attr('data-gap-to') ?? null],
    weeks: $('tr[data-week]')
      .map((_, tr) => [[$(tr).attr('data-week'), num($(tr).find('[data-posts]').attr('data-posts'))]])
      .get(),
    categories: $('[data-table="categories"] tr[data-category]')
      .map((_, tr) => [[$(tr).attr('data-category'), num($(tr).find('[data-window]').attr('data-window')), num($(tr).find('[data-total]').attr('data-total'))]])
      .get(),
    authors: $('[data-table="authors"] tr[data-author]')
      .map((_, tr) => [[$(tr).attr('data-author'), num($(tr).find('[data-window]').attr('data-window')), num($(tr).find('[data-total]').attr('data-total'))]])
      .get(),
    tweetText: $('tr[data-tweet-share] td')
      .map((_, td) => [[num($(td).attr('data-count')), num($(td).attr('data-of'))]])
      .get(),
    tweets: $('tr[data-tweets-month]')
      .map((_, tr) => [[$(tr).attr('data-tweets-month'), num($(tr).find('[data-per-day]').attr('data-per-day'))]])
      .get(),
    log: $('tr[data-month]')
      .map((_, tr) => [
        [
          $(tr).attr('data-month'),
          Object.fromEntries(
            $(tr)
              .find('td[data-field]')
              .map((_, td) => [[$(td).attr('data-field'), num($(td).attr('data-value'))]])
              .get(),
          ),
        ],
      ])
      .get(),
    comparisons: $('[data-beside] figure[data-survey]')
      .map((_, f) => [[$(f).closest('[data-beside]').attr('data-beside'), $(f).attr('data-survey'), $(f).attr('data-question') ?? 'quote']])
      .get(),
  };
}

/** The same numbers from the command's JSON. */
function reportNumbers(r: OperationsReport) {
  const c = r.cadence;
  const recorded = r.log.fields.filter((f) => f.recorded).map((f) => f.id);
  return {
    headline: r.headline,
    total: c.total,
    perWeek: c.perWeek,
    metWeeks: c.metWeeks,
    judgedWeeks: c.targetStreak ? c.judgedWeeks : null,
    targetStreak: c.targetStreak ? [c.targetStreak.current, c.targetStreak.longest] : [null, null],
    postingStreak: [c.postingStreak.current, c.postingStreak.longest],
    gap: c.longestGap ? [c.longestGap.days, c.longestGap.from, c.longestGap.to] : [0, null, null],
    weeks: c.rows.map((w) => [w.start, w.posts]),
    categories: r.posts.byCategory.map((x) => [x.id, x.window, x.total]),
    authors: r.posts.byAuthor.map((x) => [x.id, x.window, x.total]),
    tweetText: [r.posts.withTweet.window, r.posts.withTweet.total].map((s) => [s.count, s.of]),
    tweets: r.tweets.rows.map((t) => [t.month, t.perDay]),
    log: r.log.months.map((m) => [m.month, Object.fromEntries(recorded.map((id) => [id, m.values[id]]))]),
    comparisons: r.comparisons.map((x) => [x.beside, x.survey.id, x.kind === 'question' ? x.question : 'quote']),
  };
}

describe('/about/operations/ on the blog fixture', () => {
  const $ = page(BLOG, URL_PATH);
  const report = reportJson(blogContentDir, BLOG_NOW, { OPERATIONS_AS_OF: '' });

  it('is linked from the footer of every page', () => {
    for (const path of htmlPages(BLOG).slice(0, 20)) expect(page(BLOG, path)('footer a[href="/about/operations/"]').length, path).toBe(1);
  });

  it('counts weeks Monday to Sunday in the site time zone: 23:59:59 on Sunday is that week, Monday 00:00 the next', () => {
    const weeks = Object.fromEntries(pageNumbers($).weeks as [string, number][]);
    // second-before is 2026-03-01 23:59:59 in the site's zone, a Sunday.
    expect(schedulePosts.find((p) => p.slug === 'second-before')?.published).toBe(true);
    expect(weeks['2026-02-23']).toBe(1);
    // exactly-at, same-instant-utc and bare-day-today: Monday 2 March 00:00, the build time.
    expect(weeks['2026-03-02']).toBe(3);
    expect($('tr[data-week="2026-03-02"] th').text()).toContain('진행 중');
    expect(
      Object.entries(weeks)
        .filter(([week]) => week < '2026-02-23')
        .every(([, n]) => n === 0),
    ).toBe(true);
    expect(report.cadence.rows).toHaveLength(site.operations?.weeks ?? 26);
  });

  it('counts only published posts: no draft, no scheduled post, in the totals, by purpose and by author', () => {
    const published = publishedPosts(blogContentDir, BLOG_NOW);
    const r = reportNumbers(report);
    expect(report.posts.total).toBe(published.length);
    expect(report.cadence.total).toBe(4);
    for (const category of site.categories) {
      expect(r.categories.find(([id]) => id === category.id)?.[2], category.id).toBe(published.filter((p) => p.data.category === category.id).length);
    }
    for (const author of ['kim', 'lee']) {
      expect(r.authors.find(([id]) => id === author)?.[2], author).toBe(published.filter((p) => p.data.author === author).length);
    }
    const withTweet = published.filter((p) => typeof p.data.tweet === 'string' && p.data.tweet.trim() !== '').length;
    expect(report.posts.withTweet.total).toMatchObject({ count: withTweet, of: published.length });
    const lastDay = Math.max(...published.map((p) => instant(p.data.pubDate)));
    expect(lastDay).toBeLessThanOrEqual(new Date(BLOG_NOW).getTime());
  });

  it('finds the longest gap and the streaks of the window', () => {
    const c = report.cadence;
    // The window's only posts are on its last two days (Sunday 1 and Monday 2 March).
    expect(c.longestGap).toMatchObject({ from: c.from, to: '2026-02-28', ongoing: false, fromWindowStart: true });
    expect(c.postingStreak).toEqual({ current: 2, longest: 2 });
  });

  it('shows the log as written, what is missing as not recorded, and tweets per day over the days counted', () => {
    const log = Object.fromEntries(pageNumbers($).log as [string, Record<string, number | null>][]);
    for (const data of Object.values(BLOG_METRICS)) {
      for (const field of ['followers', 'tweets', 'mentionsAnswered', 'replyMinutesMedian', 'blogSubscribers'])
        expect(log[data.month as string]?.[field]).toBe(data[field]);
    }
    expect(log['2026-02']?.blogVisitors).toBeNull();
    expect(text($, 'tr[data-month="2026-02"] td[data-field="blogVisitors"]')).toBe('기록 없음');
    expect(text($, 'tr[data-month="2026-01"] td[data-field="replyMinutesMedian"]')).toBe('1시간 1.5분');
    expect(pageNumbers($).tweets).toEqual([
      ['2025-12', 10], // 170 tweets over the 17 days from the 15th
      ['2026-01', 9],
      ['2026-02', 11],
    ]);
    expect(text($, '[data-section="log"]')).toContain('1월 메모: 이벤트 없음');
  });

  it('shows the same numbers as npm run report -- --json', () => {
    expect(pageNumbers($)).toEqual(reportNumbers(report));
  });

  it('shows only the survey figures the fixture has, each with its source', () => {
    for (const figure of $('[data-beside] figure[data-survey]').toArray()) {
      expect($(figure).find('a[href^="http"]').length).toBeGreaterThan(0);
    }
    const ids = new Set(report.comparisons.map((x) => x.survey.id));
    for (const id of ids) expect(['fx-staff-2010', 'fx-goals-2011', 'fx-accounts-2010', 'xss-survey']).toContain(id);
  });

  it('has a chart for each table of counts, with the numbers in its label, and no script beyond the charts', () => {
    const labels = $('canvas[data-chart]')
      .map((_, c) => $(c).attr('aria-label'))
      .get();
    expect(labels.some((l) => l.includes('주별 블로그 글 수') && l.includes('3편'))).toBe(true);
    expect(labels.some((l) => l.includes('하루 트윗') && l.includes('11.0건'))).toBe(true);
    for (const script of $('script[src]').toArray()) expect($(script).attr('type')).toBe('module');
  });
});

describe('/about/operations/ on the example site (content/ as it is)', () => {
  it('shows the same numbers as npm run report -- --json at the build time', () => {
    const build = getBuild('example');
    expect(build.buildTime, 'the build records its BUILD_TIME').toBeDefined();
    const report = reportJson(join(root, 'content'), build.buildTime!);
    expect(pageNumbers(page('example', URL_PATH))).toEqual(reportNumbers(report));
  });
});
