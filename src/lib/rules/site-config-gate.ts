/**
 * Stops any command whose src/site.config.ts is wrong, before Astro or a script reads it: one Korean
 * block per problem (field, line, expected form, fix), then exit 1. Astro's own message for the
 * same mistake would be a bare "Invalid URL" from deep inside its config loader, or nothing at all
 * (a category id with a space becomes a published URL).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countText, formatProblems } from './problems.ts';
import { siteConfigReport } from './site-config.ts';

const SOURCE = fileURLToPath(new URL('../../site.config.ts', import.meta.url));

export function exitOnSiteConfigProblems(config: unknown): void {
  let source: string | undefined;
  try {
    source = readFileSync(SOURCE, 'utf8');
  } catch {
    source = undefined;
  }
  const problems = siteConfigReport(config, source, { url: Boolean(process.env.SITE_URL) });
  if (problems.length === 0) return;
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  process.stderr.write(`\n사이트 설정에 고칠 것이 있습니다 (${countText(problems)})\n\n${formatProblems(problems, color)}\n\n설정 항목마다의 설명: docs/setup.md\n`);
  process.exit(1);
}
