/**
 * CJK-friendly emphasis (src/lib/cjk-emphasis.ts) through Sätteri, as the build runs it, in
 * Markdown and MDX: Korean emphasis next to particles and quotes is bold, the rest of the
 * paragraph (links, code, smart quotes, references) reads as before, and where the CJK-friendly
 * rules (micromark-extension-cjk-friendly itself) leave asterisks, they stay.
 */
import { micromark } from 'micromark';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { cjkFriendlyEmphasis, DELIMITER_NEAR_CJK } from '@/lib/cjk-emphasis';
import { MARKDOWN_FEATURES as features } from '@/lib/markdown-features';

const mdastPlugins = [cjkFriendlyEmphasis(features)];
const html = async (source: string) => (await markdownToHtml(source, { features, mdastPlugins })).html.trim();
const plain = async (source: string) => (await markdownToHtml(source, { features })).html.trim();
/** MDX compiled to JSX, where `<strong>` shows as `<_components.strong>`. */
const mdx = async (source: string) => (await mdxToJs(source, { features, mdastPlugins, jsx: true })).code;

describe('CJK-friendly emphasis in Markdown', () => {
  it.each([
    ['**“도구”**를 씁니다', '<p><strong>“도구”</strong>를 씁니다</p>'],
    ["**'하루 한 편'**입니다", '<p><strong>‘하루 한 편’</strong>입니다</p>'],
    ['*강조*는 중요합니다', '<p><em>강조</em>는 중요합니다</p>'],
    ['**굵게**(괄호)', '<p><strong>굵게</strong>(괄호)</p>'],
    ['가**(괄호)**를', '<p>가<strong>(괄호)</strong>를</p>'],
    ['~~“취소”~~를', '<p><del>“취소”</del>를</p>'],
  ])('%s', async (source, expected) => {
    expect(await html(source)).toBe(expected);
  });

  it('fixes what CommonMark alone leaves as asterisks (the reason for the plugin)', async () => {
    expect(await plain('**“도구”**를')).toBe('<p>**“도구”**를</p>');
  });

  it('keeps code spans literal and the rest of the paragraph as it was: links, references, footnotes, smart punctuation', async () => {
    const source = [
      '[링크 **“도구”**를](https://example.com) 와 [참조][r], 각주[^1], `**x**를` -- 끝... **“x”**를',
      '',
      '[r]: https://example.org',
      '[^1]: 각주 **“본문”**이다',
    ].join('\n');
    const out = await html(source);
    expect(out).toContain('<a href="https://example.com">링크 <strong>“도구”</strong>를</a>');
    expect(out).toContain('<a href="https://example.org">참조</a>');
    expect(out).toContain('href="#user-content-fn-1"');
    expect(out).toContain('<code>**x**를</code>');
    expect(out).toContain('– 끝… <strong>“x”</strong>를');
    expect(out).toContain('각주 <strong>“본문”</strong>이다');
  });

  it('works in block quotes, list items, headings and table cells', async () => {
    expect(await html("> 인용 **'하루 한 편'**입니다\n> 계속 **“도구”**를")).toBe(
      '<blockquote>\n<p>인용 <strong>‘하루 한 편’</strong>입니다\n계속 <strong>“도구”</strong>를</p>\n</blockquote>',
    );
    expect(await html('- 목록 **“도구”**를\n  계속 *“기울임”*은')).toContain('<li>목록 <strong>“도구”</strong>를\n계속 <em>“기울임”</em>은</li>');
    expect(await html('## 제목 **“도구”**를 ##')).toBe('<h2>제목 <strong>“도구”</strong>를</h2>');
    expect(await html('| 가 | 나 |\n| --- | --- |\n| **“셀”**을 | a \\| b |')).toContain('<td><strong>“셀”</strong>을</td>\n<td>a | b</td>');
  });

  it('agrees with micromark-extension-cjk-friendly on which asterisks pair', async () => {
    const reference = (source: string) =>
      micromark(source, { extensions: [gfm(), cjkFriendlyExtension(), gfmStrikethroughCjkFriendly()], htmlExtensions: [gfmHtml()] });
    const tags = (out: string) => out.match(/<\/?(?:em|strong|del)>|\*+|~+/g)?.join(' ');
    for (const source of ['***“셋”***을 그리고 **a**b**“c”**를', '**“a”**를 **b**', '_밑줄_은 snake_case **“가”**', '*“a”*는 *b*']) {
      expect(tags(await html(source)), source).toBe(tags(reference(source)));
    }
  });

  it('leaves alone a post with no delimiter next to CJK text', () => {
    const factory = cjkFriendlyEmphasis(features);
    expect(factory({ source: '**bold** and *em*', sourceFormat: 'markdown', fileURL: undefined, data: {} })).toBeNull();
    expect(DELIMITER_NEAR_CJK.test('**굵게** 글')).toBe(true);
    expect(DELIMITER_NEAR_CJK.test('한국어 **bold** text')).toBe(false);
  });
});

describe('CJK-friendly emphasis in MDX', () => {
  it('bolds next to particles, keeps JSX, expressions and code as they are', async () => {
    const code = await mdx("**“도구”**를 <span>html</span> {1 + 1} **'하루'**입니다 `**x**를`\n");
    expect(code).toContain('<_components.strong>{"“도구”"}</_components.strong>{"를 "}<_components.span>{"html"}</_components.span>');
    expect(code).toContain('{1 + 1}');
    expect(code).toContain('<_components.strong>{"‘하루’"}</_components.strong>{"입니다 "}');
    expect(code).toContain('<_components.code>{"**x**를"}</_components.code>');
  });
});

describe('what the re-read never changes', () => {
  it('bolds around an MDX expression and leaves the underscores inside it as code', async () => {
    const code = await mdx('**“도구”**를 {a_b_c} 씁니다\n');
    expect(code).toContain('<_components.strong>{"“도구”"}</_components.strong>');
    expect(code).toContain('{a_b_c}');
  });

  it('leaves the paragraph as CommonMark read it when the extension would pair asterisks inside an expression', async () => {
    const code = await mdx('**“도구”**를 {2*3*4}\n');
    expect(code).toContain('2 * 3 * 4');
  });

  it('keeps a bare URL intact', async () => {
    const out = await html('**“도구”**를 https://example.com/a_b_c 참고');
    expect(out).toContain('href="https://example.com/a_b_c"');
  });
});
