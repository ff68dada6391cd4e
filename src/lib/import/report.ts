/**
 * The import's report, in Korean: printed at the end of `npm run import` and written as Markdown
 * (`import-report.md`), so the writer can work through it. Each post: where it came from, where it
 * went, and what still needs a person, with the line in the source file and in the new file.
 */
import type { ImportNote } from './notes.ts';

export interface ReportPost {
  sourceFile: string;
  sourceLine: number;
  /** The new file, as the writer sees it ("content/posts/2021-03-22-x.md"). */
  file: string;
  title: string;
  draft: boolean;
  images: number;
  redirects: string[];
  notes: ImportNote[];
}

export interface ImportReport {
  source: string;
  kind: string;
  posts: ReportPost[];
  /** Problems of the source as a whole (an unreadable config file). */
  siteNotes: { file: string; line?: number; message: string }[];
  /** Old categories no mapping named, with how many posts had them. */
  unmappedCategories: Map<string, number>;
  defaultCategory: string;
  dryRun: boolean;
}

const KIND_NAMES: Record<string, string> = { jekyll: 'Jekyll 폴더', hugo: 'Hugo 폴더', wxr: '워드프레스 내보내기(WXR)', rss: 'RSS 피드', atom: 'Atom 피드' };

export const needsPerson = (post: ReportPost) => post.notes.some((n) => n.kind === 'human');

const where = (file: string, line: number | undefined) => (line ? `${file}:${line}` : file);

/** How many notes of each reason needed a person, most first. */
export function humanReasons(posts: ReportPost[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const post of posts) {
    for (const reason of new Set(post.notes.filter((n) => n.kind === 'human').map((n) => n.reason))) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ko'));
}

/** The first lines of the report: counts only. */
export function summaryLines(report: ImportReport): string[] {
  const human = report.posts.filter(needsPerson).length;
  const drafts = report.posts.filter((p) => p.draft).length;
  const redirects = report.posts.reduce((n, p) => n + p.redirects.length, 0);
  const images = report.posts.reduce((n, p) => n + p.images, 0);
  const lines = [
    `${report.dryRun ? '(미리 보기: 파일을 쓰지 않았습니다) ' : ''}${KIND_NAMES[report.kind] ?? report.kind} ${report.source}에서 글 ${report.posts.length}편을 가져왔습니다.`,
    `  그대로 쓸 수 있는 글 ${report.posts.length - human}편, 사람이 확인할 글 ${human}편${drafts ? `, 그중 초안 ${drafts}편` : ''}`,
    `  옛 주소 리디렉트 ${redirects}개, 글 옆으로 복사한 이미지 ${images}개`,
  ];
  const reasons = humanReasons(report.posts);
  if (reasons.length) lines.push(`  확인할 까닭: ${reasons.map(([r, n]) => `${r} ${n}편`).join(', ')}`);
  if (report.unmappedCategories.size) {
    lines.push(`  옮길 분류를 정하지 않은 옛 분류(→ ${report.defaultCategory}): ${[...report.unmappedCategories].map(([c, n]) => `${c}(${n})`).join(', ')}`);
  }
  return lines;
}

/** The report as Markdown. */
export function reportMarkdown(report: ImportReport): string {
  const out: string[] = ['# 가져오기 보고서', '', ...summaryLines(report).map((l) => l.trim()).map((l) => `- ${l}`), ''];
  if (report.unmappedCategories.size) {
    out.push('옛 분류를 이 사이트의 분류로 옮기려면 다시 가져올 때 `--category-map "옛 분류=새-분류-id,…"`를 주세요.', '');
  }
  if (report.siteNotes.length) {
    out.push('## 원본 전체', '');
    for (const note of report.siteNotes) out.push(`- ${where(note.file, note.line)}: ${note.message}`);
    out.push('');
  }
  const human = report.posts.filter(needsPerson);
  out.push('## 사람이 확인할 것', '');
  if (human.length === 0) out.push('없습니다.', '');
  for (const post of human) {
    out.push(`### ${post.title}`, '', `- 원본: ${where(post.sourceFile, post.sourceLine)}`, `- 새 파일: ${post.file}`);
    for (const note of post.notes.filter((n) => n.kind === 'human')) {
      const at = [note.sourceLine ? `원본 ${note.sourceLine}줄` : '', note.line ? `새 파일 ${note.line}줄` : ''].filter(Boolean).join(', ');
      out.push(`- [ ] ${at ? `(${at}) ` : ''}${note.message}`);
    }
    out.push('');
  }
  out.push('## 가져온 글', '', '| 새 파일 | 원본 | 상태 | 바꾼 것 |', '| --- | --- | --- | --- |');
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  for (const post of report.posts) {
    const status = `${needsPerson(post) ? '확인 필요' : '깨끗함'}${post.draft ? ', 초안' : ''}`;
    const changes = post.notes.filter((n) => n.kind === 'converted').map((n) => n.reason);
    out.push(`| ${cell(post.file)} | ${cell(where(post.sourceFile, post.sourceLine))} | ${status} | ${cell([...new Set(changes)].join(', ') || '-')} |`);
  }
  out.push('');
  return out.join('\n');
}
