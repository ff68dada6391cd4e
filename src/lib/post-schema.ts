import { z } from 'astro/zod';
import site from '../site.config';
import { contentDateProblem, isoDay, parseContentDate } from './dates';
import { jsonIds } from './content-dir';
import { tweetLengthProblem } from './tweets';
import { tagSlug } from './taxonomy';


const categoryIds = site.categories.map((c) => c.id);

/** "kim" is not an author (known: lee, park). Add content/authors/kim.json or fix the id. */
function unknownIdMessage(kind: string, collection: string, value: string, known: string[]): string {
  return (
    `"${value}" is not ${kind} (known: ${known.join(', ') || 'none'}). ` +
    `Add content/${collection}/${value}.json or fix the id.`
  );
}

const contentDate = () =>
  z.custom<Date>().transform((value, ctx) => {
    const date = parseContentDate(value, site.timeZone);
    if (!date) {
      ctx.addIssue({
        code: 'custom',
        message: contentDateProblem(value),
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
 * Why `updatedDate` cannot stand with `pubDate`, or undefined. An update on the day of publication
 * is fine whatever the times (a bare `updatedDate: 2010-08-10` is that day's midnight); days are
 * those of the site's time zone, as readers see them.
 */
export function updatedBeforePublished(pubDate: Date, updatedDate: Date): string | undefined {
  const pub = isoDay(pubDate, site.timeZone);
  const updated = isoDay(updatedDate, site.timeZone);
  if (updated >= pub) return undefined;
  return `updatedDate ${updated} is before pubDate ${pub}; expected the same day or later`;
}

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
      pubDate: contentDate(),
      updatedDate: contentDate().optional(),
      author: idIn('authors', 'an author'),
      category: z.string({ error: `expected a category id (one of: ${categoryIds.join(', ')})` }).superRefine((value, ctx) => {
        if (!categoryIds.includes(value)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${value}" is not a category (known: ${categoryIds.join(', ')}). Use one of these ids or add the category to src/site.config.ts.`,
          });
        }
      }),
      tags: z
        .array(
          z
            .string()
            .trim()
            .min(1)
            .refine((tag) => !['', '.', '..'].includes(tagSlug(tag)), {
              error: (issue) => `tag ${JSON.stringify(issue.input)} has no letters or digits for its address (/tags/<tag>/); use a word`,
            }),
          { error: 'expected a list of tags, e.g. [트위터, 가이드라인]' },
        )
        .default([]),
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
      const updateProblem = post.updatedDate && updatedBeforePublished(post.pubDate, post.updatedDate);
      if (updateProblem) ctx.addIssue({ code: 'custom', path: ['updatedDate'], message: updateProblem });
      if (post.heroImage && !post.heroAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['heroAlt'],
          message: 'heroImage is set but heroAlt is missing; expected a short description of the image for screen readers',
        });
      }
    });
}
