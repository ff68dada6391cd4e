/**
 * Old addresses of a post kept as redirects (front matter `redirectFrom`, filled by `npm run import`).
 * One rule for the schema, `npm run check`, the build's redirect pages and `_redirects`:
 *
 * - an old address is a site path: it starts with "/", has no "//", "." or ".." segment, no "?",
 *   "#", "\" or control character, and is not one of the site's own paths (urls.ts);
 * - `/a/b.html` (a last segment with an extension) is the file `a/b.html`; `/a/b/` and `/a/b` are
 *   `a/b/index.html`, which static hosts serve for both;
 * - two addresses that land on the same file are the same address.
 */
import { postUrl, reservedSitePaths } from './urls.ts';

/** How an old address is written in front matter: percent-escapes decoded, so `/2021/03/22/한글.html` reads as written. */
export function normalizeOldPath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Why `path` cannot be an old address of a post, in Korean, or undefined when it can. */
export function oldPathProblem(path: string): string | undefined {
  if (path.trim() === '') return '빈 주소입니다.';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return `"${path}"은(는) 사이트 안 경로가 아니라 전체 주소입니다.`;
  if (!path.startsWith('/')) return `"${path}"이(가) "/"로 시작하지 않습니다.`;
  // Controls and the characters a path cannot hold. A space is kept (Jekyll's categories have them):
  // `_redirects` gets it percent-encoded.
  if (/[\u0000-\u001f\u007f-\u009f?#\\]/.test(path)) return `"${path}"에 경로에 쓸 수 없는 글자(제어 문자, ?, #, \\)가 있습니다.`;
  try {
    decodeURI(path);
  } catch {
    return `"${path}"의 % 표기가 잘못되었습니다.`;
  }
  const segments = normalizeOldPath(path).split('/').slice(1);
  if (segments.slice(0, -1).some((s) => s === '') || segments.some((s) => s === '.' || s === '..')) {
    return `"${path}"에 빈 경로 조각(//)이나 ".", ".."이 있습니다.`;
  }
  const reserved = reservedSitePaths();
  const first = segments[0] ?? '';
  if (reserved.files.includes(normalizeOldPath(path)) || reserved.segments.includes(first)) {
    return `"${path}"은(는) 이 사이트의 페이지 주소와 겹칩니다.`;
  }
  return undefined;
}

/** The file a static build writes for an old address: `a/b.html`, or `a/b/index.html`. */
export function redirectFile(path: string): string {
  const clean = normalizeOldPath(path).replace(/^\/+/, '');
  const last = clean.split('/').at(-1) ?? '';
  if (last !== '' && /\.[A-Za-z0-9]{1,8}$/.test(last)) return clean;
  return `${clean.replace(/\/$/, '')}/index.html`;
}

export interface Redirect {
  /** The old address, as written in front matter. */
  from: string;
  /** The post's page. */
  to: string;
  /** The file the redirect page is written to. */
  file: string;
}

/** The redirects of published posts, one per old address, in path order. */
export function redirectsOf(posts: { id: string; data: { redirectFrom?: string[] | undefined } }[]): Redirect[] {
  const byFile = new Map<string, Redirect>();
  for (const post of posts) {
    for (const from of post.data.redirectFrom ?? []) {
      const file = redirectFile(from);
      if (!byFile.has(file)) byFile.set(file, { from: normalizeOldPath(from), to: postUrl(post.id), file });
    }
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * `_redirects` in the format Netlify and Cloudflare Pages read: `/old /new 301` per line, paths
 * percent-encoded (a line is split at spaces, and hosts match the encoded request path).
 */
export function redirectsFileText(redirects: Redirect[]): string {
  const header = '# npm run import가 옮겨 온 글의 옛 주소입니다. 빌드할 때마다 새로 씁니다 (글의 redirectFrom).\n';
  return header + redirects.map((r) => `${encodeURI(r.from)} ${encodeURI(r.to)} 301\n`).join('');
}

/** Old addresses claimed twice: by two posts, or twice by one. Each with the post that claimed it first. */
export function duplicateOldPaths(posts: { file: string; redirectFrom: string[] }[]): { file: string; path: string; firstFile: string }[] {
  const seen = new Map<string, string>();
  const duplicates: { file: string; path: string; firstFile: string }[] = [];
  for (const post of posts) {
    for (const path of post.redirectFrom) {
      if (oldPathProblem(path)) continue;
      const key = redirectFile(path);
      const first = seen.get(key);
      if (first !== undefined) duplicates.push({ file: post.file, path, firstFile: first });
      else seen.set(key, post.file);
    }
  }
  return duplicates;
}
