import type { BuildOptions } from './build-site';
import { postData, writeFixture } from './fixtures';

/** Korean Markdown as writers write it (tests/site/korean-markdown.test.ts). */
export const KOREAN_MARKDOWN = 'korean-markdown';
const NOW = '2026-11-27T12:00:00+09:00';

/**
 * The same body in both formats: bold and italics next to particles, quotes and brackets, the same
 * characters inside code spans (which must stay literal), maths, and a price in dollars.
 */
export const EMPHASIS_BODY = [
  '도구 이야기: **“도구”**를 고르는 법과 **\'하루 한 편\'**입니다.',
  '',
  '*강조*는 기울이고, **굵게**(괄호)도 굵게, 가**(괄호)**를 감싸도 됩니다.',
  '',
  '코드는 그대로: `**x**를` 그리고 `*강조*는`.',
  '',
  '## 제목 속 **“인용”**은',
  '',
  '| 항목 | 설명 |',
  '| --- | --- |',
  '| **“셀”**을 | 보통 |',
  '',
  '가격은 $5에서 $10으로 올랐고, 넓이는 $$\\pi r^2$$ 입니다.',
  '',
  '$$',
  '\\frac{1}{2} + \\sqrt{x^2}',
  '$$',
  '',
].join('\n');

export const markdownSites: Record<string, () => BuildOptions> = {
  [KOREAN_MARKDOWN]: () => ({
    contentDir: writeFixture(KOREAN_MARKDOWN, {
      posts: [
        { file: 'emphasis-md.md', data: postData({ title: '마크다운 강조', pubDate: '2010-08-10' }), body: EMPHASIS_BODY },
        { file: 'emphasis-mdx.mdx', data: postData({ title: 'MDX 강조', pubDate: '2010-08-11' }), body: EMPHASIS_BODY },
      ],
    }),
    buildTime: NOW,
  }),
};
