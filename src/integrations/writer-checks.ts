/**
 * The writer checks, in-process, in `astro build` and `astro dev`: the same functions as
 * `npm run check` (src/lib/rules), run before Astro reads a single entry.
 *
 * - build: every content rule runs when the config is done, before the content sync. Any error
 *   stops the build with one Korean block per problem, and nothing of Astro's crash wrapper.
 *   After the pages are written, every internal link of the built site is checked, in a process
 *   of its own (src/lib/rules/links-apart.ts), while Pagefind writes the index when the search
 *   index integration runs, else in this one's last hook.
 * - dev: the same check runs at start and after each change under the content folder; while a
 *   content error stands, every page answers with an error page listing the problems, so a
 *   writer never keeps looking at the last good page without knowing.
 *
 * Loaded by Node itself from astro.config.mjs (TypeScript type stripping), so everything it
 * imports is the pure core with explicit `.ts` extensions. The content rules run in this process,
 * on the posts as read once: no second parser (only the built pages' link check has its own).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import escapeHtml from 'escape-html';
import { buildTime } from '../lib/build-time.ts';
import { contentDir } from '../lib/content-dir.ts';
import type { ContentCheck } from '../lib/rules/content.ts';
import { checkLinks, type LinkCheckResult } from '../lib/rules/links.ts';
import { checkLinksApart } from '../lib/rules/links-apart.ts';
import { countText, errorsIn, formatProblems, sortProblems, type Problem } from '../lib/rules/problems.ts';
import { sharedChecks } from '../lib/rules/shared-state.ts';

const useColor = () => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0';

const HELP = '오류마다 고치는 법이 적혀 있습니다. 더 자세한 설명: docs/writing.md "오류 읽는 법"';

/** Prints problems once, as Korean blocks, straight to the terminal (not through Astro's logger and its prefixes). */
function printProblems(title: string, problems: Problem[]): void {
  if (problems.length === 0) return;
  const color = useColor();
  process.stderr.write(`\n${title} (${countText(problems)})\n\n${formatProblems(sortProblems(problems), color)}\n\n`);
}

/** Stops the build with the problems, without Astro's "unhandled error" wrapper and stack. */
function failBuild(title: string, problems: Problem[]): never {
  printProblems(title, problems);
  process.stderr.write(`${HELP}\n`);
  process.exit(1);
}

/** A small page listing the problems, served by `astro dev` instead of any page while they stand. */
export function devErrorPage(problems: Problem[]): string {
  const blocks = formatProblems(sortProblems(errorsIn(problems)));
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>콘텐츠 오류 (${escapeHtml(countText(errorsIn(problems)))})</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;background:#fff}
pre{white-space:pre-wrap;word-break:keep-all;overflow-wrap:anywhere;background:#fff4f4;border-left:4px solid #b00020;padding:1rem}
@media (prefers-color-scheme:dark){body{color:#eee;background:#141414}pre{background:#2a1414}}</style>
<script type="module" src="/@vite/client"></script></head>
<body><main><h1>콘텐츠에 고칠 문제가 있습니다</h1>
<p>파일을 고쳐 저장하면 이 페이지가 새로 고쳐집니다. 문제가 모두 풀리면 원래 페이지가 나옵니다.</p>
<pre>${escapeHtml(blocks)}</pre>
<p>${escapeHtml(HELP)}</p></main></body></html>`;
}

interface DevServer {
  watcher: { on(event: string, listener: (path: string) => void): unknown };
  middlewares: { use(handler: (req: { headers: Record<string, string | string[] | undefined>; url?: string }, res: DevResponse, next: () => void) => void): unknown };
  hot?: { send(payload: { type: 'full-reload' }): void };
  ws?: { send(payload: { type: 'full-reload' }): void };
}

interface DevResponse {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

export interface WriterChecksOptions {
  /** Where `npm run build` wants the numbers for its summary (JSON); unset when astro runs alone. */
  summaryFile?: string;
}

export default function writerChecks(options: WriterChecksOptions = {}): AstroIntegration {
  const enabled = process.env.SOCIALBENCH_WRITER_CHECKS !== '0';
  const summaryFile = options.summaryFile ?? process.env.SOCIALBENCH_SUMMARY_FILE;
  let root = process.cwd();
  /** The built site's link check, once it has run (it may run inside the search index's hook). */
  let linked: LinkCheckResult | undefined;
  let content: ContentCheck | undefined;
  // Loaded only when the checks run: a quarter of a second of module loading that `npm run check`'s
  // build, which turns them off (it reports them itself), does not wait for.
  let rules: typeof import('../lib/rules/content.ts') | undefined;
  const run = () => {
    if (!rules) throw new Error('writer checks: the content rules were not loaded');
    const result = rules.checkContent({ contentDir, projectRoot: root, now: buildTime });
    const shared = sharedChecks();
    shared.problems = result.problems;
    shared.embeddedSurveys = new Map(result.posts.flatMap((p) => (p.body ? [[p.id, p.body.surveys] as const] : [])));
    return result;
  };

  return {
    name: 'socialbench:writer-checks',
    hooks: {
      'astro:config:setup': ({ command }) => {
        sharedChecks().command = command;
        // One "now" for this process: the pages (loaded later through Vite) read the same BUILD_TIME.
        process.env.BUILD_TIME ??= buildTime.toISOString();
      },
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        const linkCacheDir = join(fileURLToPath(config.cacheDir), 'socialbench-links');
        sharedChecks().linkCheck = undefined;
        if (!enabled) return;
        const linkCheck = {
          ran: false,
          run: async (outDir: string) => {
            linkCheck.ran = true;
            const posts = (content ??= run()).posts;
            const options = { dir: outDir, posts, templateSeverity: 'warning' as const, cacheDir: linkCacheDir };
            // In a process of its own (src/lib/rules/links-apart.ts); here if that cannot run, said
            // once, since the check then costs this process its time and memory again.
            linked = await checkLinksApart(options).catch((error: unknown) => {
              process.stderr.write(`링크 검사를 따로 띄운 프로세스에서 하지 못해 빌드 프로세스에서 다시 합니다 (${error instanceof Error ? error.message : String(error)}).\n`);
              return checkLinks(options);
            });
            if (errorsIn(linked.problems).length) failBuild('✗ 글의 링크가 깨져 빌드를 멈췄습니다', linked.problems);
            printProblems('! 경고: 링크', linked.problems);
          },
        };
        sharedChecks().linkCheck = linkCheck;
        rules = await import('../lib/rules/content.ts');
        content = run();
        if (sharedChecks().command === 'build') {
          const errors = errorsIn(content.problems);
          if (errors.length) failBuild('✗ 글과 데이터에 고칠 문제가 있어 빌드를 멈췄습니다', content.problems);
          printProblems('! 경고: 빌드는 계속하지만 확인해 주세요', content.problems);
          // The published posts are known now: their missing Open Graph cards are drawn on the other
          // core while Astro bundles and renders (src/lib/og-predraw.ts).
          if (process.env.SOCIALBENCH_OG_PREDRAW !== '0') {
            const { cardsToPredraw, startOgPredraw } = await import('../lib/og-predraw.ts');
            startOgPredraw(cardsToPredraw(content.posts, content.authorNames));
          }
        } else {
          printProblems('콘텐츠 검사', content.problems);
        }
      },
      'astro:server:setup': ({ server }) => {
        if (!enabled) return;
        const dev = server as unknown as DevServer;
        const watched = resolve(contentDir);
        let last = JSON.stringify(content?.problems ?? []);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = () => {
          content = run();
          const now = JSON.stringify(content.problems);
          if (now === last) return;
          last = now;
          if (content.problems.length) printProblems('콘텐츠 검사', content.problems);
          else process.stderr.write('\n✓ 콘텐츠 검사: 남은 문제가 없습니다.\n');
          // The open page shows the error page, or leaves it once the problems are fixed.
          (dev.hot ?? dev.ws)?.send({ type: 'full-reload' });
        };
        const onChange = (path: string) => {
          // Images too: adding a missing one clears its problem.
          if (!path.startsWith(watched) || !/\.(mdx?|json|png|jpe?g|gif|webp|avif|svg)$/i.test(path)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, 150);
        };
        for (const event of ['add', 'change', 'unlink']) dev.watcher.on(event, onChange);
        dev.middlewares.use((req, res, next) => {
          const errors = errorsIn(content?.problems ?? []);
          const accept = String(req.headers.accept ?? '');
          if (errors.length === 0 || !accept.includes('text/html')) return next();
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(devErrorPage(content?.problems ?? []));
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (!enabled) return;
        const linkCheck = sharedChecks().linkCheck;
        if (linkCheck && !linkCheck.ran) await linkCheck.run(fileURLToPath(dir));
        const posts = content?.posts ?? [];
        if (summaryFile && linked) {
          const count = (state: string) => posts.filter((p) => p.state === state).length;
          writeFileSync(
            summaryFile,
            JSON.stringify({
              published: count('published'),
              drafts: count('draft'),
              scheduled: count('scheduled'),
              pages: linked.pages,
              links: linked.links,
              warnings: (content?.problems.length ?? 0) + linked.problems.length,
            }),
          );
        }
      },
    },
  };
}
