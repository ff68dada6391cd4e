import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSite, tmpRoot, type BuildResult } from './build-site';
import { manifestPath, sites } from './sites';

/**
 * Builds every registered site once, one after another (2 cores: parallel Astro builds only
 * fight for them), before any site test runs. REUSE_BUILDS=1 keeps the last run's builds,
 * for quick iteration on assertions; ONLY_SITES=a,b builds just those (the others keep their last
 * build, if any: ONLY_SITES=example runs tests/site/example.test.ts without building the fixtures).
 */
export default function setup(): void {
  // Every vitest project (site, browser) runs this; build once per vitest process.
  if (process.env.SOCIALBENCH_SITES_BUILT === '1') return;
  process.env.SOCIALBENCH_SITES_BUILT = '1';
  mkdirSync(tmpRoot, { recursive: true });
  const previous: Record<string, BuildResult> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  if (process.env.REUSE_BUILDS === '1' && Object.keys(sites).every((name) => previous[name])) return;
  const only = process.env.ONLY_SITES?.split(',').filter(Boolean);
  const results: Record<string, BuildResult> = { ...previous };
  for (const [name, options] of Object.entries(sites)) {
    if (only && !only.includes(name)) continue;
    const result = buildSite(name, options());
    results[name] = result;
    console.log(`built ${name}: ${result.ok ? 'ok' : 'failed'} in ${(result.ms / 1000).toFixed(1)} s`);
  }
  for (const name of Object.keys(results)) if (!(name in sites)) delete results[name];
  writeFileSync(manifestPath, JSON.stringify(results, null, 2));
}
