/**
 * `npm run import` on the fixture blogs of tests/fixtures/import/: each reader (Jekyll, Hugo,
 * WordPress, RSS, Atom), the conversion of a post, the redirect rules of `redirectFrom`, and the
 * command's promises: it refuses to overwrite without --force, --dry-run writes nothing, and a
 * wrong author or a web address is refused with a Korean problem.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertPost } from '../../src/lib/import/convert';
import { writePost } from '../../src/lib/import/front-matter';
import { z } from 'astro/zod';
import { readHugo } from '../../src/lib/import/hugo';
import { readJekyll } from '../../src/lib/import/jekyll';
import { readFeed, readWxr, xmlKind } from '../../src/lib/import/xml-feeds';
import { duplicateOldPaths, oldPathProblem, redirectFile, redirectsFileText, redirectsOf } from '../../src/lib/redirects';
import { parseFrontmatter } from '../../src/lib/rules/frontmatter';
import { postSchema } from '../../src/lib/rules/post-schema';
import { movedLink, runImport } from '../../scripts/lib/import-run';
import { parseRedirectsFile } from '../../scripts/lib/static-server';
import site from '../../src/site.config';
import { markdownToHtml } from 'satteri';
import { MARKDOWN_FEATURES } from '../../src/lib/markdown-features';
import { headingAnchors } from '../../src/lib/markdown-plugins.mjs';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const options = { timeZone: 'Asia/Seoul', display: (p: string) => p.slice(FIXTURES.length + 1) };
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('readers', () => {
  it('Jekyll: posts with their dates, categories and old addresses; drafts and unpublished posts as drafts without one', () => {
    const jekyll = readJekyll(join(FIXTURES, 'jekyll'), options);
    const byTitle = Object.fromEntries(jekyll.posts.map((p) => [p.title, p]));
    expect(Object.keys(byTitle).sort()).toEqual(['Jekyll에서 옮겨 온 첫 글: <성장> 이야기', '공개하지 않은 글', '두 번째 글', '초안 아이디어'].sort());
    const first = byTitle['Jekyll에서 옮겨 온 첫 글: <성장> 이야기']!;
    expect(first).toMatchObject({ pubDate: '2021-03-22T10:30:00+09:00', categories: ['dev'], tags: ['jekyll', '블로그 이전'], draft: false, oldPaths: ['/dev/2021/03/22/hello-jekyll.html'], bodyLine: 9 });
    expect(byTitle['두 번째 글']).toMatchObject({ pubDate: '2021-04-01T00:00:00+09:00', categories: ['회사 소식'], description: '두 번째 글의 요약입니다.', oldPaths: ['/회사 소식/2021/04/01/두번째-글.html'] });
    expect(byTitle['공개하지 않은 글']).toMatchObject({ draft: true, oldPaths: [] });
    expect(byTitle['초안 아이디어']).toMatchObject({ draft: true, oldPaths: [] });
  });

  it('Hugo: TOML and YAML front matter, [permalinks], aliases, a page bundle with its cover', () => {
    const hugo = readHugo(join(FIXTURES, 'hugo'), options);
    const byTitle = Object.fromEntries(hugo.posts.map((p) => [p.title, p]));
    expect(byTitle['휴고에서 온 글']).toMatchObject({ pubDate: '2020-11-05T09:15:00+09:00', tags: ['휴고', '정적 사이트'], categories: ['개발'], oldPaths: ['/2020/11/first/'] });
    expect(byTitle['번들 글']).toMatchObject({ slug: 'bundle-post', cover: 'cover.png', oldPaths: ['/2020/12/bundle-post/', '/old/bundle/'] });
  });

  it('WordPress: posts only, a draft as a draft, the offset from the local and UTC times, tags and categories apart', () => {
    const xml = read('wordpress.xml');
    expect(xmlKind(xml)).toBe('wxr');
    const wp = readWxr(xml, 'wordpress.xml', { timeZone: 'UTC' });
    expect(wp.posts.map((p) => p.title)).toEqual(['워드프레스에서 온 글 & 사진', '아직 쓰는 중인 글']);
    expect(wp.posts[0]).toMatchObject({ pubDate: '2021-03-15T14:00:00+09:00', slug: 'wordpress-post', categories: ['소식'], tags: ['워드프레스', '이전'], draft: false, oldPaths: ['/2021/03/wordpress-post/'], sourceLine: 12 });
    expect(wp.posts[1]).toMatchObject({ draft: true, oldPaths: [] });
  });

  it('RSS (Tistory) and Atom: the full content, the link as old address, the date with its offset', () => {
    expect(xmlKind(read('rss.xml'))).toBe('rss');
    expect(xmlKind(read('atom.xml'))).toBe('atom');
    expect(xmlKind('<html></html>')).toBeUndefined();
    const rss = readFeed(read('rss.xml'), 'rss.xml', { timeZone: 'UTC', kind: 'rss' });
    expect(rss.posts[0]).toMatchObject({ title: '티스토리 글 하나', pubDate: '2021-02-02T21:10:00+09:00', oldPaths: ['/123'], categories: ['일상', '티스토리'], sourceLine: 7 });
    expect(rss.posts[0]!.body).toContain('<figure');
    expect(rss.posts[1]).toMatchObject({ description: '둘째 글의 요약입니다.', slug: 'named-post' });
    const atom = readFeed(read('atom.xml'), 'atom.xml', { timeZone: 'UTC', kind: 'atom' });
    expect(atom.posts[0]).toMatchObject({ title: '아톰 피드의 글', pubDate: '2022-01-10T12:00:00+09:00', oldPaths: ['/2022/01/atom-entry.html'], description: '아톰 글의 요약입니다.' });
  });
});

describe('converting a post', () => {
  const convertOptions = {
    author: 'kim',
    categoryMap: new Map([['dev', site.categories[1]!.id]]),
    defaultCategory: site.categories[0]!.id,
    categoryIds: site.categories.map((c) => c.id),
    postUrl: (key: string) => (key === '2021-04-01-두번째-글' ? '/posts/2021-04-01-dubeonjjae-geul/' : undefined),
    exists: existsSync,
  };
  const jekyll = readJekyll(join(FIXTURES, 'jekyll'), options);
  const first = convertPost(jekyll.posts.find((p) => p.title.startsWith('Jekyll'))!, 'jekyll', convertOptions);

  it("points the post's links to its headings' old ids (kramdown {#id}, <h2 id>, <a name> in a heading) at the ids the site gives them", async () => {
    const body = [
      '- [배경](#index1)',
      '- [정의](#definition)',
      '- [처음](#intro)',
      '- [없는 곳](#nowhere)',
      '- [이미 맞는 링크](#문제-해결-방식)',
      '- [옛 사이트가 만든 id](#마치며-)',
      '- [문단 안의 표적](#ref1)',
      '',
      '<h2 id="index1">차량 파손 탐지 모델의 배경</h2>',
      '',
      '## 2. 중요한 고객의 정의 <a name="definition"></a>',
      '',
      '## 들어가며 {#intro}',
      '',
      '## 문제 해결 방식',
      '',
      '`[코드](#index1)`',
      '',
      '## 마치며 <a name="end"></a>',
      '',
      '<a name="ref1"></a>참고 문헌 1',
    ].join('\n');
    const converted = convertPost({ ...jekyll.posts[0]!, body }, 'jekyll', convertOptions);
    const links = [...converted.body.matchAll(/\]\((#[^)]*)\)/g)].map((m) => m[1]);
    expect(links).toEqual(['#차량-파손-탐지-모델의-배경', '#2-중요한-고객의-정의', '#들어가며', '#nowhere', '#문제-해결-방식', '#마치며', '#ref1', '#index1']);
    expect(converted.body).toContain('`[코드](#index1)`');
    // The empty anchor that was only a target is gone; the heading keeps its text.
    expect(converted.body).toContain('## 2. 중요한 고객의 정의\n');
    expect(converted.body).not.toContain('<a name="definition"');
    // An anchor in a paragraph is still the target its links name.
    expect(converted.body).toContain('<a name="ref1"></a>참고 문헌 1');
    expect(converted.notes.find((n) => n.reason === '소제목 링크')?.message).toContain('4개');
    // The ids are the ones the site's heading plugin gives those headings.
    const { html } = await markdownToHtml(converted.body, { features: MARKDOWN_FEATURES, hastPlugins: [headingAnchors] });
    for (const link of [...links.slice(0, 3), '#마치며']) expect(html).toContain(`id="${link!.slice(1)}"`);
  });

  it('front matter this site accepts: mapped category, the offset kept, old address kept, a romanised id', () => {
    expect(first.baseId).toBe('2021-03-22-hello-jekyll');
    expect(first.frontMatter).toMatchObject({ category: site.categories[1]!.id, pubDate: '2021-03-22T10:30:00+09:00', author: 'kim', redirectFrom: ['/dev/2021/03/22/hello-jekyll.html'] });
    const second = convertPost(jekyll.posts.find((p) => p.title === '두 번째 글')!, 'jekyll', convertOptions);
    expect(second.baseId).toBe('2021-04-01-dubeonjjae-geul');
    expect(second.frontMatter.category).toBe(site.categories[0]!.id);
    expect(second.unmappedCategories).toEqual(['회사 소식']);
  });

  it('links to an old post, site-relative or absolute to the old host, go to its new address with the fragment', () => {
    const old = new Map([['2021/03/22/x.html', '/posts/2021-03-22-x/'], ['old/index.html', '/posts/2021-01-01-old/']]);
    expect(movedLink('/2021/03/22/x.html#part', old, 'tech.old.example')).toBe('/posts/2021-03-22-x/#part');
    expect(movedLink('https://tech.old.example/old', old, 'tech.old.example')).toBe('/posts/2021-01-01-old/');
    expect(movedLink('https://elsewhere.example/old/', old, 'tech.old.example')).toBeUndefined();
    expect(movedLink('/2021/03/22/y.html', old, 'tech.old.example')).toBeUndefined();
    expect(movedLink('./x.html', old, undefined)).toBeUndefined();
  });

  it('local images are copied beside the post and linked as ./name; a remote one is reported with its line in the new file', () => {
    expect(first.images.map((i) => i.name)).toEqual(['photo.png']);
    expect(first.body).toContain('![사무실 사진](./photo.png)');
    expect(first.body).toContain('[두 번째 글](/posts/2021-04-01-dubeonjjae-geul/)');
    // Liquid and kramdown are gone; the Liquid inside {% raw %} in the code block stays, as Jekyll showed it.
    expect(first.body.replace(/```ruby[\s\S]*?```/, '')).not.toMatch(/\{%|\{\{|\{:|\{#/);
    expect(first.body).toContain('puts "{{ name }}"');
    const remote = first.notes.find((n) => n.reason === '원격 이미지')!;
    expect(remote.kind).toBe('human');
    // The note's line in the written file holds the image.
    const written = writePost(first.frontMatter, first.body).split('\n');
    expect(written[remote.line! - 1]).toContain('https://cdn.old.example/remote.png');
  });

  it('a description within the schema’s limits: the source’s summary, else the first sentences', () => {
    const long = convertPost({ ...jekyll.posts[0]!, description: undefined, body: `${'가나다라마바사. '.repeat(40)}` }, 'jekyll', convertOptions);
    expect(long.frontMatter.description.length).toBeLessThanOrEqual(200);
    expect(long.frontMatter.description.endsWith('.')).toBe(true);
  });
});

describe('redirectFrom rules', () => {
  it('accepts site paths and refuses addresses, bad paths and the site’s own pages (Korean reasons)', () => {
    for (const ok of ['/2021/03/22/x.html', '/old/', '/123', '/회사 소식/x.html', '/posts/old-slug/']) expect(oldPathProblem(ok), ok).toBeUndefined();
    for (const bad of ['https://a.example/x', 'x.html', '/a//b', '/a/../b', '/a?b', '/tags/x/', '/rss.xml', '/', '/_astro/a.js', '/categories/']) {
      expect(oldPathProblem(bad), bad).toMatch(/[가-힣]/);
    }
  });

  it('writes x.html for a file, x/index.html for a folder; _redirects percent-encoded', () => {
    expect(redirectFile('/2021/03/22/x.html')).toBe('2021/03/22/x.html');
    expect(redirectFile('/old/')).toBe('old/index.html');
    expect(redirectFile('/123')).toBe('123/index.html');
    const redirects = redirectsOf([{ id: '2021-a', data: { redirectFrom: ['/한글/x.html', '/old/'] } }, { id: 'b', data: {} }]);
    expect(redirects.map((r) => r.to)).toEqual(['/posts/2021-a/', '/posts/2021-a/']);
    expect(redirectsFileText(redirects).split('\n').slice(1)).toEqual(['/old/ /posts/2021-a/ 301', '/%ED%95%9C%EA%B8%80/x.html /posts/2021-a/ 301', '']);
    expect(parseRedirectsFile(redirectsFileText(redirects)).get('/한글/x.html')).toEqual({ to: '/posts/2021-a/', status: 301 });
  });

  it('an old address claimed by two posts is found; one claimed once is not', () => {
    expect(duplicateOldPaths([{ file: 'a.md', redirectFrom: ['/x/', '/y.html'] }, { file: 'b.md', redirectFrom: ['/x'] }])).toEqual([{ file: 'b.md', path: '/x', firstFile: 'a.md' }]);
    expect(duplicateOldPaths([{ file: 'a.md', redirectFrom: ['/x/'] }, { file: 'b.md', redirectFrom: ['/z/'] }])).toEqual([]);
  });

  it('the post schema reads redirectFrom: valid paths pass, a bad one and a repeated one are Korean errors', () => {
    const schema = postSchema(() => z.string(), () => ['kim']);
    const base = { title: 't', description: 'd', pubDate: '2021-01-01', author: 'kim', category: site.categories[0]!.id };
    expect(schema.safeParse({ ...base, redirectFrom: ['/a.html', '/b/'] }).success).toBe(true);
    const bad = schema.safeParse({ ...base, redirectFrom: ['https://old.example/a.html', '/b/', '/b'] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['"https://old.example/a.html"은(는) 사이트 안 경로가 아니라 전체 주소입니다.', '"/b"이(가) 목록에 두 번 있습니다.']);
  });
});

describe('npm run import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'socialbench-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const content = join(dir, 'content');
  mkdirSync(join(content, 'authors'), { recursive: true });
  writeFileSync(join(content, 'authors', 'kim.json'), JSON.stringify({ name: '김', role: '역할', bio: '소개' }));
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const result = await runImport(argv, { contentDir: content, cwd: FIXTURES, out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code: result.code, out: out.join('\n'), err: err.join('\n') };
  };
  const category = site.categories[0]!.id;
  const posts = () => readdirSync(join(content, 'posts'), { recursive: true, encoding: 'utf8' }).sort();

  it('--dry-run reports and writes nothing', async () => {
    const result = await run('rss.xml', '--author', 'kim', '--category', category, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toContain('아무것도 쓰지 않았습니다');
    expect(existsSync(join(content, 'posts'))).toBe(false);
  });

  it('writes the posts and the report, then refuses to overwrite them without --force, and overwrites with it', async () => {
    expect((await run('rss.xml', '--author', 'kim', '--category', category)).code).toBe(0);
    expect(posts()).toEqual(['2021-02-02-tiseutori-geul-hana.md', '2021-02-03-named-post.md']);
    expect(readFileSync(join(content, '_import-report.md'), 'utf8')).toContain('원격 이미지 https://blog.kakaocdn.net/dn/abc/img.png');
    const path = join(content, 'posts', '2021-02-03-named-post.md');
    writeFileSync(path, '손으로 고친 글');
    const again = await run('rss.xml', '--author', 'kim', '--category', category);
    expect(again.code).toBe(1);
    expect(again.err).toContain('이미 있습니다. 덮어쓰지 않습니다');
    expect(again.err).toContain('--force');
    expect(readFileSync(path, 'utf8')).toBe('손으로 고친 글');
    expect((await run('rss.xml', '--author', 'kim', '--category', category, '--force')).code).toBe(0);
    const written = parseFrontmatter(readFileSync(path, 'utf8'));
    expect(written.data).toMatchObject({ title: '벨로그처럼 주소에 이름이 있는 글', pubDate: '2021-02-03T08:00:00+09:00', redirectFrom: ['/entry/named-post'], tags: [] });
  });

  it('refuses an unknown author, an unknown category and a web address, in Korean, writing nothing', async () => {
    const wrong = await run('atom.xml', '--author', 'kin', '--category', 'nope');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('"kin"은(는) 등록된 저자가 아닙니다.');
    expect(wrong.err).toContain('혹시 "kim"?');
    expect(wrong.err).toContain('"nope"은(는) 분류가 아닙니다.');
    const url = await run('https://oldblog.tistory.com/rss', '--author', 'kim', '--category', category);
    expect(url.err).toContain('주소에서 직접 가져오지 않습니다');
    expect(posts()).not.toContain('2022-01-10-atom-entry.md');
  });
});
