/**
 * Cleans a rendered post for `content:encoded`. Feed readers show HTML out of the site's
 * context: no scripts run, no stylesheet applies, relative URLs mean nothing. So the body goes
 * through sanitize-html with an allowlist (never hand-written regexes): text structure,
 * tables, images, code and links stay; scripts, event handlers, inline styles, Astro's
 * `data-astro-cid-*` scoping attributes and interactive parts (a chart's canvas, buttons)
 * go; every URL becomes absolute. A survey chart therefore reaches the reader as its table.
 * Only http(s) URLs stay (site-relative ones become https first), plus `mailto:` links: see
 * `SCHEMES`. The writer checks (src/lib/rules/post.ts) already refuse unsafe URLs in posts; this
 * is the second line, for whatever a component or a plugin puts into the HTML.
 */
import sanitizeHtml from 'sanitize-html';
import { resolveSrcset, resolveUrl } from './resolve-url.ts';
import { stripXmlInvalid } from './xml-chars.ts';

/** Elements dropped together with everything inside them. */
const OMITTED_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'canvas',
  'svg',
  'button',
  'form',
  'input',
  'select',
  'option',
  'textarea',
  'iframe',
  'object',
  'embed',
  'dialog',
  'xmp',
];

/**
 * MathML Core, which posts' `$$` maths is made of (src/lib/math.ts): feed readers show it as a
 * browser does, and one that cannot still shows the numbers and the TeX annotation, rather than
 * losing the formula. Presentation only: no links, no scripts in MathML Core.
 */
const MATHML_TAGS = ['math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mfrac', 'msqrt', 'mroot', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'merror'];
const MATHML_ATTRIBUTES = ['display', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathcolor', 'mathbackground', 'mathsize', 'encoding', 'fence', 'separator', 'stretchy', 'symmetric', 'largeop', 'movablelimits', 'accent', 'accentunder', 'lspace', 'rspace', 'minsize', 'maxsize', 'linethickness', 'width', 'height', 'depth', 'voffset', 'columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines', 'rowlines', 'columnspan', 'rowspan'];

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((t) => !OMITTED_WITH_CONTENT.includes(t)),
  'img',
  'picture',
  'source',
  'figure',
  'figcaption',
  'details',
  'summary',
  'del',
  'ins',
  ...MATHML_TAGS,
];

const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  // aria-label: the footnote back-links' Korean name ("본문의 1번 각주 위치로 돌아가기").
  a: ['href', 'title', 'hreflang', 'aria-label'],
  img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height'],
  source: ['srcset', 'sizes', 'type', 'media', 'width', 'height'],
  abbr: ['title'],
  q: ['cite'],
  blockquote: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  data: ['value'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'headers', 'align'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr', 'align'],
  col: ['span'],
  colgroup: ['span'],
  details: ['open'],
  ...Object.fromEntries(MATHML_TAGS.map((tag) => [tag, MATHML_ATTRIBUTES])),
  '*': ['lang', 'dir'],
};

/**
 * URL schemes a feed keeps, by sanitize-html's own scheme check (applied to `href`, `src`, `cite`,
 * `poster` and the rest of `allowedSchemesAppliedToAttributes`, and to every `srcset` candidate)
 * after `transformTags` has made every URL absolute, so a site-relative URL is https by then.
 * Everything else goes with its attribute (a link keeps its text): `javascript:` and `vbscript:`,
 * and `data:` of any type, even a PNG: a data: SVG can carry script, and feed readers block or
 * mangle data: images anyway. `mailto:` stays on links only: a reader opens the mail program, nothing
 * runs. (`tel:`, `ftp:` and the rest have no business in a post's feed copy.) Protocol-relative
 * `//host/x` never survives as such: it is resolved to https first, and refused if it were not.
 */
const SCHEMES = ['http', 'https'];
const SCHEMES_BY_TAG: Record<string, string[]> = { a: [...SCHEMES, 'mailto'] };

/** Attributes holding one URL, and those holding a srcset. */
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'];
const SRCSET_ATTRIBUTES = ['srcset'];

/**
 * Parts of the page that make no sense in a feed: the "#" link beside each heading
 * (src/lib/markdown-plugins.mjs), and anything a component marks with `data-feed="omit"`
 * (a chart's controls, say).
 */
const OMITTED_CLASSES = ['heading-anchor'];

function isOmitted(attribs: sanitizeHtml.Attributes): boolean {
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true' || attribs['data-feed'] === 'omit') return true;
  const classes = (attribs.class ?? '').split(/\s+/);
  return OMITTED_CLASSES.some((c) => classes.includes(c));
}

const EMPTY_DROPPABLE = ['div', 'span'];

function isEmpty(frame: sanitizeHtml.IFrame): boolean {
  return frame.text.trim() === '' && frame.mediaChildren.length === 0;
}

/**
 * `html` as safe, self-contained feed content. `base` is the post's absolute permalink:
 * relative links resolve against it, root-relative ones against its origin.
 */
export function cleanFeedHtml(html: string, base: string): string {
  // Attribute objects of elements to drop with their content. (Renaming them to a disallowed tag
  // instead would confuse sanitize-html's bookkeeping of closing tags.)
  const omitted = new WeakSet<sanitizeHtml.Attributes>();
  const clean = sanitizeHtml(stripXmlInvalid(html), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: SCHEMES,
    allowedSchemesByTag: SCHEMES_BY_TAG,
    allowedSchemesAppliedToAttributes: sanitizeHtml.defaults.allowedSchemesAppliedToAttributes,
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: OMITTED_WITH_CONTENT,
    // Also drop wrappers left empty once their canvas or controls are gone.
    exclusiveFilter: (frame) => omitted.has(frame.attribs) || (EMPTY_DROPPABLE.includes(frame.tag) && isEmpty(frame)),
    transformTags: {
      '*': (tagName, attribs) => {
        const out: sanitizeHtml.Attributes = { ...attribs };
        // Hidden on the page means hidden in the feed: a reader has no stylesheet to hide it.
        if (isOmitted(attribs)) omitted.add(out);
        for (const name of URL_ATTRIBUTES) {
          const value = out[name];
          if (value !== undefined) out[name] = resolveUrl(value, base);
        }
        for (const name of SRCSET_ATTRIBUTES) {
          const value = out[name];
          if (value !== undefined) out[name] = resolveSrcset(value, base);
        }
        return { tagName, attribs: out };
      },
    },
  });
  return clean.trim();
}
