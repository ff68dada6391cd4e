/**
 * Where does a cold build's time go? Builds copies of this site with one costly piece switched
 * off each, on the posts `npm run bench` generated (run it first), and prints each build's time.
 *
 *   npx tsx scripts/bench/profile.ts [variant ...] (default: all, in the order below)
 *
 * The site itself is never touched: each variant is a copy in .tmp/bench/profile/<variant>/
 * (src, scripts, public, config; node_modules symlinked). An edit that no longer matches the
 * code fails loudly, so a stale variant is noticed rather than measured. Times are as noisy as
 * the machine: compare variants from one session, and prefer an idle machine.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasGnuTime, measureBuild } from './measure.ts';

const root = resolve(import.meta.dirname, '../..');
const base = join(root, '.tmp/bench/profile');
const contentDir = join(root, '.tmp/bench/content');

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file}: "${from}" not found; update scripts/bench/profile.ts`);
  writeFileSync(file, text.replace(from, to));
}

/** A 1x1 PNG: the OG routes stay (same pages, same links) but nothing is drawn. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const noOgDrawing = (dir: string) =>
  edit(
    join(dir, 'src/pages/og/posts/[...slug].png.ts'),
    'return pngResponse(await ogImage(context.props.card));',
    `void ogImage; return pngResponse(Buffer.from('${TINY_PNG}', 'base64'));`,
  );
const noPagefind = (dir: string) => edit(join(dir, 'astro.config.mjs'), 'searchIndex(), ', '');
const noWriterChecks = { SOCIALBENCH_WRITER_CHECKS: '0' };
// Without drawing in the route, nor ahead of it in a second process (src/lib/og-predraw.ts).
const noPredraw = { SOCIALBENCH_OG_PREDRAW: '0' };

interface Variant {
  what: string;
  env?: Record<string, string>;
  change?: (dir: string) => void;
}

const variants: Record<string, Variant> = {
  full: { what: 'the site as it is' },
  'no-og': { what: 'Open Graph PNG per post not drawn (tiny PNG instead)', env: noPredraw, change: noOgDrawing },
  'no-pagefind': { what: 'no Pagefind index', change: noPagefind },
  'no-checks': { what: 'writer checks off (SOCIALBENCH_WRITER_CHECKS=0)', env: noWriterChecks },
  lean: {
    what: 'all three off',
    env: { ...noWriterChecks, ...noPredraw },
    change: (dir) => {
      noOgDrawing(dir);
      noPagefind(dir);
    },
  },
};

function copySite(name: string): string {
  const dir = join(base, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!variants[name]) {
    console.error(`unknown variant "${name}"; expected some of: ${Object.keys(variants).join(', ')}`);
    process.exit(2);
  }
}
if (!existsSync(join(contentDir, 'posts'))) {
  console.error('no generated posts in .tmp/bench/content: run `npm run bench` first');
  process.exit(2);
}

const gnuTime = hasGnuTime();
for (const name of wanted.length ? wanted : Object.keys(variants)) {
  const variant = variants[name] as Variant;
  const dir = copySite(name);
  variant.change?.(dir);
  const outDir = join(base, `${name}-dist`);
  const cacheDir = join(base, `${name}-cache`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const run = await measureBuild({
    label: name,
    cwd: dir,
    astroBin: join(root, 'node_modules/.bin/astro'),
    env: {
      ...(process.env as Record<string, string>),
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      BUILD_TIME: '2026-11-27T12:00:00+09:00',
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir,
      ...variant.env,
    },
    outDir,
    timeFile: join(base, `${name}.time`),
    logFile: join(base, `${name}.log`),
    gnuTime,
  });
  const p = run.phases;
  const f = (s: number | undefined) => (s === undefined ? '?' : s.toFixed(1));
  console.log(
    `${name.padEnd(12)} ${run.ok ? '' : 'FAILED '}${run.wallS.toFixed(1).padStart(5)} s  ` +
      `(setup ${f(p.setupS)}, bundle ${f(p.bundleS)}, pages ${f(p.generateS)}, after ${f(p.afterS)})  ${variant.what}`,
  );
}
