import { describe, expect, it } from 'vitest';
import {
  countText,
  errorsIn,
  formatProblem,
  formatProblems,
  location,
  sortProblems,
  uniqueProblems,
  type Problem,
} from '@/lib/rules/problems';

const full: Problem = {
  kind: 'frontmatter',
  file: 'content/posts/a.mdx',
  line: 4,
  field: 'author',
  section: '프런트매터',
  severity: 'error',
  message: '"kim"은(는) 등록된 저자가 아닙니다.',
  expected: 'content/authors/ 폴더의 저자 id: lee, park',
  fix: 'id를 고치거나 content/authors/kim.json 파일을 만드세요.',
  suggestion: 'lee',
};

const ANSI = /\x1b\[/;

describe('formatProblem', () => {
  it('prints the where, what, expected, fix and "혹시" lines as one block', () => {
    expect(formatProblem(full)).toBe(
      [
        '오류 content/posts/a.mdx:4 · 프런트매터 author',
        '  문제: "kim"은(는) 등록된 저자가 아닙니다.',
        '  기대: content/authors/ 폴더의 저자 id: lee, park',
        '  고치는 법: id를 고치거나 content/authors/kim.json 파일을 만드세요.',
        '  혹시 "lee"?',
      ].join('\n'),
    );
  });

  it('leaves out the lines it has nothing for', () => {
    const bare: Problem = { kind: 'link', file: '빌드된 페이지 /tags/x/', severity: 'error', message: '링크가 깨졌습니다.' };
    expect(formatProblem(bare)).toBe('오류 빌드된 페이지 /tags/x/\n  문제: 링크가 깨졌습니다.');
    expect(formatProblem({ ...full, expected: undefined, suggestion: undefined })).toBe(
      [
        '오류 content/posts/a.mdx:4 · 프런트매터 author',
        '  문제: "kim"은(는) 등록된 저자가 아닙니다.',
        '  고치는 법: id를 고치거나 content/authors/kim.json 파일을 만드세요.',
      ].join('\n'),
    );
    const noFix = { ...full, fix: undefined };
    expect(formatProblem(noFix)).not.toContain('고치는 법');
    expect(formatProblem(noFix)).toContain('\n  혹시 "lee"?');
  });

  it('shows the column, and a section or a field alone', () => {
    const mdx: Problem = { kind: 'mdx', file: 'content/posts/a.mdx', line: 11, column: 1, severity: 'error', message: 'MDX 문법 오류' };
    expect(formatProblem(mdx).split('\n')[0]).toBe('오류 content/posts/a.mdx:11:1');
    expect(formatProblem({ ...mdx, section: '<SurveyChrt>' }).split('\n')[0]).toBe('오류 content/posts/a.mdx:11:1 · <SurveyChrt>');
    expect(formatProblem({ ...mdx, field: 'questions[0].results' }).split('\n')[0]).toBe('오류 content/posts/a.mdx:11:1 · questions[0].results');
  });

  it('labels a warning 경고', () => {
    const warning: Problem = { ...full, severity: 'warning', field: 'categroy', suggestion: 'category' };
    expect(formatProblem(warning)).toMatch(/^경고 content\/posts\/a\.mdx:4 · 프런트매터 categroy\n/);
    expect(formatProblem(warning)).toContain('\n  혹시 "category"?');
  });

  it('indents the further lines of a message that has several', () => {
    const text = formatProblem({ ...full, expected: undefined, suggestion: undefined, fix: '첫째 줄\n둘째 줄' });
    expect(text.split('\n').slice(-2)).toEqual(['  고치는 법: 첫째 줄', '    둘째 줄']);
  });

  it('has no colour codes unless asked for', () => {
    expect(formatProblem(full)).not.toMatch(ANSI);
    expect(formatProblem({ ...full, severity: 'warning' })).not.toMatch(ANSI);
    expect(formatProblems([full, full])).not.toMatch(ANSI);
    const colored = formatProblem(full, true);
    expect(colored).toMatch(ANSI);
    expect(colored).toContain('\x1b[31;1m오류\x1b[0m');
    expect(colored).toContain('\x1b[36m혹시 "lee"?\x1b[0m');
    expect(formatProblem({ ...full, severity: 'warning' }, true)).toContain('\x1b[33;1m경고\x1b[0m');
    // Without the codes it is the same text.
    expect(colored.replace(/\x1b\[[\d;]*m/g, '')).toBe(formatProblem(full));
  });

  it('separates problems by a blank line', () => {
    const other: Problem = { kind: 'link', file: 'b', severity: 'warning', message: 'x' };
    expect(formatProblems([full, other])).toBe(`${formatProblem(full)}\n\n${formatProblem(other)}`);
    expect(formatProblems([])).toBe('');
  });
});

describe('problem lists', () => {
  const warning: Problem = { kind: 'frontmatter', file: 'content/posts/a.mdx', line: 2, severity: 'warning', message: 'w' };
  const error2: Problem = { kind: 'mdx', file: 'content/posts/a.mdx', line: 9, column: 3, severity: 'error', message: 'e' };
  const errorB: Problem = { kind: 'mdx', file: 'content/posts/b.mdx', line: 1, severity: 'error', message: 'e' };

  it('counts errors and warnings in Korean', () => {
    expect(countText([full, error2, warning])).toBe('오류 2개, 경고 1개');
    expect(countText([full])).toBe('오류 1개');
    expect(countText([warning, warning])).toBe('경고 2개');
    expect(countText([])).toBe('문제 없음');
  });

  it('keeps errors, sorts by file and line, and drops a problem found twice', () => {
    expect(errorsIn([warning, error2, errorB])).toEqual([error2, errorB]);
    expect(sortProblems([errorB, error2, full, warning])).toEqual([warning, full, error2, errorB]);
    expect(uniqueProblems([full, { ...full }, { ...full, line: 5 }])).toEqual([full, { ...full, line: 5 }]);
    expect(location(error2)).toBe('content/posts/a.mdx:9:3');
    expect(location({ file: 'x.json' })).toBe('x.json');
  });
});
