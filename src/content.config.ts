import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { contentDir } from './lib/content-dir.ts';
import { entryId } from './lib/post-id.ts';
import { postSchema } from './lib/rules/post-schema.ts';
import { authorSchema } from './lib/rules/author-schema.ts';
import { publishedOnlyInBuild, skipBrokenEntriesInDev } from './lib/rules/entries.ts';
import { buildTime } from './lib/build-time.ts';
import { publishState } from './lib/publishing.ts';
import { withWrittenDates } from './lib/written-dates.ts';
import { forgetMovedFiles } from './lib/forget-moved-files.ts';
import { benchmarkSchema, surveySchema } from './lib/surveys/schema.ts';
import { metricsFileSchema } from './lib/operations/log-schema.ts';
import site from './site.config.ts';

/** `2010-08-10-sns.mdx` and `2010-08-10-sns/index.mdx` both become the id (and URL slug) `2010-08-10-sns`. */
const idFromPath = ({ entry }: { entry: string }) => entryId(entry);

/** Markdown and MDX files; a file or folder whose name starts with "_" is a writer's note, never read (as in `npm run check`). */
const POST_FILES = ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'];

// The rules themselves live in src/lib/rules; the writer-checks integration runs them before
// these loaders, so a build only gets here with valid content.
// forgetMovedFiles: a post moved into its own folder builds with a warm cache (see the module).
// withWrittenDates: a bare day means midnight in the site's zone, a date-time is taken as written.
// publishedOnlyInBuild: drafts and scheduled posts are never part of a build, images included.
const isPublished = (data: Record<string, unknown>) => publishState(data as { draft: boolean; pubDate: Date }, buildTime) === 'published';
const posts = defineCollection({
  loader: publishedOnlyInBuild(
    skipBrokenEntriesInDev(forgetMovedFiles(withWrittenDates(glob({ pattern: POST_FILES, base: join(contentDir, 'posts'), generateId: idFromPath })))),
    isPublished,
  ),
  schema: ({ image }) => postSchema(image),
});

const authors = defineCollection({
  loader: skipBrokenEntriesInDev(glob({ pattern: '*.json', base: join(contentDir, 'authors'), generateId: idFromPath })),
  // `avatar` is a photo beside the JSON file, optimised like a post's hero image.
  schema: ({ image }) => authorSchema(image),
});

const surveys = defineCollection({
  loader: skipBrokenEntriesInDev(glob({ pattern: '*.json', base: join(contentDir, 'surveys'), generateId: idFromPath })),
  schema: surveySchema,
});

const benchmarks = defineCollection({
  loader: skipBrokenEntriesInDev(glob({ pattern: '*.json', base: join(contentDir, 'benchmarks'), generateId: idFromPath })),
  schema: benchmarkSchema,
});

/** The manager's monthly log (docs/content.md, "Metrics"): one JSON file per month, with the figures the site config declares. */
const metrics = defineCollection({
  loader: skipBrokenEntriesInDev(glob({ pattern: ['*.json', '!_*'], base: join(contentDir, 'metrics'), generateId: idFromPath })),
  schema: metricsFileSchema(site.operations?.fields),
});

export const collections = { posts, authors, surveys, benchmarks, metrics };
