/** A Twitter account's profile page; `handle` without "@". */
export function twitterProfileUrl(handle: string): string {
  return `https://twitter.com/${handle}`;
}

/** Twitter web-intent link: opens the tweet composer with the title and URL filled in; no script needed. */
export function twitterShareUrl(text: string, url: string, via?: string): string {
  const params = new URLSearchParams({ text, url });
  if (via) params.set('via', via);
  return `https://twitter.com/intent/tweet?${params.toString()}`;
}
