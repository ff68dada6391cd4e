/**
 * `npm run new -- "제목" [--author id] [--category id] [--slug ascii-slug] [--date YYYY-MM-DD]`
 *
 * Creates content/posts/<date>-<slug>.mdx with valid front matter and `draft: true`. In a
 * terminal it asks for what is missing; when standard input is not a terminal (CI, scripts) it
 * never waits and fails naming the missing flags. It never overwrites a file. Every problem is
 * printed as a Korean block (src/lib/rules/problems.ts), in colour only on a terminal without
 * NO_COLOR. The slug rule is in src/lib/slug.ts and docs/writing.md.
 */
import { contentDir } from '../src/lib/content-dir.ts';
import { isoDay } from '../src/lib/dates.ts';
import site from '../src/site.config.ts';
import { exitOnSiteConfigProblems } from '../src/lib/rules/site-config-gate.ts';
import { runInTerminal } from './lib/cli.ts';
import { newPost } from './lib/new-post.ts';

// The site's settings first: a wrong one would otherwise surface later as a puzzling error.
exitOnSiteConfigProblems(site);

// The file is written only after the last answer, so a cancelled run leaves nothing to clean up.
await runInTerminal((io) => newPost(process.argv.slice(2), { contentDir, today: isoDay(new Date(), site.timeZone), io }), '취소했습니다. 파일을 만들지 않았습니다.');
