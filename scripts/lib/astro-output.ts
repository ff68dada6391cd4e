/**
 * Reading Astro's own output for a writer: which lines are known-harmless noise, and what to say
 * when Astro stops for a reason the writer checks did not catch (then its message is all we have).
 */

/**
 * Warnings that say nothing a writer or site owner can act on.
 * - MODULE_LEVEL_DIRECTIVE: Astro's own "use astro:head-inject" in every MDX module, harmless when bundled.
 * - telemetry notice: printed once per machine.
 * - an absent or empty optional collection (a site without surveys, benchmarks or a monthly log).
 * - an empty posts collection: a content folder without post files is refused before Astro runs
 *   (src/lib/rules/content.ts), so this means every post is a draft or scheduled (a new site after
 *   `npm run new-site`), which the build's summary says in Korean ("공개된 글 0개 (초안 1개 …)").
 */
const HARMLESS = [
  /The base directory ".*\/(surveys|benchmarks|metrics)\/" does not exist/,
  /The collection "(surveys|benchmarks|metrics|posts)" does not exist or is empty/,
  /\[MODULE_LEVEL_DIRECTIVE\]/,
  /may not be preserved when bundling/,
  /Astro collects anonymous usage data|astro telemetry disable|astro\.build\/telemetry|This information helps us improve Astro/,
];

export const isHarmlessWarning = (line: string): boolean => HARMLESS.some((pattern) => pattern.test(line));

/** Lines of Astro's error wrapper that a writer cannot use: stack frames, "Location", docs links, the hook-crash line. */
export function isWrapperNoise(line: string): boolean {
  return (
    /^\s+at\s/.test(line) ||
    /^\s*(Stack trace|Location):/.test(line) ||
    /:0:0\s*$/.test(line) ||
    /docs\.astro\.build|See https?:\/\//.test(line) ||
    /An unhandled error occurred while running the/.test(line) ||
    /node_modules\//.test(line)
  );
}

/** Astro's error message without its wrapper: the "[XxxError]" line and what follows, no stack. */
export function astroErrorExcerpt(output: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => /\[ERROR\]|error TS|\[\w+Error\]/.test(l));
  const from = start < 0 ? Math.max(0, lines.length - 25) : start;
  return lines
    .slice(from)
    .filter((l) => !isWrapperNoise(l) && !isHarmlessWarning(l))
    .map((l) => l.replace(/^\d\d:\d\d:\d\d\s+/, '').replace(/\[ERROR\]\s*(\[[\w:-]+\]\s*)?/, ''))
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
    .join('\n')
    .trim();
}

/** The last page or content file Astro's log names: what it was working on when it stopped. */
export function lastWorkedOn(output: string): string | undefined {
  const lines = output.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const found = /((?:[\w.-]+\/)*[\w.-]+\.(?:mdx?|json))\b|(\/[^\s()]*\.(?:html|xml|png|json|csv|txt))/.exec(lines[i] ?? '');
    if (found) return found[1] ?? found[2];
  }
  return undefined;
}

/** A Korean block for a build that Astro stopped (or that died) without a writer-check message. */
export function explainAstroFailure(output: string, signal: NodeJS.Signals | null): string {
  const file = lastWorkedOn(output);
  if (signal) {
    return [
      `\n오류 빌드 과정이 신호 ${signal}(으)로 끝났습니다${file ? ` · ${file}` : ''}`,
      `  문제: Astro가 메시지 없이 멈췄습니다${file ? ` (마지막으로 처리하던 것: ${file})` : ''}.`,
      signal === 'SIGSEGV'
        ? '  기대: 글 안의 태그가 지나치게 깊게 겹쳐 있거나 내장 모듈이 멈춘 경우입니다.'
        : '  기대: 메모리 부족(SIGKILL)이나 강제 종료(SIGTERM)일 수 있습니다.',
      '  고치는 법: 그 글을 확인하고 다시 실행해 보세요. 되풀이되면 개발자에게 이 출력을 보여 주세요.',
    ].join('\n');
  }
  const excerpt = astroErrorExcerpt(output) || '(메시지 없음)';
  return [
    `\n오류 Astro가 빌드를 멈췄습니다${file ? ` · ${file}` : ''}`,
    `  문제: ${excerpt.split('\n').join('\n    ')}`,
    '  고치는 법: 위 메시지가 가리키는 파일을 확인하세요. 글 파일이 아니라 src/ 코드의 문제라면 개발자에게 알려 주세요.',
  ].join('\n');
}
