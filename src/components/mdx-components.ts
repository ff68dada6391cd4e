/**
 * Components every post can use without an import. The post page and the feed renderer both
 * pass this map to `<Content components={...} />`.
 */
export const mdxComponents: Record<string, unknown> = {};
