import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpRoot } from './build-site';
import site from '../../src/site.config';

export interface FixturePost {
  /** File path under posts/, e.g. "a.mdx" or "b/index.mdx". */
  file: string;
  /** Front matter fields; written as YAML via JSON (valid YAML 1.2 flow values). Strings are quoted. */
  data: Record<string, unknown>;
  /** Raw front matter lines appended after `data` (for malformed values such as `pubDate: not-a-date`). */
  rawFrontmatter?: string;
  body?: string;
}

export interface FixtureContent {
  posts: FixturePost[];
  /** Extra files: path under the content folder -> text or bytes. */
  files?: Record<string, string | Uint8Array>;
}

export const defaultAuthors = {
  kim: { name: '김하늘', role: '소셜미디어 매니저', bio: '블로그와 트위터를 맡고 있습니다.', twitter: 'haneul_kim' },
  lee: { name: '이도윤', role: '교육콘텐츠팀', bio: '강좌 이야기를 씁니다.' },
};

/** A category every fixture post may use: the first of src/site.config.ts, so an owner's own categories work. */
export const defaultCategory = site.categories[0]!.id;

/** A valid post's front matter; override fields per case. */
export function postData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '테스트 글',
    description: '테스트 글의 요약입니다.',
    pubDate: '2010-08-10',
    author: 'kim',
    category: defaultCategory,
    tags: ['트위터'],
    ...overrides,
  };
}

/** Writes a content folder under .tmp/fixtures/<name> and returns its path. */
export function writeFixture(name: string, content: FixtureContent): string {
  const dir = join(tmpRoot, 'fixtures', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'posts'), { recursive: true });
  mkdirSync(join(dir, 'authors'), { recursive: true });
  for (const [id, author] of Object.entries(defaultAuthors)) {
    writeFileSync(join(dir, 'authors', `${id}.json`), JSON.stringify(author, null, 2));
  }
  for (const post of content.posts) {
    const yaml = Object.entries(post.data)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n');
    const text = `---\n${yaml}\n${post.rawFrontmatter ?? ''}\n---\n\n${post.body ?? '본문입니다.\n'}`;
    const file = join(dir, 'posts', post.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  for (const [path, text] of Object.entries(content.files ?? {})) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** `count` valid posts, one day apart from 2010-08-01, newest last. */
export function manyPosts(count: number): FixturePost[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2010, 7, 1 + i)).toISOString().slice(0, 10);
    return { file: `post-${String(i + 1).padStart(3, '0')}.md`, data: postData({ title: `글 ${i + 1}`, pubDate: day }) };
  });
}
