/**
 * One real failing `npm run build` per family of writer mistakes (front matter, MDX body, survey
 * data, links): what the writer reads is one Korean block per problem, naming the file, the line
 * and the field, with the fix, and none of Astro's wrapper. Every rule's exact wording is tested
 * in-process (tests/unit/rules-*.test.ts); these check that the build shows them as they are.
 * The links family and the summary of a clean build are checked on the safe-build site (./safe-build.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tmpRoot, userEnv } from '../support/build-site';
import { postData, writeFixture } from '../support/fixtures';

const work = join(tmpRoot, 'build-errors');

function npmBuild(name: string, contentDir: string, env: Record<string, string> = {}): { status: number | null; output: string; outDir: string } {
  const outDir = join(work, name, 'dist');
  const result = spawnSync(join(root, 'node_modules/.bin/node'), ['scripts/safe-build.ts'], {
    cwd: root,
    env: userEnv({
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(work, name, 'cache'),
      CONTENT_DIR: contentDir,
      BUILD_TIME: '2010-09-01T00:00:00+09:00',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    }),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, outDir };
}

/** What no writer should have to read. */
function expectNoWrapper(output: string): void {
  expect(output).not.toMatch(/\x1b\[/); // no colours when the output is not a terminal
  expect(output).not.toMatch(/Stack trace|An unhandled error occurred|InvalidContentEntryDataError|:0:0\b/);
  expect(output).not.toMatch(/^\s+at .*node_modules/m);
  expect(output).not.toMatch(/docs\.astro\.build|MODULE_LEVEL_DIRECTIVE/);
  expect(output).toContain('빌드 실패');
}

const shown = (dir: string, file: string) => relative(root, join(dir, file));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a failing npm run build speaks Korean, once per problem', { timeout: 180_000 }, () => {
  // Front matter, an MDX body and survey data go wrong in one content folder: the writer checks stop
  // the build before Astro reads any of it, so one build shows all three families at once.
  const survey = {
    title: '테스트 설문',
    publisher: '테스트 연구소',
    year: 2010,
    sample: { n: 100, population: '국내 기업' },
    sources: [{ title: '보고서', url: 'https://example.org/r', provenance: 'read' }],
    questions: [{ id: 'staff', text: '전담 인력?', type: 'single', options: [{ id: 'one', label: '1명' }, { id: 'more', label: '2명 이상' }], results: { one: 64, more: 48 } }],
  };
  const dir = writeFixture('build-errors-content', {
    posts: [
      { file: 'bad.mdx', data: postData({ author: 'kin', pubDate: undefined }), rawFrontmatter: 'pubDate: 2010-02-30' },
      { file: 'chart.mdx', data: postData(), body: '첫 문단.\n\n<SurveyChart survey="tset-2010" question="staff" />\n' },
    ],
    files: { 'surveys/test-2010.json': JSON.stringify(survey, null, 2) },
  });
  let build: ReturnType<typeof npmBuild> | undefined;
  const failed = () => (build ??= npmBuild('content', dir));

  it('stops before building anything, without Astro\'s wrapper', () => {
    const { status, output, outDir } = failed();
    expect(status).not.toBe(0);
    expectNoWrapper(output);
    expect(output).toContain('✗ 글과 데이터에 고칠 문제가 있어 빌드를 멈췄습니다 (오류 4개)');
    expect(existsSync(outDir)).toBe(false);
  });

  it('front matter: the file, the line, the field, what was found and expected, the fix and a near match', () => {
    const { output } = failed();
    const file = shown(dir, 'posts/bad.mdx');
    const source = readFileSync(join(dir, 'posts/bad.mdx'), 'utf8');
    expect(output).toContain(`오류 ${file}:${lineOf(source, 'author:')} · 프런트매터 author\n  문제: "kin"은(는) 등록된 저자가 아닙니다.`);
    expect(output).toContain('  기대: content/authors/ 폴더의 저자 id: kim, lee');
    expect(output).toContain('  고치는 법: id를 고치거나 content/authors/kin.json 파일을 만드세요.');
    expect(output).toContain('  혹시 "kim"?');
    expect(output).toContain(`오류 ${file}:${lineOf(source, 'pubDate:')} · 프런트매터 pubDate\n  문제: 2010-02-30은(는) 달력에 없는 날짜입니다`);
    // Each problem once.
    expect(output.split('"kin"은(는) 등록된 저자가 아닙니다').length).toBe(2);
  });

  it('MDX body: an unknown survey in a component, with the known ids and a near match', () => {
    const { output } = failed();
    const text = readFileSync(join(dir, 'posts/chart.mdx'), 'utf8');
    expect(output).toContain(`오류 ${shown(dir, 'posts/chart.mdx')}:${lineOf(text, 'tset-2010')}:1 · <SurveyChart> survey`);
    expect(output).toContain('문제: "tset-2010"은(는) 등록된 설문이 아닙니다.');
    expect(output).toContain('기대: content/surveys/의 설문 id: test-2010');
    expect(output).toContain('혹시 "test-2010"?');
  });

  it('survey data: the file, the JSON path and its line', () => {
    const { output } = failed();
    expect(output).toMatch(new RegExp(`오류 ${shown(dir, 'surveys/test-2010.json').replace(/[.]/g, '\\.')}:\\d+ · questions\\[0\\]\\.results\\n {2}문제: .*112`));
  });
});

describe('a wrong site setting stops npm run build before Astro, naming the setting', { timeout: 60_000 }, () => {
  it('an address without https:// (here from SITE_URL): the setting, what is expected, the fix; not "Invalid URL"', () => {
    const dir = writeFixture('build-errors-site-url', { posts: [{ file: 'a.md', data: postData() }] });
    const { status, output, outDir } = npmBuild('site-url', dir, { SITE_URL: 'blog.hanbit.example' });
    expect(status).not.toBe(0);
    expectNoWrapper(output);
    expect(output).toContain('오류 환경 변수 SITE_URL · url\n  문제: "blog.hanbit.example"입니다.\n  기대: https://로 시작하는 사이트 주소');
    expect(output).not.toMatch(/Invalid URL|TypeError/);
    expect(existsSync(outDir)).toBe(false);
  });
});
