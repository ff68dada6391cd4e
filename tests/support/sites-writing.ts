import type { BuildOptions } from './build-site';
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

/**
 * Sites the writing tests need; see tests/support/sites.ts. Scheduling and `npm run new` are
 * covered by the blog fixture (tests/support/sites-blog.ts).
 */
export const writingSites: Record<string, () => BuildOptions> = {
  ...errorSites,
};
