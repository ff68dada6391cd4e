/**
 * One post at a time (src/lib/rules/post.ts) and the body walk (src/lib/rules/mdx.ts), with a
 * survey index and an authors folder of this file's own.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '@/site.config';
import { isoDay } from '@/lib/dates';
import { entryId } from '@/lib/post-id';
import { componentNamesFromSource, knownComponentNames } from '@/lib/rules/components';
import { formatJsonPath, jsonErrorLine, jsonPathLines, lineOfPath } from '@/lib/rules/json-lines';
import { importedNames, MAX_TAG_DEPTH, parseMdxError, scanBody } from '@/lib/rules/mdx';
import { MAX_SYNTAX_ERRORS } from '@/lib/rules/mdx-errors';
import { checkPost, readPostInfo, REQUIRED_PROPS, type PostContext } from '@/lib/rules/post';
import { formatProblem } from '@/lib/rules/problems';

const formatInZone = (date: Date) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: site.timeZone }).format(date);

const contentDir = mkdtempSync(join(tmpdir(), 'rules-mdx-'));
mkdirSync(join(contentDir, 'authors'));
writeFileSync(join(contentDir, 'authors/kim.json'), JSON.stringify({ name: '김', role: '담당자', bio: '소개.' }));

const ctx: PostContext = {
  projectRoot: contentDir,
  contentDir,
  components: ['SurveyChart', 'SurveyComparison'],
  index: {
    surveys: new Map([
      ['poll-2010', ['staff', 'purposes']],
      ['other-2011', ['x']],
    ]),
    benchmarks: new Map([['acme-2010', 'poll-2010']]),
  },
  now: new Date('2026-01-01T00:00:00Z'),
};

/** Lines 1-7 are the front matter, line 8 is empty: the body starts at line 9. */
const head = `---\ntitle: "제목"\ndescription: "요약"\npubDate: 2010-08-10\nauthor: kim\ncategory: ${site.categories[0]!.id}\n---\n\n`;
const source = (body: string, extra = '') => head.replace('---\n\n', `${extra}---\n\n`) + body;
const check = (body: string, extra = '') => checkPost('a', join(contentDir, 'posts/a.mdx'), 'content/posts/a.mdx', source(body, extra), ctx).problems;

describe('MDX body checks', () => {
  it('finds nothing wrong in a plain post', () => {
    expect(check('본문입니다.\n')).toEqual([]);
  });

  it('reports a syntax error at its line and column, with a fix', () => {
    const problems = check('첫 문단\n\n<div>\n닫지 않음\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'mdx', line: 11, column: 1, severity: 'error', expected: '닫힌 태그와 짝이 맞는 중괄호' });
    expect(problems[0]!.message).toMatch(/^MDX 문법 오류: .*<div>/);
    expect(formatProblem(problems[0]!)).toMatch(/^오류 content\/posts\/a\.mdx:11:1\n {2}문제: MDX 문법 오류: /);
    expect(problems[0]!.fix).toContain('\\<');
  });

  it('reports an unclosed expression brace', () => {
    const [problem] = check('가격은 {1000원입니다.\n');
    expect(problem).toMatchObject({ kind: 'mdx', line: 9 });
  });

  it('reads a .md post as Markdown: "<" and "{" are text there', () => {
    const problems = checkPost('b', join(contentDir, 'posts/b.md'), 'content/posts/b.md', source('가격은 {1000원, <div> 그대로.\n\n<Foo />\n'), ctx).problems;
    expect(problems).toEqual([]);
  });

  it('names an unknown component, its line, the components that exist, and the near match', () => {
    const problems = check('본문\n\n<SurveyChrt survey="poll-2010" question="staff" />\n\n<div>소문자는 HTML</div>\n');
    expect(problems).toEqual([
      {
        kind: 'component',
        file: 'content/posts/a.mdx',
        line: 11,
        column: 1,
        section: '<SurveyChrt>',
        severity: 'error',
        message: '<SurveyChrt>은(는) 없는 컴포넌트입니다.',
        expected: 'import 없이 쓸 수 있는 컴포넌트: <SurveyChart>, <SurveyComparison>',
        fix: '이름의 철자와 대소문자를 확인하세요.',
        suggestion: 'SurveyChart',
      },
    ]);
    expect(formatProblem(problems[0]!)).toBe(
      [
        '오류 content/posts/a.mdx:11:1 · <SurveyChrt>',
        '  문제: <SurveyChrt>은(는) 없는 컴포넌트입니다.',
        '  기대: import 없이 쓸 수 있는 컴포넌트: <SurveyChart>, <SurveyComparison>',
        '  고치는 법: 이름의 철자와 대소문자를 확인하세요.',
        '  혹시 "SurveyChart"?',
      ].join('\n'),
    );
  });

  it('suggests nothing for a component that is nothing like a known one, and the right case for a wrong one', () => {
    expect(check('<Foo />\n')[0]!.suggestion).toBeUndefined();
    expect(check('<Surveychart survey="poll-2010" question="staff" />\n')[0]).toMatchObject({ kind: 'component', suggestion: 'SurveyChart' });
  });

  it('says so when no component can be used without an import', () => {
    const [problem] = checkPost('a', join(contentDir, 'posts/a.mdx'), 'content/posts/a.mdx', source('<Foo />\n'), { ...ctx, components: [] }).problems;
    expect(problem).toMatchObject({ expected: '글에서 쓸 수 있는 컴포넌트가 없습니다.', fix: '태그를 지우거나 소문자 HTML 태그로 쓰세요.' });
  });

  it('accepts a component the post imports itself', () => {
    expect(check("import Note from '../../src/components/Note.astro';\n\n<Note />\n")).toEqual([]);
  });

  it('only warns about components and survey ids in a draft, which is never built', () => {
    const problems = check('<Foo />\n\n<SurveyChart survey="pol-2010" question="staff" />\n', 'draft: true\n');
    expect(problems.map((p) => [p.kind, p.severity])).toEqual([
      ['component', 'warning'],
      ['survey-id', 'warning'],
    ]);
  });

  it('checks survey, question and benchmark ids in component props, with near matches', () => {
    const body = [
      '<SurveyChart survey="pol-2010" question="staff" />',
      '',
      '<SurveyChart survey="poll-2010" question="staf" />',
      '',
      '<SurveyComparison survey="poll-2010" benchmark="acm-2010" />',
      '',
      '<SurveyComparison survey="other-2011" benchmark="acme-2010" />',
      '',
      '<SurveyChart survey="poll-2010" question="purposes" benchmark="acme-2010" />',
      '',
      '<SurveyChart survey="poll-2010" question="budget" />',
      '',
    ].join('\n');
    const problems = check(body);
    expect(problems.map((p) => [p.field, p.line, p.suggestion])).toEqual([
      ['survey', 9, 'poll-2010'],
      ['question', 11, 'staff'],
      ['benchmark', 13, 'acme-2010'],
      ['benchmark', 15, undefined],
      ['question', 19, undefined],
    ]);
    expect(problems.every((p) => p.kind === 'survey-id' && p.severity === 'error')).toBe(true);
    expect(formatProblem(problems[0]!)).toBe(
      [
        '오류 content/posts/a.mdx:9:1 · <SurveyChart> survey',
        '  문제: "pol-2010"은(는) 등록된 설문이 아닙니다.',
        '  기대: content/surveys/의 설문 id: other-2011, poll-2010',
        '  고치는 법: id를 고치거나 content/surveys/pol-2010.json을 더하세요.',
        '  혹시 "poll-2010"?',
      ].join('\n'),
    );
    expect(problems[1]).toMatchObject({
      message: '"staf"은(는) 설문 "poll-2010"의 문항이 아닙니다.',
      expected: '문항 id: staff, purposes',
      fix: 'content/surveys/poll-2010.json에 있는 문항 id를 쓰세요.',
    });
    expect(problems[2]).toMatchObject({
      section: '<SurveyComparison>',
      message: '"acm-2010"은(는) 등록된 벤치마크가 아닙니다.',
      expected: 'content/benchmarks/의 벤치마크 id: acme-2010',
      fix: 'id를 고치거나 content/benchmarks/acm-2010.json을 더하세요.',
    });
    expect(problems[3]).toMatchObject({
      message: '벤치마크 "acme-2010"은(는) 설문 "poll-2010"에 대한 답입니다. "other-2011"의 답이 아닙니다.',
      expected: '"survey"가 "other-2011"인 벤치마크',
      fix: '설문 "other-2011"의 벤치마크를 쓰거나 survey="poll-2010"로 바꾸세요.',
    });
    expect(problems[4]!.message).toBe('"budget"은(는) 설문 "poll-2010"의 문항이 아닙니다.');
  });

  it('does not look for a question in a survey that does not exist', () => {
    expect(check('<SurveyChart survey="nope-2010" question="staff" />\n').map((p) => p.field)).toEqual(['survey']);
  });

  it('reports a survey component without the props it needs', () => {
    const problems = check('<SurveyChart survey="poll-2010" />\n\n<SurveyComparison />\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [9, 'question'],
      [11, 'survey'],
      [11, 'benchmark'],
    ]);
    expect(problems[0]).toMatchObject({
      kind: 'survey-id',
      section: '<SurveyChart>',
      message: 'question 속성이 없습니다.',
      expected: '<SurveyChart>에는 survey, question 속성이 모두 필요합니다.',
    });
    expect(problems[0]!.fix).toMatch(/^question="문항-id"를 더하세요\./);
    expect(formatProblem(problems[0]!).split('\n')[0]).toBe('오류 content/posts/a.mdx:9:1 · <SurveyChart> question');
    expect(REQUIRED_PROPS.SurveyComparison).toEqual(['survey', 'benchmark']);
  });

  it('takes an expression prop as given and leaves its value alone', () => {
    expect(check("export const id = 'poll-2010';\n\n<SurveyChart survey={id} question=\"staff\" />\n")).toEqual([]);
  });

  it('checks front matter and body together, each at its line', () => {
    const problems = checkPost('a', join(contentDir, 'posts/a.mdx'), 'content/posts/a.mdx', source('<Foo />\n').replace('author: kim', 'author: kin'), ctx).problems;
    expect(problems.map((p) => [p.kind, p.line, p.suggestion])).toEqual([
      ['frontmatter', 5, 'kim'],
      ['component', 9, undefined],
    ]);
  });
});

describe('Korean prose in MDX', () => {
  it('accepts titles in angle brackets, comparisons, <br>, comments and autolinks', () => {
    expect(check('<성장>과 <2010 상반기 결산>을 읽었다. 1,000원 < 2,000원<br>\n<!-- 메모 --> <https://example.com>\n')).toEqual([]);
  });

  it('reports an error after Korean prose at the column the writer sees', () => {
    const [problem] = check('<성장> <성장> <Nope x=1 />\n');
    expect(problem).toMatchObject({ kind: 'mdx', line: 9, column: '<성장> <성장> '.length + 1 });
  });
});

describe('braces that are not deliberate code', () => {
  it('names the line, the braces and the undefined name, with the fix', () => {
    const problems = check('안녕하세요 {이름}님.\n\n구독자 {Nickname}에게\n');
    expect(problems.map((p) => [p.kind, p.line, p.column, p.severity])).toEqual([
      ['expression', 9, 7, 'error'],
      ['expression', 11, 5, 'error'],
    ]);
    expect(problems[1]!.message).toContain('{Nickname}');
    expect(problems[1]!.message).toContain('"Nickname"');
    expect(problems[1]!.fix).toContain('\\{Nickname\\}');
    expect(problems[1]!.fix).toContain('export const Nickname');
    expect(formatProblem(problems[0]!).split('\n')[0]).toBe('오류 content/posts/a.mdx:9:7');
  });

  it('accepts literals, comments, props, frontmatter, JavaScript globals and names the post defines', () => {
    const body = [
      "import Logo from './logo.png';",
      'export const price = 1000;',
      'export function won(n) { return `${n}원`; }',
      '',
      '{1 + 1} {"글자"} {/* 메모 */} {props.name} {frontmatter.title} {Math.max(1, 2)} {new Date(0).getFullYear()}',
      '',
      '{won(price)} {[1, 2].map((n) => n * 2)} {Logo.src} {undefined} {({ a: 1 }).a}',
      '',
      '\\{이름\\}은 글자 그대로, `{이름}`도 코드라서 그대로.',
      '',
      '{true && <SurveyChart survey="poll-2010" question="staff" />}',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('checks a component prop written as code, and only warns in a draft', () => {
    expect(check('<SurveyChart survey={pollId} question="staff" />\n').map((p) => [p.kind, p.section, p.field])).toEqual([['expression', '<SurveyChart>', 'survey']]);
    expect(check('{이름}\n', 'draft: true\n').map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('every MDX syntax error of a file', () => {
  it('reports each error at its own line, in Korean with its fix, in one run', () => {
    const body = ['첫 문단 <div>', '', '가격은 {1,000원}', '', '닫기만 </span> 했다', '', '<Foo x=1 />', '', '<a><b></a></b>', '', '끝 {열기만'].join('\n');
    const problems = check(body);
    expect(problems.map((p) => p.line)).toEqual([9, 11, 13, 15, 17, 19]);
    for (const problem of problems) {
      expect(problem).toMatchObject({ kind: 'mdx', severity: 'error' });
      expect(problem.message).toMatch(/^MDX 문법 오류: /);
      expect(problem.message + problem.fix).not.toMatch(/Expected|Unexpected|Could not/);
    }
    expect(problems[0]!.message).toContain('<div> 태그가 같은 문단 안에서 닫히지 않았습니다');
    expect(problems[1]!.message).toContain('중괄호');
    expect(problems[2]!.message).toContain('</span>');
    expect(problems[4]!.message).toContain('</a>보다 먼저 17번째 줄의 <b>를 닫아야 합니다');
    expect(problems[5]!.fix).toContain('\\{');
  });

  it('still reports braces with undefined names in a file with syntax errors', () => {
    expect(check('닫지 않음 <div>\n\n안녕 {Nickname}\n').map((p) => [p.kind, p.line])).toEqual([
      ['mdx', 9],
      ['expression', 11],
    ]);
  });

  it('reports no follow-on error of one already reported', () => {
    // The stray </div> only follows from the <div> that was never closed in its paragraph.
    expect(check('앞 <div>\n\n뒤 </div>\n').map((p) => p.line)).toEqual([9]);
    // Crossed tags are one mistake.
    expect(check('<a><b></a></b>\n').map((p) => p.line)).toEqual([9]);
    // Prose in an attribute's braces: the tag is not reported again.
    expect(check('<SurveyChart\n  survey="poll-2010"\n  question={1,000원}\n/>\n').map((p) => p.line)).toEqual([11]);
  });

  it(`stops at ${MAX_SYNTAX_ERRORS} errors`, () => {
    expect(check(Array.from({ length: 30 }, () => '<div>').join('\n\n'))).toHaveLength(MAX_SYNTAX_ERRORS);
  });
});

describe('tags nested too deep', () => {
  const nested = (n: number) => `${'<div>'.repeat(n)}글${'</div>'.repeat(n)}\n`;
  it(`accepts ${MAX_TAG_DEPTH} levels and stops at ${MAX_TAG_DEPTH + 1}, naming the line and the tag, before Astro could crash on it`, () => {
    expect(check(nested(MAX_TAG_DEPTH)).filter((p) => p.kind === 'mdx')).toEqual([]);
    const [problem] = check(nested(MAX_TAG_DEPTH + 1));
    expect(problem).toMatchObject({ kind: 'mdx', severity: 'error', section: '<div>', line: 9, column: MAX_TAG_DEPTH * 5 + 1 });
    expect(problem!.message).toBe(`태그가 ${MAX_TAG_DEPTH}단계보다 깊게 겹쳐 있습니다. 이대로는 빌드가 메시지 없이 멈춥니다.`);
    // An error in a draft too: `npm run dev` compiles it for the preview.
    expect(check(nested(1000), 'draft: true\n')[0]).toMatchObject({ severity: 'error', section: '<div>' });
  });
});

describe('the body walk', () => {
  it('collects components with props, images, links, imports and embedded surveys in file order', () => {
    const text = source(
      [
        "import Note, { Box as Frame } from './x';",
        '',
        '[링크](/posts/b/) 그리고 ![사진](./a.png)',
        '',
        '<SurveyChart survey="poll-2010" question="staff" open compact={true} />',
        '',
        '<SurveyComparison survey="poll-2010" benchmark="acme-2010" />',
        '',
        '<Note.Inner />',
        '',
        '[참고]: https://example.org/ref',
        '',
      ].join('\n'),
    );
    const scan = scanBody(text, true);
    expect(scan.syntaxError).toBeUndefined();
    expect(scan.imports).toEqual(['Frame', 'Note']);
    expect(scan.links).toEqual([
      { url: '/posts/b/', line: 11, column: 1 },
      { url: 'https://example.org/ref', line: 19, column: 1 },
    ]);
    expect(scan.images).toEqual([{ url: './a.png', line: 11, column: 21 }]);
    expect(scan.components.map((c) => [c.name, c.line])).toEqual([
      ['SurveyChart', 13],
      ['SurveyComparison', 15],
      ['Note.Inner', 17],
    ]);
    expect(scan.components[0]).toMatchObject({ props: { survey: 'poll-2010', question: 'staff', open: '' }, expressionProps: ['compact'] });
    // Each survey once.
    expect(scan.surveys).toEqual(['poll-2010']);
  });

  it('reports a syntax error instead of a scan', () => {
    const scan = scanBody(source('<div>\n'), true);
    expect(scan.syntaxError).toMatchObject({ line: 9, column: 1 });
    expect(scan.components).toEqual([]);
  });

  it('reads what the other checks need from the front matter alone', () => {
    const info = readPostInfo('a', '/x/a.mdx', 'content/posts/a.mdx', source('본문\n', 'draft: true\ntweet: "  트윗  "\n'), ctx.now);
    expect(info).toMatchObject({ id: 'a', title: '제목', tweet: '트윗', draft: true, state: 'draft', fieldLines: { title: 2, tweet: 8 } });
    expect(info.body).toBeUndefined();
    // A bare day is midnight in the site's zone.
    expect(isoDay(info.pubDate!, site.timeZone)).toBe('2010-08-10');
    expect(formatInZone(info.pubDate!)).toBe('00:00');
  });

  it('reads MDX errors, imports and ids', () => {
    expect(parseMdxError('7:1: Expected a closing tag for `<div>` (7:1) (mdx-jsx:unexpected-character)')).toEqual({
      line: 7,
      column: 1,
      reason: 'Expected a closing tag for `<div>`',
    });
    expect(parseMdxError('no position here')).toEqual({ reason: 'no position here' });
    expect(importedNames("import A from 'a';\nimport { B, C as D } from 'b';\nimport E, { F } from 'c';\nimport * as G from 'd';")).toEqual([
      'A',
      'B',
      'D',
      'F',
      'E',
      'G',
    ]);
    expect(entryId('a.mdx')).toBe('a');
    expect(entryId('2010/b/index.md')).toBe('2010/b');
  });
});

describe('component names from src/components/mdx-components.ts', () => {
  it('reads the keys of the mdxComponents object literal', () => {
    const text = `import SurveyChart from './survey/SurveyChart.astro';
import X from './X.astro';
// comment, { not: a key }
export const mdxComponents: Record<string, unknown> = {
  SurveyChart,
  SurveyComparison: X, /* inline } comment */
  'Quoted': X,
  Nested: wrap({ a: 1, b: 2 }),
  ...more,
};`;
    expect(componentNamesFromSource(text)).toEqual(['SurveyChart', 'SurveyComparison', 'Quoted', 'Nested']);
    expect(componentNamesFromSource('export const mdxComponents: Record<string, unknown> = {};')).toEqual([]);
  });

  it("reads the project's file, and none where there is no such file", () => {
    const names = knownComponentNames(resolve(import.meta.dirname, '../..'));
    expect(names).toEqual(expect.arrayContaining(Object.keys(REQUIRED_PROPS)));
    expect(knownComponentNames(contentDir)).toEqual([]);
  });
});

describe('JSON lines', () => {
  const text = `{
  "title": "t",
  "questions": [
    {
      "id": "staff",
      "results": { "one": 64, "two-plus": 48 }
    }
  ]
}`;
  it("maps JSON paths (in the survey validators' format) to lines", () => {
    const lines = jsonPathLines(text);
    expect(lines.get('title')).toBe(2);
    expect(lines.get('questions[0]')).toBe(4);
    expect(lines.get('questions[0].results["two-plus"]')).toBe(6);
    expect(lineOfPath(lines, 'questions[0].results.missing')).toBe(6);
    expect(lineOfPath(lines, '')).toBe(1);
    expect(formatJsonPath(['questions', 1, 'results', 'two-plus'])).toBe('questions[1].results["two-plus"]');
  });

  it('finds the line of a JSON syntax error', () => {
    const bad = '{\n  "a": 1,\n}\n';
    let message = '';
    try {
      JSON.parse(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(jsonErrorLine(message, bad).line).toBe(3);
    expect(jsonErrorLine('Unexpected token } in JSON at position 12', bad)).toEqual({ line: 3, column: 1 });
    expect(jsonErrorLine('something else', bad)).toEqual({});
  });
});
