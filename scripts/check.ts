/**
 * `npm run check`: the one command a writer runs before pushing.
 *
 *   1. type check (`astro check`, on the content without the posts step 2 finds broken)
 *   2. content: every post, author, survey and benchmark file, all problems at once
 *   3. a full build into a temporary folder, then every local link and image of the built site
 *   4. tweet lengths
 *
 * Exit 0 when there is no error (warnings are printed), 1 otherwise. Each problem names the file,
 * the line when there is one, and the fix. Options: --skip-types, --skip-build (faster, partial),
 * --no-cache (run every step even when nothing changed). CONTENT_DIR and BUILD_TIME are honoured
 * like in a build.
 *
 * Steps 1 and 3 take most of the time (a TypeScript language server, a full build). Each is
 * remembered when it passes, with a hash of the files it read (scripts/lib/check-cache.ts): a
 * second run on the same files reuses the result. A step that failed always runs again. After a
 * post is edited, the build starts first and step 2 runs beside it (earlyBuild below).
 */
import { enableCompileCache } from 'node:module';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildTime } from '../src/lib/build-time.ts';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import type { Problem } from '../src/lib/rules/problems.ts';
import site from '../src/site.config.ts';
import { astroBin, buildRuntimeEnv, projectRoot, runCaptured, startCaptured, toolEnv, type StartedCommand } from './lib/run.ts';
import { inputsHash, readCheckCache, writeCheckCache } from './lib/check-cache.ts';

// Node keeps the compiled code of the modules loaded below (the content rules, a third of a second
// to load) in its cache folder, as Astro's own command does, and like it not in CI, where it would
// only be written.
if (!process.env.CI) enableCompileCache();

const args = new Set(process.argv.slice(2));
const skipTypes = args.has('--skip-types');
const skipBuild = args.has('--skip-build');
const useCache = !args.has('--no-cache');
// Beside Astro's cache when one is chosen (tests give each fixture its own), else in node_modules/.cache.
const cacheFile = join(process.env.ASTRO_CACHE_DIR || join(projectRoot, 'node_modules/.cache'), 'socialbench-check.json');
const cache = useCache ? readCheckCache(cacheFile) : {};
/** Everything of the project that steps 1 and 3 read besides the content folder. */
const codeInputs = ['src', 'tests', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'].map((p) => join(projectRoot, p));
/** Astro's cache for the content folder itself, kept between runs (a copy gets its own: trialContent). */
const contentCacheDir = process.env.ASTRO_CACHE_DIR || join(projectRoot, 'node_modules/.astro-check');
const typesKey = (excluded: string[]) => inputsHash(projectRoot, codeInputs, { excluded, node: process.version });
/** What a build makes of the files: the code and the content, and the site's address. */
const filesKey = skipBuild ? '' : inputsHash(projectRoot, [...codeInputs, contentDir], { siteUrl: site.url, node: process.version });

const work = mkdtempSync(join(tmpdir(), 'socialbench-check-'));
const outDir = join(work, 'dist');

const astroEnv = (content: string, cacheDir: string, extra: Record<string, string> = {}) =>
  toolEnv({
    CONTENT_DIR: content,
    ASTRO_CACHE_DIR: cacheDir,
    // "Now" fixed once for the whole run, as in scripts/safe-build.ts: steps 2-4 and the build agree on what is published.
    BUILD_TIME: buildTime.toISOString(),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  });
// The build's own writer checks would repeat step 2, which this command reports itself; its links
// never point into the search index, so Pagefind is not run (src/integrations/search-index.ts).
const buildEnv = (content: string, cacheDir: string) =>
  astroEnv(content, cacheDir, { OUT_DIR: outDir, SOCIALBENCH_WRITER_CHECKS: '0', SOCIALBENCH_PAGEFIND: '0', ...buildRuntimeEnv() });

/**
 * The trial build is most of a run after an edit, and it does not need steps 1-2 to begin: when
 * the files changed since the last passing build and the type check will not run (Astro's two
 * commands write the same .astro/ files, so they never run at once), it starts now, on the other
 * core, while this process reads the content. If step 2 then finds a post to leave out, it is
 * stopped and the build runs again without that post.
 */
let earlyBuild: { command: StartedCommand; started: number } | undefined =
  !skipBuild && cache.build?.files !== filesKey && (skipTypes || cache.types?.key === typesKey([]))
    ? { command: startCaptured(astroBin, ['build'], buildEnv(contentDir, contentCacheDir), join(work, 'build.log')), started: Date.now() }
    : undefined;
// Every way out of this process, the early exits below included, leaves no temporary folder behind.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The site's settings first: a wrong one would otherwise surface later as a puzzling error. (An
// early build has started, and stops with the same message; the modules below are loaded only now,
// after it has started: a third of a second of loading.)
const { exitOnSiteConfigProblems } = await import('../src/lib/rules/site-config-gate.ts');
exitOnSiteConfigProblems(site);
const { checkContent } = await import('../src/lib/rules/content.ts');
const { unpublishedLines } = await import('../src/lib/publishing.ts');
const { checkLinks } = await import('../src/lib/rules/links.ts');
const { countText, errorsIn, formatProblems, sortProblems } = await import('../src/lib/rules/problems.ts');
const { astroErrorExcerpt } = await import('./lib/astro-output.ts');

const all: Problem[] = [];

function section(step: number, title: string): void {
  console.log(`\n[${step}/4] ${title}`);
}

function report(problems: Problem[], okText: string): void {
  all.push(...problems);
  if (problems.length === 0) {
    console.log(`  ✓ ${okText}`);
    return;
  }
  const errors = errorsIn(problems).length;
  console.log(errors ? `  ✗ ${countText(problems)}\n` : `  ! ${countText(problems)} (고치지 않아도 통과합니다)\n`);
  console.log(
    formatProblems(sortProblems(problems), color)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
console.log(`socialbench check: 콘텐츠 폴더 ${displayPath(contentDir)}`);

/** Astro's content sync stopped on a collection entry (a survey, author or benchmark step 2 reports). */
const contentSyncError = (output: string) => /\[\w*(Content|Collection|Frontmatter)\w*Error\]/.test(output);

let content: ReturnType<typeof checkContent>;
try {
  // Content is read first (no build): the type check and the trial build leave out what it finds broken.
  content = checkContent({ contentDir, projectRoot, now: buildTime });

  /**
   * The content to type-check and build. Posts with errors of their own would stop `astro check`
   * (its content sync) and the build at the first one, and their problems are already listed by
   * step 2: they are left out of a copy of the content folder, so the types and the links of every
   * other post are still checked in the same run, and no error is reported twice.
   */
  const trialContent = (): { dir: string; excluded: string[] } => {
    const broken = content.posts.filter((p) => errorsIn(content.problems).some((problem) => problem.file === p.file));
    if (broken.length === 0) return { dir: contentDir, excluded: [] };
    const dir = join(work, 'content');
    cpSync(contentDir, dir, { recursive: true });
    for (const post of broken) {
      rmSync(join(dir, relative(contentDir, post.path)));
      post.excluded = true;
    }
    return { dir, excluded: broken.map((p) => p.file) };
  };
  const trial = skipTypes && skipBuild ? { dir: contentDir, excluded: [] } : trialContent();
  if (trial.excluded.length && earlyBuild) {
    await earlyBuild.command.stop();
    earlyBuild = undefined;
  }
  // Astro's cache remembers the paths of the files it read: a cache filled from the copy, which is
  // deleted at the end of this run, would send the next run to files that are gone. So a copy gets
  // a cache of its own, deleted with it; the content folder itself keeps the cache between runs.
  // (Its own in any case: writers often leave `npm run dev` running, which uses the default one.)
  const cacheDir = trial.dir === contentDir ? contentCacheDir : join(work, 'cache');

  // 1. Types.
  section(1, '타입 검사 (astro check)');
  if (skipTypes) {
    console.log('  - 건너뜀 (--skip-types)');
  } else {
    // Types come from the code and the collections' schemas (src/), not from what the posts say.
    const key = typesKey(trial.excluded);
    // Never beside the early build (see earlyBuild): it only starts when this key was remembered.
    const result = cache.types?.key === key ? { ok: true, output: '', remembered: true } : { ...runCaptured(astroBin, ['check'], astroEnv(trial.dir, cacheDir)), remembered: false };
    if (result.ok) {
      cache.types = { key, result: null };
      const note = result.remembered ? ' (지난번 통과한 뒤 바뀐 코드가 없어 다시 검사하지 않았습니다)' : '';
      console.log(`  ✓ 통과${trial.excluded.length ? ` (오류가 있는 글 ${trial.excluded.length}개는 빼고 검사)` : ''}${note}`);
    } else if (contentSyncError(result.output) && errorsIn(content.problems).length > 0) {
      // The sync stopped on a file whose problem step 2 lists; reporting it here too would count it twice.
      console.log('  - 검사하지 못함: 2단계의 콘텐츠 오류 때문에 멈췄습니다. 그 오류를 고친 뒤 다시 실행하세요.');
    } else {
      const errorLines = result.output.split('\n').filter((l) => / - error |\[ERROR\]|error ts\(/i.test(l));
      const problems: Problem[] = (errorLines.length ? errorLines : [astroErrorExcerpt(result.output)]).map((line) => {
        const at = /^(\S+?):(\d+):(\d+) - error (.*)$/.exec(line.trim());
        return at
          ? { kind: 'types', file: at[1] ?? '', line: Number(at[2]), column: Number(at[3]), severity: 'error' as const, message: at[4] ?? line }
          : { kind: 'types', file: 'astro check', severity: 'error' as const, message: line.trim() };
      });
      delete cache.types;
      report(problems, '통과');
      console.log('  (타입 오류는 대개 src/ 코드의 문제입니다. 글 파일이 아니라면 개발자에게 알려 주세요.)');
    }
  }

  // 2. Content, read straight from the files (no build), so every problem shows at once.
  section(2, `콘텐츠 검사: 글 ${content.posts.length}개, 저자, 설문, 벤치마크, 월별 기록 파일`);
  report(
    content.problems.filter((p) => p.kind !== 'tweet'),
    '문제 없음',
  );
  // Not problems: a writer who left `draft: true` in should still hear that the post won't go out.
  const unpublished = unpublishedLines(content.posts, site.timeZone);
  if (unpublished.length) {
    console.log(`\n  공개되지 않는 글 ${unpublished.length}개 (오류가 아닙니다):`);
    for (const line of unpublished) console.log(`    ${line}`);
  }

  // 3. Build into a temporary folder, then check every local link of the built site.
  section(3, '빌드와 내부 링크 검사');
  if (skipBuild) {
    console.log('  - 건너뜀 (--skip-build)');
  } else {
    if (trial.excluded.length) {
      console.log(`  (오류가 있는 글 ${trial.excluded.length}개를 빼고 빌드해서 나머지 글의 링크를 검사합니다)`);
    }
    // Besides the files: what is left out, which posts are published now (a scheduled post goes
    // out with the hour) and the day. Files unchanged since the last passing build mean no early build.
    const buildKey = inputsHash(projectRoot, [], {
      files: filesKey,
      excluded: trial.excluded,
      states: content.posts.map((p) => [p.id, p.state]),
      day: buildTime.toISOString().slice(0, 10),
    });
    const remembered = cache.build?.key === buildKey ? (cache.build.result as { pages: number; links: number; problems: Problem[] }) : undefined;
    const started = earlyBuild?.started ?? Date.now();
    const build = remembered
      ? { ok: true, output: '' }
      : earlyBuild
        ? await earlyBuild.command.result
        : runCaptured(astroBin, ['build'], buildEnv(trial.dir, cacheDir));
    earlyBuild = undefined;
    if (remembered) {
      console.log(`  지난번 검사한 뒤 바뀐 파일이 없어 빌드하지 않았습니다: 페이지 ${remembered.pages}개의 내부 링크 ${remembered.links}개 검사 결과를 그대로 씁니다`);
      report(remembered.problems, '깨진 링크 없음');
    } else if (!build.ok) {
      delete cache.build;
      const alreadyFound = errorsIn(content.problems).length > 0;
      report(
        [
          {
            kind: 'build',
            file: 'astro build',
            severity: 'error',
            message: `빌드가 실패했습니다:\n${astroErrorExcerpt(build.output)}`,
            fix: alreadyFound
              ? '2단계의 문제를 먼저 고치세요. 빌드는 대개 그중 하나 때문에 실패합니다. 링크는 빌드가 성공하면 검사합니다.'
              : '위 메시지가 가리키는 파일을 확인하세요. 링크는 빌드가 성공하면 검사합니다.',
          },
        ],
        '',
      );
    } else {
      const links = checkLinks({ dir: outDir, posts: content.posts, templateSeverity: 'error' });
      console.log(`  빌드 ${((Date.now() - started) / 1000).toFixed(1)}초, 페이지 ${links.pages}개의 내부 링크 ${links.links}개 검사`);
      report(links.problems, '깨진 링크 없음');
      if (errorsIn(links.problems).length === 0) cache.build = { key: buildKey, files: filesKey, result: { pages: links.pages, links: links.links, problems: links.problems } };
      else delete cache.build;
    }
  }
} finally {
  await earlyBuild?.command.stop();
  rmSync(work, { recursive: true, force: true });
  if (useCache) writeCheckCache(cacheFile, cache);
}

// 4. Tweets.
const tweets = content.posts.filter((p) => p.tweet).length;
section(4, `트윗 길이: tweet 문구가 있는 글 ${tweets}개`);
report(
  content.problems.filter((p) => p.kind === 'tweet'),
  '모두 280자(가중치) 안에 들어갑니다',
);

const errors = errorsIn(all).length;
const warnings = all.length - errors;
if (errors === 0) {
  console.log(`\n통과${warnings ? ` (경고 ${warnings}개)` : ''}: 올려도 됩니다.`);
  process.exit(0);
} else {
  console.log(`\n오류 ${errors}개${warnings ? `, 경고 ${warnings}개` : ''}. 고치는 법은 docs/writing.md의 "오류 읽는 법"에 있습니다.`);
  process.exit(1);
}
