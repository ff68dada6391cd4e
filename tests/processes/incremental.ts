/**
 * The incremental build (astro.config.mjs `experimental.incrementalBuild`, keys in
 * src/data/page-keys.ts): a build that copies unchanged pages from its cache must give the same
 * site, byte for byte, as a build from nothing, after the edits writers make and after the hour
 * a scheduled post comes out; and it must really have copied the pages nothing touched.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '@/site.config';
import { buildSite, type BuildResult } from '../support/build-site';
import { postData, writeFixture, type FixturePost } from '../support/fixtures';
import { makePng } from '../support/png';
import { snapshot } from '../support/snapshot';
import { xssSurvey } from '../support/sites-surveys';

// Posts 1-3 are in a category and tag of their own, so no edited post is among the related posts
// of 1 and 2, nor their neighbour (3's next is 4, whose images change); with a single category
// they would share it.
const stableCategory = (site.categories[1] ?? site.categories[0]!).id;
const editedCategory = site.categories[0]!.id;

const day = (n: number) => `2010-08-${String(n).padStart(2, '0')}`;
const post = (n: number, extra: Partial<FixturePost> = {}, data: Record<string, unknown> = {}): FixturePost => ({
  file: `post-${String(n).padStart(3, '0')}.md`,
  data: postData({ title: `글 ${n}`, pubDate: day(n), ...(n <= 3 ? { category: stableCategory, tags: ['그대로'] } : { category: editedCategory, tags: ['편집'] }), ...data }),
  ...extra,
});

const CODE_TS = "```ts\nconst channels: string[] = ['blog', 'twitter']; // 채널\n```";
const CODE_BASH = '```bash\nnpm run build && echo "완료" # 주석\n```';

const survey = (a: number) => ({ ...xssSurvey, questions: [{ ...xssSurvey.questions[0]!, results: { a, b: 100 - a } }, xssSurvey.questions[1]!] });

/** Paths Astro copied from its cache in this build ("├─ /posts/x/index.html (restored)" in its log). */
function restored(result: BuildResult): Set<string> {
  return new Set([...result.output.matchAll(/├─ (\S+?)(?:index\.html)? \((?:restored|cached)\)/g)].map((m) => m[1]!));
}

describe('incremental build: the same site as a build from nothing', { timeout: 300_000 }, () => {
  const content = writeFixture('incremental', {
    posts: [
      post(1),
      post(2),
      post(3),
      // A hero image and an image in the text, beside the post in its folder.
      post(4, { file: 'post-004/index.md', body: '본문입니다.\n\n![본문 그림](./body.png)\n' }, { heroImage: './hero.png', heroAlt: '대표 그림' }),
      // Code blocks: the warm build answers them from the last build's highlighting (src/lib/markdown/highlight-cache.ts).
      post(5, { body: `설정 예시입니다.\n\n${CODE_TS}\n` }),
      post(6, { file: 'post-006.mdx', body: `조사 결과입니다.\n\n<SurveyChart survey="xss-survey" question="q" />\n\n${CODE_BASH}\n` }),
      post(7),
      post(8),
      post(9),
      post(10),
      // MDX: the warm build compiles this edited post and takes post 6's module from the last build (src/lib/markdown/compile-cache.ts).
      post(12, { file: 'post-012.mdx', body: `편집될 MDX 글입니다.\n\n${CODE_TS}\n` }),
      // Comes out on 2010-09-10: not in the first builds, in the last ones.
      { file: 'scheduled.md', data: postData({ title: '예약된 글', pubDate: '2010-09-10', category: editedCategory, tags: ['편집'] }) },
    ],
    files: {
      'posts/post-004/hero.png': makePng(800, 400, [10, 20, 30]),
      'posts/post-004/body.png': makePng(600, 300, [40, 50, 60]),
      'surveys/xss-survey.json': JSON.stringify(survey(60)),
    },
  });
  const before = '2010-09-01T00:00:00+09:00';
  const after = '2010-09-10T12:00:00+09:00';
  const build = (name: string, buildTime: string, keepCache: boolean) => {
    const result = buildSite(name, { contentDir: content, buildTime, keepCache });
    expect(result.ok, result.output.slice(-3000)).toBe(true);
    return result;
  };
  const postFile = (n: number) => join(content, 'posts', `post-${String(n).padStart(3, '0')}.md`);

  it('after a writer edits titles, text, images and survey figures, adds and removes posts', () => {
    build('incremental', before, false);

    writeFileSync(postFile(8), readFileSync(postFile(8), 'utf8').replace('"글 8"', '"글 8 (제목 고침)"'));
    writeFileSync(postFile(5), `${readFileSync(postFile(5), 'utf8')}\n한 문장을 더 썼습니다.\n`);
    writeFileSync(join(content, 'posts/post-004/hero.png'), makePng(800, 400, [200, 30, 30]));
    writeFileSync(join(content, 'posts/post-004/body.png'), makePng(600, 300, [30, 200, 30]));
    writeFileSync(join(content, 'surveys/xss-survey.json'), JSON.stringify(survey(75)));
    const mdxFile = join(content, 'posts/post-012.mdx');
    writeFileSync(mdxFile, `${readFileSync(mdxFile, 'utf8')}\nMDX 글에 한 문장을 더 썼습니다.\n`);
    rmSync(postFile(10));
    writeFileSync(postFile(11), readFileSync(postFile(9), 'utf8').replace('"글 9"', '"글 11"').replace(day(9), day(11)));

    const warm = build('incremental', before, true);
    const fresh = build('incremental-fresh', before, false);
    expect(snapshot(warm.outDir)).toEqual(snapshot(fresh.outDir));
    expect(readFileSync(join(warm.outDir, 'posts/post-012/index.html'), 'utf8')).toContain('MDX 글에 한 문장을 더 썼습니다.');
    // Post 6's compiled module came from the last build; the edited post 12 was compiled again.
    expect(warm.output).toMatch(/MDX 글 \d+개 중 \d+개는 지난 빌드가 변환한 그대로 쓰고, 바뀐 1개만 새로 변환했습니다/);
    // The search index was written again (its bytes are in the snapshot), from the pages the last
    // build prepared for it where they did not change.
    expect(warm.output).toMatch(/글 \d+개로 검색 색인을 만들었습니다/);

    const copied = restored(warm);
    // Nothing these posts show changed: copied, not rendered.
    for (const n of [1, 2]) expect(copied, `/posts/post-00${n}/`).toContain(`/posts/post-00${n}/`);
    // Their own text, image, survey figure or a neighbour's title changed: rendered again.
    for (const path of ['/posts/post-003/', '/posts/post-004/', '/posts/post-005/', '/posts/post-006/', '/posts/post-007/', '/posts/post-008/', '/posts/post-009/', '/']) {
      expect(copied, path).not.toContain(path);
    }
    expect(existsSync(join(warm.outDir, 'posts/post-010/index.html'))).toBe(false);
    expect(readFileSync(join(warm.outDir, 'posts/post-007/index.html'), 'utf8')).toContain('글 8 (제목 고침)');
    // The code blocks were highlighted (token colours as classes), in both pages rendered again.
    for (const n of [5, 6]) expect(readFileSync(join(warm.outDir, `posts/post-00${n}/index.html`), 'utf8')).toMatch(/<pre class="astro-code[^"]*"[^>]*>.*class="sl-/s);
  });

  it('when the hour of a scheduled post comes (the hourly build)', () => {
    const warm = build('incremental', after, true);
    const fresh = build('incremental-fresh', after, false);
    expect(snapshot(warm.outDir)).toEqual(snapshot(fresh.outDir));
    expect(readFileSync(join(warm.outDir, 'index.html'), 'utf8')).toContain('예약된 글');
    expect(warm.output).toMatch(/MDX 글 \d+개 모두 지난 빌드가 변환한 그대로 썼습니다/);
    const copied = restored(warm);
    for (const n of [1, 2]) expect(copied).toContain(`/posts/post-00${n}/`);
    expect(copied).not.toContain('/');
  });
});
