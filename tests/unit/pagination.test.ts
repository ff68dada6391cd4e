import { describe, expect, it } from 'vitest';
import { pageLinks, pageParam, paginate, paginatedPaths } from '@/lib/pagination';
import { pageUrl } from '@/lib/urls';

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('pagination', () => {
  it('page 1 is the list URL, later pages live under page/n/', () => {
    expect(pageUrl('/', 1)).toBe('/');
    expect(pageUrl('/', 2)).toBe('/page/2/');
    expect(pageUrl('/tags/트위터/', 3)).toBe('/tags/트위터/page/3/');
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('page/2');
  });

  it.each([
    [0, 1, [0]],
    [1, 1, [1]],
    [6, 1, [6]],
    [7, 2, [6, 1]],
    [12, 2, [6, 6]],
    [13, 3, [6, 6, 1]],
  ])('%i items at 6 per page make %i pages', (n, pages, sizes) => {
    const result = paginate(items(n), 6, '/');
    expect(result).toHaveLength(pages);
    expect(result.map((p) => p.items.length)).toEqual(sizes);
    expect(result[0]!.page.prevUrl).toBeUndefined();
    expect(result.at(-1)!.page.nextUrl).toBeUndefined();
  });

  it('links neighbours and keeps order', () => {
    const [first, second] = paginate(items(7), 6, '/categories/marketing/');
    expect(first!.page.nextUrl).toBe('/categories/marketing/page/2/');
    expect(second!.page.prevUrl).toBe('/categories/marketing/');
    expect(second!.items).toEqual([7]);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([], 0, '/')).toThrow(/positive integer/);
    expect(() => paginate([], 2.5, '/')).toThrow(/positive integer/);
  });

  it('produces route params and props', () => {
    const paths = paginatedPaths(items(7), 6, '/authors/kim/', { id: 'kim' }, { extra: 1 });
    expect(paths.map((p) => p.params)).toEqual([
      { id: 'kim', page: undefined },
      { id: 'kim', page: 'page/2' },
    ]);
    expect(paths[1]!.props.extra).toBe(1);
  });
});

describe('page numbers on a list page', () => {
  const shown = (total: number, current: number) =>
    pageLinks(paginate(items(total * 6), 6, '/')[current - 1]!.page)
      .map((l) => ('gap' in l ? '…' : l.current ? `[${l.n}]` : String(l.n)))
      .join(' ');

  it('shows every number of a short list', () => {
    expect(shown(1, 1)).toBe('[1]');
    expect(shown(5, 3)).toBe('1 2 [3] 4 5');
    expect(shown(7, 4)).toBe('1 2 3 [4] 5 6 7');
  });

  it('shows the first, the last and two either side of the current page of a long list, with gaps', () => {
    expect(shown(10, 1)).toBe('[1] 2 3 … 10');
    expect(shown(10, 10)).toBe('1 … 8 9 [10]');
    expect(shown(100, 50)).toBe('1 … 48 49 [50] 51 52 … 100');
  });

  it('links each number to its page', () => {
    const links = pageLinks(paginate(items(60), 6, '/tags/x/')[4]!.page);
    expect(links.filter((l) => !('gap' in l)).map((l) => ('url' in l ? l.url : ''))).toEqual(['/tags/x/', '/tags/x/page/2/', '/tags/x/page/3/', '/tags/x/page/4/', '/tags/x/page/5/', '/tags/x/page/6/', '/tags/x/page/7/', '/tags/x/page/10/']);
  });

  it('keeps the number of links the same however long the list grows', () => {
    const count = (total: number) => pageLinks(paginate(items(total * 6), 6, '/')[Math.floor(total / 2)]!.page).length;
    expect(count(1000)).toBe(count(50));
  });
});
