/**
 * Characters HTML forbids (a stray U+0008 pasted with a title or a sentence) never reach a page:
 * the post schema drops them from the front matter, the Markdown plugin from the body
 * (src/lib/xml-chars.ts, src/lib/markdown-plugins.mjs). tests/site/html-valid.test.ts checks the
 * built pages with the W3C checker.
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { z } from 'astro/zod';
import site from '@/site.config';
import { forbiddenCharacters } from '@/lib/markdown-plugins.mjs';
import { postSchema } from '@/lib/rules/post-schema';
import { hasMarkupInvalid, stripMarkupInvalid, stripXmlInvalid } from '@/lib/xml-chars';

describe('stripMarkupInvalid', () => {
  it('drops every control character but tab, newline and carriage return, C1 controls too', () => {
    expect(stripMarkupInvalid('a\u0008b\u0000c\u001fd\u000be\u000cf\u007fg\u0085h\u009fi')).toBe('abcdefghi');
    expect(stripMarkupInvalid('tab\tnew\nline\rend')).toBe('tab\tnew\nline\rend');
  });

  it('drops noncharacters and unpaired surrogates, in every plane', () => {
    expect(stripMarkupInvalid('a\uFDD0b\uFDEFc\uFFFEd\uFFFFe')).toBe('abcde');
    expect(stripMarkupInvalid('a\u{1FFFE}b\u{10FFFF}c\uD800d\uDC00e')).toBe('abcde');
  });

  it('keeps Hangul, emoji (joined ones too), no-break spaces and markup characters', () => {
    const text = '소통 🎉 👨‍👩‍👧 \u00a0&<>"\' \u{20000} \uFDCF\uFDF0';
    expect(stripMarkupInvalid(text)).toBe(text);
    expect(hasMarkupInvalid(text)).toBe(false);
  });

  it('drops at least what feeds drop', () => {
    const mixed = 'x\u0008\u000c\uFFFE\uD800\u0085y';
    expect(stripMarkupInvalid(stripXmlInvalid(mixed))).toBe(stripMarkupInvalid(mixed));
    expect(stripXmlInvalid(stripMarkupInvalid(mixed))).toBe('xy');
  });
});

describe('a post with a stray control character', () => {
  const render = (source: string) => markdownToHtml(source, { hastPlugins: [forbiddenCharacters] }).html;

  it('has it dropped from its body: text, code and raw HTML', () => {
    const html = render('첫 문단\u0008입니다.\n\n`코드\u0007`\n\n<div title="a\u0008b">상자\u0008</div>\n');
    expect(hasMarkupInvalid(html)).toBe(false);
    expect(html).toContain('첫 문단입니다.');
    expect(html).toContain('<code>코드</code>');
    expect(html).toContain('<div title="ab">상자</div>');
  });

  it('leaves a body without one as it is, and the plugin out', () => {
    const source = '# 제목\n\n본문 🎉 & <b>굵게</b>\n';
    expect(render(source)).toBe(markdownToHtml(source).html);
    expect(forbiddenCharacters({ source })).toBeNull();
  });

  it('has it dropped from its title, description, tags and image description', () => {
    const schema = postSchema(() => z.string(), () => ['kim']);
    const post = schema.parse({
      title: '제목\u0008끝',
      description: ' 요약\u0000 ',
      pubDate: '2010-08-10',
      author: 'kim',
      category: site.categories[0]!.id,
      tags: ['트위터\u0008'],
      heroImage: './hero.png',
      heroAlt: '표지\u007f',
    });
    expect([post.title, post.description, post.tags, post.heroAlt]).toEqual(['제목끝', '요약', ['트위터'], '표지']);
  });
});
