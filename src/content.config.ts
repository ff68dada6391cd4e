import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { contentDir } from './lib/content-dir';
import { entryId } from './lib/post-id';
import { postSchema } from './lib/post-schema';
import { authorSchema } from './lib/author-schema';
import { withWrittenDates } from './lib/written-dates';
import { forgetMovedFiles } from './lib/forget-moved-files';
import { benchmarkSchema, surveySchema, withSourceFiles } from './lib/surveys/schema';

/** `2010-08-10-sns.mdx` and `2010-08-10-sns/index.mdx` both become the id (and URL slug) `2010-08-10-sns`. */
const idFromPath = ({ entry }: { entry: string }) => entryId(entry);

/** Markdown and MDX files; a file or folder whose name starts with "_" is a writer's note, never read (as in `npm run check`). */
const POST_FILES = ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'];

// forgetMovedFiles: a post moved into its own folder builds with a warm cache (see the module).
// withWrittenDates: a bare day means midnight in the site's zone, a date-time is taken as written.
const posts = defineCollection({
  loader: forgetMovedFiles(withWrittenDates(glob({ pattern: POST_FILES, base: join(contentDir, 'posts'), generateId: idFromPath }))),
  schema: ({ image }) => postSchema(image),
});

const authors = defineCollection({
  loader: glob({ pattern: '*.json', base: join(contentDir, 'authors'), generateId: idFromPath }),
  schema: authorSchema,
});

// withSourceFiles lets the survey rules name the file in their messages (a schema sees only the data).
const surveys = defineCollection({
  loader: withSourceFiles(glob({ pattern: '*.json', base: join(contentDir, 'surveys'), generateId: idFromPath })),
  schema: surveySchema,
});

const benchmarks = defineCollection({
  loader: withSourceFiles(glob({ pattern: '*.json', base: join(contentDir, 'benchmarks'), generateId: idFromPath })),
  schema: benchmarkSchema,
});

export const collections = { posts, authors, surveys, benchmarks };
