/**
 * One post as an old blog had it, whatever the source: what the readers (./jekyll.ts, ./hugo.ts,
 * ./wxr.ts, ./feed.ts) produce and ./convert.ts turns into a post of this site.
 */
import type { ImportNote } from './notes.ts';

export type SourceKind = 'jekyll' | 'hugo' | 'wxr' | 'rss' | 'atom';

export interface SourcePost {
  /** The file the post came from, as shown to the writer (a feed's items share the feed's file). */
  sourceFile: string;
  /** Line of the post in that file (a feed item's `<item>`), 1 for a post file of its own. */
  sourceLine: number;
  /** Line of the body's first line in `sourceFile`. */
  bodyLine: number;
  /** Key by which other posts link to this one (a Jekyll file name without extension, a Hugo file name). */
  key?: string;
  title: string;
  /** The publication time as an ISO date-time with the source's offset ("2021-03-22T10:00:00+09:00"). */
  pubDate: string;
  updatedDate?: string;
  /** ASCII or not, as the source named it; ./convert.ts makes it a slug. */
  slug: string;
  categories: string[];
  tags: string[];
  /** The source's own summary (excerpt, description, summary). */
  description?: string;
  draft: boolean;
  /** Old addresses, site-relative ("/2021/03/22/x.html"). */
  oldPaths: string[];
  body: string;
  format: 'markdown' | 'html';
  /** Where local images are looked for: a path starting with "/" is under `siteRoot`, any other beside `postDir`. */
  images: { siteRoots: string[]; postDir?: string; uploads?: { prefix: string; dir: string } };
  /** The source's own cover image field (Hugo `images`, front matter `image`), for heroImage. */
  cover?: string;
  /** What the reader already noticed (an unknown field, a date without time zone). */
  notes: ImportNote[];
}

export interface SourceSite {
  kind: SourceKind;
  /** The folder or file given. */
  source: string;
  posts: SourcePost[];
  /** The old blog's own host ("tech.old.example"), so absolute links to its posts can be followed. */
  host?: string;
  /** Problems with the source as a whole (an unreadable config file), as notes on no post. */
  notes: { file: string; line?: number; message: string }[];
}
