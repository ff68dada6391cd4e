/**
 * The operations report from the collections, for /about/operations/: the published posts (./posts.ts,
 * which leaves out drafts and scheduled posts once for the whole site), the authors, the monthly log
 * and the surveys. The figures themselves are computed in src/lib/operations/report.ts, the same
 * function `npm run report` runs over the files.
 */
import { getCollection } from 'astro:content';
import site from '@/site.config';
import { join } from 'node:path';
import { buildTime } from '@/lib/build-time';
import { contentDir, displayPath } from '@/lib/content-dir';
import { monthEnd } from '@/lib/operations/calendar';
import { metricFields } from '@/lib/operations/fields';
import { computeOperations, operationsInput, type OperationsReport } from '@/lib/operations/report';
import { getAuthors, getPublishedPosts } from './posts';
import { getBenchmarks, getSurveys } from './surveys';

let reportCache: Promise<OperationsReport> | undefined;

async function build(): Promise<OperationsReport> {
  const [posts, authors, log, surveys, benchmarks] = await Promise.all([
    getPublishedPosts(),
    getAuthors(),
    getCollection('metrics'),
    getSurveys(),
    getBenchmarks(),
  ]);
  return computeOperations(
    operationsInput(
      site,
      metricFields(site.operations?.fields),
      {
        posts: posts.map((p) => ({
          id: p.id,
          pubDate: p.data.pubDate,
          draft: p.data.draft,
          category: p.data.category,
          author: p.data.author,
          ...(p.data.tweet ? { tweet: p.data.tweet } : {}),
        })),
        authors: authors.map((a) => ({ id: a.id, name: a.data.name })),
        // Named as the writer checks and `npm run report` name it.
        log: log.map((entry) => ({ file: displayPath(join(contentDir, 'metrics', `${entry.id}.json`)), data: entry.data })),
        surveys,
        benchmarks,
      },
      // An archive or example site may fix the report month (site.operations.asOf); else the build time ends it.
      { now: buildTime, ...(site.operations?.asOf ? { asOf: monthEnd(site.operations.asOf, site.timeZone) } : {}) },
    ),
  );
}

/** The report as of the build time, computed once per build. */
export function getOperationsReport(): Promise<OperationsReport> {
  reportCache ??= build();
  return reportCache;
}
