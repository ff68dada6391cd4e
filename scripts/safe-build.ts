/**
 * `npm run build`: builds the site into a temporary folder next to dist/ and replaces dist/ only
 * when the build succeeded, so a failed build (a mistake in a post, a crash, Ctrl-C) leaves the
 * last good site in place for the deploy step and the web server.
 *
 * OUT_DIR chooses the published folder (default dist/); CONTENT_DIR, BUILD_TIME, SITE_URL and
 * ASTRO_CACHE_DIR pass through to Astro. The search index (Pagefind) and the writer checks run
 * inside the build as Astro integrations (astro.config.mjs), so they are part of "succeeded".
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { removeStaleStaging, stagingDirFor, swapInto } from './lib/atomic-dir';
import { astroBin, projectRoot, runInherited, toolEnv } from './lib/run';

const target = resolve(projectRoot, process.env.OUT_DIR || 'dist');
const staging = stagingDirFor(target);

removeStaleStaging(target);

let interrupted = false;
let child: ChildProcess | undefined;
const cleanUp = () => rmSync(staging, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // Stop the build (Ctrl-C in a terminal already reached it; a CI cancel may not have), then clean up below.
    interrupted = true;
    child?.kill(signal);
  });
}

const started = Date.now();
// "Now" is fixed once for the whole build, so the pages and the writer checks (a separate
// process) agree on which posts are published even when the build crosses a post's pubDate.
const buildTime = process.env.BUILD_TIME || new Date(started).toISOString();
const env = toolEnv({ OUT_DIR: staging, BUILD_TIME: buildTime });
const status = await runInherited(astroBin, ['build', ...process.argv.slice(2)], env, (c) => (child = c));
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (status !== 0 || interrupted || !existsSync(staging)) {
  cleanUp();
  const kept = existsSync(target) ? `${target} was left as it was (the last good site)` : `nothing was written to ${target}`;
  console.error(`\n✗ 빌드 실패 (${seconds}초): ${kept}.\n  위의 오류 메시지를 보고 고친 뒤 다시 실행하세요. 도움말: docs/writing.md "오류 읽는 법".`);
  process.exit(status === 0 ? 1 : status);
}

swapInto(staging, target);
console.log(`\n✓ 빌드 완료 (${seconds}초): ${target}`);
