import { describe, expect, it } from 'vitest';
import { getBuild } from '../support/sites';

/** Each bad front matter fails the build with a message naming the file and the field. */
const cases: [site: string, field: string, expected: RegExp][] = [
  ['bad-missing-title', 'title', /title: expected a title/],
  ['bad-date', 'pubDate', /pubDate: .*is not a date; expected YYYY-MM-DD/],
  ['bad-updated-before', 'updatedDate', /updatedDate: updatedDate .* is before pubDate/],
  ['bad-author', 'author', /author: "park" is not an author \(known: kim, lee\)\. Add content\/authors\/park\.json or fix the id\./],
  ['bad-category', 'category', /category: "sales" is not a category \(known: reputation, marketing, customer-service, recruiting, communication\)/],
  ['bad-hero-alt', 'heroAlt', /heroAlt: heroImage is set but heroAlt is missing/],
  ['bad-tag', 'tags.1', /tags\.1: tag "\?" has no letters or digits/],
];

describe('bad front matter fails the build with a clear message', () => {
  it.each(cases)('%s names the file and "%s"', (site, field, expected) => {
    const build = getBuild(site);
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`posts/${site}.mdx`);
    expect(build.output).toContain(`${field}:`);
    expect(build.output).toMatch(expected);
  });
});
