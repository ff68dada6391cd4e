import { render } from 'astro:content';
import site from '@/site.config';
import { readingMinutes } from '@/lib/reading-time';
import { twitterShareUrl } from '@/lib/share';
import { categoryOf } from '@/lib/taxonomy';
import { tableOfContents } from '@/lib/toc';
import { absoluteUrl, authorUrl, postOgImageUrl, postUrl, tagUrl } from '@/lib/urls';
import { getAuthor, postNeighbours, relatedTo, type Post } from './posts';

/** Everything the post page shows besides the body, gathered in one place so the page stays a template. */
export async function postPageData(post: Post) {
  const [rendered, author, nav, related] = await Promise.all([render(post), getAuthor(post.data.author), postNeighbours(post), relatedTo(post)]);
  const url = absoluteUrl(postUrl(post.id));
  const category = categoryOf(post.data.category);
  return {
    Content: rendered.Content,
    toc: tableOfContents(rendered.headings),
    author,
    category,
    tags: post.data.tags.map((tag) => ({ tag, href: tagUrl(tag) })),
    minutes: readingMinutes(post.body ?? '', site.readingCharsPerMinute),
    ...nav,
    related,
    shareUrl: twitterShareUrl(post.data.title, url, site.twitterHandle),
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: post.data.title,
      description: post.data.description,
      datePublished: post.data.pubDate.toISOString(),
      dateModified: (post.data.updatedDate ?? post.data.pubDate).toISOString(),
      inLanguage: 'ko-KR',
      mainEntityOfPage: url,
      url,
      image: absoluteUrl(postOgImageUrl(post.id)),
      author: { '@type': 'Person', name: author.data.name, url: absoluteUrl(authorUrl(author.id)) },
      publisher: { '@type': 'Organization', name: site.organization, url: site.url },
      keywords: post.data.tags.join(', ') || undefined,
      articleSection: category.name,
    },
  };
}
