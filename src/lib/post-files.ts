/**
 * Which post file a page or an MDX tag comes from, for error messages of components inside MDX:
 * a component receives the page's URL, not the file it was written in. Reads the content folder
 * directly, so it works where the collection does not know the post (a feed rendering it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir, displayPath } from './content-dir.ts';
import { postIdFromUrlPath } from './urls.ts';

/** "/posts/2010-08-20-a/" -> "content/posts/2010-08-20-a.mdx" (or .md, or <id>/index.mdx); undefined for other pages. */
export function postFileForPath(pathname: string): string | undefined {
  const id = postIdFromUrlPath(pathname);
  if (!id) return undefined;
  for (const candidate of [`${id}.mdx`, `${id}.md`, `${id}/index.mdx`, `${id}/index.md`]) {
    if (existsSync(join(contentDir, 'posts', candidate))) return displayPath('posts', candidate);
  }
  return displayPath('posts', `${id}.mdx`);
}

function postFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? postFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** "content/posts/a.mdx:9" for every post whose body has `<Component ... attr="value"`; only used to word an error. */
export function findTag(component: string, attr: string, value: string): string[] | undefined {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`<${component}\\b[^>]*\\b${attr}=(["'])${escape(value)}\\1`, 'g');
  const hits: string[] = [];
  for (const file of postFiles(join(contentDir, 'posts'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      hits.push(`${displayPath('posts', relative(join(contentDir, 'posts'), file))}:${line}`);
    }
  }
  return hits.length > 0 ? hits : undefined;
}
