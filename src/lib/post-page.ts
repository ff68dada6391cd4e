import { render } from 'astro:content';
import site from '../site.config';
import { getAuthor, getPublishedPosts, categoryOf, neighbours, postUrl, type Post } from './posts';
import { readingMinutes } from './reading-time';
import { relatedPosts } from './taxonomy';
import { tableOfContents } from './toc';
import { tagSlug } from './taxonomy';
import { absoluteUrl } from './urls';
import { ogImagePath } from './og-paths';
import { twitterShareUrl } from './share';

/** Everything the post page shows besides the body, gathered in one place so the page stays a template. */
export async function postPageData(post: Post) {
  const [rendered, author, nav, all] = await Promise.all([render(post), getAuthor(post.data.author), neighbours(post), getPublishedPosts()]);
  const url = absoluteUrl(postUrl(post));
  const imageUrl = absoluteUrl(ogImagePath.post(post.id));
  return {
    Content: rendered.Content,
    toc: tableOfContents(rendered.headings),
    author,
    category: categoryOf(post.data.category),
    tags: post.data.tags.map((tag) => ({ tag, href: `/tags/${tagSlug(tag)}/` })),
    minutes: readingMinutes(post.body ?? '', site.readingCharsPerMinute),
    ...nav,
    related: relatedPosts(post, all, site.relatedPosts),
    shareUrl: twitterShareUrl(post.data.title, url, site.twitterHandle || undefined),
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
      image: imageUrl,
      author: { '@type': 'Person', name: author.data.name, url: absoluteUrl(`/authors/${author.id}/`) },
      publisher: { '@type': 'Organization', name: site.organization, url: site.url },
      keywords: post.data.tags.join(', ') || undefined,
      articleSection: categoryOf(post.data.category).name,
    },
  };
}
