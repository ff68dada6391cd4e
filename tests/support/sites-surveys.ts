import type { BuildOptions } from './build-site';
import { postData, writeFixture } from './fixtures';

const NOW = '2026-11-27T12:00:00+09:00';

/** A label that would end a <script> element and run code if any survey text were written unescaped. */
export const XSS = '</script><script>alert(1)</script>';

/** A survey (part of the blog fixture, tests/support/sites-blog.ts) whose every reader-visible text tries to break out of the page, with a small base (소표본). */
export const xssSurvey = {
  title: `주입 시험 조사 ${XSS}`,
  publisher: `발행처 ${XSS}`,
  year: 2011,
  sample: { n: 25, population: `대상 ${XSS}` },
  sources: [{ id: 'copy', title: `출처 ${XSS}`, url: 'https://example.com/a?b=1&c=2', provenance: 'secondhand' }],
  questions: [
    {
      id: 'q',
      text: `질문 ${XSS}`,
      type: 'single',
      base: 25,
      options: [
        { id: 'a', label: XSS },
        { id: 'b', label: '<img src=x onerror=alert(2)>' },
      ],
      results: { a: 60, b: 40 },
    },
    { id: 'n', text: '평균 계정 수', type: 'numeric', unit: '개', results: { mean: 3.5 } },
  ],
};

export const xssBenchmark = { survey: 'xss-survey', organization: `우리 회사 ${XSS}`, asOf: '2011-01-01', answers: { q: 'a', n: 2 }, notes: { q: `메모 ${XSS}` } };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A valid survey for the failing cases below (written here, not read from content/, so an owner's
 * own content cannot change them): n=42, a partial question "uses" with a base, a single-choice
 * question "staff" without one.
 */
const kicomSurvey = {
  title: '대기업 소셜미디어 운영 현황 조사',
  publisher: '가상인터넷커뮤니케이션협회',
  year: 2010,
  sample: { n: 42, population: '국내 대기업 42곳' },
  sources: [{ id: 'news', title: '조사 보도 기사', url: 'https://example.com/201007150039', provenance: 'press' }],
  questions: [
    { id: 'uses', text: '소셜미디어를 하나 이상 운영하고 있습니까?', type: 'single', base: 42, partial: true, options: [{ id: 'yes', label: '하나 이상 운영한다' }], results: { yes: 75 } },
    {
      id: 'staff',
      text: '소셜미디어 운영 인력은 몇 명입니까?',
      type: 'single',
      options: [
        { id: 'one', label: '1명' },
        { id: 'two-plus', label: '2명 이상' },
      ],
      results: { one: 64, 'two-plus': 36 },
    },
  ],
};
const kicomFile = (id: 'kicom-2010') => json({ 'kicom-2010': kicomSurvey }[id]);
/** A valid post: a content folder without any post is refused before the survey files are read. */
const onePost = { file: 'a.md', data: postData() };

/** Sites the surveys tests need; see tests/support/sites.ts. Survey mistakes are tested in-process (tests/unit/surveys-validate.test.ts, rules-mdx.test.ts) and end to end once (tests/processes/build-errors.ts). */
export const surveySites: Record<string, () => BuildOptions> = {};
