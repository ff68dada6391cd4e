import { manyPosts, postData, type FixturePost } from './fixtures';

/** "Now" for the failing tweet fixtures. */
export const SYNDICATION_NOW = '2026-11-27T12:00:00+09:00';

/** A title with every character that feeds get wrong; U+0008 must be dropped, the rest kept. */
export const TRICKY_TITLE = 'Q&A: <태그> "큰따옴표" \'작은따옴표\' 🎉 이모지\u0008끝';
export const TRICKY_DESCRIPTION = '요약에도 & 와 < 와 "따옴표" 🎉 가 들어갑니다.';
/** Text of the code block in the tricky body: a CDATA terminator inside code. */
export const TRICKY_CODE = 'const end = "]]>"; // CDATA를 끝내는 문자열 & <b>';
export const TRICKY_IMAGE_ALT = '흐름도 & "따옴표"가 든 대체 텍스트';

/** 128 Hangul syllables: 256 weighted + a space + a 23-character link = exactly 280. */
export const BOUNDARY_TWEET = '가나다라마바사아자차카타파하'.repeat(10).slice(0, 128);
/** Mixed Latin (1 each), Hangul (2), emoji (2) and a URL (23) at exactly 256, so it fits with the link. */
export const MIXED_TWEET = `${'SNS 운영 '.repeat(10)}👍🎉 https://example.com/a/very/long/path/that/still/counts/23 ${'a'.repeat(137)}`;
/**
 * A 120-character title, the schema's maximum. Even all-Hangul it weighs at most 240, so with
 * the link (24) it still fits: the title is tweeted whole. (Shortening with "…" is unit-tested.)
 */
export const LONG_TITLE = '소셜미디어운영가이드라인을처음만든날부터지금까지고친모든조항을한줄씩되짚어본긴이야기와앞으로바꿀것들에대한팀의고민그리고독자여러분께드리는질문다섯가지를모았습니다정말로긴제목입니다'.padEnd(120, '끝').slice(0, 120);

const trickyBody = `첫 문단에는 &와 <와 > 그리고 "큰따옴표"와 '작은따옴표', 이모지 🎉가 있습니다.\u0008 제어 문자는 사라져야 합니다.

## 링크와 이미지

[다른 글](../소셜-미디어/)과 [사이트 안 링크](/posts/plain-post/), [이 글의 절](#링크와-이미지), [바깥 링크](https://example.org/a?b=1&c=2).

![${TRICKY_IMAGE_ALT}](./hero.png)

<div style="color: red" data-astro-cid-abc123="">스타일 속성이 있던 상자</div>

<div hidden>숨은 내용</div>

\`\`\`js
${TRICKY_CODE}
\`\`\`

| 항목 | 값 |
| --- | --- |
| 트위터 | 1 & 2 |
`;

/**
 * The feed edge cases, part of the blog fixture (tests/support/sites-blog.ts): `filler` older
 * posts, a post with every character feeds get wrong (and an image beside it), a Hangul slug,
 * tweets at the length boundary and a title at the schema's maximum. `first` and `last` are
 * category ids of the site's configuration.
 */
export function syndicationPosts(first: string, last: string, filler: number): FixturePost[] {
  return [
    ...manyPosts(filler),
    {
      file: 'tricky/index.md',
      data: postData({ title: TRICKY_TITLE, description: TRICKY_DESCRIPTION, pubDate: '2010-09-10', category: last, tags: ['트위터', 'Q&A'] }),
      body: trickyBody,
    },
    {
      file: '소셜-미디어.md',
      data: postData({ title: '한글 주소를 가진 글', pubDate: '2010-09-09', category: first, author: 'lee', tags: ['브랜드'] }),
    },
    { file: 'plain-post.md', data: postData({ title: '평범한 글', pubDate: '2010-09-05', category: first, tags: [] }) },
    { file: 'boundary-tweet.md', data: postData({ title: '경계 트윗', pubDate: '2010-09-08', tweet: BOUNDARY_TWEET }) },
    { file: 'mixed-tweet.md', data: postData({ title: '섞인 트윗', pubDate: '2010-09-07', tweet: MIXED_TWEET }) },
    { file: 'long-title.md', data: postData({ title: LONG_TITLE, pubDate: '2010-09-06' }) },
  ];
}
