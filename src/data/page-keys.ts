/**
 * The incremental build's key for each page that lists or shows posts (the rule: src/lib/page-key.ts).
 * A page's key covers the posts it shows and what every page shows (the footer's year, the
 * header's survey link, authors' names under each post); a post page's also the surveys and
 * benchmarks its charts show. Pages without a key (indexes, feeds, surveys, the search page)
 * are rendered on every build.
 */
import type { PageInfo } from '@/lib/pagination';
import { buildYear } from '@/lib/build-time';
import { entryStamp, pageKey, type KeyPart } from '@/lib/page-key';
import { citedSurveys } from '@/lib/surveys/citations';
import site from '@/site.config';
import { getAuthors, postNeighbours, relatedTo, type AuthorEntry, type Post } from './posts';
import { getBenchmarks, getSurveys } from './surveys';

function postStamp(post: Post): KeyPart {
  return entryStamp('posts', post, [post.data.heroImage]);
}

function authorStamp(author: AuthorEntry): KeyPart {
  return entryStamp('authors', author, [author.data.avatar]);
}

let siteStampCache: Promise<KeyPart[]> | undefined;

/** What every page shows besides its own content: the footer's year, whether surveys exist, authors' names and photos. */
function siteStamps(): Promise<KeyPart[]> {
  siteStampCache ??= Promise.all([getAuthors(), getSurveys()]).then(([authors, surveys]) => [
    `year ${buildYear(site.timeZone)}`,
    `surveys ${surveys.length > 0}`,
    ...authors.map(authorStamp),
  ]);
  return siteStampCache;
}

/**
 * The surveys (and the benchmarks answering them) a post's charts and comparison may show: those it
 * cites (src/lib/surveys/citations.ts), or every one when a chart names its survey with an
 * expression (`survey={...}`) that only rendering would tell.
 */
async function surveyStamps(post: Post): Promise<KeyPart[]> {
  // Most posts show no survey: not even their text is walked for one (a walk when the writer checks are off).
  if (!post.data.survey && !post.body?.includes('<Survey')) return [];
  const cited = citedSurveys(post);
  const unknown = /\bsurvey=\{/.test(post.body ?? '');
  if (cited.size === 0 && !unknown) return [];
  const shown = (surveyId: string) => unknown || cited.has(surveyId);
  const [surveys, benchmarks] = await Promise.all([getSurveys(), getBenchmarks()]);
  return [
    ...surveys.filter((survey) => shown(survey.id)).map((survey) => entryStamp('surveys', survey)),
    ...benchmarks.filter((benchmark) => shown(benchmark.data.survey)).map((benchmark) => entryStamp('benchmarks', benchmark)),
  ];
}

/** A post page: the post, its previous and next posts, its related posts. */
export async function postPageKey(post: Post): Promise<string | undefined> {
  const [siteParts, surveyParts, { previous, next }, related] = await Promise.all([siteStamps(), surveyStamps(post), postNeighbours(post), relatedTo(post)]);
  return pageKey([
    ...siteParts,
    ...surveyParts,
    'post',
    postStamp(post),
    'previous',
    previous ? postStamp(previous) : '',
    'next',
    next ? postStamp(next) : '',
    'related',
    ...related.map(postStamp),
  ]);
}

/**
 * A page of a list (home, category, tag, author): `list` names it (and covers what its heading
 * shows that is not code, such as a tag or an author), then its page numbers and its posts.
 */
export async function listPageKey(list: KeyPart[], items: readonly Post[], page: PageInfo): Promise<string | undefined> {
  return pageKey([...(await siteStamps()), ...list, `page ${page.current}/${page.total}`, ...items.map(postStamp)]);
}

/** Adds each list page's key to `paginatedPaths`' entries (src/lib/pagination.ts). */
export async function withListKeys<P extends { props: { items: Post[]; page: PageInfo } }>(list: KeyPart[], paths: P[]): Promise<(P & { cacheKey?: string })[]> {
  return Promise.all(paths.map(async (path) => ({ ...path, cacheKey: await listPageKey(list, path.props.items, path.props.page) })));
}
