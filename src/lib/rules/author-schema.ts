/** `content/authors/<id>.json`: the author rules, once, for the build's collection and the writer checks. */
import { z } from 'astro/zod';

const required = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what}이(가) 없습니다.` : `${JSON.stringify(issue.input)}은(는) 글자가 아닙니다.`) })
    .trim()
    .min(1, { error: `${what}이(가) 비어 있습니다.` });

/** Image files an avatar may be: what Astro's image pipeline reads and a browser shows everywhere. */
export const AVATAR_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'];

/**
 * The author schema. `image` is the `image()` helper Astro passes to a collection schema, so
 * `avatar` (a path relative to the author's JSON file, e.g. "./haneul.jpg") becomes an optimised
 * image; the writer checks pass a stand-in that accepts a path and look for the file themselves
 * (./content.ts), so a missing photo is a Korean message before Astro reads it.
 */
export function authorSchema<Image extends z.ZodType>(image: () => Image) {
  return z.strictObject(
    {
      name: required('이름'),
      role: required('직함'),
      bio: required('소개'),
      /** Twitter handle without "@". */
      twitter: z
        .string()
        .regex(/^[A-Za-z0-9_]{1,15}$/, { error: (issue) => `${JSON.stringify(issue.input)}은(는) 트위터 아이디 형식이 아닙니다.` })
        .optional(),
      /** A photo beside the JSON file: shown on the author card (under posts, on the author pages), alt text from `name`. */
      avatar: image().optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `알 수 없는 필드입니다: ${issue.keys.join(', ')}` : undefined) },
  );
}

/** What each author field expects, for the message's "기대" line. */
export const AUTHOR_FIELD_HELP: Record<string, string> = {
  name: '저자 이름 (글자)',
  role: '직함, 예: "소셜미디어 담당"',
  bio: '한두 문장의 소개',
  twitter: '"@" 없는 트위터 아이디 (영문·숫자·_ 15자 이내)',
  avatar: `저자 JSON 파일 옆에 둔 사진 파일 경로, 예: "./haneul.jpg" (${AVATAR_EXTENSIONS.join(', ')})`,
  '': '쓸 수 있는 필드: name, role, bio, twitter, avatar',
};

/** The alt text of an author's photo: the name, so a screen reader says whose face it is. */
export const avatarAlt = (name: string): string => `${name} 사진`;
