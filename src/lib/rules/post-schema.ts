/**
 * The post front-matter rules, once: the build's collection schema (src/content.config.ts) and
 * the writer checks (./post.ts) both use this schema, so a mistake reads the same everywhere.
 * Messages say what was found; FIELD_HELP says what is expected and how to fix it.
 */
import { z } from 'astro/zod';
import site from '../../site.config.ts';
import { contentDateProblem, isoDay, parseContentDate } from '../dates.ts';
import { jsonIds } from '../content-dir.ts';
import { TEXT_BUDGET, TWEET_LIMIT, tweetLengthProblem, URL_WEIGHT } from '../tweets.ts';
import { tagSlug } from '../taxonomy.ts';
import { nearest } from './suggest.ts';
import { stripMarkupInvalid } from '../xml-chars.ts';
import { oldPathProblem, redirectFile } from '../redirects.ts';

/** The description `npm run new` writes; a post must not be published with it. */
export const DESCRIPTION_PLACEHOLDER = '이 글의 요약을 한두 문장으로 써 주세요. 검색 결과와 피드에 나갑니다.';

export const POST_FIELDS = [
  'title',
  'description',
  'pubDate',
  'updatedDate',
  'author',
  'category',
  'tags',
  'draft',
  'tweet',
  'heroImage',
  'heroAlt',
  'survey',
  'redirectFrom',
] as const;
export type PostField = (typeof POST_FIELDS)[number];

const categoryIds = () => site.categories.map((c) => c.id);

/** What each field expects and how a writer fixes it, for messages that name only what was found. */
export const FIELD_HELP: Record<PostField, { expected: string; fix: string }> = {
  title: { expected: '글 제목 (1~120자)', fix: 'title: "글 제목" 한 줄을 쓰세요.' },
  description: {
    expected: '검색 결과와 피드에 나가는 요약 (1~200자)',
    fix: 'description: "한두 문장 요약" 한 줄을 쓰세요.',
  },
  pubDate: {
    expected: '날짜 2010-08-10, 또는 시각까지 2010-08-10T09:00:00+09:00',
    fix: 'pubDate: 2010-08-10 처럼 연-월-일을 숫자로 쓰세요.',
  },
  updatedDate: {
    expected: 'pubDate와 같은 날이거나 그 뒤의 날짜 (2010-08-10 형식)',
    fix: '고친 날짜를 쓰거나, 고치지 않았다면 updatedDate 줄을 지우세요.',
  },
  author: {
    expected: 'content/authors/ 폴더에 있는 저자 파일 이름 (.json 없이)',
    fix: '저자 id를 고치거나, content/authors/<id>.json 파일을 만드세요.',
  },
  category: {
    expected: `src/site.config.ts에 있는 분류 id`,
    fix: '위 id 중 하나를 쓰거나, src/site.config.ts의 categories에 분류를 더하세요.',
  },
  tags: { expected: '태그 목록, 예: [트위터, 가이드라인]', fix: 'tags: [트위터, 가이드라인] 처럼 대괄호 안에 쉼표로 나눠 쓰세요.' },
  draft: { expected: 'true 또는 false', fix: '초안이면 draft: true, 공개하려면 draft: false로 쓰거나 줄을 지우세요.' },
  tweet: {
    expected: `글 주소와 합쳐 가중치 ${TWEET_LIMIT}자 이하 (문구만 ${TEXT_BUDGET}자 이하)`,
    fix: `넘친 만큼 줄이세요. 한글과 이모지는 2, 영문·숫자·공백은 1, 주소는 무엇이든 ${URL_WEIGHT}으로 셉니다.`,
  },
  heroImage: {
    expected: '글 옆에 있는 이미지 파일 경로, 예: ./hero.png',
    fix: '이미지를 글과 같은 폴더에 두고 ./파일이름 으로 쓰세요 (글을 posts/<슬러그>/index.mdx 폴더로 만들면 편합니다).',
  },
  heroAlt: {
    expected: '이미지를 설명하는 짧은 문장 (화면 낭독기용)',
    fix: 'heroAlt: "이미지에 보이는 것" 한 줄을 쓰세요.',
  },
  survey: {
    expected: 'content/surveys/ 폴더에 있는 설문 파일 이름 (.json 없이)',
    fix: '설문 id를 고치거나, content/surveys/<id>.json 파일을 더하세요.',
  },
  redirectFrom: {
    expected: '옮겨 오기 전 블로그의 주소 목록, 사이트 안 경로로: ["/2021/03/22/x.html", "/old-post/"]',
    fix: '"/"로 시작하는 경로만 쓰세요 (https://와 도메인은 빼고). 이 사이트의 페이지(/posts/, /tags/ 등)와 겹치는 주소는 지우세요.',
  },
};

/** What one custom issue carries beyond its message; read back by ./post.ts. */
export interface IssueParams {
  expected?: string;
  fix?: string;
  suggestion?: string;
}

const describe = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/** Korean for "the value is missing or of the wrong type". */
const missingOr = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${what}이(가) 없습니다.` : `${describe(issue.input)}은(는) ${what}이(가) 아닙니다.`;

const contentDate = () =>
  z.unknown().transform((value, ctx) => {
    const date = parseContentDate(value, site.timeZone);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: contentDateProblem(value) });
      return z.NEVER;
    }
    return date;
  });

/** Ids of the JSON files of a collection ("authors" -> ["kim", "lee"]): the content folder's by default. */
export type KnownIds = (collection: 'authors' | 'surveys') => string[];

/** The word with its subject particle: "저자가", "설문이". */
const withSubjectParticle = (word: string): string => {
  const syllable = word.charCodeAt(word.length - 1) - 0xac00;
  return `${word}${syllable >= 0 && syllable < 11172 && syllable % 28 !== 0 ? '이' : '가'}`;
};

/** A reference to a JSON file in another collection, checked on disk so the message can list the known ids. */
const idIn = (collection: 'authors' | 'surveys', kind: string, knownIds: KnownIds) =>
  z.string({ error: missingOr(`${kind} id`) }).superRefine((value, ctx) => {
    const known = knownIds(collection);
    if (known.includes(value)) return;
    const params: IssueParams = {
      expected: `content/${collection}/ 폴더의 ${kind} id: ${known.join(', ') || '(아직 없음)'}`,
      fix: `id를 고치거나 content/${collection}/${value}.json 파일을 만드세요.`,
      suggestion: nearest(value, known),
    };
    ctx.addIssue({ code: 'custom', message: `"${value}"은(는) 등록된 ${withSubjectParticle(kind)} 아닙니다.`, params });
  });

/**
 * Why `updatedDate` cannot stand with `pubDate`, or undefined. An update on the day of publication
 * is fine whatever the times; days are those of the site's time zone, as readers see them.
 */
export function updatedBeforePublished(pubDate: Date, updatedDate: Date): string | undefined {
  const pub = isoDay(pubDate, site.timeZone);
  const updated = isoDay(updatedDate, site.timeZone);
  if (updated >= pub) return undefined;
  return `updatedDate ${updated}이(가) pubDate ${pub}보다 앞섭니다.`;
}

/**
 * Writer's text shown on pages: without the characters HTML and XML forbid (a stray U+0008 is
 * invisible but makes every page that shows the text invalid), then trimmed.
 */
const shownText = (error: ReturnType<typeof missingOr>) => z.string({ error }).overwrite(stripMarkupInvalid).trim();

const text = (what: string, max: number) =>
  shownText(missingOr(what))
    .min(1, { error: `${what}이(가) 비어 있습니다.` })
    .max(max, { error: (issue) => `${what}이(가) ${String((issue.input as string).length)}자입니다. ${max}자를 넘습니다.` });

/**
 * The post schema. `image` is the `image()` helper Astro passes to a collection schema (the
 * heroImage type follows it); the writer checks pass a stand-in that accepts a path and look
 * for the file themselves.
 */
export function postSchema<Image extends z.ZodType>(image: () => Image, knownIds: KnownIds = (collection) => jsonIds(collection)) {
  return z
    .object({
      title: text('제목', 120),
      description: text('요약', 200),
      pubDate: contentDate(),
      updatedDate: contentDate().optional(),
      author: idIn('authors', '저자', knownIds),
      category: z.string({ error: missingOr('분류 id') }).superRefine((value, ctx) => {
        const known = categoryIds();
        if (known.includes(value)) return;
        const params: IssueParams = { expected: `분류 id: ${known.join(', ')}`, suggestion: nearest(value, known) };
        ctx.addIssue({ code: 'custom', message: `"${value}"은(는) 분류가 아닙니다.`, params });
      }),
      tags: z
        .array(
          shownText(missingOr('태그'))
            .min(1, { error: '빈 태그가 있습니다.' })
            .refine((tag) => !['', '.', '..'].includes(tagSlug(tag)), {
              error: (issue) => `태그 ${describe(issue.input)}에는 주소(/tags/<태그>/)로 쓸 글자나 숫자가 없습니다.`,
            }),
          { error: missingOr('태그 목록') },
        )
        .default([]),
      draft: z.boolean({ error: missingOr('true/false 값') }).default(false),
      // Checked here, not only when /twitter.xml is built, so a draft or scheduled post's tweet is
      // caught when it is written. Any URL counts 23, so the slug does not matter.
      tweet: z
        .string({ error: missingOr('트윗 문구') })
        .trim()
        .min(1, { error: '트윗 문구가 비어 있습니다.' })
        .superRefine((tweet, ctx) => {
          const problem = tweetLengthProblem(tweet);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
      heroImage: image().optional(),
      heroAlt: shownText(missingOr('대체 텍스트')).min(1, { error: '대체 텍스트가 비어 있습니다.' }).optional(),
      survey: idIn('surveys', '설문', knownIds).optional(),
      // Old addresses of an imported post (src/lib/redirects.ts): each becomes a redirect page.
      redirectFrom: z
        .array(
          z.string({ error: missingOr('옛 주소') }).superRefine((path, ctx) => {
            const problem = oldPathProblem(path);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          }),
          { error: missingOr('옛 주소 목록') },
        )
        .superRefine((paths, ctx) => {
          const seen = new Set<string>();
          for (const path of paths) {
            if (oldPathProblem(path)) continue;
            const file = redirectFile(path);
            if (seen.has(file)) ctx.addIssue({ code: 'custom', message: `"${path}"이(가) 목록에 두 번 있습니다.` });
            seen.add(file);
          }
        })
        .optional(),
    })
    .superRefine((post, ctx) => {
      for (const issue of crossFieldIssues(post)) ctx.addIssue({ code: 'custom', ...issue });
    });
}

export interface CrossFieldInput {
  pubDate?: Date | undefined;
  updatedDate?: Date | undefined;
  heroImage?: unknown;
  heroAlt?: unknown;
  draft?: unknown;
  description?: unknown;
}

/**
 * Rules between fields. Zod runs them only once every field is valid; the writer checks call
 * this directly as well, so a post with a bad title still hears about its missing heroAlt.
 */
export function crossFieldIssues(post: CrossFieldInput): { path: [PostField]; message: string; params?: IssueParams }[] {
  const issues: { path: [PostField]; message: string; params?: IssueParams }[] = [];
  const updateProblem = post.pubDate && post.updatedDate && updatedBeforePublished(post.pubDate, post.updatedDate);
  if (updateProblem) issues.push({ path: ['updatedDate'], message: updateProblem });
  const alt = typeof post.heroAlt === 'string' ? post.heroAlt.trim() : '';
  if (post.heroImage && !alt) issues.push({ path: ['heroAlt'], message: 'heroImage가 있는데 heroAlt가 없습니다.' });
  const description = typeof post.description === 'string' ? post.description.trim() : '';
  if (post.draft !== true && description === DESCRIPTION_PLACEHOLDER) {
    issues.push({
      path: ['description'],
      message: '`npm run new`가 넣은 자리 표시 문장 그대로입니다.',
      params: { expected: '글을 요약한 한두 문장 (200자 이내)', fix: '요약을 직접 쓰세요. 아직 공개하지 않을 글이면 draft: true를 두세요.' },
    });
  }
  return issues;
}

export type PostData = z.output<ReturnType<typeof postSchema<z.ZodString>>>;
