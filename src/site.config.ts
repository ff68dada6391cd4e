/**
 * The one file a site owner edits. Every page, feed and image reads its settings from here.
 * Every command checks it first (src/lib/rules/site-config.ts) and names the field, the line and
 * the expected form of any mistake. docs/setup.md walks through each field.
 *
 * Environment variables override some of these at build time (see README):
 *   SITE_URL          replaces `url` (feeds, canonical links, sitemap, Open Graph images)
 *   BUILD_TIME        replaces "now" when deciding which posts are published
 *   OPERATIONS_AS_OF  replaces `operations.asOf` ("" for none: the report runs to the build time)
 */
import type { SiteConfig } from './lib/rules/site-config.ts';

export type { CategoryConfig, SiteConfig } from './lib/rules/site-config.ts';

const config: SiteConfig = {
  // Page titles ("글 제목 | name"), header, feeds, Open Graph images.
  name: '다온에듀 소셜 블로그',
  // Home page meta description and feed description.
  description: '교육 기업 다온에듀가 소셜미디어를 운영하며 배운 것과 업계 조사 결과를 나눕니다.',
  // Absolute address where the site is served (https://…, without a trailing "/"). SITE_URL overrides it.
  url: 'https://blog.daon-edu.example',
  // Language of the content: <html lang>, feeds, Open Graph locale.
  lang: 'ko',
  ogLocale: 'ko_KR',
  // IANA time zone in which dates are shown and a bare `pubDate: 2010-08-10` is read.
  timeZone: 'Asia/Seoul',
  // The organisation's own Twitter account, without "@": the footer's profile link, `twitter:site` and
  // the share link's `via`. '' for none: then none of the three appears. Only an account you own.
  twitterHandle: '',
  // Footer, JSON-LD publisher, copyright line.
  organization: '다온에듀',
  // Post categories: `id` is the front matter's `category` and the URL (/categories/<id>/), lowercase
  // ASCII words joined by "-"; `name` and `description` are what readers see. The five defaults are
  // the purposes companies give for running social media.
  categories: [
    { id: 'reputation', name: '평판 관리', description: '회사의 목소리를 지키고 믿음을 쌓아 가는 이야기' },
    { id: 'marketing', name: '마케팅·홍보', description: '강좌와 교재를 알리고 이벤트를 꾸리는 이야기' },
    { id: 'customer-service', name: '고객 서비스', description: '멘션과 댓글로 들어온 수강생·학부모의 질문에 답하는 이야기' },
    { id: 'recruiting', name: '인재 채용', description: '함께 일할 사람을 블로그와 트위터에서 찾는 이야기' },
    { id: 'communication', name: '사내외 소통', description: '회사 안의 동료, 밖의 고객·언론과 소식을 주고받는 이야기' },
  ],
  // Posts per page on home, category, tag and author lists.
  pageSize: 6,
  // Newest posts in /rss.xml, the category feeds and /twitter.xml.
  feedLength: 20,
  // Reading speed for the post page's "읽는 데 n분": Hangul characters per minute (a Latin word counts as 2).
  readingCharsPerMinute: 500,
  // Related posts under an article (0 for none).
  relatedPosts: 3,
  // The social-media manager's report: /about/operations/ and `npm run report` (docs/content.md, "Metrics").
  // Optional: without it the page shows the counts without targets or survey figures.
  operations: {
    // The company's own promise: a blog post every day (7 a week) and 10 or more tweets a day.
    postsPerWeek: 7,
    tweetsPerDay: 10,
    // Recent weeks (Monday to Sunday in timeZone, up to the build time) the page counts posts in.
    weeks: 26,
    // The example's posts are from 2010-2011: its report ends with the last logged month. Remove this
    // line on a live blog, so the report runs up to each build.
    asOf: '2011-06',
    // Figures the monthly log (content/metrics/<YYYY-MM>.json) holds beyond the six every log has.
    // kind: 'count' (with a unit), 'minutes' or 'percent'.
    fields: [
      { id: 'staff', label: '소셜미디어 담당자', kind: 'count', unit: '명' },
      { id: 'replyMinutesMean', label: '멘션 응답 시간(평균)', kind: 'minutes' },
    ],
    // Survey figures shown beside the site's own, with their sources: a question of a survey
    // (chart and table), or a quote from the survey file's note for what the source gives without
    // a number. beside: 'posts', 'tweets' or 'log'. A survey the content does not have is left out.
    compare: [
      { survey: 'kicom-2010', quote: '하루 1회 이상 관리하면서 수시로 업데이트', beside: 'posts' },
      { survey: 'kicom-2010', question: 'staff', beside: 'log' },
      { survey: 'thepr-2010', question: 'staff', beside: 'log' },
      { survey: 'hbr-2010', question: 'measure', beside: 'log' },
    ],
  },
};

/** Site settings with environment overrides applied. */
const asOf = process.env.OPERATIONS_AS_OF;
export const site: SiteConfig = {
  ...config,
  url: (process.env.SITE_URL || config.url).replace(/\/+$/, ''),
  ...(config.operations && asOf !== undefined ? { operations: withAsOf(config.operations, asOf) } : {}),
};

function withAsOf(operations: NonNullable<SiteConfig['operations']>, month: string): NonNullable<SiteConfig['operations']> {
  const { asOf: _configured, ...rest } = operations;
  return month ? { ...rest, asOf: month } : rest;
}

export default site;
