/**
 * Old addresses of imported posts (front matter `redirectFrom`, src/lib/redirects.ts): a small
 * Korean page at each, written as the very file the old blog served (`x.html`, or `x/index.html`
 * for `/x/`), which is why this is an endpoint rather than a page (Astro would write a page's
 * `x.html` as `x.html/index.html`); plus `_redirects`, a real 301 on hosts that read it. Only
 * published posts have them. Endpoints are not in the sitemap, and the search index reads only
 * post pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import RedirectPage from '@/components/RedirectPage.astro';
import { getRedirects } from '@/data/posts';
import { redirectsFileText } from '@/lib/redirects';
import { redirectsFileUrl } from '@/lib/urls';

type Props = { page: { to: string; title: string } } | { list: Awaited<ReturnType<typeof getRedirects>> };

export const getStaticPaths = (async () => {
  const redirects = await getRedirects();
  if (redirects.length === 0) return [];
  return [
    ...redirects.map((r) => ({ params: { redirect: r.file }, props: { page: { to: r.to, title: r.title } } as Props })),
    { params: { redirect: redirectsFileUrl().slice(1) }, props: { list: redirects } as Props },
  ];
}) satisfies GetStaticPaths;

let container: Promise<AstroContainer> | undefined;

export const GET: APIRoute<Props> = async ({ props }) => {
  if ('list' in props) return new Response(redirectsFileText(props.list), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  container ??= AstroContainer.create();
  const html = await (await container).renderToString(RedirectPage, { props: props.page, partial: false });
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
