import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkLinks, lineContaining, resolveLink, scanHtml, similarPages } from '../../scripts/lib/link-check';
import type { PostInfo } from '../../scripts/lib/post-check';
import { formatProblem } from '../../scripts/lib/problems';

let dist: string;

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'check-links-'));
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
    const { problems, pages } = checkLinks({ dir: dist, posts: [post('a', source), post('hello', '')], templateSeverity: 'error', siteUrl: SITE });
    expect(pages).toBe(2);
    expect(problems).toHaveLength(2); // the post's typo, and the stylesheet every page links to
    const typo = problems.find((p) => p.file === 'content/posts/a.mdx')!;
    expect(typo).toMatchObject({ line: 7, severity: 'error' });
    expect(formatProblem(typo)).toContain('content/posts/a.mdx:7: link "/posts/helo/": no page /posts/helo/ in the built site');
    expect(typo.fix).toContain('did you mean /posts/hello/');
  });

  it('groups a broken link from a template once, with the pages it is on', () => {
    page('index.html', '<a href="/surveys/">설문</a>');
    page('archive/index.html', '<a href="/surveys/">설문</a>');
    page('_astro/a.css', '');
    const { problems } = checkLinks({ dir: dist, posts: [], templateSeverity: 'warning', siteUrl: SITE });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file: 'built page /' });
    expect(problems[0]!.message).toContain('<a href="/surveys/">: no page /surveys/ in the built site (on /, /archive/)');
    expect(problems[0]!.fix).toContain('tell a developer');
  });

  it('checks #fragments against the ids of the target page', () => {
    page('_astro/a.css', '');
    page('posts/a/index.html', '<h2 id="intro">x</h2><a href="#intro">ok</a><a href="#outro">bad</a><a href="#top">top</a><a href="/posts/b/#missing">other</a>');
    page('posts/b/index.html', '<h2 id="present">x</h2>');
    const source = '[ok](#intro) [bad](#outro)\n[other](/posts/b/#missing)\n';
    const { problems } = checkLinks({ dir: dist, posts: [post('a', source)], templateSeverity: 'error', siteUrl: SITE });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'link "#outro": there is no element with id "outro" on /posts/a/'],
      [2, 'link "/posts/b/#missing": there is no element with id "missing" on /posts/b/'],
    ]);
  });

  it('explains links to drafts (an error) and to scheduled posts (a warning)', () => {
    page('_astro/a.css', '');
    page('posts/a/index.html', '<a href="/posts/draft/">d</a><a href="/posts/later/">l</a><img src="/img/gone.png" alt="">');
    const source = '[d](/posts/draft/)\n[l](/posts/later/)\n![x](/img/gone.png)\n';
    const posts = [
      post('a', source),
      post('draft', '', { draft: true, state: 'draft' }),
      post('later', '', { state: 'scheduled', pubDate: new Date('2030-01-01T00:00:00+09:00') }),
    ];
    const { problems } = checkLinks({ dir: dist, posts, templateSeverity: 'error', siteUrl: SITE });
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [1, 'error'],
      [2, 'warning'],
      [3, 'error'],
    ]);
    expect(problems[0]!.message).toContain('is a draft');
    expect(problems[1]!.message).toContain('is scheduled for 2030. 1. 1.');
    expect(problems[2]!.message).toBe('image "/img/gone.png": no file /img/gone.png in the built site');
    expect(problems[2]!.fix).toContain('public/img/gone.png');
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
    expect(lineContaining('a\nb [x](/p/)\nc', ['/q/', '/p/'])).toBe(2);
  });
});
