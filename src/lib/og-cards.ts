/**
 * What each Open Graph card says: a post shows its category, title, date and author; a survey
 * its title and publisher; the site card its name and description. Drawing and caching live in
 * ./og-image.ts.
 */
import site from '../site.config';
import { formatDate } from './dates';
import { ogImage, type OgCard } from './og-image';
import { categoryOf, getAuthor, type Post } from './posts';

/** Alternative text for a post's card (og:image:alt, twitter:image:alt, media:description). */
export function postOgAlt(post: Post): string {
  return `${post.data.title}: ${post.data.description}`;
}

export async function postCard(post: Post): Promise<OgCard> {
  const author = await getAuthor(post.data.author);
  return {
    title: post.data.title,
    kicker: categoryOf(post.data.category).name,
    meta: [`${formatDate(post.data.pubDate, site.timeZone)} · ${author.data.name}`],
    siteName: site.name,
  };
}

export async function postOgImage(post: Post): Promise<Buffer> {
  return ogImage(await postCard(post));
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
