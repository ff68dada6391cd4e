// @ts-check
/**
 * Sätteri hast plugin: gives every h2-h4 a visible "#" link to itself, so a reader can copy a
 * link to a section. No client JavaScript. It assigns the id itself with the same slugger
 * Astro's heading-ids step uses (which runs after user plugins and keeps an existing id), so
 * ids, anchors and the table of contents agree.
 */
import Slugger from 'github-slugger';

const LEVELS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const ANCHORED = new Set(['h2', 'h3', 'h4']);

/** A factory: Sätteri calls it once per document, so each post gets a fresh slugger. */
export function headingAnchors() {
  const slugger = new Slugger();
  return {
    name: 'socialbench-heading-anchors',
    element: {
      filter: LEVELS,
      /** @param {any} node @param {any} ctx */
      visit(node, ctx) {
        let id = node.properties?.id;
        if (typeof id !== 'string' || id === '') {
          id = slugger.slug(ctx.textContent(node));
          ctx.setProperty(node, 'id', id);
        }
        // The GFM footnotes heading is screen-reader-only; a link to it helps no one.
        if (!ANCHORED.has(node.tagName) || id === 'footnote-label') return;
        ctx.appendChild(node, {
          type: 'element',
          tagName: 'a',
          properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: '이 단락으로 바로 가는 링크' },
          children: [{ type: 'text', value: '#' }],
        });
      },
    },
  };
}
