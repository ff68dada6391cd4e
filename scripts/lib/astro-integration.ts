/**
 * Writer-friendly errors inside `astro build`. Astro's own messages for some mistakes lack the
 * file (an unknown component names only the page, a missing hero image names nothing), the line
 * (a missing image in the body points into generated code) or the fix. This integration checks
 * the posts before Astro bundles them and the links after it wrote the pages, and fails the
 * build with every problem at once, each with its file, line and fix.
 *
 * The checks run in a child process (./writer-checks-cli.ts): this file imports only Node
 * built-ins, so Node loads astro.config.mjs natively and other integrations' dynamic imports keep
 * working (a config that needs Vite to load closes its module runner before the build ends).
 * `npm run check` runs the same checks itself and sets SOCIALBENCH_WRITER_CHECKS=0.
 */
import type { AstroIntegration } from 'astro';
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

class WriterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriterError';
    // A stack into this file says nothing to a writer.
    this.stack = message;
  }
}

const checkerArgs = (root: string, args: string[]) => ['--import', 'tsx', join(root, 'scripts/lib/writer-checks-cli.ts'), ...args];

function runChecks(root: string, args: string[]): { ok: boolean; warnings: string; errors: string; info: string } {
  const result = spawnSync(process.execPath, checkerArgs(root, args), {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return splitOutput(result.stdout ?? '', result.status, result.stderr ?? '', result.error);
}

/** The checker prints an info line, then "WARNINGS" and "ERRORS" sections (writer-checks-cli.ts). */
function splitOutput(out: string, status: number | null, stderr: string, error?: Error): { ok: boolean; warnings: string; errors: string; info: string } {
  const errorsAt = out.indexOf('ERRORS\n');
  const warningsAt = out.indexOf('WARNINGS\n');
  const info = out.slice(0, Math.min(...[errorsAt, warningsAt, out.length].filter((i) => i >= 0))).trim();
  const warnings = warningsAt < 0 ? '' : out.slice(warningsAt + 'WARNINGS\n'.length, errorsAt < 0 ? undefined : errorsAt).trim();
  const errors = errorsAt < 0 ? '' : out.slice(errorsAt + 'ERRORS\n'.length).trim();
  if (status !== 0 && !errors) {
    // The checker itself broke: say so rather than hide the build behind it.
    return { ok: false, warnings, info, errors: `writer checks crashed (${error?.message ?? `exit ${status}`}):\n${out}${stderr}` };
  }
  return { ok: status === 0, warnings, errors, info };
}

/**
 * In `astro dev`, the same checks run in the background when the server starts and after a
 * post, survey or benchmark file changes, and print to the terminal: a writer previewing a post
 * sees "file:line: unknown component <Foo>" next to the page's own error. Nothing is blocked.
 */
function watchInDev(root: string, server: { watcher: { on(event: string, listener: (path: string) => void): unknown } }, warn: (text: string) => void): void {
  const contentDir = resolve(root, process.env.CONTENT_DIR || 'content');
  let running = false;
  let again = false;
  let last = '';
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const child = spawn(process.execPath, checkerArgs(root, ['before']), { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (status) => {
      running = false;
      const result = splitOutput(out, status, err);
      const text = [result.errors, result.warnings].filter(Boolean).join('\n');
      // Print a problem list once, and say so when it has been fixed.
      if (text !== last) warn(text ? `\n${text}` : 'writer checks: no problems left');
      last = text;
      if (again) {
        again = false;
        run();
      }
    });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = (path: string) => {
    if (!path.startsWith(contentDir) || !/\.(mdx?|json)$/i.test(path)) return;
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  };
  for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, onChange);
  run();
}

export default function writerChecks(): AstroIntegration {
  const enabled = process.env.SOCIALBENCH_WRITER_CHECKS !== '0';
  let root = process.cwd();
  return {
    name: 'socialbench:writer-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (enabled) watchInDev(root, server, (text) => logger.warn(text));
      },
      'astro:build:start': ({ logger }) => {
        if (!enabled) return;
        const result = runChecks(root, ['before']);
        if (result.warnings) logger.warn(`\n${result.warnings}`);
        if (!result.ok) throw new WriterError(result.errors);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!enabled) return;
        const result = runChecks(root, ['after', fileURLToPath(dir)]);
        if (result.warnings) logger.warn(`\n${result.warnings}`);
        if (!result.ok) throw new WriterError(result.errors);
        if (result.info) logger.info(result.info);
      },
    },
  };
}
