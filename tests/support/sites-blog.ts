/**
 * The "blog" fixture: one site, written fresh for the tests, that the post, list, feed, Open Graph,
 * search, survey, deploy and browser tests all read. It holds what those tests need and nothing of
 * content/ (the example site an owner replaces): two authors, posts in every category of
 * src/site.config.ts, a post with GFM (table, footnotes, task list, strikethrough, code, an image),
 * a hero image, survey articles, three surveys with benchmarks (one with hostile text), feed edge
 * cases (tests/support/sites-syndication.ts), a draft and posts scheduled around the build time,
 * a post scaffolded by `npm run new`, and three months of the manager's log (BLOG_METRICS).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions } from './build-site';
import { root, tmpRoot } from './build-site';
import { defaultAuthors, postData, writeFixture, type FixturePost } from './fixtures';
import { makePng } from './png';
import { instant, isoIn, midnightIn, site } from './source';
import { syndicationPosts } from './sites-syndication';
import { xssBenchmark, xssSurvey } from './sites-surveys';

export const BLOG = 'blog';
/** Served from its own origin (SITE_URL), so every absolute URL must come from SITE_URL. */
export const BLOG_SITE_URL = 'https://blog.test.example';
export const blogContentDir = join(tmpRoot, 'fixtures', BLOG);

/** The day of the build, and "now": midnight at its start in the site's time zone. */
export const SCHEDULE_DAY = '2026-03-02';
const T = midnightIn(SCHEDULE_DAY);
export const BLOG_NOW = isoIn(T);
const utc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Posts around the build time: exactly those with pubDate <= now are published. */
export const schedulePosts: { slug: string; pubDate: string; published: boolean }[] = [
  { slug: 'second-before', pubDate: isoIn(T - 1000), published: true },
  { slug: 'exactly-at', pubDate: isoIn(T), published: true },
  { slug: 'same-instant-utc', pubDate: utc(T), published: true },
  { slug: 'bare-day-today', pubDate: SCHEDULE_DAY, published: true },
  { slug: 'second-after', pubDate: isoIn(T + 1000), published: false },
  { slug: 'bare-day-tomorrow', pubDate: '2026-03-03', published: false },
  { slug: 'utc-second-after', pubDate: utc(T + 1000), published: false },
];

/** Markers of the unpublished posts: none may appear in any built file. */
export const DRAFT = { slug: 'zz-draft-marker', title: '초안표식글 DRAFTMARK', tag: '초안전용태그' };
export const SCHEDULED = { slug: 'zz-scheduled-marker', title: '예약표식글 SCHEDULEDMARK', tag: '예약전용태그' };
/** The draft's and the scheduled post's images (content path -> bytes): none may be in any built file. */
export const UNPUBLISHED_IMAGES: Record<string, Uint8Array> = {
  [`posts/${DRAFT.slug}/embargo-hero.png`]: makePng(800, 400, [11, 22, 33]),
  [`posts/${DRAFT.slug}/embargo-body.png`]: makePng(600, 300, [44, 55, 66]),
  [`posts/${SCHEDULED.slug}/embargo-hero.png`]: makePng(810, 410, [77, 88, 99]),
  [`posts/${SCHEDULED.slug}/embargo-body.png`]: makePng(610, 310, [111, 122, 133]),
};

/** What `npm run new` is asked to scaffold; the test expects this file and page. */
export const NEW_POST = {
  title: '첫 글: 소셜미디어 시작하기',
  description: '첫 글의 요약입니다.',
  date: '2010-07-15',
  file: '2010-07-15-cheot-geul-sosyeolmidieo-sijakhagi.mdx',
};
/** Where the blog factory notes a failed `npm run new` (the blog still builds without that post). */
export const newPostLog = join(tmpRoot, 'fixtures', `${BLOG}-new-post.log`);

export const HERO_ALT = '파란 그라데이션 위에 적은 운영 계획 표지';
/** Author "kim" has a photo beside the JSON file (portrait, so the card's square crop is tested); "lee" has none. */
export const AVATAR = { author: 'kim', file: 'authors/kim-photo.png', width: 300, height: 400 };
export const DIAGRAM_ALT = '글이 블로그에서 트위터로 가는 흐름';

const categories = site.categories.map((c) => c.id);
const cat = (i: number) => categories[i % categories.length]!;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A survey with every question type: single (complete), multi citing a press source, numeric. */
export const staffSurvey = {
  title: '중소기업 소셜미디어 담당 인력 조사',
  publisher: '가상경영연구소',
  year: 2010,
  fieldwork: { start: '2010-03-01', end: '2010-04-12' },
  sample: { n: 200, unit: '명', population: '국내 중소기업 홍보 담당자' },
  sources: [
    { id: 'report', title: '조사 보고서 원문', url: 'https://example.org/report', provenance: 'read' },
    { id: 'news', title: '조사 결과 보도 기사', url: 'https://example.org/news?id=1&page=2', provenance: 'press' },
  ],
  questions: [
    {
      id: 'staff',
      text: '소셜미디어 담당 인력은 몇 명입니까?',
      type: 'single',
      base: 180,
      sources: ['report'],
      options: [
        { id: 'none', label: '없음' },
        { id: 'one', label: '1명' },
        { id: 'two-plus', label: '2명 이상' },
      ],
      results: { none: 17, one: 52.5, 'two-plus': 30.5 },
    },
    {
      id: 'channels',
      text: '운영하는 채널을 모두 고르십시오.',
      type: 'multi',
      base: 180,
      sources: ['news'],
      options: [
        { id: 'blog', label: '블로그' },
        { id: 'twitter', label: '트위터' },
        { id: 'video', label: '동영상' },
      ],
      results: { blog: 71, twitter: 64.5, video: 22 },
    },
    { id: 'accounts', text: '트위터 계정은 몇 개입니까?', type: 'numeric', unit: '개', results: { mean: 2.4, median: 1 } },
  ],
};

export const staffBenchmark = {
  survey: 'fx-staff-2010',
  organization: site.organization,
  asOf: '2010-08-10',
  answers: { staff: 'one', channels: ['blog', 'twitter'], accounts: 1 },
  notes: { staff: '한 사람이 블로그와 트위터를 함께 맡습니다.' },
};

/** A survey known only from a secondhand summary, with a partly reported single-choice question. */
export const goalsSurvey = {
  title: '상장사 소셜미디어 운영 목적 조사',
  publisher: '가상산업협회',
  year: 2011,
  sample: { n: 40, population: '상장사 40곳' },
  note: '요약에 실린 항목만 옮겼습니다.',
  sources: [{ title: '조사 요약 블로그 글', url: 'https://example.net/summary', provenance: 'secondhand', note: '원문과 대조하지 못했습니다.' }],
  questions: [
    {
      id: 'goal',
      text: '가장 중요한 운영 목적은 무엇입니까?',
      type: 'single',
      base: 40,
      partial: true,
      options: [
        { id: 'brand', label: '기업 이미지' },
        { id: 'sales', label: '판매 촉진' },
        { id: 'service', label: '고객 응대' },
      ],
      results: { brand: 45, sales: 30 },
    },
    { id: 'budget', text: '한 해 운영 예산은 얼마입니까?', type: 'numeric', unit: '만 원', results: { mean: 1200 } },
  ],
};

export const goalsBenchmark = { survey: 'fx-goals-2011', organization: site.organization, asOf: '2011-03-01', answers: { goal: 'brand' } };

/**
 * An observation (no one answered): an approximate share whose complement the source names, a
 * question whose complement is not reported, and a secondhand question with no reported base.
 */
export const accountsSurvey = {
  title: '세계 대기업 소셜미디어 계정 관찰',
  publisher: '가상홍보회사',
  year: 2010,
  method: 'observation',
  sample: { n: 100, nPrecision: 'about', population: '세계 대기업' },
  sources: [
    { id: 'deck', title: '보고서 사본', url: 'https://example.org/deck', provenance: 'read' },
    { id: 'digest', title: '제3자 요약 글', url: 'https://example.net/digest', provenance: 'secondhand' },
  ],
  questions: [
    {
      id: 'any',
      text: '네 플랫폼 가운데 하나 이상에 활성 계정이 있는가',
      type: 'single',
      base: 100,
      sources: ['deck'],
      approximate: ['yes'],
      remainder: { id: 'none', label: '활성 계정 없음' },
      options: [{ id: 'yes', label: '하나 이상 있음' }],
      results: { yes: 79 },
    },
    {
      id: 'rate',
      text: '운영 성과를 긍정적으로 평가하는가',
      type: 'single',
      base: 65,
      sources: ['deck'],
      partial: true,
      options: [{ id: 'positive', label: '긍정적' }],
      results: { positive: 86.2 },
    },
    {
      id: 'tools',
      text: '주로 쓰는 도구',
      type: 'multi',
      sources: ['digest'],
      options: [
        { id: 'blog', label: '블로그' },
        { id: 'twitter', label: '트위터' },
      ],
      results: { blog: 66.7, twitter: 48.1 },
    },
  ],
};

export const accountsBenchmark = { survey: 'fx-accounts-2010', organization: site.organization, asOf: '2010-08-10', answers: { any: 'yes', rate: 'positive' } };

/** The comparison article: four charts from two surveys and one comparison table. */
export const COMPARISON_CHARTS = ['fx-staff-2010/staff', 'fx-staff-2010/channels', 'fx-goals-2011/goal', 'fx-staff-2010/accounts'];

const comparisonBody = `올해 나온 조사 두 건의 수치 옆에 우리 회사의 답을 적어 봤습니다.

## 담당 인력

담당자가 한 명인 곳이 가장 많았습니다.

<SurveyChart survey="fx-staff-2010" question="staff" />

## 채널

블로그와 트위터를 함께 쓰는 곳이 많습니다.

<SurveyChart survey="fx-staff-2010" question="channels" />

<SurveyChart survey="fx-goals-2011" question="goal" />

## 계정 수와 전체 비교

계정은 하나로 충분했습니다.

<SurveyChart survey="fx-staff-2010" question="accounts" />

<SurveyComparison survey="fx-staff-2010" benchmark="ours-fx-staff-2010" />

마지막 문단입니다.
`;

/** The code block holds a comment, keywords, strings, a parameter and numbers: axe reads the contrast of each code colour, in light and dark mode. */
const gfmBody = `운영 원칙을 정리했습니다. 자세한 안내는 https://example.com/guide 에 있습니다.

## 채널별 글 수

| 채널 | 글 수 |
| --- | ---: |
| 블로그 | 12 |
| 트위터 | 340 |

## 바뀐 계획

~~매일 세 번 올리기~~ 하루 한 번 올리기로 했습니다.

- [x] 가이드라인 초안 쓰기
- [ ] 사내 교육 열기

## 코드와 각주

원칙은 세 가지입니다[^rule].

\`\`\`ts
// 주석은 어두운 화면에서도 읽혀야 합니다.
const channels = ['blog', 'twitter'];
export function weekly(channel: string, count = 3): string {
  return \`\${channel}: \${count * 7}\`;
}
\`\`\`

![${DIAGRAM_ALT}](./diagram.png)

[^rule]: 사내 가이드라인 2010년판에 적힌 내용입니다.
`;

/** Two sections: one short of a table of contents. */
const heroBody = `새 강좌를 알리는 글입니다.

표지 그림은 이 글의 폴더에 함께 있습니다.

## 일정

다음 달에 시작합니다.

## 장소

본사 교육장에서 엽니다.
`;

/**
 * Every post of the blog fixture except the one `npm run new` adds. Older filler posts make the
 * published posts outnumber `feedLength` and `pageSize` (feeds drop the oldest, lists get a page 2)
 * whatever src/site.config.ts says.
 */
export function blogPosts(): FixturePost[] {
  const fixed = [...syndicationPosts(categories[0]!, categories.at(-1)!, 0), ...ownPosts()];
  // The timed post's date is raw front matter; `npm run new` adds one more.
  const published = fixed.filter((p) => p.data.draft !== true && (p.data.pubDate === undefined || instant(p.data.pubDate) <= T)).length + 1;
  const filler = Math.max(3, site.feedLength + 3 - published, site.pageSize + 1 - published);
  return [...syndicationPosts(categories[0]!, categories.at(-1)!, filler), ...ownPosts()];
}

/**
 * Older than the feed edge cases of tests/support/sites-syndication.ts, which (after the posts
 * scheduled around the build time) must be the newest: /rss.xml and /twitter.xml hold only the
 * newest `feedLength` posts. These reach the feed tests through the category feeds.
 */
function ownPosts(): FixturePost[] {
  return [
    {
      file: 'survey-comparison.mdx',
      data: postData({ title: '조사 두 건과 나란히 놓아 본 우리 회사', pubDate: '2010-09-04', author: 'lee', category: cat(1), tags: ['설문', '벤치마크'], survey: 'fx-staff-2010' }),
      body: comparisonBody,
    },
    {
      file: 'with-chart.mdx',
      data: postData({ title: '차트가 있는 글', pubDate: '2010-09-03', category: cat(2), survey: 'xss-survey' }),
      body: '본문입니다.\n\n<SurveyChart survey="xss-survey" question="q" />\n',
    },
    { file: 'without-chart.md', data: postData({ title: '차트가 없는 글', pubDate: '2010-09-02', category: cat(3) }) },
    {
      file: 'gfm/index.mdx',
      data: postData({ title: '운영 원칙 정리', pubDate: '2010-09-01', updatedDate: '2010-09-03', author: 'lee', category: cat(4), tags: ['가이드라인', '트위터'] }),
      body: gfmBody,
    },
    {
      file: 'with-hero/index.md',
      data: postData({ title: '겨울 강좌를 엽니다', pubDate: '2010-08-31', category: cat(1), tags: ['강좌'], heroImage: './hero.png', heroAlt: HERO_ALT }),
      body: heroBody,
    },
    {
      file: 'goals-note.md',
      data: postData({ title: '운영 목적 조사를 읽고', pubDate: '2010-08-30', author: 'lee', category: cat(2), tags: ['설문'], survey: 'fx-goals-2011' }),
      body: '차트 없이 조사만 언급하는 글입니다.\n',
    },
    // Unquoted YAML timestamps at 00:00 UTC: a time must not be mistaken for a bare day.
    { file: 'timed.md', data: postData({ title: '시각을 적은 글', pubDate: undefined }), rawFrontmatter: 'pubDate: 2010-07-20T09:00:00+09:00\nupdatedDate: 2010-07-20' },
    // One post in every category of the site's configuration.
    ...site.categories.map((c, i) => ({
      file: `category-${c.id}.md`,
      data: postData({ title: `${c.name} 분류의 글`, pubDate: new Date(Date.UTC(2010, 5, 1 + i)).toISOString().slice(0, 10), category: c.id, author: i % 2 ? 'lee' : 'kim' }),
      body: `${c.name} 분류에 속한 글의 본문입니다.\n`,
    })),
    ...schedulePosts.map(({ slug, pubDate }) => ({ file: `${slug}.md`, data: postData({ title: `예약 ${slug}`, pubDate }), body: `${slug} 본문.\n` })),
    // Folder posts with a hero and a body image each: an embargoed photo must not reach dist/ either.
    {
      file: `${DRAFT.slug}/index.md`,
      data: postData({ title: DRAFT.title, pubDate: '2010-09-11', draft: true, category: cat(3), tags: [DRAFT.tag], heroImage: './embargo-hero.png', heroAlt: '신제품 사진' }),
      body: 'DRAFTMARK 본문.\n\n![신제품 도면](./embargo-body.png)\n',
    },
    {
      file: `${SCHEDULED.slug}/index.md`,
      data: postData({ title: SCHEDULED.title, pubDate: isoIn(T + 60_000), category: cat(3), tags: [SCHEDULED.tag], heroImage: './embargo-hero.png', heroAlt: '발표 전 사진' }),
      body: 'SCHEDULEDMARK 본문.\n\n![발표 전 도면](./embargo-body.png)\n',
    },
    ...searchPosts(),
  ];
}

/** `npm run new`, then published by removing `draft: true`, as docs/writing.md tells writers. */
function scaffoldNewPost(dir: string): void {
  const result = spawnSync(
    join(root, 'node_modules/.bin/node'),
    ['scripts/new-post.ts', NEW_POST.title, '--author', 'kim', '--category', cat(categories.length - 1), '--date', NEW_POST.date, '--description', NEW_POST.description],
    { cwd: root, env: { ...process.env, CONTENT_DIR: dir }, encoding: 'utf8', input: '' },
  );
  writeFileSync(newPostLog, `exit ${result.status}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`);
  if (result.status !== 0) return;
  const created = readdirSync(join(dir, 'posts')).find((n) => n.startsWith(NEW_POST.date));
  if (!created) return;
  const path = join(dir, 'posts', created);
  writeFileSync(path, readFileSync(path, 'utf8').replace('draft: true\n', ''));
}

/** Sites the blog tests need; see tests/support/sites.ts. */
export const blogSites: Record<string, () => BuildOptions> = {
  [BLOG]: () => {
    const dir = writeFixture(BLOG, {
      posts: blogPosts(),
      files: {
        'posts/tricky/hero.png': makePng(320, 180, [200, 90, 40]),
        'posts/gfm/diagram.png': makePng(640, 300, [40, 160, 90]),
        'posts/with-hero/hero.png': makePng(1280, 720),
        [AVATAR.file]: makePng(AVATAR.width, AVATAR.height, [90, 120, 200]),
        'authors/kim.json': json({ ...defaultAuthors.kim, avatar: './kim-photo.png' }),
        ...UNPUBLISHED_IMAGES,
        'surveys/fx-staff-2010.json': json(staffSurvey),
        'surveys/fx-goals-2011.json': json(goalsSurvey),
        'surveys/fx-accounts-2010.json': json(accountsSurvey),
        'surveys/xss-survey.json': json(xssSurvey),
        'benchmarks/ours-fx-staff-2010.json': json(staffBenchmark),
        'benchmarks/ours-fx-goals-2011.json': json(goalsBenchmark),
        'benchmarks/ours-fx-accounts-2010.json': json(accountsBenchmark),
        'benchmarks/ours.json': json(xssBenchmark),
        ...Object.fromEntries(Object.entries(BLOG_METRICS).map(([name, data]) => [`metrics/${name}`, json(data)])),
      },
    });
    scaffoldNewPost(dir);
    return { contentDir: dir, buildTime: BLOG_NOW, siteUrl: BLOG_SITE_URL };
  },
};

/**
 * Two posts for tests/browser/search.test.ts, without tags (the default tag "트위터" would match
 * every query for it): words inside compounds written without spaces, nouns followed by
 * particles, one word only one of them has, and "트위터" in a title against "트위터" in a body.
 */
export const SEARCH_POSTS = {
  /** "소셜미디어운영팀", "고객상담센터" and "주간회의록" only inside compounds; "트위터에서" in the body. */
  compound: { slug: 'search-compound', title: '부서 소개: 세 사람이 일하는 방식' },
  /** "트위터" in the title, "트위터를" and the word "미디어" in the body, "고객상담센터" but no "회의록". */
  titled: { slug: 'search-titled', title: '트위터 계정을 새로 열었습니다' },
};

function searchPosts(): FixturePost[] {
  return [
    {
      file: `${SEARCH_POSTS.compound.slug}.md`,
      data: postData({ title: SEARCH_POSTS.compound.title, pubDate: '2010-05-20', category: cat(0), tags: [] }),
      body: '우리 회사의 소셜미디어운영팀은 세 사람입니다. 매주 트위터에서 받은 질문을 모아 고객상담센터에 넘깁니다.\n\n## 일하는 방식\n\n주간회의록은 누구나 읽을 수 있습니다.\n',
    },
    {
      file: `${SEARCH_POSTS.titled.slug}.md`,
      data: postData({ title: SEARCH_POSTS.titled.title, pubDate: '2010-05-21', category: cat(1), author: 'lee', tags: [] }),
      body: '고객상담센터로 오던 질문 가운데 일부를 이제 트위터를 통해 받습니다. 미디어 담당자 두 사람이 평일 낮에 답합니다.\n',
    },
  ];
}

/**
 * The manager's monthly log for tests/site/operations.test.ts (content/metrics/): the three months
 * before the build day, the first counted from the 15th, the last without a visitor count (not
 * recorded, never 0). Only the six figures every log has, so an owner's own declared fields change
 * nothing here.
 */
export const BLOG_METRICS: Record<string, Record<string, unknown>> = {
  '2025-12.json': { month: '2025-12', countedFrom: '2025-12-15', followers: 100, tweets: 170, mentionsAnswered: 40, replyMinutesMedian: 90, blogVisitors: 500, blogSubscribers: 12 },
  '2026-01.json': { month: '2026-01', followers: 180, tweets: 279, mentionsAnswered: 95, replyMinutesMedian: 61.5, blogVisitors: 1250, blogSubscribers: 30, note: '1월 메모: 이벤트 없음' },
  '2026-02.json': { month: '2026-02', followers: 260, tweets: 308, mentionsAnswered: 120, replyMinutesMedian: 45, blogSubscribers: 41 },
};
