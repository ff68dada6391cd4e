// @ts-check
/**
 * Sätteri hast plugins for posts (Markdown and MDX), run in Astro's Rust pipeline: no client JS.
 */
import Slugger from 'github-slugger';
import { htmlToHast } from 'satteri';
import { renderMath } from './math.ts';
import { hasMarkupInvalid, stripMarkupInvalid } from './xml-chars.ts';

const LEVELS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const ANCHORED = new Set(['h2', 'h3', 'h4']);

/**
 * Heading anchors: gives every h2-h4 a visible "#" link to itself, so a reader can copy a link to
 * a section. It assigns the id itself with the same slugger Astro's heading-ids step uses (which
 * runs after user plugins and keeps an existing id), so ids, anchors and the table of contents agree.
 * A factory: Sätteri calls it once per document, so each post gets a fresh slugger.
 */
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
          // Hidden from assistive tech and the tab order: inside the heading it would become part of
          // the heading's name ("제목 #"). Screen-reader users reach sections by heading navigation.
          properties: { className: ['heading-anchor'], href: `#${id}`, ariaHidden: 'true', tabIndex: -1 },
          children: [{ type: 'text', value: '#' }],
        });
      },
    },
  };
}

/**
 * Sätteri hast plugin: GFM task-list checkboxes come out as bare `<input type="checkbox" disabled>`,
 * which a screen reader announces as an unlabeled control. Name each by its state.
 */
export const taskListLabels = {
  name: 'socialbench-task-list-labels',
  element: {
    filter: ['input'],
    /** @param {any} node @param {any} ctx */
    visit(node, ctx) {
      if (node.properties?.type !== 'checkbox' || node.properties?.ariaLabel) return;
      ctx.setProperty(node, 'ariaLabel', node.properties.checked ? '완료한 항목' : '아직 하지 않은 항목');
    },
  },
};

/**
 * Sätteri hast plugin: drops the characters HTML and XML forbid (a stray U+0008 pasted with a
 * sentence, say) from a post's text and raw HTML. Invisible to a reader, they make the page
 * invalid; feeds drop them too (src/lib/xml-chars.ts), and the post schema drops them from the
 * front matter. A factory: only a document whose source holds one gets the plugin, so no other
 * post pays for a visit to every text node.
 * @param {{ source: string }} ctx
 */
export function forbiddenCharacters(ctx) {
  if (!hasMarkupInvalid(ctx.source)) return null;
  /** @param {any} node */
  const clean = (node) => (hasMarkupInvalid(node.value) ? { type: node.type, value: stripMarkupInvalid(node.value) } : undefined);
  return { name: 'socialbench-forbidden-characters', text: clean, raw: clean };
}

/** @param {any} node */
const classesOf = (node) => (Array.isArray(node?.properties?.className) ? node.properties.className : []);

/**
 * Sätteri hast plugin: `$$…$$` maths (src/lib/markdown-features.ts) as MathML typeset by KaTeX at
 * build time (src/lib/math.ts): no client JavaScript, no KaTeX CSS or fonts. Sätteri hands maths
 * over as `<pre><code class="math-display">` and `<code class="math-inline">`; a formula KaTeX
 * cannot read stays that code (TeX as written), and `npm run check` names its line. A display
 * formula is wrapped in a scrollable box so a wide one does not widen the page. Must run before
 * the code highlighter. A factory: only a post with `$$` gets it.
 * @param {{ source: string }} ctx
 */
export function mathAsMathml(ctx) {
  if (!ctx.source.includes('$$')) return null;
  return {
    name: 'socialbench-math',
    element: {
      filter: ['pre', 'code'],
      /** @param {any} node @param {any} ctx */
      visit(node, ctx) {
        const code = node.tagName === 'pre' ? node.children?.find((/** @type {any} */ c) => c.type === 'element' && c.tagName === 'code') : node;
        const display = node.tagName === 'pre';
        if (!classesOf(code).includes(display ? 'math-display' : 'math-inline')) return;
        const result = renderMath(ctx.textContent(code).replace(/\n$/, ''), display);
        if (result.html === undefined) return;
        const children = /** @type {any} */ (htmlToHast(result.html, { fragment: true })).children;
        // The HTML parser keeps KaTeX's `xmlns` as a property named ":xmlns", which would be written
        // out as an invalid attribute; in HTML a <math> element needs no xmlns.
        for (const span of children) for (const math of span.children ?? []) if (math.properties) delete math.properties[':xmlns'];
        ctx.replaceNode(node, display ? { type: 'element', tagName: 'div', properties: { className: ['math-display'] }, children } : children);
      },
    },
  };
}
