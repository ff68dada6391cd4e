import { z } from 'astro/zod';
import site from '../site.config';
import { parseContentDate } from './dates';
import { jsonIds } from './content-dir';
import { tweetLengthProblem } from './tweets';


const categoryIds = site.categories.map((c) => c.id);

/** "kim" is not an author (known: lee, park). Add content/authors/kim.json or fix the id. */
function unknownIdMessage(kind: string, collection: string, value: string, known: string[]): string {
  return (
    `"${value}" is not ${kind} (known: ${known.join(', ') || 'none'}). ` +
    `Add content/${collection}/${value}.json or fix the id.`
  );
}

const contentDate = (field: string) =>
  z.custom<Date>().transform((value, ctx) => {
    const date = parseContentDate(value, site.timeZone);
    if (!date) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(value ?? null)} is not a date; expected YYYY-MM-DD or an ISO date-time such as 2010-08-10T09:00:00+09:00 (${field})`,
      });
      return z.NEVER;
    }
    return date;
  });

/** Reference to a JSON file in another collection, checked on disk so the message can list the known ids. */
const idIn = (collection: string, kind: string) =>
  z.string({ error: `expected the id of ${kind} (a file name in content/${collection}/ without .json)` }).superRefine((value, ctx) => {
    const known = jsonIds(collection);
    if (!known.includes(value)) ctx.addIssue({ code: 'custom', message: unknownIdMessage(kind, collection, value, known) });
  });

/**
 * The post schema. `image` is the `image()` helper Astro passes to a collection schema (the
 * heroImage type follows it); a command-line check can pass a stand-in that accepts a path.
 */
export function postSchema<Image extends z.ZodType>(image: () => Image) {
  return z
    .object({
      title: z
        .string({ error: 'expected a title (text, 1-120 characters)' })
        .trim()
        .min(1, { error: 'expected a title (text, 1-120 characters)' })
        .max(120, { error: (issue) => `title is ${String((issue.input as string).length)} characters; expected at most 120` }),
      description: z
        .string({ error: 'expected a description (text, 1-200 characters) used for search results and feeds' })
        .trim()
        .min(1, { error: 'expected a description (text, 1-200 characters)' })
        .max(200, { error: (issue) => `description is ${String((issue.input as string).length)} characters; expected at most 200` }),
      pubDate: contentDate('pubDate'),
      updatedDate: contentDate('updatedDate').optional(),
      author: idIn('authors', 'an author'),
      category: z.string({ error: `expected a category id (one of: ${categoryIds.join(', ')})` }).superRefine((value, ctx) => {
        if (!categoryIds.includes(value)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${value}" is not a category (known: ${categoryIds.join(', ')}). Use one of these ids or add the category to src/site.config.ts.`,
          });
        }
      }),
      tags: z.array(z.string().trim().min(1), { error: 'expected a list of tags, e.g. [트위터, 가이드라인]' }).default([]),
      draft: z.boolean({ error: 'expected true or false' }).default(false),
      // Checked here, not only when /twitter.xml is built, so a draft or scheduled post's tweet is
      // caught when it is written. Any URL counts 23, so the slug does not matter.
      tweet: z
        .string({ error: 'expected the tweet text' })
        .trim()
        .min(1)
        .superRefine((tweet, ctx) => {
          const problem = tweetLengthProblem(tweet);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
      heroImage: image().optional(),
      heroAlt: z.string().trim().min(1, { error: 'expected a text alternative describing the image' }).optional(),
      survey: idIn('surveys', 'a survey').optional(),
    })
    .superRefine((post, ctx) => {
      if (post.updatedDate && post.updatedDate < post.pubDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedDate'],
          message: `updatedDate ${post.updatedDate.toISOString()} is before pubDate ${post.pubDate.toISOString()}; expected the same day or later`,
        });
      }
      if (post.heroImage && !post.heroAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['heroAlt'],
          message: 'heroImage is set but heroAlt is missing; expected a short description of the image for screen readers',
        });
      }
    });
}
