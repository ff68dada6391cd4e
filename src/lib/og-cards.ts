/**
 * What each Open Graph card says: a post shows its category, title, date and author; a survey
 * its title and publisher; the site card its name and description. Drawing and caching live in
 * ./og-image.ts.
 */
import site from '../site.config.ts';
import { formatDate } from './dates.ts';
import { ogImage, type OgCard } from './og-image.ts';
import { categoryOf } from './taxonomy.ts';

/** The fields of a post the card and its alt text show (front matter). */
export interface PostCardFields {
  data: { title: string; description: string; category: string; pubDate: Date };
}

/** Alternative text for a post's card (og:image:alt, twitter:image:alt, media:description). */
export function postOgAlt(post: PostCardFields): string {
  return `${post.data.title}: ${post.data.description}`;
}

/** `authorName`: the display name from content/authors/<id>.json (the caller reads the collection). */
export function postCard(post: { data: Pick<PostCardFields['data'], 'title' | 'category' | 'pubDate'> }, authorName: string): OgCard {
  return {
    title: post.data.title,
    kicker: categoryOf(post.data.category).name,
    meta: [`${formatDate(post.data.pubDate, site.timeZone)} · ${authorName}`],
    siteName: site.name,
  };
}

export function postOgImage(post: PostCardFields, authorName: string): Promise<Buffer> {
  return ogImage(postCard(post, authorName));
}

/** The fields of a survey the card shows (content/surveys/<id>.json). */
export interface SurveyCardFields {
  title: string;
  publisher: string;
  year?: number | undefined;
}

export function surveyCard(survey: SurveyCardFields): OgCard {
  return {
    title: survey.title,
    kicker: '설문 조사',
    meta: [survey.year ? `${survey.publisher} · ${survey.year}년 조사` : survey.publisher],
    siteName: site.name,
  };
}

export function surveyOgImage(survey: SurveyCardFields): Promise<Buffer> {
  return ogImage(surveyCard(survey));
}

export function siteCard(): OgCard {
  return { title: site.description, meta: [site.organization], siteName: site.name };
}

export function siteOgImage(): Promise<Buffer> {
  return ogImage(siteCard());
}
