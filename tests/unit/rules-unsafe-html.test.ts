/**
 * Writer HTML that would run script on a page ("Safe by default", finding 7): `javascript:` and
 * `vbscript:` URLs, `on…` attributes, `data:` URLs other than raster images, and `{...}` values
 * that cannot be checked. Each is an error with its file, line, column and attribute, in .mdx (JSX)
 * and .md (raw HTML read with htmlparser2) alike, found by the whole-folder check
 * (src/lib/rules/content.ts) on content written by each test into its own temporary project.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import site from '@/site.config';
import { checkContent } from '@/lib/rules/content';
import { scanBody, urlsInAttribute } from '@/lib/rules/mdx';
import { dataUrlType, urlScheme } from '@/lib/rules/post';
import { formatProblem, type Problem } from '@/lib/rules/problems';

const CATEGORY = site.categories[0]!.id;

let root: string;
let dir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rules-unsafe-html-'));
  dir = join(root, 'content');
  mkdirSync(join(root, 'src/components'), { recursive: true });
  writeFileSync(
    join(root, 'src/components/mdx-components.ts'),
    "import SurveyChart from './survey/SurveyChart.astro';\nimport SurveyComparison from './survey/SurveyComparison.astro';\n\nexport const mdxComponents: Record<string, unknown> = { SurveyChart, SurveyComparison };\n",
  );
  write('authors/kim.json', `${JSON.stringify({ name: '김', role: '담당자', bio: '소개 한 줄.' })}\n`);
});

/** Lines 1-7 are the front matter, line 8 is empty: the body starts at line 9. */
const BODY_LINE = 9;
const postText = (body: string, extra = '') =>
  `---\ntitle: "제목"\ndescription: "요약"\npubDate: 2010-08-10\nauthor: kim\ncategory: ${CATEGORY}\n${extra}---\n\n${body}`;

/** Every problem of `posts/<name>` after writing `body` into it. */
function problemsOf(name: string, body: string, extra = ''): Problem[] {
  write(`posts/${name}`, postText(body, extra));
  return checkContent({ contentDir: dir, projectRoot: root, now: new Date('2026-01-01T00:00:00Z') }).problems.filter((p) => p.file.endsWith(`posts/${name}`));
}
const unsafe = (problems: Problem[]) => problems.filter((p) => p.kind === 'unsafe-html');
/** Just where and what: [line, column, section, field, message]. */
const brief = (problems: Problem[]) => unsafe(problems).map((p) => [p.line, p.column, p.section, p.field, p.message]);

const JS = (url: string, scheme = 'javascript') => `"${url}"은(는) 누르면 코드를 실행하는 ${scheme}: 주소입니다.`;
const DATA = (url: string, type: string) => `"${url}"은(는) ${type} 형식의 data: 주소입니다. 그림(PNG, JPEG, GIF, WebP, AVIF)이 아닌 data: 주소는 코드를 품을 수 있습니다.`;
const EVENT = (name: string) => `${name} 속성은 자바스크립트를 실행하는 이벤트 속성입니다.`;
const EXPRESSION = (name: string) => `${name}={…}의 값은 코드라서, 안전한 주소인지 빌드 전에 확인할 수 없습니다.`;

const SVG = 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const SAFE_EXPECTED = 'https://로 시작하는 주소, /로 시작하는 사이트 안 주소(/posts/글/), #소제목, mailto:';

describe('javascript: and vbscript: URLs', () => {
  const body = [
    '<a href="javascript:alert(1)">하나</a>',
    '',
    '<a href=" JaVaScRiPt:alert(1)">둘</a>',
    '',
    '앞 글 [셋](javascript:alert(1)) 뒤 글',
    '',
    '<a href="vbscript:msgbox(1)">넷</a>',
    '',
    '[참고]: java&#x09;script:alert(1)',
    '',
  ].join('\n');
  const L = BODY_LINE;

  it('are errors in an .mdx post, each at its element or link, named by the attribute', () => {
    expect(brief(problemsOf('a.mdx', body))).toEqual([
      [L, 1, '<a>', 'href', JS('javascript:alert(1)')],
      // Trimmed and read whatever the case, as a browser reads it.
      [L + 2, 1, '<a>', 'href', JS('JaVaScRiPt:alert(1)')],
      [L + 4, 5, '마크다운 링크', undefined, JS('javascript:alert(1)')],
      [L + 6, 1, '<a>', 'href', JS('vbscript:msgbox(1)', 'vbscript')],
      // The character reference is decoded (a tab the browser drops), and shown.
      [L + 8, 1, '링크 정의 [참고]', undefined, JS('java\\tscript:alert(1)')],
    ]);
  });

  it('are errors in raw HTML of a .md post, at the attribute itself', () => {
    const md = [
      '<p>',
      '<a title="t" href="javascript:alert(1)">하나</a>',
      '</p>',
      '',
      '문단 속 <a href=" JaVaScRiPt:alert(1)">둘</a>과 [셋](javascript:alert(1))',
      '',
      '<a href="&#106;ava&#x09;script:alert(1)">넷</a> <a href="vbscript:msgbox(1)">다섯</a>',
      '',
    ].join('\n');
    expect(brief(problemsOf('b.md', md))).toEqual([
      [L + 1, 14, '<a>', 'href', JS('javascript:alert(1)')],
      [L + 4, 9, '<a>', 'href', JS('JaVaScRiPt:alert(1)')],
      [L + 4, 44, '마크다운 링크', undefined, JS('javascript:alert(1)')],
      [L + 6, 4, '<a>', 'href', JS('java\\tscript:alert(1)')],
      [L + 6, 51, '<a>', 'href', JS('vbscript:msgbox(1)', 'vbscript')],
    ]);
  });

  it('print as one Korean block: where, the attribute, what was found, what is expected, the fix', () => {
    const [problem] = unsafe(problemsOf('a.mdx', '<a href="javascript:alert(1)">하나</a>\n'));
    expect(problem).toMatchObject({ kind: 'unsafe-html', severity: 'error', expected: SAFE_EXPECTED });
    expect(formatProblem(problem!)).toMatch(
      new RegExp(
        [
          `^오류 \\S*content/posts/a\\.mdx:${BODY_LINE}:1 · <a> href`,
          ' {2}문제: "javascript:alert\\(1\\)"은\\(는\\) 누르면 코드를 실행하는 javascript: 주소입니다\\.',
          ' {2}기대: https://로 시작하는 주소, /로 시작하는 사이트 안 주소\\(/posts/글/\\), #소제목, mailto:',
          ' {2}고치는 법: 실제 페이지의 주소로 바꾸거나 링크를 지우세요\\. 글에서는 스크립트를 실행할 수 없습니다\\.$',
        ].join('\n'),
      ),
    );
  });

  it('are errors even in a draft, which is never built but must never reach a page', () => {
    const problems = unsafe(problemsOf('draft.mdx', '<a href="javascript:alert(1)">하나</a>\n', 'draft: true\n'));
    expect(problems.map((p) => p.severity)).toEqual(['error']);
  });
});

describe('data: URLs other than raster images', () => {
  it('are errors in an .mdx post: a data: SVG in an <img>, a Markdown image and a srcset candidate', () => {
    const body = [`<img src="${SVG}" alt="그림" />`, '', '![그림](data:image/svg+xml,%3Csvg%2F%3E)', '', `<img srcSet="/a.png 1x, data:text/html,hi 2x" alt="" />`, ''].join('\n');
    expect(brief(problemsOf('a.mdx', body))).toEqual([
      [BODY_LINE, 1, '<img>', 'src', DATA(SVG, 'image/svg+xml')],
      [BODY_LINE + 2, 1, '마크다운 이미지', undefined, DATA('data:image/svg+xml,%3Csvg%2F%3E', 'image/svg+xml')],
      [BODY_LINE + 4, 1, '<img>', 'srcSet', DATA('data:text/html,hi', 'text/html')],
    ]);
  });

  it('are errors in a .md post, in raw HTML and Markdown alike', () => {
    const body = [`<div><img alt="그림" src="${SVG}"></div>`, '', '![그림](data:image/svg+xml,<svg/>) [문서](data:,hello)', ''].join('\n');
    const [first, ...rest] = unsafe(problemsOf('b.md', body));
    expect(first).toMatchObject({ line: BODY_LINE, column: 20, section: '<img>', field: 'src', message: DATA(SVG, 'image/svg+xml') });
    expect(first!.expected).toBe(`${SAFE_EXPECTED}. data: 주소는 data:image/png, data:image/jpeg, data:image/gif, data:image/webp, data:image/avif만 (SVG는 안 됩니다)`);
    expect(first!.fix).toMatch(/^그림은 파일로 저장해 글 옆에 두고 !\[설명\]\(\.\/그림\.svg\)처럼 쓰세요/);
    expect(rest.map((p) => [p.line, p.column, p.section, p.message])).toEqual([
      [BODY_LINE + 2, 1, '마크다운 이미지', DATA('data:image/svg+xml,<svg/>', 'image/svg+xml')],
      // No type means text/plain, as browsers read it.
      [BODY_LINE + 2, 34, '마크다운 링크', DATA('data:,hello', 'text/plain')],
    ]);
  });

  it('shortens a long data: URL in the message', () => {
    const long = `data:image/svg+xml;base64,${'A'.repeat(200)}`;
    const [problem] = unsafe(problemsOf('a.mdx', `![긴 그림](${long})\n`));
    expect(problem!.message).toBe(DATA(`${long.slice(0, 57)}…`, 'image/svg+xml'));
  });
});

describe('on… attributes', () => {
  it('are errors on HTML tags and components in an .mdx post', () => {
    const body = ['<div onClick="alert(1)">상자</div>', '', `<img src="${PNG}" alt="" onError="alert(1)" />`, '', '<SurveyChart survey="poll-2010" question="q" onload="x()" />', ''].join('\n');
    const problems = unsafe(problemsOf('a.mdx', body));
    expect(brief(problems)).toEqual([
      [BODY_LINE, 1, '<div>', 'onClick', EVENT('onClick')],
      [BODY_LINE + 2, 1, '<img>', 'onError', EVENT('onError')],
      [BODY_LINE + 4, 1, '<SurveyChart>', 'onload', EVENT('onload')],
    ]);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      expected: 'on으로 시작하지 않는 속성. 글에서는 스크립트를 실행할 수 없습니다.',
      fix: 'onClick="…"을(를) 지우세요. 누르면 움직이는 부분이 필요하면 개발자에게 컴포넌트로 만들어 달라고 하세요.',
    });
  });

  it('are errors in a raw HTML block of a .md post, at the line and column of the attribute', () => {
    const body = ['<div onclick="alert(1)">', '<img src="x" onerror="alert(1)">', '</div>', '', '> 인용 <span ONMOUSEOVER=alert(1)>글</span>', ''].join('\n');
    const problems = unsafe(problemsOf('b.md', body));
    expect(brief(problems)).toEqual([
      [BODY_LINE, 6, '<div>', 'onclick', EVENT('onclick')],
      [BODY_LINE + 1, 14, '<img>', 'onerror', EVENT('onerror')],
      // Names as the browser reads them: in lower case.
      [BODY_LINE + 4, 12, '<span>', 'onmouseover', EVENT('onmouseover')],
    ]);
    expect(formatProblem(problems[1]!).split('\n')[0]).toMatch(new RegExp(`^오류 \\S*content/posts/b\\.md:${BODY_LINE + 1}:14 · <img> onerror$`));
  });

  it('are found in a tag a blank line cuts off, which the browser still reads into the next block', () => {
    const body = ['- 목록', '  <div', '    onmouseover=alert(1)', '', '다음 문단', ''].join('\n');
    expect(brief(problemsOf('b.md', body))).toEqual([[BODY_LINE + 2, 5, '<div>', 'onmouseover', EVENT('onmouseover')]]);
  });

  it('are found in HTML written into set:html', () => {
    const body = `<div set:html='<img src="x" onerror="alert(1)">' />\n`;
    expect(brief(problemsOf('a.mdx', body))).toEqual([[BODY_LINE, 1, '<img>', 'onerror', EVENT('onerror')]]);
  });
});

describe('{...} values, which cannot be checked before the build', () => {
  it('are errors on URL attributes, spreads and props of other components, not on id props or other HTML attributes', () => {
    const body = [
      "import Note from './Note.astro';",
      '',
      'export const url = "javascript:alert(1)";',
      '',
      '<a href={url}>하나</a>',
      '',
      '<a {...props}>둘</a>',
      '',
      '<Note link={url} />',
      '',
      '<SurveyChart survey={"poll-2010"} question="q" />',
      '',
      '<table><tbody><tr><td colSpan={2}>셋</td></tr></tbody></table>',
      '',
    ].join('\n');
    const problems = unsafe(problemsOf('a.mdx', body));
    expect(brief(problems)).toEqual([
      [BODY_LINE + 4, 1, '<a>', 'href', EXPRESSION('href')],
      [BODY_LINE + 6, 1, '<a>', '{...props}', '{...props}은(는) 어떤 속성이든 넣을 수 있는 코드라서, 안전한 값인지 빌드 전에 확인할 수 없습니다.'],
      [BODY_LINE + 8, 1, '<Note>', 'link', EXPRESSION('link')],
    ]);
    expect(problems[0]).toMatchObject({ expected: '따옴표로 쓴 값: href="https://…" 또는 href="/posts/글/"' });
  });
});

describe('what stays allowed', () => {
  const urls = [PNG, 'https://example.org/a?b=1', '/posts/a/', '#anchor', 'mailto:team@example.org', './b/', 'data:image/jpeg;base64,/9j/'];

  it('raster data: images, https, site-relative, fragment and mailto: URLs pass in an .mdx post', () => {
    const body = [
      ...urls.map((url) => `<a href="${url}">링크</a> [링크](${url})`),
      '',
      `![점](${PNG}) <img src="${PNG}" srcSet="${PNG} 1x, https://cdn.example/a.webp 2x" alt="점" />`,
      '',
      '<SurveyChart survey="poll-2010" question="q" />',
      '',
    ].join('\n\n');
    expect(unsafe(problemsOf('a.mdx', body))).toEqual([]);
    // Allowed because they were read, not because nothing was looked at: each URL once as an attribute, once as a link.
    const seen = scanBody(postText(body), true).urls.map((u) => u.url);
    for (const url of urls) expect(seen.filter((u) => u === url), url).toHaveLength(url === PNG ? 5 : 2);
  });

  it('and in a .md post with raw HTML, where nothing else is wrong either; code and comments are not HTML', () => {
    const body = [
      ...urls.map((url) => `<a href="${url}" title="javascript: 입문">링크</a> [링크](${url})`),
      `<img src="${PNG}" alt="점" data-on="x">`,
      '<!-- <a href="javascript:alert(1)">옛 링크</a> -->',
      '코드로 보여 주기: `<div onclick="alert(1)">`',
      '```html\n<img src="x" onerror="alert(1)">\n```',
      '',
    ].join('\n\n');
    expect(problemsOf('b.md', body)).toEqual([]);
    const scan = scanBody(postText(body), false);
    for (const url of urls) expect(scan.urls.filter((u) => u.url === url), url).toHaveLength(url === PNG ? 3 : 2);
    expect(scan.attributes.map((a) => a.name)).toContain('data-on');
  });
});

describe('the walk and the URL reading behind the rules', () => {
  it('collects every attribute and every URL of the body in one walk', () => {
    const scan = scanBody(postText('[a](/x/) <img src="/y.png" srcSet="/y.png 1x, /y2.png 2x" alt="" onClick="f()" />\n'), true);
    expect(scan.urls.map((u) => [u.from, u.tag, u.attribute, u.url])).toEqual([
      ['link', undefined, undefined, '/x/'],
      ['attribute', 'img', 'src', '/y.png'],
      ['attribute', 'img', 'srcSet', '/y.png'],
      ['attribute', 'img', 'srcSet', '/y2.png'],
    ]);
    expect(scan.attributes.map((a) => [a.tag, a.name, a.value, a.expression])).toEqual([
      ['img', 'src', '/y.png', false],
      ['img', 'srcSet', '/y.png 1x, /y2.png 2x', false],
      ['img', 'alt', '', false],
      ['img', 'onClick', 'f()', false],
    ]);
  });

  it('reads schemes and data: types as a browser does', () => {
    expect(urlScheme(' \tJaVa\nScRiPt:alert(1)')).toBe('javascript');
    expect(urlScheme('java\u0000script:x')).toBe('javascript');
    expect(urlScheme('/posts/a/')).toBeUndefined();
    expect(urlScheme('#x')).toBeUndefined();
    expect(dataUrlType('DATA:Image/PNG;base64,AA')).toBe('image/png');
    expect(dataUrlType('data:,x')).toBe('text/plain');
    expect(urlsInAttribute('srcset', 'a.png 1x,b.png 2x, data:image/png;base64,AA,BB 3x')).toEqual(['a.png', 'b.png', 'data:image/png;base64,AA,BB']);
  });
});
