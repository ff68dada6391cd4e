/**
 * Old blogs give headings ids of their own (`## 배경 {#index1}`, `<h2 id="index1">배경</h2>`,
 * `## 정의 <a name="definition"></a>`) and link to them (`[배경](#index1)`). This site makes every
 * heading's id from its text, with the slugger of src/lib/markdown-plugins.mjs, so the import
 * removes the old ids. Before that, it learns which heading each old id named; afterwards it
 * points the post's own `#old-id` links at the heading's new id.
 */
import Slugger from 'github-slugger';
import { Parser } from 'htmlparser2';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { decodePercent } from '../urls.ts';
import { parseMarkdown } from './markdown-body.ts';

/** A trailing kramdown heading id: `제목 {#id}`. */
const KRAMDOWN_ID = /\s*\{#([^}\s]+)\}\s*$/;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Headings with their own ids in HTML: `<h2 id="x">…</h2>`, and `<a name="x">`/`<a id="x">` inside
 * a heading. Adds old id → the heading's text to `ids`.
 */
function htmlHeadingIds(html: string, ids: Map<string, string>): void {
  let heading: { ids: string[]; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HEADING_TAGS.has(name)) heading = { ids: attributes.id ? [attributes.id] : [], text: '' };
        else if (heading && name === 'a' && (attributes.name || attributes.id)) heading.ids.push((attributes.name || attributes.id)!);
      },
      ontext(text) {
        if (heading) heading.text += text;
      },
      onclosetag(name) {
        if (!heading || !HEADING_TAGS.has(name)) return;
        for (const id of heading.ids) if (!ids.has(id)) ids.set(id, normalise(heading.text));
        heading = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
}

/** Old id → the text of the heading it named, in a source body (Markdown with HTML, or HTML). */
export function explicitHeadingIds(body: string, format: 'markdown' | 'html'): Map<string, string> {
  const ids = new Map<string, string>();
  if (format === 'html') {
    htmlHeadingIds(body, ids);
    return ids;
  }
  const tree = parseMarkdown(body);
  // The ids this site would have given the headings as written, anchors and all ("마치며 <a name="x"></a>"
  // gives "마치며-"): links written against those keep working once the anchors are gone.
  const slugger = new Slugger();
  const asWritten = new Map<string, string>();
  visit(tree, (node) => {
    if (node.type === 'html') htmlHeadingIds(node.value, ids);
    if (node.type !== 'heading') return;
    const rawText = toString(node, { includeHtml: false });
    const id = slugger.slug(rawText);
    if (!asWritten.has(id)) asWritten.set(id, normalise(rawText.replace(KRAMDOWN_ID, '')));
    // An anchor inside a Markdown heading: its html nodes, opening and closing tags apart.
    const anchors = new Map<string, string>();
    htmlHeadingIds(`<h2>${node.children.map((child) => (child.type === 'html' ? child.value : '')).join('')}</h2>`, anchors);
    const text = toString(node, { includeHtml: false });
    const kramdown = KRAMDOWN_ID.exec(text);
    const headingText = normalise(text.replace(KRAMDOWN_ID, ''));
    for (const id of [...anchors.keys(), ...(kramdown ? [kramdown[1]!] : [])]) if (!ids.has(id)) ids.set(id, headingText);
  });
  for (const [id, text] of asWritten) if (!ids.has(id)) ids.set(id, text);
  return ids;
}

/** Heading text → the id the site gives that heading (the first of equal headings), in document order. */
function siteHeadingIds(tree: Root): Map<string, string> {
  const slugger = new Slugger();
  const byText = new Map<string, string>();
  visit(tree, 'heading', (node: Heading) => {
    const text = toString(node, { includeHtml: false });
    const id = slugger.slug(text);
    const key = normalise(text);
    if (!byText.has(key)) byText.set(key, id);
  });
  return byText;
}


/**
 * Points `#old-id` links of the converted Markdown (its `tree`) at the new ids of the headings they named.
 * Returns the function for ./convert.ts's link rewriting: a new destination, or undefined to keep it.
 */
export function headingLinkTarget(tree: Root, oldIds: Map<string, string>): (url: string) => string | undefined {
  const newIds = siteHeadingIds(tree);
  return (url) => {
    if (!url.startsWith('#')) return undefined;
    const old = decodePercent(url.slice(1));
    const text = oldIds.get(old);
    const id = text === undefined ? undefined : newIds.get(text);
    return id !== undefined && id !== old ? `#${id}` : undefined;
  };
}
