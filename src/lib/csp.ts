/**
 * The site's Content-Security-Policy, one list for the two places it is delivered:
 *
 * - a `<meta http-equiv="Content-Security-Policy">` in every page, written by Astro
 *   (`security.csp` in astro.config.mjs), which adds to `script-src` and `style-src` the SHA-256
 *   hashes of the scripts and `<style>` elements it emits. GitHub Pages sends no headers of its own,
 *   so the meta is what protects the site there;
 * - the `Content-Security-Policy` header of public/_headers, for hosts that read that file. A
 *   header cannot know a build's hashes, so there `style-src-elem` allows inline `<style>` elements
 *   and the page's meta (also enforced: a browser applies every policy it is given) narrows them to
 *   the hashed ones. The header also carries what a meta may not: `frame-ancestors`.
 *
 * No 'unsafe-inline' for scripts anywhere, and no style attributes at all: code blocks get classes
 * instead (src/lib/code-highlight.ts), charts reserve their height with CSS. docs/deploy.md explains
 * each source; tests/browser/csp.test.ts loads every kind of page under both policies and
 * tests/unit/csp.test.ts keeps public/_headers in step with this file.
 */

/** `script-src`: the site's own files, and WebAssembly for Pagefind's search (no JavaScript eval). */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** `style-src`: the site's own stylesheets (Astro adds the hashes of its inline `<style>` elements). */
export const STYLE_SOURCES = ["'self'"] as const;

/**
 * Every other directive, in both the meta and the header. default-src 'self' covers images, fonts,
 * fetches (Pagefind's index), the search worker, manifests and frames: everything comes from the
 * site itself. object-src is stricter still; base-uri and form-action do not fall back to default-src.
 */
export const DIRECTIVES = ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"] as const;

/** Only in the header: browsers ignore these in a <meta> policy. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The header's policy, as public/_headers must write it. */
export function headerPolicy(): string {
  return [
    ...DIRECTIVES,
    `script-src ${SCRIPT_SOURCES.join(' ')}`,
    `style-src ${STYLE_SOURCES.join(' ')}`,
    `style-src-elem ${STYLE_SOURCES.join(' ')} 'unsafe-inline'`,
    "style-src-attr 'none'",
    ...HEADER_ONLY_DIRECTIVES,
  ].join('; ');
}
