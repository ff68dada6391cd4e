/**
 * Syntax of other site generators (Jekyll's kramdown and Liquid, mostly) that this site does not
 * read, so a reader would see it as raw text: `{: .class }`, `{:toc}`, `## 제목 {#id}`,
 * `{{ site.url }}`, `{% include x.html %}`, an unclosed `$$`, and a table whose delimiter row
 * (`|---|---|`) was "smartened" into dashes, which leaves a paragraph of pipes. Found on the parsed
 * tree's text (src/lib/rules/mdx.ts walks it), so the same characters inside code are never
 * reported. Warnings, not errors: the page builds, it just shows the characters.
 *
 * Braces are only looked at in Markdown: in MDX `{` starts an expression, which the MDX checks
 * report as such.
 */
import type { Position } from './mdx.ts';
import type { Problem } from './problems.ts';

export type ForeignSyntaxKind = 'kramdown-attributes' | 'heading-id' | 'liquid-output' | 'liquid-tag' | 'math-dollars' | 'lost-table' | 'math-error';

export interface ForeignSyntax extends Position {
  kind: ForeignSyntaxKind;
  /** What was written ("{: .lead}", "{% include a.html %}", the delimiter row); for a maths error, KaTeX's reason. */
  text: string;
  /** For a Liquid tag, its name ("highlight", "include"). */
  tag?: string;
}

const KRAMDOWN_ATTRIBUTES = /\{:[^{}\n]*\}/g;
const HEADING_ID = /\{#[^\s{}]+(?:\s[^{}\n]*)?\}\s*$/;
const LIQUID_OUTPUT = /\{\{[^\n]*?\}\}/g;
const LIQUID_TAG = /\{%-?\s*([A-Za-z_]\w*)[^\n]*?%\}/g;
const DOLLARS = /\$\$/g;
/** Dashes a smartened delimiter row has in place of `-`: hyphens, en and em dashes, minus, box drawing. */
const DASH = '[-\u2010-\u2015\u2212\u2500\u2501\ufe58\ufe63\uff0d]';
const DELIMITER_ROW = new RegExp(`^\\s*\\|?\\s*:?${DASH}+:?\\s*(?:\\|\\s*:?${DASH}+:?\\s*)*\\|?\\s*$`);

/** Where index `index` of a text node's value is, from where the node starts. */
function positionIn(value: string, index: number, start: Position): Position {
  const before = value.slice(0, index);
  const newlines = before.split('\n').length - 1;
  if (start.line === undefined) return {};
  if (newlines === 0) return { line: start.line, column: start.column === undefined ? undefined : start.column + index };
  return { line: start.line + newlines };
}

/** Foreign syntax in the value of one text node. `inHeadingEnd`: the node ends a heading. */
export function foreignSyntaxInText(value: string, start: Position, options: { isMdx: boolean; inHeadingEnd?: boolean }): ForeignSyntax[] {
  const found: ForeignSyntax[] = [];
  const add = (kind: ForeignSyntaxKind, index: number, text: string, tag?: string) =>
    found.push({ kind, text, ...(tag ? { tag } : {}), ...positionIn(value, index, start) });
  if (!options.isMdx && value.includes('{')) {
    const headingId = options.inHeadingEnd ? HEADING_ID.exec(value) : null;
    if (headingId) add('heading-id', headingId.index, headingId[0].trim());
    for (const match of value.matchAll(KRAMDOWN_ATTRIBUTES)) add('kramdown-attributes', match.index, match[0]);
    for (const match of value.matchAll(LIQUID_OUTPUT)) add('liquid-output', match.index, match[0]);
    for (const match of value.matchAll(LIQUID_TAG)) add('liquid-tag', match.index, match[0], match[1]!.toLowerCase());
  }
  // Maths is parsed in both formats: `$$` still in the text is a formula that never closed.
  const dollars = DOLLARS.exec(value);
  DOLLARS.lastIndex = 0;
  if (dollars) add('math-dollars', dollars.index, '$$');
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * A paragraph that is really a table whose delimiter row did not parse: a line of pipes and dashes
 * right under a line with a pipe. `text` is the paragraph's text, one source line per line.
 */
export function lostTableIn(text: string, start: Position): ForeignSyntax | undefined {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('|') && lines[i - 1]!.includes('|') && DELIMITER_ROW.test(line)) {
      return { kind: 'lost-table', text: line.trim(), line: start.line === undefined ? undefined : start.line + i };
    }
  }
  return undefined;
}

const LIQUID_TAG_FIX: Record<string, string> = {
  highlight: '{% highlight 언어 %} … {% endhighlight %}를 ```언어 로 시작하고 ``` 로 끝나는 코드 블록으로 바꾸세요.',
  endhighlight: '{% highlight 언어 %} … {% endhighlight %}를 ```언어 로 시작하고 ``` 로 끝나는 코드 블록으로 바꾸세요.',
  include: '포함하던 파일의 내용을 글에 직접 옮겨 쓰세요. 여러 글에 되풀이되는 부분이면 개발자에게 컴포넌트로 만들어 달라고 하세요.',
  raw: '{% raw %}와 {% endraw %}를 지우세요. 이 사이트에서는 안의 중괄호가 원래 글자 그대로 나옵니다.',
  endraw: '{% raw %}와 {% endraw %}를 지우세요. 이 사이트에서는 안의 중괄호가 원래 글자 그대로 나옵니다.',
  post_url: '{% post_url … %}를 글의 주소(/posts/슬러그/)로 바꾸세요.',
  link: '{% link … %}를 실제 주소로 바꾸세요.',
};

/** The warning a writer sees for each find: what it is, what is expected, what to do. */
export function foreignSyntaxProblem(found: ForeignSyntax, file: string): Problem {
  const base = { kind: 'foreign-syntax', file, line: found.line, column: found.column, severity: 'warning' as const };
  const shown = found.text.length > 60 ? `${found.text.slice(0, 57)}…` : found.text;
  switch (found.kind) {
    case 'kramdown-attributes':
      return {
        ...base,
        message: `"${shown}"은(는) kramdown(Jekyll)의 속성 문법이라 이 사이트에서는 글자 그대로 보입니다.`,
        expected: '속성 표시 없는 Markdown',
        fix: /^\{:\s*toc\s*\}$/i.test(found.text)
          ? '"{:toc}"와 그 위의 목차 자리 목록(* 목차)을 지우세요. 이 사이트는 목차 자리 표시를 읽지 않습니다.'
          : '그 줄(또는 중괄호 부분)을 지우세요. 모양을 바꾸는 클래스가 꼭 필요하면 개발자에게 알려 주세요.',
      };
    case 'heading-id':
      return {
        ...base,
        message: `제목 끝의 "${shown}"은(는) kramdown의 제목 id 문법이라 제목에 글자 그대로 보입니다.`,
        expected: '"## 제목"처럼 id 없는 제목',
        fix: '중괄호 부분을 지우세요. 소제목의 id는 제목 글자로 저절로 만들어지고(#소제목-글자), 제목 옆 # 링크로 주소를 복사할 수 있습니다. 이 id로 걸린 링크가 있으면 새 id로 고치세요.',
      };
    case 'liquid-output':
      return {
        ...base,
        message: `"${shown}"은(는) Jekyll의 Liquid 문법이라 이 사이트에서는 처리되지 않고 글자 그대로 보입니다.`,
        expected: '값을 직접 쓴 글',
        fix: '중괄호 대신 그 값(사이트 주소, 이미지 경로, 글 제목 등)을 직접 쓰세요. 중괄호를 글자로 보여 주려는 것이면 `{{ 이렇게 }}` 백틱으로 감싸세요.',
      };
    case 'liquid-tag':
      return {
        ...base,
        message: `"${shown}"은(는) Jekyll의 Liquid 태그라 이 사이트에서는 처리되지 않고 글자 그대로 보입니다.`,
        expected: '이 사이트의 Markdown',
        fix: LIQUID_TAG_FIX[found.tag ?? ''] ?? '태그를 지우고, 태그가 만들던 내용이 필요하면 글에 직접 쓰세요.',
      };
    case 'math-dollars':
      return {
        ...base,
        message: '"$$"의 짝이 맞지 않아 수식으로 읽히지 않고 글자 그대로 보입니다.',
        expected: '수식은 $$ 두 개 사이에: 문장 안에서는 $$x^2$$, 따로 한 덩어리로는 위아래 줄에 $$만 쓰고 그 사이에 수식',
        fix: '닫는 $$를 더하세요. 달러 기호 두 개를 글자로 쓰려는 것이면 \\$\\$로 쓰세요.',
      };
    case 'math-error':
      return {
        ...base,
        message: `수식을 그릴 수 없습니다: ${found.text}. 독자에게는 TeX 원문이 코드로 보입니다.`,
        expected: 'KaTeX가 읽는 TeX',
        fix: '오타와 짝이 맞지 않는 중괄호를 고치세요. 쓸 수 있는 명령은 docs/writing.md의 "수식" 절을 보세요.',
      };
    case 'lost-table':
      return {
        ...base,
        message: `표의 구분 줄 "${shown}"이(가) 표로 읽히지 않아, 표 대신 세로 막대(|)가 든 문단이 보입니다.`,
        expected: '제목 줄 바로 아래에 하이픈(-)으로 쓴 구분 줄: | --- | --- | (칸 수는 제목 줄과 같게)',
        fix: '구분 줄의 긴 대시(—, –)나 빼기 기호(−)를 하이픈 세 개(---)로 바꾸고, 칸 수를 제목 줄과 맞추세요.',
      };
  }
}
