import { formatYearMonth, yearMonth } from './dates.ts';

export interface ArchiveMonth<T> {
  /** "2010-08": the month's anchor id on the archive page. */
  key: string;
  /** "2010년 8월" */
  label: string;
  posts: T[];
}

export interface ArchiveYear<T> {
  year: number;
  months: ArchiveMonth<T>[];
}

/** Groups posts (already newest first) by year and month in the site's time zone, keeping their order. */
export function groupByMonth<T extends { data: { pubDate: Date } }>(posts: T[], timeZone: string): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const post of posts) {
    const { year, month } = yearMonth(post.data.pubDate, timeZone);
    let y = years.find((entry) => entry.year === year);
    if (!y) years.push((y = { year, months: [] }));
    const key = `${year}-${String(month).padStart(2, '0')}`;
    let m = y.months.find((entry) => entry.key === key);
    if (!m) y.months.push((m = { key, label: formatYearMonth(post.data.pubDate, timeZone), posts: [] }));
    m.posts.push(post);
  }
  return years;
}
