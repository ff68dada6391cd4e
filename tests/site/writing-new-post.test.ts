/** A post scaffolded by `npm run new` and published by removing `draft: true` builds as is (part of the blog fixture). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBuild, readBuilt } from '../support/sites';
import { BLOG, blogContentDir, NEW_POST, newPostLog } from '../support/sites-blog';

describe('npm run new output', () => {
  it('builds into a post page at /posts/<date>-<slug>/', () => {
    const log = existsSync(newPostLog) ? readFileSync(newPostLog, 'utf8') : 'npm run new did not run';
    expect(log.startsWith('exit 0'), log).toBe(true);
    const build = getBuild(BLOG);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
    const files = readdirSync(join(blogContentDir, 'posts')).filter((f) => f.startsWith(NEW_POST.date));
    expect(files).toEqual([NEW_POST.file]);
    const html = readBuilt(BLOG, `posts/${NEW_POST.file.replace(/\.mdx$/, '')}/index.html`);
    expect(html).toContain(NEW_POST.title);
    expect(html).toContain(NEW_POST.description);
    expect(html).toContain('여기에 본문을 씁니다.');
    // The MDX comment with the writing guide's address is not shown to readers.
    expect(html).not.toContain('작성 안내');
  });
});
