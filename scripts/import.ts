/**
 * `npm run import -- <원본> --author <id> --category <id> [...]` (see scripts/lib/import-args.ts)
 *
 * Brings an existing blog in: a Jekyll or Hugo folder, a WordPress export (WXR) or a full-content
 * RSS or Atom feed file. Each post becomes a post of this site with its images beside it and its
 * old address kept as a redirect (front matter `redirectFrom`); a Korean report says what still
 * needs a person. The logic is in scripts/lib/import-run.ts and src/lib/import/; docs/import.md
 * tells writers how to use it.
 */
import { contentDir } from '../src/lib/content-dir.ts';
import site from '../src/site.config.ts';
import { exitOnSiteConfigProblems } from '../src/lib/rules/site-config-gate.ts';
import { runImport } from './lib/import-run.ts';

exitOnSiteConfigProblems(site);

const result = await runImport(process.argv.slice(2), {
  contentDir,
  // npm runs scripts from the project root; a relative path means the folder the writer ran npm in.
  cwd: process.env.INIT_CWD || process.cwd(),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
process.exit(result.code);
