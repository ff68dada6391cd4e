/** A Twitter account's profile page; `handle` without "@". */
export function twitterProfileUrl(handle: string): string {
  return `https://twitter.com/${handle}`;
}

/** The site's own Twitter account as pages show it. */
export interface TwitterAccount {
  /** Without "@" ("daon_example"): the share link's `via`. */
  handle: string;
  /** With "@" ("@daon_example"): `twitter:site` and the footer link's text. */
  mention: string;
  /** The profile page: the footer link. */
  url: string;
}

/**
 * The account configured as `twitterHandle` in src/site.config.ts, or undefined when there is none
 * (empty string). Every company-account link, `twitter:site` and `via` goes through this, so a site
 * without an account never points readers at someone else's. A leading "@" and spaces are forgiven.
 */
export function siteTwitterAccount(handle: string | undefined): TwitterAccount | undefined {
  const bare = (handle ?? '').trim().replace(/^@/, '');
  if (bare === '') return undefined;
  return { handle: bare, mention: `@${bare}`, url: twitterProfileUrl(bare) };
}

/**
 * Twitter web-intent link: opens the tweet composer with the title and URL filled in; no script needed.
 * `via` (the site's account) is added only when there is one.
 */
export function twitterShareUrl(text: string, url: string, via?: string): string {
  const params = new URLSearchParams({ text, url });
  const account = siteTwitterAccount(via);
  if (account) params.set('via', account.handle);
  return `https://twitter.com/intent/tweet?${params.toString()}`;
}
