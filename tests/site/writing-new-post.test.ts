/** A post scaffolded by `npm run new` and published by removing `draft: true` builds as is. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpRoot } from '../support/build-site';
import { getBuild, readBuilt } from '../support/sites';

describe('npm run new output', () => {
  it('builds into a post page at /posts/<date>-<slug>/', () => {
    const build = getBuild('writing-new-post');
    expect(build.ok, build.output).toBe(true);
    const [file] = readdirSync(join(tmpRoot, 'fixtures', 'writing-new-post', 'posts'));
    expect(file).toBe('2010-08-10-cheot-geul-sosyeolmidieo-sijakhagi.mdx');
    const html = readBuilt('writing-new-post', 'posts/2010-08-10-cheot-geul-sosyeolmidieo-sijakhagi/index.html');
    expect(html).toContain('첫 글: 소셜미디어 시작하기');
    expect(html).toContain('첫 글의 요약입니다.');
    expect(html).toContain('여기에 본문을 씁니다.');
    // The MDX comment with the writing guide's address is not shown to readers.
    expect(html).not.toContain('작성 안내');
  });
});
