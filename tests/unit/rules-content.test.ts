/**
 * The whole-folder check (src/lib/rules/content.ts) on content written by each test into its own
 * temporary project: authors, surveys, benchmarks and posts, and the list of components posts may
 * use. Nothing here reads the example content in content/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import site from '@/site.config';
import { checkContent, tweetProblems } from '@/lib/rules/content';
import { DESCRIPTION_PLACEHOLDER, FIELD_HELP, POST_FIELDS } from '@/lib/rules/post-schema';
import { errorsIn, formatProblem, type Problem } from '@/lib/rules/problems';

/** The first category of the site's own config, so an owner's change to the list breaks nothing here. */
const CATEGORY = site.categories[0]!.id;
const CATEGORY_IDS = site.categories.map((c) => c.id);

let root: string;
let dir: string;

function write(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A real 1×1 PNG, which Astro's image pipeline reads. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** An SVG as diagrams.net saves it: the diagram in a long attribute, so the <svg> tag ends after 1,000 bytes. */
const LONG_TAG_SVG = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="40px" height="20px" viewBox="0 0 40 20" content="${'&lt;mxfile&gt;'.repeat(100)}"><rect width="40" height="20"/></svg>\n`;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>\n';

const authorJson = (name: string) => `${JSON.stringify({ name, role: '담당자', bio: '소개 한 줄.' }, null, 2)}\n`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rules-content-'));
  dir = join(root, 'content');
  // The components every post may use, as the project declares them (src/lib/rules/components.ts reads this file).
  mkdirSync(join(root, 'src/components'), { recursive: true });
  writeFileSync(
    join(root, 'src/components/mdx-components.ts'),
    "import SurveyChart from './survey/SurveyChart.astro';\nimport SurveyComparison from './survey/SurveyComparison.astro';\n\nexport const mdxComponents: Record<string, unknown> = { SurveyChart, SurveyComparison };\n",
  );
  write('authors/kim.json', authorJson('김'));
  write('authors/park.json', authorJson('박'));
});

/** A post file; lines: 1 "---", 2 title, 3 description, 4 pubDate, 5 author, 6 category, then any extra fields. */
const postText = (fields: string, body = '본문입니다.\n') => `---\n${fields}\n---\n\n${body}`;
const valid = `title: "제목"\ndescription: "요약"\npubDate: 2010-08-10\nauthor: kim\ncategory: ${CATEGORY}`;

const run = (contentDir = dir) => checkContent({ contentDir, projectRoot: root, now: new Date('2026-01-01T00:00:00Z') });
const inFile = (problems: Problem[], file: string) => problems.filter((p) => p.file.endsWith(file));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const byField = (problems: Problem[]) => Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p]));

describe('content check: every problem at once, with its line', () => {
  it('reports each bad front-matter field at its own line, and the body too', () => {
    const text = postText('title: ""\npubDate: 어제\nauthor: choi\ncategory: not-a-category', '본문\n\n<div>\n');
    write('posts/a.mdx', text);
    const problems = inFile(run().problems, 'posts/a.mdx');
    const fields = byField(problems);
    expect(fields.title).toMatchObject({ line: 2, message: '제목이(가) 비어 있습니다.', ...FIELD_HELP.title });
    // A missing field points at the start of the front matter.
    expect(fields.description).toMatchObject({ line: 1, message: '요약이(가) 없습니다.', ...FIELD_HELP.description });
    expect(fields.pubDate).toMatchObject({ line: 3, message: '"어제"은(는) 날짜로 읽을 수 없습니다.', expected: FIELD_HELP.pubDate.expected });
    expect(fields.author).toMatchObject({
      line: 4,
      section: '프런트매터',
      severity: 'error',
      message: '"choi"은(는) 등록된 저자가 아닙니다.',
      expected: 'content/authors/ 폴더의 저자 id: kim, park',
      fix: 'id를 고치거나 content/authors/choi.json 파일을 만드세요.',
    });
    // Nothing near enough to suggest.
    expect(fields.author!.suggestion).toBeUndefined();
    expect(fields.category).toMatchObject({
      line: 5,
      message: '"not-a-category"은(는) 분류가 아닙니다.',
      expected: `분류 id: ${CATEGORY_IDS.join(', ')}`,
      fix: FIELD_HELP.category.fix,
    });
    const mdx = problems.find((p) => p.kind === 'mdx');
    expect(mdx).toMatchObject({ line: lineOf(text, '<div>'), severity: 'error' });
    expect(mdx!.message).toMatch(/^MDX 문법 오류: /);
    expect(formatProblem(fields.author!)).toMatch(
      /^오류 \S*posts\/a\.mdx:4 · 프런트매터 author\n {2}문제: "choi"은\(는\) 등록된 저자가 아닙니다\.\n {2}기대: content\/authors\/ 폴더의 저자 id: kim, park\n {2}고치는 법: /,
    );
  });

  it('suggests the author, category and field a writer probably meant', () => {
    // A typo of the real first category: a letter in its middle doubled ("marketing" -> "markketing").
    const middle = Math.max(1, Math.floor(CATEGORY.length / 2));
    const typo = `${CATEGORY.slice(0, middle)}${CATEGORY.slice(middle - 1)}`;
    expect(CATEGORY_IDS).not.toContain(typo);
    const text = postText(`title: "제목"\ndescription: "요약"\npubDate: 2010-08-10\nauthor: kin\ncategory: ${typo}`);
    write('posts/typo.mdx', text);
    const fields = byField(inFile(run().problems, 'posts/typo.mdx'));
    expect(fields.author).toMatchObject({ line: 5, message: '"kin"은(는) 등록된 저자가 아닙니다.', suggestion: 'kim' });
    expect(formatProblem(fields.author!)).toMatch(/\n {2}혹시 "kim"\?$/);
    expect(fields.category).toMatchObject({ line: 6, message: `"${typo}"은(는) 분류가 아닙니다.`, suggestion: CATEGORY });
  });

  it('warns about an unknown front-matter field, which would be dropped without a word', () => {
    const text = postText(`title: "제목"\ndescription: "요약"\npubDate: 2010-08-10\nauthor: kim\ncategroy: ${CATEGORY}`);
    write('posts/field.mdx', text);
    const fields = byField(inFile(run().problems, 'posts/field.mdx'));
    expect(fields.categroy).toMatchObject({
      kind: 'frontmatter',
      line: 6,
      section: '프런트매터',
      severity: 'warning',
      message: '알 수 없는 필드라서 무시됩니다.',
      expected: `쓸 수 있는 필드: ${POST_FIELDS.join(', ')}`,
      suggestion: 'category',
    });
    expect(formatProblem(fields.categroy!)).toMatch(/^경고 \S*posts\/field\.mdx:6 · 프런트매터 categroy\n[\s\S]*\n {2}혹시 "category"\?$/);
    // And the category it was meant to be is missing.
    expect(fields.category).toMatchObject({ severity: 'error', message: '분류 id이(가) 없습니다.' });
  });

  it('reads authors from the content folder it checks, not from the project', () => {
    write('posts/a.mdx', postText(valid));
    expect(run().problems).toEqual([]);
    const other = join(root, 'other-content');
    mkdirSync(join(other, 'authors'), { recursive: true });
    mkdirSync(join(other, 'posts'), { recursive: true });
    writeFileSync(join(other, 'authors/lee.json'), authorJson('이'));
    writeFileSync(join(other, 'posts/a.mdx'), postText(valid));
    const [problem, ...rest] = run(other).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'author', message: '"kim"은(는) 등록된 저자가 아닙니다.', expected: 'content/authors/ 폴더의 저자 id: lee' });
  });

  it('refuses a content folder that is missing, or has no posts or no authors, naming the folder', () => {
    const empty = join(root, 'empty-content');
    mkdirSync(join(empty, 'posts'), { recursive: true });
    writeFileSync(join(empty, 'posts/a.mdx'), postText(valid));
    expect(run(empty)).toEqual({
      posts: [],
      authorNames: new Map(),
      problems: [expect.objectContaining({ kind: 'content-folder', severity: 'error', file: expect.stringMatching(/empty-content\/authors\/$/), message: 'authors/ 폴더가 없습니다.' })],
    });
    mkdirSync(join(empty, 'authors'));
    writeFileSync(join(empty, 'authors/kim.json'), authorJson('김'));
    rmSync(join(empty, 'posts/a.mdx'));
    expect(run(empty).problems).toEqual([
      expect.objectContaining({ kind: 'content-folder', file: expect.stringMatching(/posts\/$/), message: '글이 하나도 없습니다 (초안 포함).' }),
    ]);
    // A typo in CONTENT_DIR: the near folder that has posts is suggested.
    const typo = run(join(root, 'contnet')).problems;
    expect(typo).toEqual([expect.objectContaining({ kind: 'content-folder', suggestion: 'content', message: expect.stringContaining('콘텐츠 폴더가 없습니다') })]);
    // One draft is enough: the site may have no published post yet.
    writeFileSync(join(empty, 'posts/d.mdx'), postText(`${valid}\ndraft: true`));
    expect(run(empty).problems.filter((p) => p.kind === 'content-folder')).toEqual([]);
  });

  it('accepts a title of 120 characters and a description of 200, and rejects one more', () => {
    const post = (title: string, description: string) => postText(valid.replace('"제목"', `"${title}"`).replace('"요약"', `"${description}"`));
    write('posts/fits.mdx', post('가'.repeat(120), '나'.repeat(200)));
    write('posts/long.mdx', post('가'.repeat(121), '나'.repeat(201)));
    const problems = run().problems;
    expect(inFile(problems, 'posts/fits.mdx')).toEqual([]);
    const fields = byField(inFile(problems, 'posts/long.mdx'));
    expect(Object.keys(fields).sort()).toEqual(['description', 'title']);
    expect(fields.title).toMatchObject({ line: 2, message: '제목이(가) 121자입니다. 120자를 넘습니다.', expected: '글 제목 (1~120자)' });
    expect(fields.description).toMatchObject({ line: 3, message: '요약이(가) 201자입니다. 200자를 넘습니다.' });
  });

  it('catches a day that is not in the calendar, which YAML would quietly move', () => {
    write('posts/day.mdx', postText(valid.replace('2010-08-10', '2010-02-30') + '\nupdatedDate: 2010-13-01'));
    const problems = inFile(run().problems, 'posts/day.mdx');
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['pubDate', 4],
      ['updatedDate', 7],
    ]);
    expect(problems[0]!.message).toBe('2010-02-30은(는) 달력에 없는 날짜입니다 (YAML은 이런 날짜를 말없이 다른 날로 읽습니다).');
    expect(problems[1]!.message).toMatch(/^2010-13-01은\(는\) 달력에 없는 날짜입니다/);
  });

  it('allows an update on the day of publication whatever the times, and refuses the day before', () => {
    const at = (pub: string, updated: string) => postText(`${valid.replace('2010-08-10', pub)}\nupdatedDate: ${updated}`);
    // A time without an offset is wall-clock time in the site's zone, where the days are counted.
    write('posts/same-day.mdx', at('2010-08-10T18:00:00', '2010-08-10'));
    write('posts/later.mdx', at('2010-08-10', '2010-08-11T00:00:00'));
    write('posts/day-before.mdx', at('2010-08-10', '2010-08-09'));
    // 23:30 on the 9th: the day before, though only an hour earlier.
    write('posts/late-evening.mdx', at('2010-08-10T00:30:00', '2010-08-09T23:30:00'));
    const problems = run().problems;
    expect(inFile(problems, 'posts/same-day.mdx')).toEqual([]);
    expect(inFile(problems, 'posts/later.mdx')).toEqual([]);
    expect(inFile(problems, 'posts/day-before.mdx')).toEqual([
      expect.objectContaining({
        field: 'updatedDate',
        line: 7,
        severity: 'error',
        message: 'updatedDate 2010-08-09이(가) pubDate 2010-08-10보다 앞섭니다.',
        ...FIELD_HELP.updatedDate,
      }),
    ]);
    expect(inFile(problems, 'posts/late-evening.mdx')).toEqual([
      expect.objectContaining({ field: 'updatedDate', message: 'updatedDate 2010-08-09이(가) pubDate 2010-08-10보다 앞섭니다.' }),
    ]);
  });

  it('still reports updatedDate before pubDate and heroImage without heroAlt when another field fails', () => {
    write('posts/b.mdx', postText(`title: ""\ndescription: "요약"\npubDate: 2010-08-10\nupdatedDate: 2010-08-01\nauthor: kim\ncategory: ${CATEGORY}\nheroImage: ./b.png`));
    write('posts/b.png', PNG);
    const problems = inFile(run().problems, 'posts/b.mdx');
    expect(problems.map((p) => p.field).sort()).toEqual(['heroAlt', 'title', 'updatedDate']);
    const fields = byField(problems);
    expect(fields.updatedDate).toMatchObject({ line: 5, message: 'updatedDate 2010-08-01이(가) pubDate 2010-08-10보다 앞섭니다.' });
    // A missing heroAlt points at the start of the front matter.
    expect(fields.heroAlt).toMatchObject({ line: 1, message: 'heroImage가 있는데 heroAlt가 없습니다.', ...FIELD_HELP.heroAlt });
  });

  it('accepts a heroImage beside the post with its heroAlt', () => {
    write('posts/hero/index.mdx', postText(`${valid}\nheroImage: ./hero.png\nheroAlt: "표지"`));
    write('posts/hero/hero.png', PNG);
    expect(run().problems).toEqual([]);
  });

  it('points at the line of a YAML syntax error, and at a file with no front matter', () => {
    write('posts/yaml.mdx', postText('title: "제목"\ndescription: "따옴표를 닫지 않음\npubDate: 2010-08-10'));
    write('posts/none.mdx', '# 제목만 있는 글\n');
    const problems = run().problems;
    const yaml = inFile(problems, 'posts/yaml.mdx');
    expect(yaml).toHaveLength(1);
    expect(yaml[0]).toMatchObject({ kind: 'frontmatter', severity: 'error', expected: '한 줄에 "필드: 값" 하나' });
    expect(yaml[0]!.message).toMatch(/^프런트매터를 YAML로 읽을 수 없습니다: \S/);
    expect(yaml[0]!.fix).toContain('큰따옴표로 감싸세요');
    expect(yaml[0]!.line).toBeGreaterThanOrEqual(3);
    expect(yaml[0]!.line).toBeLessThanOrEqual(5);
    expect(inFile(problems, 'posts/none.mdx')).toEqual([
      expect.objectContaining({ line: 1, severity: 'error', message: '파일 맨 위에 프런트매터가 없습니다.', fix: expect.stringContaining('npm run new') }),
    ]);
  });

  it('finds images that are not there, in the body and in heroImage, with their lines', () => {
    const text = postText(
      `${valid}\nheroImage: ./cover.jpg\nheroAlt: "표지"`,
      '본문\n\n![사진](./photo.jpg)\n\n![있는 사진](./here.jpg)\n\n![공용](/img/nope.png)\n\n![원격](https://example.org/x.png)\n',
    );
    write('posts/img/index.mdx', text);
    write('posts/img/here.jpg', PNG);
    const problems = inFile(run().problems, 'posts/img/index.mdx');
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['image', lineOf(text, 'heroImage')],
      ['image', lineOf(text, './photo.jpg')],
      ['image', lineOf(text, '/img/nope.png')],
    ]);
    expect(problems[0]).toMatchObject({
      field: 'heroImage',
      section: '프런트매터',
      severity: 'error',
      message: '이미지 "./cover.jpg"이(가) 없습니다 (찾아본 곳: content/posts/img/cover.jpg).',
      expected: '글과 같은 폴더에 있는 이미지 파일 (./사진.jpg)',
    });
    expect(problems[0]!.suggestion).toBeUndefined();
    expect(problems[1]).toMatchObject({ column: 1, message: '이미지 "./photo.jpg"이(가) 없습니다 (찾아본 곳: content/posts/img/photo.jpg).' });
    expect(problems[2]).toMatchObject({
      message: '이미지 "/img/nope.png"이(가) 없습니다 (찾아본 곳: public/img/nope.png).',
      expected: 'public/img/nope.png 파일',
    });
    expect(problems[2]!.fix).toContain('public/img/nope.png');
  });

  it('reports an image beside a post that Astro cannot read, as the build would stop at it; public/ files are not read', () => {
    const text = postText(
      `${valid}\nheroImage: ./broken.png\nheroAlt: "표지"`,
      '본문\n\n![그림](./diagram.svg)\n\n![잘 된 그림](./fine.svg)\n\n![사진](./photo.png)\n\n![공용](/files/any.png)\n',
    );
    write('posts/unreadable/index.md', text);
    write('posts/unreadable/broken.png', 'png 아님');
    write('posts/unreadable/diagram.svg', LONG_TAG_SVG);
    write('posts/unreadable/fine.svg', SVG);
    write('posts/unreadable/photo.png', PNG);
    mkdirSync(join(root, 'public/files'), { recursive: true });
    writeFileSync(join(root, 'public/files/any.png'), 'served as it is');
    const problems = inFile(run().problems, 'posts/unreadable/index.md');
    expect(problems.map((p) => [p.kind, p.field, p.line, p.message])).toEqual([
      ['image', 'heroImage', lineOf(text, 'heroImage'), '이미지 "./broken.png"의 형식과 크기를 읽을 수 없어서 빌드가 이 이미지에서 멈춥니다.'],
      ['image', undefined, lineOf(text, './diagram.svg'), '이미지 "./diagram.svg"의 형식과 크기를 읽을 수 없어서 빌드가 이 이미지에서 멈춥니다.'],
    ]);
    expect(problems[0]).toMatchObject({ severity: 'error', expected: expect.stringContaining('PNG, JPEG'), fix: expect.stringContaining('다시 저장') });
    expect(problems[1]).toMatchObject({ severity: 'error', expected: expect.stringContaining('1,000바이트'), fix: expect.stringContaining('content="…"') });
  });

  it('names the file whose name differs only in case, in the body and in heroImage', () => {
    const text = postText(`${valid}\nheroImage: ./Cover.JPG\nheroAlt: "표지"`, '본문\n\n![사진](./Photo.PNG)\n');
    write('posts/case/index.mdx', text);
    write('posts/case/photo.png', 'x');
    write('posts/case/cover.jpg', 'x');
    const problems = inFile(run().problems, 'posts/case/index.mdx');
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'image',
        field: 'heroImage',
        line: lineOf(text, 'heroImage'),
        suggestion: './cover.jpg',
        fix: '파일 이름의 대소문자가 다릅니다: 글에 "./cover.jpg"로 쓰거나 파일 이름을 바꾸세요.',
      }),
      expect.objectContaining({
        kind: 'image',
        line: lineOf(text, './Photo.PNG'),
        message: '이미지 "./Photo.PNG"이(가) 없습니다 (찾아본 곳: content/posts/case/Photo.PNG).',
        suggestion: './photo.png',
        fix: '파일 이름의 대소문자가 다릅니다: 글에 "./photo.png"로 쓰거나 파일 이름을 바꾸세요.',
      }),
    ]);
    expect(formatProblem(problems[1]!)).toMatch(/\n {2}혹시 "\.\/photo\.png"\?$/);
  });

  it('rejects the placeholder description in a post to be published, and only warns in a draft', () => {
    write('posts/p.mdx', postText(valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)));
    write('posts/d.mdx', postText(`${valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)}\ndraft: true`));
    const problems = run().problems;
    const published = inFile(problems, 'posts/p.mdx');
    expect(published).toEqual([
      expect.objectContaining({
        field: 'description',
        severity: 'error',
        line: 3,
        message: '`npm run new`가 넣은 자리 표시 문장 그대로입니다.',
        expected: '글을 요약한 한두 문장 (200자 이내)',
        fix: expect.stringContaining('draft: true'),
      }),
    ]);
    expect(inFile(problems, 'posts/d.mdx')).toEqual([
      expect.objectContaining({
        kind: 'placeholder',
        field: 'description',
        section: '프런트매터',
        severity: 'warning',
        line: 3,
        message: published[0]!.message,
        expected: published[0]!.expected,
      }),
    ]);
  });

  it('stops the build on the placeholder description of a post to be published, not of a draft', () => {
    // The build (src/integrations/writer-checks.ts) stops when checkContent finds an error.
    write('posts/d.mdx', postText(`${valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)}\ndraft: true`));
    const draftOnly = run();
    expect(draftOnly.problems).toHaveLength(1);
    expect(errorsIn(draftOnly.problems)).toEqual([]);
    write('posts/p.mdx', postText(valid.replace('"요약"', `"${DESCRIPTION_PLACEHOLDER}"`)));
    const errors = errorsIn(run().problems);
    expect(errors).toHaveLength(1);
    expect(formatProblem(errors[0]!)).toMatch(/^오류 \S*posts\/p\.mdx:3 · 프런트매터 description\n {2}문제: `npm run new`가 넣은 자리 표시 문장 그대로입니다\./);
  });

  it('measures tweets as Twitter does: with the link, at most 280 weighted characters', () => {
    const fits = '가'.repeat(128); // 256 + 24 = 280
    const long = '가'.repeat(129); // 258 + 24 = 282
    write('posts/fits.mdx', postText(`${valid}\ntweet: "${fits}"`));
    const text = postText(`${valid}\ntweet: "${long}"`);
    write('posts/long.mdx', text);
    // Too long in a draft too: the build's schema rejects it whatever the post's state.
    write('posts/draft.mdx', postText(`${valid}\ndraft: true\ntweet: "${long}"`));
    const result = run();
    expect(inFile(result.problems, 'posts/fits.mdx')).toEqual([]);
    // Reported once, by the tweet check, not a second time by the schema.
    const long_ = inFile(result.problems, 'posts/long.mdx');
    expect(long_).toEqual([
      expect.objectContaining({
        kind: 'tweet',
        field: 'tweet',
        section: '프런트매터',
        line: lineOf(text, 'tweet:'),
        severity: 'error',
        message: '가중치 258자입니다. 공백과 글 주소(23)를 더하면 282자로, 280자보다 2자 깁니다.',
        expected: '글 주소와 합쳐 가중치 280자 이하 (문구만 256자 이하)',
      }),
    ]);
    expect(long_[0]!.fix).toMatch(/^넘친 만큼 줄이세요\./);
    expect(inFile(result.problems, 'posts/draft.mdx')).toEqual([expect.objectContaining({ kind: 'tweet', severity: 'error' })]);
    const info = result.posts.find((p) => p.id === 'fits')!;
    expect(tweetProblems(info)).toEqual([]);
    expect(tweetProblems({ ...info, tweet: `${fits}a` })[0]!.message).toBe('가중치 257자입니다. 공백과 글 주소(23)를 더하면 281자로, 280자보다 1자 깁니다.');
  });

  it('reports two files that make the same URL, and warns about non-ASCII file names', () => {
    write('posts/same.mdx', postText(valid));
    write('posts/same/index.mdx', postText(valid));
    write('posts/한글-제목.mdx', postText(valid));
    const problems = run().problems.filter((p) => p.kind === 'filename');
    expect(problems).toHaveLength(2);
    const twin = problems.find((p) => p.severity === 'error')!;
    // Whichever of the two is read second is reported, naming the first.
    const [first, second] = twin.file.endsWith('same.mdx') ? ['same/index.mdx', 'same.mdx'] : ['same.mdx', 'same/index.mdx'];
    expect(twin.file).toMatch(new RegExp(`posts/${second}$`));
    expect(twin.message).toMatch(new RegExp(`posts/${first}와\\(과\\) 이 파일이 둘 다 /posts/same/가 됩니다\\.$`));
    expect(twin).toMatchObject({ expected: '글 하나에 주소 하나', fix: '둘 중 하나의 이름을 바꾸거나 지우세요.' });
    const name = problems.find((p) => p.severity === 'warning')!;
    expect(name.file).toContain('한글-제목.mdx');
    expect(name.message).toMatch(/^주소 \/posts\/한글-제목\/에 영문 소문자, 숫자, "-" 밖의 글자가 있습니다/);
    expect(name.expected).toBe('영문 소문자, 숫자, "-"로 된 파일 이름');
  });
});

/** A survey and a benchmark of this test's own, valid under src/lib/surveys/validate.ts. */
const survey = {
  title: '기업 소셜미디어 운영 조사',
  publisher: '테스트 연구소',
  year: 2010,
  sample: { n: 200, population: '국내 기업 홍보 담당자' },
  sources: [{ title: '보고서', url: 'https://example.org/report', provenance: 'read' }],
  questions: [
    {
      id: 'staff',
      text: '소셜미디어 전담 인력은 몇 명입니까?',
      type: 'single',
      base: 120,
      options: [
        { id: 'one', label: '1명' },
        { id: 'two-plus', label: '2명 이상' },
      ],
      results: { one: 64, 'two-plus': 36 },
    },
  ],
};
const benchmark = { survey: 'poll-2010', organization: '테스트 회사', asOf: '2010-08-10', answers: { staff: 'one' } };
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('content check: surveys, benchmarks and authors', () => {
  // A content folder needs one post to be checked at all.
  beforeEach(() => write('posts/base.mdx', postText(valid)));

  it('passes valid survey and benchmark files', () => {
    write('surveys/poll-2010.json', json(survey));
    write('benchmarks/acme-2010.json', json(benchmark));
    write('posts/s.mdx', postText(`${valid}\nsurvey: poll-2010`, '<SurveyChart survey="poll-2010" question="staff" />\n\n<SurveyComparison survey="poll-2010" benchmark="acme-2010" />\n'));
    expect(run().problems).toEqual([]);
  });

  it('validates survey and benchmark JSON with the survey rules, pointing at the line of the JSON path', () => {
    const broken = structuredClone(survey);
    broken.questions[0]!.results = { one: 64, 'two-plus': 48 };
    const surveyText = json(broken);
    write('surveys/poll-2010.json', surveyText);
    const benchmarkText = json({ ...benchmark, answers: { staff: 'three' } });
    write('benchmarks/acme-2010.json', benchmarkText);
    write('benchmarks/broken.json', '{\n  "survey": "poll-2010",\n  "organization": "x",\n}\n');
    const problems = run().problems;
    const s = inFile(problems, 'surveys/poll-2010.json');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ kind: 'survey', severity: 'error', field: 'questions[0].results', line: lineOf(surveyText, '"results"') });
    expect(s[0]!.message).toContain('112');
    expect(s[0]!.expected).toContain('100');
    const b = inFile(problems, 'benchmarks/acme-2010.json');
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ kind: 'benchmark', severity: 'error', field: 'answers.staff', line: lineOf(benchmarkText, '"staff": "three"') });
    expect(b[0]!.message).toContain('three');
    const bad = inFile(problems, 'benchmarks/broken.json');
    expect(bad).toEqual([
      expect.objectContaining({ kind: 'benchmark', line: 4, severity: 'error', expected: '올바른 JSON', fix: expect.stringContaining('쉼표') }),
    ]);
    expect(bad[0]!.message).toMatch(/^JSON 문법 오류: /);
  });

  it('gives the near match of a misspelt survey, question or option id in a benchmark, at its line', () => {
    write('surveys/poll-2010.json', json(survey));
    const wrongSurvey = json({ ...benchmark, survey: 'poll-2011' });
    write('benchmarks/acme-2010.json', wrongSurvey);
    const wrongIds = json({ ...benchmark, answers: { staf: 'one' } });
    write('benchmarks/acme-2011.json', wrongIds);
    const wrongOption = json({ ...benchmark, answers: { staff: 'on' } });
    write('benchmarks/acme-2012.json', wrongOption);
    const problems = run().problems;
    expect(inFile(problems, 'benchmarks/acme-2010.json')).toEqual([
      expect.objectContaining({ kind: 'benchmark', field: 'survey', line: lineOf(wrongSurvey, '"survey"'), severity: 'error', suggestion: 'poll-2010' }),
    ]);
    expect(inFile(problems, 'benchmarks/acme-2010.json')[0]!.expected).toContain('poll-2010');
    expect(inFile(problems, 'benchmarks/acme-2011.json')).toEqual([
      expect.objectContaining({ field: 'answers.staf', line: lineOf(wrongIds, '"staf"'), suggestion: 'staff' }),
    ]);
    const option = inFile(problems, 'benchmarks/acme-2012.json');
    expect(option).toEqual([expect.objectContaining({ field: 'answers.staff', line: lineOf(wrongOption, '"on"'), suggestion: 'one' })]);
    expect(formatProblem(option[0]!)).toMatch(/^오류 \S*benchmarks\/acme-2012\.json:\d+ · answers\.staff\n {2}문제: [\s\S]*\n {2}혹시 "one"\?$/);
  });

  it('checks the survey field against the folder\'s surveys, at its line, with a near match', () => {
    write('surveys/poll-2010.json', json(survey));
    write('surveys/other-2011.json', json(survey));
    write('posts/s.mdx', postText(`${valid}\nsurvey: poll-2011`));
    write('posts/t.mdx', postText(`${valid}\nsurvey: nothing-like-it`));
    const problems = run().problems;
    const [problem, ...rest] = inFile(problems, 'posts/s.mdx');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      field: 'survey',
      line: 7,
      message: '"poll-2011"은(는) 등록된 설문이 아닙니다.',
      expected: 'content/surveys/ 폴더의 설문 id: other-2011, poll-2010',
      fix: 'id를 고치거나 content/surveys/poll-2011.json 파일을 만드세요.',
      suggestion: 'poll-2010',
    });
    expect(inFile(problems, 'posts/t.mdx')[0]!.suggestion).toBeUndefined();
  });

  it('checks survey, question and benchmark ids in the components of a post against the folder\'s data', () => {
    write('surveys/poll-2010.json', json(survey));
    write('benchmarks/acme-2010.json', json(benchmark));
    const body = '<SurveyChart survey="pol-2010" question="staff" />\n\n<SurveyChart survey="poll-2010" question="staf" />\n\n<SurveyComparison survey="poll-2010" benchmark="acm-2010" />\n';
    const text = postText(valid, body);
    write('posts/c.mdx', text);
    const problems = inFile(run().problems, 'posts/c.mdx');
    expect(problems.map((p) => [p.kind, p.field, p.line, p.suggestion])).toEqual([
      ['survey-id', 'survey', lineOf(text, 'pol-2010'), 'poll-2010'],
      ['survey-id', 'question', lineOf(text, '"staf"'), 'staff'],
      ['survey-id', 'benchmark', lineOf(text, 'acm-2010'), 'acme-2010'],
    ]);
  });

  it('validates author files', () => {
    const text = json({ name: '김', role: '역할', bio: '소개', twitter: '@kim' });
    write('authors/kim.json', text);
    write('authors/lee.json', json({ role: '역할', bio: '소개', homepage: 'x' }));
    write('authors/broken.json', '{ "name": "최",\n}\n');
    const problems = run().problems.filter((p) => p.kind === 'author');
    expect(inFile(problems, 'authors/kim.json')).toEqual([
      expect.objectContaining({
        field: 'twitter',
        line: lineOf(text, 'twitter'),
        severity: 'error',
        message: '"@kim"은(는) 트위터 아이디 형식이 아닙니다.',
        expected: '"@" 없는 트위터 아이디 (영문·숫자·_ 15자 이내)',
      }),
    ]);
    const lee = inFile(problems, 'authors/lee.json');
    expect(lee.map((p) => [p.field, p.message])).toEqual(
      expect.arrayContaining([
        ['name', '이름이(가) 없습니다.'],
        [undefined, '알 수 없는 필드입니다: homepage'],
      ]),
    );
    expect(inFile(problems, 'authors/broken.json')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^JSON 문법 오류: /) });
  });

  it("checks an author's avatar: an image file beside the JSON, found on disk, in a format the image pipeline reads", () => {
    write('authors/kim.png', PNG);
    write('authors/kim.json', json({ name: '김', role: '역할', bio: '소개', avatar: './kim.png' }));
    write('authors/oh.jpg', 'jpeg 아님');
    write('authors/oh.json', json({ name: '오', role: '역할', bio: '소개', avatar: './oh.jpg' }));
    const missing = json({ name: '박', role: '역할', bio: '소개', avatar: './park.png' });
    write('authors/park.json', missing);
    write('authors/Lee.PNG', 'png bytes');
    write('authors/lee.json', json({ name: '이', role: '역할', bio: '소개', avatar: './lee.png' }));
    write('authors/choi.json', json({ name: '최', role: '역할', bio: '소개', avatar: './choi.heic' }));
    write('authors/jung.json', json({ name: '정', role: '역할', bio: '소개', avatar: 'https://example.com/jung.jpg' }));
    write('authors/han.json', json({ name: '한', role: '역할', bio: '소개', avatar: 42 }));
    const problems = run().problems.filter((p) => p.kind === 'author');
    expect(inFile(problems, 'authors/kim.json')).toEqual([]);
    expect(inFile(problems, 'authors/park.json')).toEqual([
      expect.objectContaining({
        field: 'avatar',
        line: lineOf(missing, 'avatar'),
        severity: 'error',
        message: expect.stringMatching(/^사진 "\.\/park\.png"이\(가\) 없습니다 \(찾아본 곳: .*content\/authors\/park\.png\)\.$/),
        expected: expect.stringContaining('저자 JSON 파일 옆에 둔 사진 파일 경로'),
      }),
    ]);
    expect(inFile(problems, 'authors/lee.json')[0]).toMatchObject({ field: 'avatar', suggestion: './Lee.PNG', fix: expect.stringContaining('대소문자') });
    expect(inFile(problems, 'authors/choi.json')[0]).toMatchObject({ field: 'avatar', message: '"./choi.heic"은(는) 사진으로 쓸 수 있는 이미지 형식이 아닙니다.', fix: expect.stringContaining('JPEG') });
    expect(inFile(problems, 'authors/jung.json')[0]).toMatchObject({ field: 'avatar', message: expect.stringContaining('인터넷 주소') });
    expect(inFile(problems, 'authors/han.json')).toEqual([expect.objectContaining({ field: 'avatar', message: '42은(는) 파일 경로가 아닙니다.' })]);
    expect(inFile(problems, 'authors/oh.json')).toEqual([
      expect.objectContaining({ field: 'avatar', severity: 'error', message: '사진 "./oh.jpg"의 형식과 크기를 읽을 수 없어서 빌드가 이 사진에서 멈춥니다.', fix: expect.stringContaining('다시 저장') }),
    ]);
  });
});
