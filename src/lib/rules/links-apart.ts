/**
 * The link check (./links.ts) in a Node process of its own, as the build runs it. At 10,000 posts
 * it parses 19,000 pages and leaves 300–500 MB of garbage that V8 keeps in the process that made
 * it, on top of the 4.7 GB Astro's process already holds by then; in a process of its own that
 * memory is gone when it ends, and the check runs on the other core while Pagefind writes.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LinkCheckOptions, LinkCheckResult } from './links.ts';

/** Same options, same result as `checkLinks`; rejects when the process cannot start or ends without one. */
export function checkLinksApart(options: LinkCheckOptions): Promise<LinkCheckResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./links-apart-child.ts', import.meta.url)), [], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      // Problems and posts as they are (undefined fields, Dates), not through JSON.
      serialization: 'advanced',
      execArgv: [],
    });
    let result: LinkCheckResult | undefined;
    child.once('message', (message) => {
      result = message as LinkCheckResult;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`링크 검사 프로세스가 결과 없이 끝났습니다 (${signal ?? `종료 코드 ${code}`})`));
    });
    // The link check reads a post's source and state, not its body walk (./mdx.ts), which is large.
    child.send({ ...options, posts: options.posts.map(({ body: _body, ...post }) => post) });
  });
}
