/**
 * A post's body as HTML, for feeds. Astro renders an MDX entry only inside a page, so feeds go
 * through the Container API with the MDX renderer, passing the same components the post page
 * gets (survey charts included). The HTML is raw: src/lib/feed-html.ts cleans it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { mdxComponents } from '@/components/mdx-components';
import { absoluteUrl, postUrl } from '@/lib/urls';
import type { Post } from './posts';

let container: Promise<AstroContainer> | undefined;

function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/** Several feeds include the same post: each body is rendered once per build. */
const rendered = new Map<string, Promise<string>>();

/** The rendered body of a post, exactly as the post page shows it (before cleaning). */
export function renderPostHtml(post: Post): Promise<string> {
  let html = rendered.get(post.id);
  if (!html) {
    html = (async () => {
      const { Content } = await render(post);
      const astro = await getContainer();
      // The post's own URL as the request, so components that name the post in an error
      // (an unknown survey id, say) name this one, as they do on the post page.
      const request = new Request(absoluteUrl(postUrl(post.id)));
      return astro.renderToString(Content, { props: { components: mdxComponents }, request });
    })();
    rendered.set(post.id, html);
  }
  return html;
}
