import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { contentDir } from './lib/content-dir';
import { postSchema } from './lib/post-schema';
import { authorSchema } from './lib/author-schema';
import { benchmarkSchema, surveySchema, withSourceFiles } from './lib/surveys/schema';

/** `2010-08-10-sns.mdx` and `2010-08-10-sns/index.mdx` both become the id (and URL slug) `2010-08-10-sns`. */
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/(\/index)?\.(mdx?|json)$/i, '');

const posts = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: join(contentDir, 'posts'), generateId: idFromPath }),
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
