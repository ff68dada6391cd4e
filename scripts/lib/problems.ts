/**
 * One problem a writer can fix, and how it is printed. Every check (front matter, MDX,
 * components, images, links, tweets, survey JSON) reports these, so `npm run check`, the
 * build and the tests all show the same words: the file, the line, what is wrong, the fix.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** File as the writer sees it ("content/posts/a.mdx"), or a built page ("page /tags/x/"). */
  file: string;
  /** 1-based line in `file`, when there is one. */
  line?: number;
  column?: number;
  /** Front-matter field, JSON path or component prop ("author", "questions[1].results", "survey"). */
  field?: string;
  /** What `field` is a part of, printed before it: "frontmatter", "prop". */
  section?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix?: string;
  severity: Severity;
  /** Which check found it: "frontmatter", "mdx", "component", "image", "link", "tweet", "survey", "benchmark". */
  kind: string;
}

/** `content/posts/a.mdx:4:1` */
export function location(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}`;
}

/**
 * content/posts/a.mdx:4: frontmatter "author": "kim" is not an author (known: lee, park).
 *   Fix: ...
 */
export function formatProblem(problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  const field = problem.field ? `${problem.section ? `${problem.section} ` : ''}"${problem.field}": ` : '';
  const head = `${location(problem)}: ${tag}${field}${problem.message}`;
  return problem.fix ? `${head}\n  Fix: ${problem.fix}` : head;
}

export function formatProblems(problems: Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

export const errorsIn = (problems: Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');

/** Problems in file order, then line order, so a writer can work down the list. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
