/**
 * One problem a writer can fix, and how it is printed. Every rule (front matter, MDX, components,
 * images, links, tweets, survey JSON) reports these, so `npm run check`, `npm run build`,
 * `npm run dev`, `npm run new`, `npm run survey:import` and the tests all show the same Korean
 * block: where (file, line, field), what was found, what is expected, how to fix it, and a
 * "혹시 …?" when a near match exists.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** File as the writer sees it, relative to the project ("content/posts/a.mdx"), or "빌드된 페이지 /tags/x/". */
  file: string;
  /** 1-based line in `file`, when there is one. */
  line?: number;
  column?: number;
  /** Front-matter field, JSON path or component prop ("author", "questions[1].results", "survey"). */
  field?: string;
  /** What `field` belongs to, printed before it: "프런트매터", "<SurveyChart>". */
  section?: string;
  /** What was found (Korean). */
  message: string;
  /** What is expected instead. */
  expected?: string;
  /** What to do about it. */
  fix?: string;
  /** A near match for an unknown id or name ("kicom-2010"), shown as "혹시 …?". */
  suggestion?: string;
  severity: Severity;
  /** Which rule found it: "frontmatter", "mdx", "component", "expression", "survey-id", "image", "link", "tweet", "survey", "benchmark", "author", "filename", "placeholder". */
  kind: string;
}

/** `content/posts/a.mdx:4:1` */
export function location(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}`;
}

const paint = (on: boolean, code: string, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/**
 * ```
 * 오류 content/posts/a.mdx:4 · 프런트매터 author
 *   문제: "kim"은(는) 등록된 저자가 아닙니다.
 *   기대: content/authors/ 폴더에 있는 저자 id (lee, park)
 *   고치는 법: content/authors/kim.json을 만들거나 id를 고치세요.
 *   혹시 "lee"?
 * ```
 * `color` only for a terminal: piped output and log files get plain text.
 */
export function formatProblem(problem: Problem, color = false): string {
  const label = problem.severity === 'warning' ? paint(color, '33;1', '경고') : paint(color, '31;1', '오류');
  const where = [problem.section, problem.field].filter(Boolean).join(' ');
  const head = `${label} ${paint(color, '1', location(problem))}${where ? ` · ${where}` : ''}`;
  const body: [string, string | undefined][] = [
    ['문제', problem.message],
    ['기대', problem.expected],
    ['고치는 법', problem.fix],
  ];
  const lines = [head];
  for (const [name, text] of body) {
    if (!text) continue;
    const [first, ...rest] = text.split('\n');
    lines.push(`  ${name}: ${first}`, ...rest.map((l) => `    ${l}`));
  }
  if (problem.suggestion) lines.push(`  ${paint(color, '36', `혹시 "${problem.suggestion}"?`)}`);
  return lines.join('\n');
}

/** Problems as blocks separated by a blank line, so each one reads at a glance. */
export function formatProblems(problems: Problem[], color = false): string {
  return problems.map((p) => formatProblem(p, color)).join('\n\n');
}

export const errorsIn = (problems: Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');

/** Problems in file order, then line order, so a writer can work down the list. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** "오류 2개, 경고 1개" */
export function countText(problems: Problem[]): string {
  const errors = errorsIn(problems).length;
  const warnings = problems.length - errors;
  return [errors ? `오류 ${errors}개` : '', warnings ? `경고 ${warnings}개` : ''].filter(Boolean).join(', ') || '문제 없음';
}

/** The same problem found by two routes (say a schema and a file check) is shown once. */
export function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.line ?? ''}\0${p.field ?? ''}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
