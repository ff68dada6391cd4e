/**
 * Open Graph cards drawn ahead in a second process (src/lib/og-predraw.ts), on content written by
 * each test into its own temporary project: the cards are the ones the card route asks for, they
 * land in the cache the route reads, and the process never outlives the build that started it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import site from '@/site.config';
import { postCard } from '@/lib/og-cards';
import { drawOgImage, ogCacheFile, ogCacheKey, type OgCard } from '@/lib/og-image';
import { cardsToPredraw, missingCards, startOgPredraw } from '@/lib/og-predraw';
import { byNewest } from '@/lib/publishing';
import { checkContent } from '@/lib/rules/content';
import { postSchema } from '@/lib/rules/post-schema';
import { datesAsWritten } from '@/lib/written-dates';
import { useTempAstroCache } from '../support/temp-cache';

const CATEGORY = site.categories[0]!.id;
const NOW = new Date('2026-01-01T00:00:00Z');

let root: string;
let dir: string;
const cacheRoot = useTempAstroCache('og-predraw-cache-');

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const author = (name: string) => JSON.stringify({ name, role: '담당자', bio: '소개 한 줄.' });
const post = (fields: string) => `---\n${fields}\n---\n\n본문입니다.\n`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'og-predraw-'));
  dir = join(root, 'content');
  mkdirSync(join(root, 'src/components'), { recursive: true });
  writeFileSync(join(root, 'src/components/mdx-components.ts'), 'export const mdxComponents: Record<string, unknown> = {};\n');
  write('authors/kim.json', author('김하늘'));
  write('authors/park.json', author('박서연'));
});

/**
 * The card route's reading of a post: Astro parses the front matter (js-yaml), the posts loader
 * puts the dates back as written (src/lib/written-dates.ts), the schema reads the fields; the route
 * (src/pages/og/posts/[...slug].png.ts) draws `postCard` with the author file's name, in the
 * newest-first order of src/data/posts.ts.
 */
function routeCards(sources: Record<string, string>, names: Record<string, string>): OgCard[] {
  const schema = postSchema(() => z.string(), () => Object.keys(names));
  return Object.entries(sources)
    .map(([path, source]) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)![1]!;
      const data = schema.parse(datesAsWritten(frontmatter, yaml.load(frontmatter) as Record<string, unknown>));
      return { id: path.replace(/^posts\/|(\/index)?\.mdx?$/g, ''), data };
    })
    .sort(byNewest)
    .map((post) => postCard(post, names[post.data.author]!));
}

describe('Open Graph cards drawn ahead', () => {
  it('are the cards the route draws, for published posts only, last asked first', () => {
    const sources = {
      // A date-time just after midnight in Seoul: the card's date is the site's day, not UTC's.
      'posts/a.mdx': post(`title: "  <사내 메신저> 도입기  "\ndescription: "요약"\npubDate: 2011-03-02T00:30:00+09:00\nauthor: kim\ncategory: ${CATEGORY}`),
      'posts/b/index.mdx': post(`title: '"소통" & 협업'\ndescription: "요약"\npubDate: 2012-05-01\nauthor: park\ncategory: ${CATEGORY}`),
      'posts/c.md': post(`title: 같은 날 다른 글\ndescription: "요약"\npubDate: 2012-05-01\nauthor: kim\ncategory: ${CATEGORY}`),
    };
    for (const [path, text] of Object.entries(sources)) write(path, text);
    write('posts/draft.mdx', post(`title: 초안\ndescription: "요약"\npubDate: 2011-01-01\nauthor: kim\ncategory: ${CATEGORY}\ndraft: true`));
    write('posts/later.mdx', post(`title: 예약\ndescription: "요약"\npubDate: 2030-01-01\nauthor: kim\ncategory: ${CATEGORY}`));

    const content = checkContent({ contentDir: dir, projectRoot: root, now: NOW });
    expect(content.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const cards = cardsToPredraw(content.posts, content.authorNames);

    // Same cards (same cache keys), in the reverse of the route's order.
    const route = routeCards(sources, { kim: '김하늘', park: '박서연' });
    expect(cards.map(ogCacheKey)).toEqual(route.map(ogCacheKey).reverse());
    expect(cards[0]).toMatchObject({ title: '<사내 메신저> 도입기', meta: ['2011. 3. 2. · 김하늘'] });
    expect(cards.map((c) => c.title)).not.toContain('초안');
    expect(cards.map((c) => c.title)).not.toContain('예약');
  });

  it('leaves a post with an author file it cannot read to the route', () => {
    write('posts/a.mdx', post(`title: 제목\ndescription: "요약"\npubDate: 2011-01-01\nauthor: lee\ncategory: ${CATEGORY}`));
    write('authors/lee.json', '{ "name": ');
    const content = checkContent({ contentDir: dir, projectRoot: root, now: NOW });
    expect(cardsToPredraw(content.posts, content.authorNames)).toEqual([]);
  });

  it('draws the missing cards into the cache the route reads, byte for byte, and only when there are enough', async () => {
    const cards: OgCard[] = ['첫째', '둘째', '셋째'].map((title) => ({ title: `${title} 카드 ${Date.now()}`, kicker: '운영', meta: ['2011. 3. 2. · 김하늘'], siteName: site.name }));
    expect(missingCards(cards)).toHaveLength(3);
    // Too few for a second process: the route draws them.
    expect(startOgPredraw(cards, { minCards: 4 })).toBeUndefined();

    const child = startOgPredraw(cards, { minCards: 3 });
    expect(child).toBeDefined();
    const code = await new Promise<number | null>((done) => child!.once('exit', done));
    expect(code).toBe(0);
    expect(missingCards(cards)).toEqual([]);
    for (const card of cards) expect(readFileSync(ogCacheFile(ogCacheKey(card)))).toEqual(await drawOgImage(card));
    // Nothing left to draw: no process.
    expect(startOgPredraw(cards, { minCards: 1 })).toBeUndefined();
  });

  it('stops when the build that started it ends', async () => {
    // A parent that starts drawing 3,000 cards (half a minute of work) and ends at once.
    const script = join(root, 'parent.ts');
    writeFileSync(
      script,
      `import { startOgPredraw } from ${JSON.stringify(join(process.cwd(), 'src/lib/og-predraw.ts'))};\n` +
        `const cards = Array.from({ length: 3000 }, (_, i) => ({ title: 'ending ' + i + ' ' + Date.now(), meta: ['끝'], siteName: 'x' }));\n` +
        `const child = startOgPredraw(cards);\nconsole.log(child?.pid ?? 'none');\n`,
    );
    const out = execFileSync(process.execPath, [script], { cwd: process.cwd(), env: { ...process.env, ASTRO_CACHE_DIR: cacheRoot() }, encoding: 'utf8' });
    const pid = Number(out.trim());
    expect(pid).toBeGreaterThan(0);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]?.startsWith('Z');
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 5_000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
  });
});
