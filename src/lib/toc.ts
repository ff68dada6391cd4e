/** A table of contents is worth it from this many section (h2) headings on. */
export const TOC_MIN_SECTIONS = 3;

const FOOTNOTES_SLUG = 'footnote-label';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/**
 * h2/h3 headings as a two-level list, or [] when the post has fewer than TOC_MIN_SECTIONS h2s.
 * The "#" self-link our heading plugin appends is not part of a heading's name.
 */
export function tableOfContents(headings: Heading[]): TocItem[] {
  const clean = (text: string) => text.replace(/\s*#$/, '').trim();
  // The GFM footnotes section brings its own (visually hidden) h2; it is not a section of the post.
  headings = headings.filter((h) => h.slug !== FOOTNOTES_SLUG);
  if (headings.filter((h) => h.depth === 2).length < TOC_MIN_SECTIONS) return [];
  const items: TocItem[] = [];
  for (const h of headings) {
    if (h.depth === 2) items.push({ slug: h.slug, text: clean(h.text), children: [] });
    else if (h.depth === 3 && items.length > 0) items.at(-1)!.children.push({ slug: h.slug, text: clean(h.text), children: [] });
  }
  return items;
}
