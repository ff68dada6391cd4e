import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import site from '@/site.config';
import { formatDate } from '@/lib/dates';
import { checkLinks, lineContaining, listBuiltFiles, pagePath, resolveLink, scanHtml, similarPages } from '@/lib/rules/links';
import type { PostInfo } from '@/lib/rules/post';
import { formatProblem } from '@/lib/rules/problems';
import { checkLinksApart } from '@/lib/rules/links-apart';

let dist: string;

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'rules-links-'));
});

function page(path: string, body: string): void {
  const file = join(dist, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"></head><body>${body}</body></html>`);
}

function post(id: string, source: string, extra: Partial<PostInfo> = {}): PostInfo {
  return { id, path: `/c/posts/${id}.mdx`, file: `content/posts/${id}.mdx`, source, draft: false, state: 'published', fieldLines: {}, ...extra };
}

const SITE = 'https://blog.example.org';

describe('scanHtml', () => {
  it('collects href, src, srcset and social image URLs, and element ids', () => {
    const scan = scanHtml(
      '<a href="/a/">a</a><img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x"><h2 id="x">x</h2><a name="old"></a>' +
        '<meta property="og:image" content="https://blog.example.org/og.png"><meta name="description" content="/not-a-link">',
    );
    expect(scan.links.map((l) => l.url)).toEqual(['/a/', '/i.png', '/i-1.png', '/i-2.png', 'https://blog.example.org/og.png']);
    expect([...scan.ids]).toEqual(['x', 'old']);
  });
});

describe('resolveLink', () => {
  const files = new Set(['/index.html', '/posts/a/index.html', '/rss.xml', '/tags/트위터/index.html']);
  it('resolves relative, root-relative and same-site absolute links to built files', () => {
    expect(resolveLink('../a/', '/posts/b/', files, SITE)).toMatchObject({ internal: true, file: '/posts/a/index.html' });
    expect(resolveLink('/posts/a', '/', files, SITE)).toMatchObject({ file: '/posts/a/index.html' });
    expect(resolveLink(`${SITE}/rss.xml`, '/', files, SITE)).toMatchObject({ file: '/rss.xml' });
    expect(resolveLink('/tags/%ED%8A%B8%EC%9C%84%ED%84%B0/#top', '/', files, SITE)).toMatchObject({ file: '/tags/트위터/index.html', hash: 'top' });
    expect(resolveLink('/nope/', '/', files, SITE)).toMatchObject({ internal: true, file: undefined });
  });

  it('leaves other sites, mail and phone links alone', () => {
    for (const url of ['https://twitter.com/x', '//cdn.example.com/a.js', 'mailto:a@b.c', 'tel:010', 'javascript:void(0)', 'data:image/png;base64,AA']) {
      expect(resolveLink(url, '/', files, SITE).internal).toBe(false);
    }
  });
});

describe('checkLinks', () => {
  it('reports a broken link typed in a post at its line in the post file, with a suggestion', () => {
    const source = '---\ntitle: x\n---\n\n첫 문단\n\n[오타](/posts/helo/) 그리고 [정상](/posts/hello/)\n';
    page('posts/hello/index.html', '<p>hello</p>');
    page('posts/a/index.html', '<a href="/posts/helo/">오타</a><a href="/posts/hello/">정상</a>');
    const { problems, pages, links } = checkLinks({ dir: dist, posts: [post('a', source), post('hello', '')], templateSeverity: 'error', siteUrl: SITE });
    expect(pages).toBe(2);
    expect(links).toBe(4);
    expect(problems).toHaveLength(2); // the post's typo, and the stylesheet every page links to
    const typo = problems.find((p) => p.file === 'content/posts/a.mdx')!;
    expect(typo).toMatchObject({
      kind: 'link',
      line: 7,
      severity: 'error',
      message: '링크 "/posts/helo/": 빌드된 사이트에 페이지 /posts/helo/이(가) 없습니다.',
      expected: '사이트에 있는 페이지나 파일',
      suggestion: '/posts/hello/',
    });
    expect(typo.fix).toContain('/posts/<이름>/');
    expect(formatProblem(typo)).toBe(
      [
        '오류 content/posts/a.mdx:7',
        '  문제: 링크 "/posts/helo/": 빌드된 사이트에 페이지 /posts/helo/이(가) 없습니다.',
        '  기대: 사이트에 있는 페이지나 파일',
        `  고치는 법: ${typo.fix}`,
        '  혹시 "/posts/hello/"?',
      ].join('\n'),
    );
  });

  it('suggests nothing when no page is near', () => {
    page('_astro/a.css', '');
    page('posts/hello/index.html', '<p>hello</p>');
    page('posts/a/index.html', '<a href="/posts/completely-different/">x</a>');
    const { problems } = checkLinks({ dir: dist, posts: [post('a', '[x](/posts/completely-different/)\n')], templateSeverity: 'error', siteUrl: SITE });
    expect(problems).toEqual([expect.objectContaining({ line: 1, suggestion: undefined })]);
  });

  it('groups a broken link from a template once, with the pages it is on', () => {
    page('index.html', '<a href="/surveys/">설문</a>');
    page('archive/index.html', '<a href="/surveys/">설문</a>');
    page('_astro/a.css', '');
    const { problems } = checkLinks({ dir: dist, posts: [], templateSeverity: 'warning', siteUrl: SITE });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'link', severity: 'warning', file: '빌드된 페이지 /' });
    expect(problems[0]!.line).toBeUndefined();
    expect(problems[0]!.message).toBe('<a href="/surveys/">: 빌드된 사이트에 페이지 /surveys/이(가) 없습니다. (나온 곳: /, /archive/)');
    expect(problems[0]!.fix).toMatch(/^이 링크는 글이 아니라 사이트 템플릿\(src\/\)에서 나옵니다\. 개발자에게 알려 주세요\. /);
    expect(problems[0]!.fix).toContain('/surveys/을(를) 만드는 페이지가 없습니다.');
  });

  it('counts the pages beyond three, and names similar pages for a developer', () => {
    page('_astro/a.css', '');
    page('survey/index.html', '');
    for (const path of ['index.html', 'a/index.html', 'b/index.html', 'c/index.html', 'd/index.html']) page(path, '<a href="/surveys/">설문</a>');
    const { problems } = checkLinks({ dir: dist, posts: [], templateSeverity: 'error', siteUrl: SITE });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: '빌드된 페이지 /' });
    expect(problems[0]!.message).toMatch(/\(나온 곳: \/, \/a\/, \/b\/ 외 2곳\)$/);
    expect(problems[0]!.fix).toContain('비슷한 주소: /survey/');
  });

  it('checks #fragments against the ids of the target page', () => {
    page('_astro/a.css', '');
    page('posts/a/index.html', '<h2 id="intro">x</h2><a href="#intro">ok</a><a href="#outro">bad</a><a href="#top">top</a><a href="/posts/b/#missing">other</a>');
    page('posts/b/index.html', '<h2 id="present">x</h2>');
    const source = '[ok](#intro) [bad](#outro)\n[other](/posts/b/#missing)\n';
    const { problems } = checkLinks({ dir: dist, posts: [post('a', source)], templateSeverity: 'error', siteUrl: SITE });
    expect(problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [1, 'error', '링크 "#outro": /posts/a/에 id가 "outro"인 요소가 없습니다.'],
      [2, 'error', '링크 "/posts/b/#missing": /posts/b/에 id가 "missing"인 요소가 없습니다.'],
    ]);
    expect(problems[0]!.fix).toContain('목차에서 주소를 복사');
  });

  it('explains links to drafts (an error) and to scheduled posts (a warning)', () => {
    page('_astro/a.css', '');
    page('posts/a/index.html', '<a href="/posts/draft/">d</a><a href="/posts/later/">l</a><img src="/img/gone.png" alt="">');
    const source = '[d](/posts/draft/)\n[l](/posts/later/)\n![x](/img/gone.png)\n';
    const later = new Date('2030-01-01T03:00:00Z');
    const posts = [
      post('a', source),
      post('draft', '', { draft: true, state: 'draft' }),
      post('later', '', { state: 'scheduled', pubDate: later }),
    ];
    const { problems } = checkLinks({ dir: dist, posts, templateSeverity: 'error', siteUrl: SITE });
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [1, 'error'],
      [2, 'warning'],
      [3, 'error'],
    ]);
    expect(problems[0]!.message).toBe('링크 "/posts/draft/": content/posts/draft.mdx은(는) 초안(draft: true)이라 사이트에 없습니다.');
    expect(problems[0]!.fix).toContain('"draft: true"를 지우기');
    expect(problems[1]!.message).toBe(`링크 "/posts/later/": content/posts/later.mdx은(는) ${formatDate(later, site.timeZone)}에 공개될 예약 글이라 아직 사이트에 없습니다.`);
    expect(problems[1]!.fix).toContain('공개 시각 뒤의 첫 빌드');
    expect(problems[2]!.message).toBe('이미지 "/img/gone.png": 빌드된 사이트에 파일 /img/gone.png이(가) 없습니다.');
    expect(problems[2]!.fix).toContain('public/img/gone.png');
  });

  it('only warns about a link to a post left out of the trial build for its own errors', () => {
    page('_astro/a.css', '');
    page('posts/a/index.html', '<a href="/posts/broken/">b</a>');
    const posts = [post('a', '[b](/posts/broken/)\n'), post('broken', '', { excluded: true })];
    const { problems } = checkLinks({ dir: dist, posts, templateSeverity: 'error', siteUrl: SITE });
    expect(problems).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'warning',
        message: '링크 "/posts/broken/": content/posts/broken.mdx에 오류가 있어서(위 목록) 이 검사는 그 글을 빼고 빌드했습니다.',
      }),
    ]);
  });

  it('passes a site whose links all resolve', () => {
    page('_astro/a.css', '');
    page('index.html', '<a href="/posts/a/">a</a><a href="posts/a/#h">h</a><a href="https://example.com/">ext</a>');
    page('posts/a/index.html', '<h2 id="h">h</h2><a href="../../">home</a><img srcset="/_astro/a.css 1x">');
    expect(checkLinks({ dir: dist, posts: [], templateSeverity: 'error', siteUrl: SITE }).problems).toEqual([]);
  });
});

describe('helpers', () => {
  it('suggests close page paths and finds the line of a link in a source', () => {
    expect(similarPages('/posts/helo/', ['/posts/hello/', '/about/', '/posts/other-thing/'])).toEqual(['/posts/hello/']);
    expect(similarPages('/posts/x/', ['/posts/hello/'])).toEqual([]);
    expect(lineContaining('a\nb [x](/p/)\nc', ['/q/', '/p/'])).toBe(2);
    expect(lineContaining('a', ['/q/'])).toBeUndefined();
  });

  it('lists the built files without Astro\'s scratch folders, and names pages by their path', () => {
    page('index.html', '');
    page('posts/a/index.html', '');
    page('.astro/x.json', '');
    expect(listBuiltFiles(dist).sort()).toEqual(['/index.html', '/posts/a/index.html']);
    expect(pagePath('/posts/a/index.html')).toBe('/posts/a/');
    expect(pagePath('/404.html')).toBe('/404.html');
  });
});

describe('the link check with kept scans', () => {
  it('finds the same links from the scans kept by an earlier check, and parses a changed page again', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'rules-links-cache-'));
    page('_astro/a.css', '');
    page('index.html', '<a href="/posts/a/">a</a><a href="/posts/a/#intro">intro</a>');
    page('posts/a/index.html', '<h2 id="intro">소개</h2><a href="/">home</a>');
    const run = () => checkLinks({ dir: dist, posts: [], templateSeverity: 'error', siteUrl: SITE, cacheDir });
    const first = run();
    expect(first.problems).toEqual([]);
    expect(existsSync(join(cacheDir, 'link-scans.json'))).toBe(true);
    expect(run()).toEqual(first);
    // The kept scans are what the second check read: a kept scan without the id makes it report one.
    const file = join(cacheDir, 'link-scans.json');
    const kept = readFileSync(file, 'utf8');
    writeFileSync(file, kept.replace('\\"intro\\"', '\\"renamed\\"'));
    expect(run().problems.map((p) => p.message)).toEqual([expect.stringContaining('"intro"')]);
    writeFileSync(file, kept);
    // An edit: the id the home page links to is gone, and a link to a missing page appears.
    page('posts/a/index.html', '<h2 id="outro">맺음</h2><a href="/nope/">nope</a>');
    const edited = run();
    expect(edited.problems.map((p) => p.message)).toEqual([expect.stringContaining('"intro"'), expect.stringContaining('/nope/')]);
    expect(edited.links).toBe(first.links);
    // Only the HTML pages of the latest check are kept.
    expect(Object.keys((JSON.parse(readFileSync(join(cacheDir, 'link-scans.json'), 'utf8')) as { scans: object }).scans)).toHaveLength(2);
  });
});

describe('the link check in a process of its own (as the build runs it)', () => {
  it('finds the same problems, with the same lines and fixes, as in this process', async () => {
    page('_astro/a.css', '');
    page('index.html', '<a href="/posts/a/">a</a><a href="/posts/draft/">d</a><a href="/gone/">gone</a>');
    page('posts/a/index.html', '<h2 id="intro">x</h2><a href="#outro">bad</a><a href="/posts/later/">l</a>');
    const posts = [
      post('a', '첫 줄\n[bad](#outro)\n[l](/posts/later/)\n', { pubDate: new Date('2011-01-01T00:00:00Z'), body: { links: [] } as unknown as PostInfo['body'] }),
      post('draft', '', { draft: true, state: 'draft' }),
      post('later', '', { state: 'scheduled', pubDate: new Date('2030-01-01T00:00:00Z') }),
    ];
    const options = { dir: dist, posts, templateSeverity: 'warning' as const, siteUrl: SITE };
    const here = checkLinks(options);
    expect(here.problems.length).toBeGreaterThanOrEqual(3);
    expect(await checkLinksApart(options)).toEqual(here);
  });

  it('fails when it cannot check, rather than passing', async () => {
    await expect(checkLinksApart({ dir: join(dist, 'missing'), posts: [], templateSeverity: 'error', siteUrl: SITE })).rejects.toThrow(/링크 검사 프로세스가 결과 없이 끝났습니다 \(종료 코드 1\)/);
  });
});
