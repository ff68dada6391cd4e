/**
 * Pagination for every list (home, category, tag, author): page 1 lives at the list's base URL,
 * page n at `<base>page/<n>/` (./urls.ts `pageUrl`). One rule, so links and routes always agree.
 */
import { pageUrl } from './urls.ts';

export interface PageInfo {
  current: number;
  total: number;
  /** URL of each page, index 0 = page 1. */
  urls: string[];
  prevUrl?: string;
  nextUrl?: string;
}

export interface Page<T> {
  items: T[];
  page: PageInfo;
}

/** The `[...page]` route parameter of page `n`: undefined for page 1, "page/n" after it. */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : `page/${n}`;
}

/** Splits `items` into pages of `size`. An empty list still has page 1 (it shows an empty state). */
export function paginate<T>(items: T[], size: number, base: string): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  const urls = Array.from({ length: total }, (_, i) => pageUrl(base, i + 1));
  return urls.map((_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    page: {
      current: i + 1,
      total,
      urls,
      prevUrl: i > 0 ? urls[i - 1] : undefined,
      nextUrl: i < total - 1 ? urls[i + 1] : undefined,
    },
  }));
}

/** getStaticPaths entries for a paginated list; `params` are the list's own route params. */
export function paginatedPaths<T, P extends Record<string, string>, X extends object>(
  items: T[],
  size: number,
  base: string,
  params: P,
  props: X,
) {
  return paginate(items, size, base).map((p) => ({
    params: { ...params, page: pageParam(p.page.current) },
    props: { ...props, ...p },
  }));
}

/** A numbered link in a page list, or a gap ("…") where numbers are left out. */
export type PageLink = { n: number; url: string; current: boolean } | { gap: true };

/**
 * The numbers a list page links to: the first and last page and `around` pages either side of
 * the current one, with a gap where numbers are left out. A list of a thousand pages would
 * otherwise print a thousand links on each of its pages (work and bytes growing with the
 * square of the number of posts).
 */
export function pageLinks(page: PageInfo, around = 2): PageLink[] {
  const links: PageLink[] = [];
  let last = 0;
  for (let n = 1; n <= page.total; n++) {
    const shown = n === 1 || n === page.total || Math.abs(n - page.current) <= around;
    if (!shown) {
      // Jump to the next shown number: the loop stays as short as the links it makes.
      n = n < page.current ? page.current - around - 1 : page.total - 1;
      continue;
    }
    // One missing number is shown as itself, not as a gap of one.
    if (n - last === 2) links.push({ n: n - 1, url: page.urls[n - 2]!, current: false });
    else if (n - last > 2) links.push({ gap: true });
    links.push({ n, url: page.urls[n - 1]!, current: n === page.current });
    last = n;
  }
  return links;
}
