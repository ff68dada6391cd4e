/**
 * What an import tells the writer about one post: what it changed on its own (a translated
 * Liquid tag, a removed kramdown attribute) and what a person must still do (a remote image, a
 * dropped video). Each note names the line in the source file and, once the post is written, the
 * line in the new file, so `import-report.md` can point at both.
 */
export type NoteKind = 'converted' | 'human';

export interface ImportNote {
  kind: NoteKind;
  /** Line in the source file (1-based), when known. */
  sourceLine?: number;
  /** Line in the new post file (1-based), when known. */
  line?: number;
  /** Short Korean label for counting ("원격 이미지", "Liquid 태그"). */
  reason: string;
  /** Korean sentence for the report. */
  message: string;
}

export const converted = (reason: string, message: string, sourceLine?: number): ImportNote => ({ kind: 'converted', reason, message, ...(sourceLine ? { sourceLine } : {}) });
export const needsHuman = (reason: string, message: string, sourceLine?: number): ImportNote => ({ kind: 'human', reason, message, ...(sourceLine ? { sourceLine } : {}) });

/** 1-based line of a character offset in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
