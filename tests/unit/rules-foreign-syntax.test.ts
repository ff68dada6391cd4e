/**
 * Warnings for other generators' syntax that would show as raw text (src/lib/rules/foreign-syntax.ts,
 * found by the body walk in src/lib/rules/mdx.ts): each one fires on the foreign syntax and stays
 * silent on the same characters in code, in ordinary prose and in a real table. Maths KaTeX cannot
 * read is reported at its line.
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import site from '@/site.config';
import { checkPost, type PostContext } from '@/lib/rules/post';
import { formatProblem, type Problem } from '@/lib/rules/problems';

const contentDir = mkdtempSync(join(tmpdir(), 'rules-foreign-'));
const ctx: PostContext = {
  projectRoot: contentDir,
  contentDir,
  components: [],
  index: { surveys: new Map(), benchmarks: new Map() },
  now: new Date('2026-01-01T00:00:00Z'),
};

/** Lines 1-6 are the front matter, line 7 is empty: the body starts at line 8. */
const head = `---\ntitle: "제목"\ndescription: "요약"\npubDate: 2010-08-10\ncategory: ${site.categories[0]!.id}\n---\n\n`;
const BODY_LINE = 8;
const warnings = (body: string, ext: 'md' | 'mdx' = 'md'): Problem[] =>
  checkPost('a', join(contentDir, `posts/a.${ext}`), `content/posts/a.${ext}`, head + body, ctx).problems.filter((p) => p.kind === 'foreign-syntax');

const FENCE = '```';

describe('kramdown attribute lists', () => {
  it('warns at the line of a block attribute list under a paragraph, in Korean, with a fix', () => {
    const [warning, ...rest] = warnings('첫 문단입니다.\n{: .lead }\n');
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', file: 'content/posts/a.md', line: BODY_LINE + 1 });
    expect(warning!.message).toContain('"{: .lead }"');
    expect(warning!.message).toContain('kramdown');
    expect(formatProblem(warning!)).toMatch(/^경고 content\/posts\/a\.md:9\n {2}문제: .*\n {2}기대: .*\n {2}고치는 법: /);
  });

  it('warns about {:toc} and says to remove the list it marks', () => {
    const [warning] = warnings('* 목차\n{:toc}\n\n본문\n');
    expect(warning).toMatchObject({ line: BODY_LINE + 1 });
    expect(warning!.fix).toContain('{:toc}');
  });

  it('is silent on the same characters in code, and on braces in ordinary prose', () => {
    expect(warnings('`{: .lead }` 는 kramdown 문법입니다.\n')).toEqual([]);
    expect(warnings(`${FENCE}\n{: .lead }\n{:toc}\n${FENCE}\n`)).toEqual([]);
    expect(warnings('모임 {이름}님, 세트 {1, 2}와 {a: b}는 그대로 씁니다.\n')).toEqual([]);
  });
});

describe('kramdown heading ids', () => {
  it('warns at the heading that ends in {#id}', () => {
    const [warning] = warnings('본문\n\n## 시작하며 {#intro}\n');
    expect(warning).toMatchObject({ line: BODY_LINE + 2 });
    expect(warning!.message).toContain('{#intro}');
    expect(warning!.fix).toContain('id');
  });

  it('is silent on {#…} in code, in the middle of a heading and in prose', () => {
    expect(warnings('## `{#intro}` 쓰는 법\n')).toEqual([]);
    expect(warnings('## 색 {#fff} 고르기\n')).toEqual([]);
    expect(warnings('문단 끝의 {#intro}\n')).toEqual([]);
  });
});

describe('Liquid', () => {
  it('warns about {{ … }} output and {% … %} tags, each at its line', () => {
    const found = warnings('주소는 {{ site.url }}입니다.\n\n{% include note.html %}\n\n{% raw %}\n중괄호\n{% endraw %}\n');
    expect(found.map((w) => w.line)).toEqual([BODY_LINE, BODY_LINE + 2, BODY_LINE + 4, BODY_LINE + 6]);
    expect(found[0]!.message).toContain('{{ site.url }}');
    expect(found[1]!.fix).toContain('내용을 글에 직접');
    expect(found[2]!.fix).toContain('{% raw %}');
  });

  it('tells how to turn {% highlight %} into a code block', () => {
    const found = warnings('{% highlight ruby %}\nputs 1\n{% endhighlight %}\n');
    expect(found).toHaveLength(2);
    expect(found[0]!.fix).toContain('```언어');
  });

  it('is silent on Liquid inside code spans and code blocks', () => {
    expect(warnings('`{{ site.url }}`과 `{% include a.html %}`\n')).toEqual([]);
    expect(warnings(`${FENCE}liquid\n{% highlight ruby %}\n{{ page.title }}\n${FENCE}\n`)).toEqual([]);
  });

  it('leaves braces in MDX to the MDX checks (there they are expressions)', () => {
    expect(warnings('{/* 메모 */}\n\n문단\n', 'mdx')).toEqual([]);
  });
});

describe('maths', () => {
  it('is silent on a formula that renders, on prices in dollars and on $$ in code', () => {
    expect(warnings('인라인 $$x^2$$ 입니다.\n\n$$\n\\frac{1}{2}\n$$\n')).toEqual([]);
    expect(warnings('가격은 $5에서 $10으로 올랐습니다.\n')).toEqual([]);
    expect(warnings('`$$` 와\n\n```\n$$ x $$\n```\n')).toEqual([]);
  });

  it('reports a formula KaTeX cannot read at its line, in .md and .mdx', () => {
    for (const ext of ['md', 'mdx'] as const) {
      const [problem] = warnings('본문\n\n$$\n\\frac{1}{\n$$\n', ext);
      expect(problem).toMatchObject({ severity: 'warning', line: BODY_LINE + 2 });
      expect(problem!.message).toMatch(/^수식을 그릴 수 없습니다: .*TeX 원문이 코드로 보입니다\.$/);
    }
  });

  it('warns about a $$ that never closes', () => {
    const [warning] = warnings('수식 $$ x^2 를 닫지 않았습니다.\n');
    expect(warning).toMatchObject({ line: BODY_LINE });
    expect(warning!.message).toContain('$$');
  });
});

describe('lost tables', () => {
  it('warns when a smartened delimiter row left a paragraph of pipes, at that row', () => {
    for (const row of ['|—|—|', '| –– | –– |', '| −−− | −−− |']) {
      const [warning] = warnings(`본문\n\n| 이름 | 값 |\n${row}\n| 가 | 1 |\n`);
      expect(warning, row).toMatchObject({ line: BODY_LINE + 3 });
      expect(warning!.fix).toContain('---');
    }
  });

  it('also in .mdx', () => {
    expect(warnings('| 이름 | 값 |\n|—|—|\n| 가 | 1 |\n', 'mdx')).toHaveLength(1);
  });

  it('is silent on a real table (dashes in its cells too), on pipes in prose and in code', () => {
    expect(warnings('| 이름 | 값 |\n| --- | --- |\n| 가 — 나 | – |\n')).toEqual([]);
    expect(warnings('A | B 두 가지 중\n— 하나를 고릅니다.\n')).toEqual([]);
    expect(warnings(`${FENCE}\n| 이름 | 값 |\n|—|—|\n${FENCE}\n`)).toEqual([]);
  });
});
