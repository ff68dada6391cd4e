/**
 * Every kind of page of the blog fixture is valid HTML for the W3C Nu HTML Checker (vnu-jar, run
 * with the machine's Java: tests/support/prerequisites.ts): a page a validator rejects is one some
 * reader, crawler or feed reader may parse differently from the browser the site was tried in.
 *
 * One Java process checks them all (a JVM start is most of the few seconds this takes). Only
 * errors count (--errors-only): vnu's warnings and info are advice, and for files on disk it also
 * reports every stylesheet and image as blocked by the pages' Content-Security-Policy <meta>, as
 * it cannot know the origin a host will serve them from.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileForUrl } from '../support/html';
import { JAVA } from '../support/prerequisites';
import { getBuild } from '../support/sites';
import { BLOG, blogContentDir } from '../support/sites-blog';
import { readJsonDir, site as config } from '../support/source';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
/**
 * A short run wants a quick start, not peak speed: the first JIT tier only and the simple garbage
 * collector take about half the CPU time. vnu needs a larger thread stack than Java's default for
 * deep markup (it stops with a StackOverflowError under 512k), the more so with that tier's frames.
 */
const JVM_FLAGS = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * One page of every kind, and the pages with the fixture's hostile text: the feed edge cases'
 * post (a control character, `<`, `&` and quotes in its title and body) and the surveys (one with
 * `</script>` in its labels), drawn as charts in a post and on their own pages.
 */
const PAGES = [
  '/',
  '/page/2/',
  '/archive/',
  '/authors/',
  '/authors/kim/',
  '/categories/',
  `/categories/${config.categories[0]!.id}/`,
  '/tags/',
  '/tags/트위터/',
  '/posts/plain-post/',
  '/posts/with-hero/',
  '/posts/gfm/',
  '/posts/tricky/',
  '/posts/survey-comparison/',
  '/posts/with-chart/',
  '/surveys/',
  ...readJsonDir(blogContentDir, 'surveys').map((s) => `/surveys/${s.id}/`),
  '/search/',
  '/about/operations/',
  '/404.html',
];

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

describe('valid HTML (W3C Nu HTML Checker)', () => {
  it('every kind of page of the blog fixture, and the 404 page, has no validator error', () => {
    const build = getBuild(BLOG);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
    const files = PAGES.map((path) => fileForUrl(BLOG, path) ?? path);
    // vnu passes over a file that is not there without a word.
    expect(files.filter((f) => !f.startsWith(build.outDir)), 'pages missing from the build').toEqual([]);

    const run = spawnSync(JAVA, [...JVM_FLAGS, '-jar', VNU_JAR, '--format', 'json', '--errors-only', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.error, `${JAVA} did not start`).toBeUndefined();
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`vnu gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    // The page's address, the line and column, the message and the markup it is about.
    const errors = messages.map((m) => {
      const file = m.url?.startsWith('file:') ? relative(build.outDir, fileURLToPath(m.url)) : (m.url ?? '');
      const line = m.firstLine ?? m.lastLine;
      const where = line === undefined ? file : `${file}:${line}:${m.firstColumn ?? 0}`;
      return `${where} ${m.subType === 'fatal' ? 'fatal ' : ''}${m.type}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`;
    });
    expect(errors.length, `vnu found ${errors.length} error(s):\n${errors.join('\n')}\n`).toBe(0);
    expect(run.status, run.stderr).toBe(0);
  });
});
