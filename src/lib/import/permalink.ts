/**
 * The address an old blog gave a post, so it can be kept as a redirect: Jekyll's permalink
 * styles and templates (`date`, `pretty`, `ordinal`, `none`, or `/:categories/:year/:title/`),
 * a front-matter `permalink`, and Hugo's `[permalinks]` templates. The results are
 * site-relative paths with the old `baseurl` in front.
 */

const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

export interface PermalinkParts {
  /** The post's local date-time as written, with offset ("2021-03-22T10:00:00+09:00"). */
  date: string;
  /** Jekyll: the file name's title part; Hugo: the file or bundle name. */
  title: string;
  /** Front matter `slug`, when given. */
  slug?: string;
  categories: string[];
  /** Hugo: the section ("posts"). */
  section?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateParts(iso: string): Record<string, string> {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = iso.slice(11, 19).split(':');
  const day = Date.UTC(y, m - 1, d);
  const yDay = Math.floor((day - Date.UTC(y, 0, 1)) / 86400000) + 1;
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return {
    year: String(y),
    short_year: String(y).slice(2),
    month: pad(m),
    i_month: String(m),
    short_month: months[m - 1]!,
    day: pad(d),
    i_day: String(d),
    y_day: String(yDay).padStart(3, '0'),
    short_day: names[new Date(day).getUTCDay()]!,
    week: pad(Math.ceil(yDay / 7)),
    hour: hh ?? '00',
    minute: mm ?? '00',
    second: ss ?? '00',
  };
}

/** Joins a template's result into one clean path: no doubled or missing "/". */
function cleanPath(path: string, baseurl: string): string {
  const joined = `/${baseurl.replace(/^\/+|\/+$/g, '')}/${path}`.replace(/\/{2,}/g, '/');
  return joined;
}

/** A Jekyll post's address (`permalink` of _config.yml or of the post, `baseurl`). */
export function jekyllPermalink(parts: PermalinkParts, template: string | undefined, baseurl = ''): string {
  const pattern = JEKYLL_STYLES[template ?? 'date'] ?? template ?? JEKYLL_STYLES.date!;
  const values: Record<string, string> = {
    ...dateParts(parts.date),
    title: parts.slug ?? parts.title,
    slug: (parts.slug ?? parts.title).toLowerCase(),
    categories: [...new Set(parts.categories.map((c) => c.toLowerCase()))].join('/'),
    output_ext: '.html',
  };
  const path = pattern.replace(/:(output_ext|short_year|short_month|short_day|i_month|i_day|y_day|categories|[a-z]+)/g, (whole, key: string) => values[key] ?? whole);
  return cleanPath(path, baseurl);
}

/** A Hugo post's address: a `[permalinks]` template for its section, else /<section>/<slug>/. */
export function hugoPermalink(parts: PermalinkParts, template: string | undefined, baseurl = ''): string {
  const pattern = template ?? `/${parts.section ?? 'posts'}/:slug/`;
  const values: Record<string, string> = {
    ...dateParts(parts.date),
    title: parts.title.toLowerCase().replace(/\s+/g, '-'),
    slug: parts.slug ?? parts.title,
    filename: parts.title,
    contentbasename: parts.title,
    section: parts.section ?? 'posts',
    sections: parts.section ?? 'posts',
    slugorfilename: parts.slug ?? parts.title,
    slugorcontentbasename: parts.slug ?? parts.title,
    monthname: dateParts(parts.date).short_month!,
  };
  const path = pattern.replace(/:([a-z_]+)/g, (whole, key: string) => values[key] ?? whole);
  return cleanPath(path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`, baseurl);
}

/** The path of an absolute or site-relative link ("https://a.example/b/c.html?x" -> "/b/c.html"), decoded. */
export function pathOfLink(link: string): string | undefined {
  try {
    const url = new URL(link, 'http://old.invalid');
    const path = url.pathname;
    if (path === '/' || path === '') return undefined;
    try {
      return decodeURI(path);
    } catch {
      return path;
    }
  } catch {
    return undefined;
  }
}

/** The host of an absolute address ("https://Tech.Old.example/x" -> "tech.old.example"), or undefined. */
export function hostOf(link: string): string | undefined {
  try {
    return /^[a-z]+:\/\//i.test(link) ? new URL(link).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
