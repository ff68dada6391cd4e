import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions } from './build-site';
import { root } from './build-site';
import { postData, writeFixture, type FixturePost } from './fixtures';

/** A small survey that passes src/lib/surveys/validate.ts, for posts that use the survey components. */
export const writingSurvey = {
  title: '기업 소셜미디어 운영 실태 조사',
  publisher: '테스트 연구소',
  year: 2010,
  fieldwork: { start: '2010-03-01', end: '2010-04-12' },
  sample: { n: 200, population: '국내 기업 홍보 담당자' },
  sources: [{ title: '보고서', url: 'https://example.org/report', provenance: 'read' }],
  questions: [
    {
      id: 'staff',
      text: '소셜미디어 전담 인력은 몇 명입니까?',
      type: 'single',
      base: 120,
      options: [
        { id: 'one', label: '1명' },
        { id: 'two-plus', label: '2명 이상' },
      ],
      results: { one: 64, 'two-plus': 36 },
    },
  ],
};

export const writingBenchmark = {
  survey: 'ws-2010',
  organization: '다온에듀',
  asOf: '2010-08-10',
  answers: { staff: 'one' },
};

const surveyFiles = (survey: unknown = writingSurvey, benchmark: unknown = writingBenchmark) => ({
  'surveys/ws-2010.json': `${JSON.stringify(survey, null, 2)}\n`,
  'benchmarks/daon-2010.json': `${JSON.stringify(benchmark, null, 2)}\n`,
});

const post = (file: string, body: string, data: Record<string, unknown> = {}): FixturePost => ({ file, data: postData(data), body });

/**
 * The bad-input cases of docs/writing.md that are not front matter (tests/site/errors.test.ts
 * covers those): each site must fail to build with a message naming the file, the line and the fix.
 */
const errorSites: Record<string, () => BuildOptions> = {
  'writing-mdx-syntax': () => ({
    contentDir: writeFixture('writing-mdx-syntax', {
      posts: [post('good.mdx', '좋은 글.\n'), post('broken.mdx', '첫 문단.\n\n<div>\n닫지 않은 태그\n')],
    }),
  }),
  'writing-unknown-component': () => ({
    contentDir: writeFixture('writing-unknown-component', {
      posts: [post('foo.mdx', '첫 문단.\n\n<Foo bar="1" />\n')],
    }),
  }),
  'writing-unknown-survey': () => ({
    contentDir: writeFixture('writing-unknown-survey', {
      posts: [
        post('chart.mdx', '첫 문단.\n\n<SurveyChart survey="ws-2009" question="staff" />\n\n<SurveyChart survey="ws-2010" question="budget" />\n'),
      ],
      files: surveyFiles(),
    }),
  }),
  'writing-missing-image': () => ({
    contentDir: writeFixture('writing-missing-image', {
      posts: [post('photo/index.mdx', '첫 문단.\n\n![행사 사진](./event.jpg)\n')],
    }),
  }),
  'writing-missing-hero': () => ({
    contentDir: writeFixture('writing-missing-hero', {
      posts: [post('hero.mdx', '본문.\n', { heroImage: './cover.jpg', heroAlt: '표지 사진' })],
    }),
  }),
  'writing-broken-link': () => ({
    contentDir: writeFixture('writing-broken-link', {
      posts: [
        post('target.mdx', '링크 대상.\n', { title: '대상 글' }),
        post('links.mdx', '첫 문단.\n\n[좋은 링크](/posts/target/)와 [오타 링크](/posts/targt/).\n'),
      ],
    }),
  }),
  'writing-survey-json': () => {
    const broken = structuredClone(writingSurvey) as typeof writingSurvey;
    broken.questions[0]!.results = { one: 64, 'two-plus': 48 };
    return { contentDir: writeFixture('writing-survey-json', { posts: [post('a.mdx', '본문.\n')], files: surveyFiles(broken) }) };
  },
  'writing-benchmark-json': () => ({
    contentDir: writeFixture('writing-benchmark-json', {
      posts: [post('a.mdx', '본문.\n')],
      files: surveyFiles(writingSurvey, { ...writingBenchmark, answers: { staff: 'three' } }),
    }),
  }),
};

/** "Now" of the scheduling site: midnight 2 March 2026 in Seoul. */
export const SCHEDULE_TIME = '2026-03-02T00:00:00+09:00';

/** Posts around SCHEDULE_TIME: only those with pubDate <= T may be built. */
export const schedulePosts: { slug: string; pubDate: string; published: boolean }[] = [
  { slug: 'second-before', pubDate: '2026-03-01T23:59:59+09:00', published: true },
  { slug: 'exactly-at', pubDate: '2026-03-02T00:00:00+09:00', published: true },
  { slug: 'same-instant-utc', pubDate: '2026-03-01T15:00:00Z', published: true },
  { slug: 'bare-day-today', pubDate: '2026-03-02', published: true },
  { slug: 'second-after', pubDate: '2026-03-02T00:00:01+09:00', published: false },
  { slug: 'bare-day-tomorrow', pubDate: '2026-03-03', published: false },
  { slug: 'utc-day-before-seoul', pubDate: '2026-03-01T15:00:01Z', published: false },
];

/** A post made by `npm run new`, then published by removing `draft: true`: it must build. */
function newPostSite(): BuildOptions {
  const dir = writeFixture('writing-new-post', { posts: [] });
  const result = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/new-post.ts', '첫 글: 소셜미디어 시작하기', '--author', 'kim', '--category', 'communication', '--date', '2010-08-10', '--description', '첫 글의 요약입니다.'],
    { cwd: root, env: { ...process.env, CONTENT_DIR: dir }, encoding: 'utf8', input: '' },
  );
  if (result.status !== 0) throw new Error(`npm run new failed: ${result.stdout}${result.stderr}`);
  const postsDir = join(dir, 'posts');
  for (const name of readdirSync(postsDir)) {
    const file = join(postsDir, name);
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true\n', ''));
  }
  return { contentDir: dir, buildTime: '2010-08-11T00:00:00+09:00' };
}

/** Sites the writing tests need; see tests/support/sites.ts. */
export const writingSites: Record<string, () => BuildOptions> = {
  ...errorSites,
  'writing-schedule': () => ({
    contentDir: writeFixture('writing-schedule', {
      posts: schedulePosts.map(({ slug, pubDate }) => post(`${slug}.md`, `${slug} 본문.\n`, { title: `예약 ${slug}`, pubDate })),
    }),
    buildTime: SCHEDULE_TIME,
  }),
  'writing-new-post': newPostSite,
};
