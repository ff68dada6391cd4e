import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { EXCLUDE_SELECTORS, META, indexMeta, pageForIndex, readPostHtml } from '@/lib/search/post-html';
import { RANKING, chunkProbes } from '@/lib/search/fields';
import { postPage } from '../support/post-page-html';

describe('reading a post page for the index', () => {
  it('takes the title, day, category, author and tags, and the article text without the header lines, navigation, anchors and footer', () => {
    const post = readPostHtml(postPage());
    expect(post).toMatchObject({ title: '소셜미디어운영팀 이야기', datetime: '2010-05-19T15:00:00.000Z', category: '평판 관리', author: '김하늘', tags: ['트위터', '사내소통'] });
    expect(post.text).toBe('소셜미디어운영팀 이야기 우리 팀은 고객상담센터와 일합니다 & 웃습니다. 소제목 주간회의록을 씁니다.');
  });

  it('fails loudly when the page no longer marks its article or has no title', () => {
    expect(() => readPostHtml('<html><body><article><h1>제목</h1></article></body></html>')).toThrow(/data-pagefind-body/);
    expect(() => readPostHtml('<html><body><article data-pagefind-body><p>본문</p></article></body></html>')).toThrow(/<h1>/);
  });

  it('gives the day in the site time zone, the tags, and index-only tokens of the title apart from the rest', () => {
    const meta = indexMeta(readPostHtml(postPage()), { timeZone: 'Asia/Seoul' });
    expect(meta[META.date]).toBe('2010-05-20');
    expect(meta[META.tags]).toBe('트위터 사내소통');
    expect(meta[META.category]).toBe('평판 관리');
    expect(meta[META.author]).toBe('김하늘');
    expect(meta[META.titleInfix]!.split(' ')).toEqual(expect.arrayContaining(['미디어운영팀', '운영팀']));
    expect(meta[META.infix]!.split(' ')).toEqual(expect.arrayContaining(['상담센터와', '회의록을', '내소통']));
    // A token of the title is not repeated for the body.
    expect(meta[META.infix]!.split(' ')).not.toContain('미디어운영팀');
    expect(indexMeta(readPostHtml(postPage()), { timeZone: 'UTC' })[META.date]).toBe('2010-05-19');
    const plain = indexMeta(readPostHtml(postPage()), { timeZone: 'Asia/Seoul', infix: false });
    expect(Object.keys(plain).sort()).toEqual([META.author, META.category, META.date, META.tags].sort());
  });

  it('gives Pagefind the article alone, with the metadata as elements after it, escaped', () => {
    const post = readPostHtml(postPage());
    expect(post.article.startsWith('<article class="container post" data-pagefind-body>')).toBe(true);
    expect(post.article.endsWith('</article>')).toBe(true);
    expect(post.article).toContain('<div class="prose">');
    const page = pageForIndex(post, { tags: 'a "b" <c> & d' });
    expect(page).toContain('</article><span data-pagefind-meta="tags:a &quot;b&quot; &lt;c&gt; &amp; d"></span></body>');
    expect(page).not.toContain('site-header');
    expect(page).not.toContain('관련 글');
  });

  it('probes, for each word of a query, the last index chunk of the words it starts', () => {
    expect(chunkProbes(' 사람  Twitter 사람 ')).toEqual(['사람\u{10FFFF}', 'twitter\u{10FFFF}']);
    // After every word that starts with the query word, in Pagefind's (code point) order.
    for (const word of ['사람이', '사람힣힣', 'twitter😀', 'twitterz']) expect(word < chunkProbes(word.slice(0, 2))[0]!).toBe(true);
  });

  it('ranks every metadata field it writes', () => {
    for (const field of Object.values(META)) expect(RANKING.metaWeights, field).toHaveProperty(field);
  });
});

describe('Pagefind reading the page it is given', () => {
  it('indexes the article text only, with the tokens and the rest as metadata', async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko', excludeSelectors: EXCLUDE_SELECTORS });
    expect(errors).toEqual([]);
    const html = postPage('팀 "소개" & 방식');
    const meta = indexMeta(readPostHtml(html), { timeZone: 'Asia/Seoul' });
    const added = await index!.addHTMLFile({ url: '/posts/a/', content: pageForIndex(readPostHtml(html), meta) });
    expect(added.errors).toEqual([]);
    expect(added.file.meta).toMatchObject({ title: '팀 "소개" & 방식', date: '2010-05-20', tags: '트위터 사내소통', [META.infix]: meta[META.infix] });
    const { files } = await index!.getFiles();
    await pagefind.close();
    const fragment = files.find((f) => f.path.startsWith('fragment/'))!;
    const data = JSON.parse(gunzipSync(fragment.content).toString('utf8').replace(/^pagefind_dcd/, '')) as { content: string };
    expect(data.content).toContain('고객상담센터와');
    for (const left of ['게시', '읽는', '평판 관리', '#', '공유하기', '목차', '관련 글']) expect(data.content, left).not.toContain(left);
    // The index-only tokens are not text: no run of them in the content.
    expect(data.content).not.toContain(meta[META.infix]!.split(' ').slice(0, 3).join(' '));
  });
});
