/**
 * Feed readers show a post away from the site, so every link and image in a feed must be an
 * absolute URL. Relative references resolve against the post's permalink, as a browser on
 * the post page would resolve them; "/_astro/x.webp" resolves against the site.
 */

/** `url` resolved against `base` (an absolute URL). Returns `url` unchanged when it cannot be parsed. */
export function resolveUrl(url: string, base: string): string {
  const trimmed = url.trim();
  if (trimmed === '') return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return url;
  }
}

/**
 * A `srcset` ("a.webp 1x, /b.webp 640w") with every candidate URL made absolute. Candidates are
 * separated by a comma followed by whitespace, as the HTML spec and Astro write them.
 */
export function resolveSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim())
    .filter(Boolean)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.split(/\s+/);
      return [resolveUrl(url, base), ...descriptor].join(' ');
    })
    .join(', ');
}
