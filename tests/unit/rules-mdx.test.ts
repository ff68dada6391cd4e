import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentNamesFromSource } from '../../scripts/lib/components';
import { formatJsonPath, jsonErrorLine, jsonPathLines, lineOfPath } from '../../scripts/lib/json-lines';
import { checkPost, importedNames, parseMdxError, postIdFromPath, type PostContext } from '../../scripts/lib/post-check';
import { formatProblem } from '../../scripts/lib/problems';

const ctx: PostContext = {
  projectRoot: resolve(import.meta.dirname, '../..'),
  components: ['SurveyChart', 'SurveyComparison'],
  index: {
    surveys: new Map([
      ['kicom-2010', ['staff', 'purposes']],
      ['other-2011', ['x']],
    ]),
    benchmarks: new Map([['daon-2010', 'kicom-2010']]),
  },
  now: new Date('2026-01-01T00:00:00Z'),
};

const head = '---\ntitle: "제목"\ndescription: "요약"\npubDate: 2010-08-10\nauthor: haneul\ncategory: marketing\n---\n\n';
const check = (body: string, extra = '') => checkPost('a', '/tmp/posts/a.mdx', 'content/posts/a.mdx', head.replace('---\n\n', `${extra}---\n\n`) + body, ctx).problems;

describe('MDX body checks', () => {
  it('reports a syntax error at its line and column, with a fix', () => {
    const [problem] = check('첫 문단\n\n<div>\n닫지 않음\n');
    expect(problem).toMatchObject({ kind: 'mdx', line: 11, column: 1, severity: 'error' });
    expect(formatProblem(problem!)).toContain('content/posts/a.mdx:11:1: MDX syntax error: Expected a closing tag for `<div>`');
    expect(problem!.fix).toContain('\\<');
  });

  it('reports an unclosed expression brace', () => {
    const [problem] = check('가격은 {1000원입니다.\n');
    expect(problem).toMatchObject({ kind: 'mdx', line: 9 });
  });

  it('names an unknown component, its line, and the components that exist', () => {
    const problems = check('본문\n\n<SurveyChrat survey="kicom-2010" question="staff" />\n\n<div>소문자는 HTML</div>\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'component', line: 11, severity: 'error' });
    expect(problems[0]!.message).toBe('unknown component <SurveyChrat>');
    expect(problems[0]!.fix).toContain('<SurveyChart>, <SurveyComparison>');
  });

  it('accepts a component the post imports itself', () => {
    expect(check("import Note from '../../src/components/Note.astro';\n\n<Note />\n")).toEqual([]);
  });

  it('only warns about components in a draft, which is never built', () => {
    expect(check('<Foo />\n', 'draft: true\n')[0]).toMatchObject({ kind: 'component', severity: 'warning' });
  });

  it('checks survey, question and benchmark ids in component props', () => {
    const body = [
      '<SurveyChart survey="kicom-2009" question="staff" />',
      '',
      '<SurveyChart survey="kicom-2010" question="budget" />',
      '',
      '<SurveyComparison survey="kicom-2010" benchmark="daon-2009" />',
      '',
      '<SurveyComparison survey="other-2011" benchmark="daon-2010" />',
      '',
      '<SurveyChart survey="kicom-2010" question="purposes" benchmark="daon-2010" />',
      '',
    ].join('\n');
    const problems = check(body);
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['survey', 9],
      ['question', 11],
      ['benchmark', 13],
      ['benchmark', 15],
    ]);
    expect(formatProblem(problems[0]!)).toContain(
      'content/posts/a.mdx:9:1: <SurveyChart> "survey": "kicom-2009" is not a survey (known: kicom-2010, other-2011)',
    );
    expect(problems[1]!.message).toContain('(known: staff, purposes)');
    expect(problems[3]!.message).toContain('answers survey "kicom-2010", not "other-2011"');
  });

  it('reports a survey component without the props it needs', () => {
    const problems = check('<SurveyChart survey="kicom-2010" />\n\n<SurveyComparison />\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [9, 'question'],
      [11, 'survey'],
      [11, 'benchmark'],
    ]);
    expect(formatProblem(problems[0]!)).toContain('<SurveyChart> "question": missing; <SurveyChart> needs survey and question');
  });

  it('reads MDX errors, imports and ids', () => {
    expect(parseMdxError('7:1: Expected a closing tag for `<div>` (7:1) (mdx-jsx:unexpected-character)')).toEqual({
      line: 7,
      column: 1,
      reason: 'Expected a closing tag for `<div>`',
    });
    expect(importedNames("import A from 'a';\nimport { B, C as D } from 'b';\nimport E, { F } from 'c';\nimport * as G from 'd';")).toEqual([
      'A',
      'B',
      'D',
      'F',
      'E',
      'G',
    ]);
    expect(postIdFromPath('a.mdx')).toBe('a');
    expect(postIdFromPath('2010/b/index.md')).toBe('2010/b');
  });
});

describe('component names from src/components/mdx-components.ts', () => {
  it('reads the keys of the mdxComponents object literal', () => {
    const source = `import SurveyChart from './survey/SurveyChart.astro';
import X from './X.astro';
// comment, { not: a key }
export const mdxComponents: Record<string, unknown> = {
  SurveyChart,
  SurveyComparison: X, /* inline } comment */
  'Quoted': X,
  Nested: wrap({ a: 1, b: 2 }),
  ...more,
};`;
    expect(componentNamesFromSource(source)).toEqual(['SurveyChart', 'SurveyComparison', 'Quoted', 'Nested']);
    expect(componentNamesFromSource('export const mdxComponents: Record<string, unknown> = {};')).toEqual([]);
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
  it('maps JSON paths (in the survey validators\' format) to lines', () => {
    const lines = jsonPathLines(text);
    expect(lines.get('title')).toBe(2);
    expect(lines.get('questions[0]')).toBe(4);
    expect(lines.get('questions[0].results["two-plus"]')).toBe(6);
    expect(lineOfPath(lines, 'questions[0].results.missing')).toBe(6);
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
  });
});
