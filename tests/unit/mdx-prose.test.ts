/**
 * Korean prose in MDX (src/lib/markdown/mdx-prose.ts): each construct read as text, and the same
 * characters where they are a component, HTML, code, an expression or ESM left alone. Asserted on
 * the tree Sätteri's MDX parser builds from the prepared source, which is what the site renders.
 */
import { describe, expect, it } from 'vitest';
import { mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from '@/lib/markdown-features';
import { isProseAngle, prepareMdxProse, sourceColumn } from '@/lib/markdown/mdx-prose';
import { withKoreanMdxProse } from '@/lib/markdown/mdx-renderer';

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { name?: string; value?: unknown }[];
  children?: Node[];
}

// The features the site renders with, maths included.
const tree = (source: string) => mdxToMdast(prepareMdxProse(source).text, { features: MARKDOWN_FEATURES }) as unknown as Node;

function all(node: Node): Node[] {
  return [node, ...(node.children ?? []).flatMap(all)];
}

/** The text a reader sees: every text node's value, joined. */
const textOf = (source: string) =>
  all(tree(source))
    .filter((n) => n.type === 'text')
    .map((n) => n.value)
    .join('');

const ofType = (source: string, type: string) => all(tree(source)).filter((n) => n.type === type);
const elements = (source: string) => all(tree(source)).filter((n) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement');

describe('< in Korean prose', () => {
  it('reads titles in angle brackets, amounts and comparisons as text', () => {
    expect(textOf('<성장>을 읽었다.')).toBe('<성장>을 읽었다.');
    expect(textOf('<2010 상반기 결산>을 보세요.')).toBe('<2010 상반기 결산>을 보세요.');
    expect(textOf('1,000원 < 2,000원')).toBe('1,000원 < 2,000원');
    expect(textOf('값은 1<2, 그리고 x <= y.')).toBe('값은 1<2, 그리고 x <= y.');
    expect(textOf('<ŝtono> 와 <東京>')).toBe('<ŝtono> 와 <東京>');
    expect(textOf('- <성장>\n  > <결산>')).toBe('<성장><결산>');
    expect(elements('<성장>을 읽었다.')).toEqual([]);
  });

  it('keeps components and HTML tags as elements', () => {
    expect(elements('<Callout>\n내용\n</Callout>').map((e) => e.name)).toEqual(['Callout']);
    expect(elements('<Foo title="<성장>" />').map((e) => [e.name, e.attributes?.[0]?.value])).toEqual([['Foo', '<성장>']]);
    expect(elements('글 <span>강조</span> 끝').map((e) => e.name)).toEqual(['span']);
    expect(elements('<>조각</>')).toHaveLength(1);
  });

  it('leaves code spans, fenced code, maths, expressions, ESM and front matter as written', () => {
    expect(ofType('`<성장>`과 `{이름}`', 'inlineCode').map((n) => n.value)).toEqual(['<성장>', '{이름}']);
    expect(ofType('```\n<성장> {이름} <!-- 메모 --> <br>\n```', 'code').map((n) => n.value)).toEqual(['<성장> {이름} <!-- 메모 --> <br>']);
    expect(ofType('{1 < 2}', 'mdxFlowExpression').map((n) => n.value)).toEqual(['1 < 2']);
    expect(ofType('값 {a < b ? 1 : 2} 끝', 'mdxTextExpression').map((n) => n.value)).toEqual(['a < b ? 1 : 2']);
    expect(ofType('export const small = 1 < 2;\n\n본문', 'mdxjsEsm').map((n) => n.value)).toEqual(['export const small = 1 < 2;']);
    expect(ofType('$$\na < b, \\frac{1}{2}\n$$', 'math').map((n) => n.value)).toEqual(['a < b, \\frac{1}{2}']);
    expect(ofType('식 $$x<1$$ 끝', 'inlineMath').map((n) => n.value)).toEqual(['x<1']);
    const frontMatter = '---\ntitle: "<성장>"\n---\n\n본문';
    expect(prepareMdxProse(frontMatter).text).toBe(frontMatter);
  });

  it('leaves an escaped \\< alone', () => {
    expect(textOf('\\<성장>')).toBe('<성장>');
    expect(prepareMdxProse('\\<성장>').edits).toEqual([]);
  });

  it('tells a prose < from the start of a tag by the next character', () => {
    for (const next of ['성', '2', ' ', '\n', undefined, '=', '-', 'é']) expect(isProseAngle(next), String(next)).toBe(true);
    for (const next of ['a', 'F', '/', '>', '!', '_', '$']) expect(isProseAngle(next), next).toBe(false);
  });
});

describe('autolinks', () => {
  it('turns <https://…>, <mailto:…> and <e-mail> into links showing the address', () => {
    const links = ofType('보기: <https://example.com/a_b*c> 또는 <mailto:kim@example.com>, <kim@example.com>', 'link');
    expect(links.map((l) => [l.url, all(l).filter((n) => n.type === 'text').map((n) => n.value).join('')])).toEqual([
      ['https://example.com/a_b*c', 'https://example.com/a_b*c'],
      ['mailto:kim@example.com', 'mailto:kim@example.com'],
      ['mailto:kim@example.com', 'kim@example.com'],
    ]);
  });

  it('leaves tags and Markdown links that are not autolinks alone', () => {
    expect(ofType('[글자](https://example.com)', 'link').map((l) => l.url)).toEqual(['https://example.com']);
    expect(elements('<a href="https://example.com">글자</a>').map((e) => e.name)).toEqual(['a']);
    expect(prepareMdxProse('<Foo:bar x="1" />').text).toBe('<Foo:bar x="1" />');
  });
});

describe('HTML void elements and comments', () => {
  it('closes <br>, <hr>, <wbr> and <img …> written the HTML way, quoting bare values', () => {
    const source = '첫 줄<br>둘째 줄 <wbr> 끝\n\n<hr>\n\n<img src=a.png alt="사진">';
    expect(elements(source).map((e) => e.name)).toEqual(['br', 'wbr', 'hr', 'img']);
    expect(textOf(source)).toBe('첫 줄둘째 줄  끝');
    const img = elements(source).find((e) => e.name === 'img')!;
    expect(img.attributes?.map((a) => [a.name, a.value])).toEqual([
      ['src', 'a.png'],
      ['alt', '사진'],
    ]);
    expect(prepareMdxProse('<img src=b/>').text).toBe('<img src="b/" />');
  });

  it('leaves void elements already closed, and non-void HTML, as written', () => {
    for (const written of ['<br/>', '<br />', '<img src="a.png" alt="x" />', '<img src="a.png"></img>', '<img src={a} />', '<div>x</div>']) {
      expect(prepareMdxProse(written).text).toBe(written);
    }
  });

  it('drops HTML comments, their text never reaching the tree', () => {
    const source = '앞 <!-- 비밀 메모 --> 뒤\n\n<!--\n여러 줄\n\n비밀 -->\n\n끝<!---->';
    const nodes = all(tree(source));
    expect(JSON.stringify(nodes)).not.toMatch(/비밀|메모|여러/);
    expect(textOf(source)).toBe('앞  뒤끝');
    // Blanked in place: every line and column stays where the writer put it.
    const prepared = prepareMdxProse(source);
    expect(prepared.text).not.toContain('비밀');
    expect(prepared.text.split('\n').map((l) => l.length)).toEqual(source.split('\n').map((l) => l.length));
    expect(prepared.edits).toEqual([]);
    // CommonMark's shortest comment cannot keep its length.
    expect(prepareMdxProse('가<!-->나')).toEqual({ text: '가{/**/}나', edits: [{ line: 1, column: 2, removed: 5, inserted: 6 }] });
  });
});

describe('the writer\'s lines and columns', () => {
  it('never adds or removes a line', () => {
    const source = '<성장> <br>\n<!-- a\nb -->\n<https://example.com> <img src=a.png>\n`<x>`';
    const prepared = prepareMdxProse(source);
    expect(prepared.text.split('\n')).toHaveLength(source.split('\n').length);
  });

  it('maps a column of the prepared text back to the original', () => {
    const source = '<성장> <성장> 끝';
    const prepared = prepareMdxProse(source);
    const at = prepared.text.indexOf('끝') + 1;
    expect(sourceColumn(prepared.edits, 1, at)).toBe(source.indexOf('끝') + 1);
    // Inside a replacement: the replaced construct's own column.
    expect(sourceColumn(prepared.edits, 1, 2)).toBe(1);
    expect(sourceColumn(prepared.edits, 2, 5)).toBe(5);
  });

  it('returns a source without < unchanged', () => {
    const source = '평범한 글 {1 + 1}';
    expect(prepareMdxProse(source)).toEqual({ text: source, edits: [] });
  });
});

describe('the MDX renderer Astro builds with', () => {
  const fakeProcessor = (fail?: string) => {
    const seen: string[] = [];
    const processor = {
      name: 'satteri',
      options: { features: {} },
      async createMdxRenderer() {
        return {
          async process(content: string, _filePath: string, _frontmatter: Record<string, unknown>) {
            seen.push(content);
            if (fail) throw new Error(fail);
            return { code: content };
          },
        };
      },
    };
    return { processor, seen };
  };

  it('renders the prepared source and keeps the processor object Astro configures', async () => {
    const { processor, seen } = fakeProcessor();
    const wrapped = withKoreanMdxProse(processor);
    expect(wrapped).toBe(processor);
    const renderer = await wrapped.createMdxRenderer();
    await renderer.process('<성장> <br>', '/a.mdx', {});
    expect(seen).toEqual(['&lt;성장> <br />']);
  });

  it("moves an error's column back to the writer's text", async () => {
    const { processor } = fakeProcessor('1:9: Expected a closing tag for `<div>` (1:9)');
    const renderer = await withKoreanMdxProse(processor).createMdxRenderer();
    await expect(renderer.process('<성장> <div>', '/a.mdx', {})).rejects.toThrow(/^1:6: /);
  });
});
