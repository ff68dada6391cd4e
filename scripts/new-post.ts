/**
 * `npm run new -- "제목" [--author id] [--category id] [--slug ascii-slug] [--date YYYY-MM-DD]`
 *
 * Creates content/posts/<date>-<slug>.mdx with valid front matter and `draft: true`. In a
 * terminal it asks for what is missing; when standard input is not a terminal (CI, scripts) it
 * never waits and fails naming the missing flags. It never overwrites a file. Every problem is
 * printed as a Korean block (src/lib/rules/problems.ts), in colour only on a terminal without
 * NO_COLOR. The slug rule is in src/lib/slug.ts and docs/writing.md.
 */
import { createInterface } from 'node:readline/promises';
import { contentDir } from '../src/lib/content-dir.ts';
import { isoDay } from '../src/lib/dates.ts';
import site from '../src/site.config.ts';
import { exitOnSiteConfigProblems } from '../src/lib/rules/site-config-gate.ts';
import { newPost } from './lib/new-post.ts';

// The site's settings first: a wrong one would otherwise surface later as a puzzling error.
exitOnSiteConfigProblems(site);

const isTTY = Boolean(process.stdin.isTTY);
const rl = isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

/** Ctrl-C or Ctrl-D at a question closes readline, which rejects the pending question with an AbortError. */
const isAbort = (error: unknown): boolean => error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');

try {
  const result = await newPost(process.argv.slice(2), {
    contentDir,
    today: isoDay(new Date(), site.timeZone),
    io: {
      isTTY,
      // Problems go to standard error: colour when that is a terminal.
      color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
      ask: (question) => {
        if (!rl) throw new Error('standard input is not a terminal');
        return rl.question(question);
      },
      out: (text) => console.log(text),
      err: (text) => console.error(text),
    },
  });
  rl?.close();
  process.exit(result.code);
} catch (error) {
  if (!isAbort(error)) throw error;
  // The file is written only after the last answer, so there is nothing to clean up. 130: ended by Ctrl-C.
  console.error('\n취소했습니다. 파일을 만들지 않았습니다.');
  process.exit(130);
}
