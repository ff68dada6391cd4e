/**
 * A small site whose one `.mdx` post is written the way Korean writers write, for
 * tests/site/korean-mdx.test.ts: titles in angle brackets, an amount comparison, `<br>`, an
 * autolink, an HTML comment that must never be published, code that keeps its `<` and `{`, and
 * a component that must still render.
 */
import type { BuildOptions } from './build-site';
import { postData, writeFixture } from './fixtures';

export const KOREAN_MDX = 'korean-mdx';
export const KOREAN_MDX_NOW = '2011-01-01T00:00:00.000Z';
export const KOREAN_POST = 'korean-prose';
/** Text only the post's HTML comment holds: no built file may contain it. */
export const COMMENT_MARK = 'COMMENTMARK';
export const AUTOLINK = 'https://example.com/guide?a=1';

const survey = {
  title: '한글 문장 시험 조사',
  publisher: '시험 발행처',
  year: 2010,
  sample: { n: 40, population: '시험 대상' },
  sources: [{ id: 'own', title: '자체 조사', url: 'https://example.com/survey', provenance: 'read' }],
  questions: [{ id: 'q', text: '가장 많이 쓰는 서비스', type: 'single', base: 40, options: [{ id: 'a', label: '트위터' }, { id: 'b', label: '블로그' }], results: { a: 55, b: 45 } }],
};

export const koreanProseBody = `책 <성장>을 읽고 <2010 상반기 결산>을 다시 봤습니다.

가격은 1,000원 < 2,000원 입니다.

첫 줄<br>둘째 줄

자세한 것은 <${AUTOLINK}> 에서 보세요.

<!-- ${COMMENT_MARK} 공개하면 안 되는 메모 -->

코드 \`<성장>\`과 \`{이름}\`은 쓴 그대로입니다.

\`\`\`text
<성장> {이름} <!-- 코드 안의 주석 -->
\`\`\`

<hr>

<SurveyChart survey="kr-survey" question="q" />
`;

export const koreanSites: Record<string, () => BuildOptions> = {
  [KOREAN_MDX]: () => ({
    contentDir: writeFixture(KOREAN_MDX, {
      posts: [{ file: `${KOREAN_POST}.mdx`, data: postData({ title: '한국어로 쓴 MDX', pubDate: '2010-08-10', survey: 'kr-survey' }), body: koreanProseBody }],
      files: { 'surveys/kr-survey.json': JSON.stringify(survey, null, 2) },
    }),
    buildTime: KOREAN_MDX_NOW,
  }),
};
