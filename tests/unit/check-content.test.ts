import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/lib/content-check';
import { DESCRIPTION_PLACEHOLDER } from '../../scripts/lib/post-check';
import { formatProblem, type Problem } from '../../scripts/lib/problems';
import { writingBenchmark, writingSurvey } from '../support/sites-writing';

const projectRoot = resolve(import.meta.dirname, '../..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-content-'));
});

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A post file; authors are checked against the project's content/authors (haneul, doyun, seoyeon). */
const postText = (fields: string, body = '본문입니다.\n') => `---\n${fields}\n---\n\n${body}`;
const valid = 'title: "제목"\ndescription: "요약"\npubDate: 2010-08-10\nauthor: haneul\ncategory: marketing';

const run = () => checkContent({ contentDir: dir, projectRoot, now: new Date('2026-01-01T00:00:00Z') });
const inFile = (problems: Problem[], file: string) => problems.filter((p) => p.file.endsWith(file));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('content check: every problem at once, with its line', () => {
  it('reports each bad front-matter field at its own line, and the body too', () => {
    const text = postText('title: ""\npubDate: 어제\nauthor: kim\ncategory: sales', '본문\n\n<div>\n');
    write('posts/a.mdx', text);
    const problems = inFile(run().problems, 'posts/a.mdx');
    const byField = Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p]));
    expect(byField.title?.line).toBe(2);
    // A missing field points at the start of the front matter.
    expect(byField.description?.line).toBe(1);
    expect(byField.description?.message).toContain('expected a description');
    expect(byField.pubDate?.line).toBe(3);
    expect(byField.pubDate?.message).toContain('YYYY-MM-DD');
    expect(byField.author?.line).toBe(4);
    expect(byField.author?.message).toContain('"kim" is not an author (known: doyun, haneul, seoyeon)');
    expect(byField.category?.line).toBe(5);
    expect(byField.category?.message).toContain('known: reputation, marketing');
    const mdx = problems.find((p) => p.kind === 'mdx');
    expect(mdx?.line).toBe(lineOf(text, '<div>'));
    expect(formatProblem(byField.author!)).toMatch(/^.*posts\/a\.mdx:4: frontmatter "author": "kim" is not an author/);
  });

  it('catches a day that is not in the calendar, which YAML would quietly move', () => {
    write('posts/day.mdx', postText(valid.replace('2010-08-10', '2010-02-30') + '\nupdatedDate: 2010-13-01'));
    const problems = inFile(run().problems, 'posts/day.mdx');
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['pubDate', 4],
      ['updatedDate', 7],
    ]);
    expect(problems[0]!.message).toContain('2010-02-30 is not a day of the calendar');
  });

  it('still reports updatedDate before pubDate and heroImage without heroAlt when another field fails', () => {
    write('posts/b.mdx', postText('title: ""\ndescription: "요약"\npubDate: 2010-08-10\nupdatedDate: 2010-08-01\nauthor: haneul\ncategory: marketing\nheroImage: ./b.png'));
    write('posts/b.png', 'not really a png');
    const problems = inFile(run().problems, 'posts/b.mdx');
    expect(problems.map((p) => p.field).sort()).toEqual(['heroAlt', 'title', 'updatedDate']);
    expect(problems.find((p) => p.field === 'updatedDate')?.line).toBe(5);
    expect(problems.find((p) => p.field === 'heroAlt')?.message).toContain('heroImage is set but heroAlt is missing');
  });

  it('points at the line of a YAML syntax error, and at a file with no front matter', () => {
    write('posts/yaml.mdx', postText('title: "제목"\ndescription: "따옴표를 닫지 않음\npubDate: 2010-08-10'));
    write('posts/none.mdx', '# 제목만 있는 글\n');
    const problems = run().problems;
    const yaml = inFile(problems, 'posts/yaml.mdx');
    expect(yaml).toHaveLength(1);
    expect(yaml[0]!.message).toContain('not valid YAML');
    expect(yaml[0]!.line).toBeGreaterThanOrEqual(3);
    expect(inFile(problems, 'posts/none.mdx')[0]).toMatchObject({ line: 1, message: 'the file has no front matter' });
  });

  it('finds images that are not there, in the body and in heroImage, with their lines', () => {
    const text = postText(`${valid}\nheroImage: ./cover.jpg\nheroAlt: "표지"`, '본문\n\n![사진](./photo.jpg)\n\n![있는 사진](./here.jpg)\n\n![공용](/img/nope.png)\n\n![원격](https://example.org/x.png)\n');
    write('posts/img/index.mdx', text);
    write('posts/img/here.jpg', 'x');
    const problems = inFile(run().problems, 'posts/img/index.mdx');
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['image', lineOf(text, 'heroImage')],
      ['image', lineOf(text, './photo.jpg')],
      ['image', lineOf(text, '/img/nope.png')],
    ]);
    expect(problems[0]).toMatchObject({ field: 'heroImage' });
    expect(problems[2]!.fix).toContain('public/img/nope.png');
  });

  it('rejects the placeholder description in a post to be published, and only warns in a draft', () => {
    write('posts/p.mdx', postText(valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)));
    write('posts/d.mdx', postText(`${valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)}\ndraft: true`));
    const problems = run().problems;
    expect(inFile(problems, 'posts/p.mdx')[0]).toMatchObject({ field: 'description', severity: 'error', line: 3 });
    expect(inFile(problems, 'posts/d.mdx')[0]).toMatchObject({ field: 'description', severity: 'warning' });
  });

  it('fails the build on the placeholder description of a post to be published, not of a draft', () => {
    // The writer checks the build runs (scripts/lib/astro-integration.ts), as a child process like there.
    const before = () =>
      spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/lib/writer-checks-cli.ts', 'before'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, CONTENT_DIR: dir, BUILD_TIME: '2026-01-01T00:00:00Z', PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
      });
    write('posts/d.mdx', postText(`${valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)}\ndraft: true`));
    const draft = before();
    expect(draft.status, draft.stdout + draft.stderr).toBe(0);
    write('posts/p.mdx', postText(valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)));
    const published = before();
    expect(published.status).toBe(1);
    expect(published.stdout).toMatch(/posts\/p\.mdx:3: frontmatter "description": still the placeholder written by `npm run new`/);
  }, 30_000);

  it('measures tweets as Twitter does: with the link, at most 280 weighted characters', () => {
    const fits = '가'.repeat(128); // 256 + 24 = 280
    const long = '가'.repeat(129); // 258 + 24 = 282
    write('posts/fits.mdx', postText(`${valid}\ntweet: "${fits}"`));
    const text = postText(`${valid}\ntweet: "${long}"`);
    write('posts/long.mdx', text);
    const problems = run().problems.filter((p) => p.kind === 'tweet');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'tweet', line: lineOf(text, 'tweet:'), severity: 'error' });
    expect(problems[0]!.message).toContain('that is 282');
    expect(problems[0]!.fix).toContain('by 2');
  });

  it('reports two files that make the same URL, and warns about non-ASCII file names', () => {
    write('posts/same.mdx', postText(valid));
    write('posts/same/index.mdx', postText(valid));
    write('posts/한글-제목.mdx', postText(valid));
    const problems = run().problems.filter((p) => p.kind === 'filename');
    expect(problems.find((p) => p.severity === 'error')?.message).toContain('both become /posts/same/');
    expect(problems.find((p) => p.severity === 'warning')?.file).toContain('한글-제목.mdx');
  });

  it('validates survey and benchmark JSON with the survey rules, pointing at the line of the JSON path', () => {
    const survey = structuredClone(writingSurvey);
    survey.questions[0]!.results = { one: 64, 'two-plus': 48 };
    const surveyText = JSON.stringify(survey, null, 2);
    write('surveys/ws-2010.json', surveyText);
    const benchmarkText = JSON.stringify({ ...writingBenchmark, answers: { staff: 'three' } }, null, 2);
    write('benchmarks/daon-2010.json', benchmarkText);
    write('benchmarks/broken.json', '{\n  "survey": "ws-2010",\n  "organization": "x",\n}\n');
    const problems = run().problems;
    const s = inFile(problems, 'surveys/ws-2010.json');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ field: 'questions[0].results', line: lineOf(surveyText, '"results"') });
    expect(s[0]!.message).toContain('sum to 112');
    const b = inFile(problems, 'benchmarks/daon-2010.json');
    expect(b[0]).toMatchObject({ field: 'answers.staff', line: lineOf(benchmarkText, '"staff": "three"') });
    expect(b[0]!.message).toContain('"three" is not an option');
    const broken = inFile(problems, 'benchmarks/broken.json');
    expect(broken[0]).toMatchObject({ kind: 'benchmark', line: 4 });
    expect(broken[0]!.message).toContain('not valid JSON');
  });

  it('checks the survey field against the project surveys, at its line', () => {
    write('posts/s.mdx', postText(`${valid}\nsurvey: nope-2010`));
    const [problem] = inFile(run().problems, 'posts/s.mdx');
    expect(problem).toMatchObject({ field: 'survey', line: 7 });
    expect(problem!.message).toMatch(/"nope-2010" is not a survey \(known: .*kicom-2010/);
  });

  it('validates author files', () => {
    const text = JSON.stringify({ name: '김', role: '역할', bio: '소개', twitter: '@kim' }, null, 2);
    write('authors/kim.json', text);
    const problems = run().problems.filter((p) => p.kind === 'author');
    expect(problems[0]).toMatchObject({ field: 'twitter', line: lineOf(text, 'twitter') });
  });

  it('finds nothing wrong in the example content', () => {
    const result = checkContent({ contentDir: join(projectRoot, 'content'), projectRoot, now: new Date('2026-11-27T12:00:00+09:00') });
    expect(result.posts.length).toBeGreaterThan(0);
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});
