/**
 * The converters of `npm run import` (src/lib/import/): HTML to Markdown, Liquid, kramdown, Hugo
 * shortcodes, dates with their offsets and old blogs' permalinks, each on text of its own.
 */
import { describe, expect, it } from 'vitest';
import { parseFeedDate, parseSourceDate } from '../../src/lib/import/dates';
import { htmlToMarkdown } from '../../src/lib/import/html-to-markdown';
import { translateShortcodes } from '../../src/lib/import/hugo-shortcodes';
import { translateLiquid } from '../../src/lib/import/liquid';
import { htmlBlocksToMarkdown, leftoverTemplateNotes, stripKramdown } from '../../src/lib/import/markdown-body';
import { hugoPermalink, jekyllPermalink, pathOfLink } from '../../src/lib/import/permalink';
import { wpAutoParagraphs } from '../../src/lib/import/xml-feeds';

const noPosts = { postUrl: () => undefined, lineOffset: 0 };

describe('HTML to Markdown', () => {
  it('turns a blog platform’s markup into plain Markdown: no div or span soup, tables, code with its language', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<div class="tt_article"><p data-ke-size="size16">본문 <b>굵게</b>와 <span style="color:red">색</span></p>' +
        '<table><tr><th>가</th><th>나</th></tr><tr><td>1</td><td>2</td></tr></table>' +
        '<pre><code class="language-js">if (a < b) {}</code></pre><h3>소제목</h3></div>',
    );
    expect(markdown).toBe('본문 **굵게**와 색\n\n| 가 | 나 |\n| - | - |\n| 1 | 2 |\n\n```js\nif (a < b) {}\n```\n\n### 소제목\n');
    expect(markdown).not.toMatch(/<\/?(div|span|p|b)\b/);
    expect(notes).toEqual([]);
  });

  it('drops embedded players and scripts, each with a note naming its line; a frame leaves a link to what it showed', () => {
    const { markdown, notes } = htmlToMarkdown('<p>앞</p>\n<iframe src="//www.youtube.com/embed/x"></iframe>\n<script>alert(1)</script>\n<p>뒤</p>', 10);
    expect(markdown).toBe('앞\n\n[삽입된 내용 보기 (www.youtube.com)](https://www.youtube.com/embed/x)\n\n뒤\n');
    expect(notes.map((n) => [n.kind, n.sourceLine])).toEqual([
      ['human', 12],
      ['human', 13],
    ]);
    expect(notes[0]!.message).toContain('https://www.youtube.com/embed/x');
    expect(htmlToMarkdown('<iframe src="javascript:alert(1)"></iframe><p>글</p>').markdown).toBe('글\n');
  });

  it('writes Korean emphasis that works before a particle and escapes what would become markup', () => {
    expect(htmlToMarkdown('<p><em>강조</em>는 *별표*와 1,000원 &lt; 2,000원</p>').markdown).toBe('*강조*는 \\*별표\\*와 1,000원 < 2,000원\n');
  });
});

describe('Liquid', () => {
  it('translates highlight, raw, comment, baseurl and relative_url, keeping the line count', () => {
    const body = [
      '![a]({{ site.baseurl }}/assets/a.png) ![b]({{ "/assets/b.png" | relative_url }})',
      '{% highlight ruby linenos %}',
      'puts "{% raw %}{{ x }}{% endraw %}"',
      '{% endhighlight %}',
      '{% comment %}',
      '메모',
      '{% endcomment %}',
      '끝',
    ].join('\n');
    const { text, notes } = translateLiquid(body, noPosts);
    expect(text).toBe(['![a](/assets/a.png) ![b](/assets/b.png)', '```ruby', 'puts "{{ x }}"', '```', '', '', '', '끝'].join('\n'));
    expect(notes).toEqual([]);
  });

  it('links post_url to the imported post, and reports one it does not know', () => {
    const { text, notes } = translateLiquid('[a]({% post_url 2021-01-01-a %}) [b]({% post_url 2021-01-02-b %})', {
      postUrl: (key) => (key === '2021-01-01-a' ? '/posts/2021-01-01-a/' : undefined),
      lineOffset: 4,
    });
    expect(text).toBe('[a](/posts/2021-01-01-a/) [b]()');
    expect(notes.map((n) => [n.kind, n.reason, n.sourceLine])).toEqual([
      ['converted', '글 링크', 5],
      ['human', '글 링크', 5],
    ]);
  });

  it('makes an image of an include that names one; reports other includes, tags and outputs', () => {
    const { text, notes } = translateLiquid('{% include image.html url="/a.png" description="그림" %}\n{% include youtube.html id="x" %}\n{% if a %}안{% endif %}{{ page.title }}', noPosts);
    expect(text).toBe('![그림](/a.png)\n\n안');
    expect(notes.filter((n) => n.kind === 'human').map((n) => n.reason)).toEqual(['include', 'Liquid 태그', 'Liquid 출력']);
  });
});

describe('kramdown and HTML inside Markdown', () => {
  it('removes attribute lists, {:toc} with its list line and heading ids; never inside code', () => {
    const body = ['* 목차', '{:toc}', '', '## 소개 {#intro}', '', '![a](b.png){: .center}', '{: .note}', '', '```', '{: .kept}', '## x {#kept}', '```'].join('\n');
    const { text, notes } = stripKramdown(body, 2);
    expect(text).toBe(['', '', '', '## 소개', '', '![a](b.png)', '', '', '```', '{: .kept}', '## x {#kept}', '```'].join('\n'));
    expect(notes.map((n) => [n.reason, n.sourceLine])).toEqual([
      ['kramdown 속성', 8],
      ['kramdown 목차', 4],
      ['제목 id', 6],
    ]);
  });

  it('removes an attribute list after an image inside a table cell', () => {
    expect(stripKramdown('| ![a](a.png){: width="100%" } | x |').text).toBe('| ![a](a.png) | x |');
  });

  it('turns blocks of HTML and images inside paragraphs into Markdown, drops comments, keeps <br>', () => {
    const body = '<div class="box">\n  <p>상자 <strong>안</strong></p>\n</div>\n\n문단 <img src="/a.png" alt="그림"> 줄<br>바꿈\n\n<!-- 메모 -->\n';
    const { text } = htmlBlocksToMarkdown(body);
    expect(text).toBe('상자 **안**\n\n문단 ![그림](/a.png) 줄<br>바꿈\n\n\n');
  });

  it('a <br> standing alone between paragraphs (spacing) leaves no stray backslash', () => {
    expect(htmlBlocksToMarkdown('위\n\n<br>\n\n아래\n').text).toBe('위\n\n\n\n아래\n');
  });

  it('reports template syntax left as text, outside code only', () => {
    expect(leftoverTemplateNotes('a {{ x }}\n\n```\n{{ y }}\n```\n', 0).map((n) => n.sourceLine)).toEqual([1]);
  });

  it('Hugo shortcodes: figure is an image, highlight a fence, youtube reported', () => {
    const { text, notes } = translateShortcodes('{{< figure src="/images/a.png" alt="차트" >}}\n{{< youtube abc >}}\n{{< highlight go >}}\nx\n{{< /highlight >}}', noPosts);
    expect(text).toBe('![차트](/images/a.png)\n\n```go\nx\n```');
    expect(notes.map((n) => [n.kind, n.sourceLine])).toEqual([
      ['converted', 1],
      ['human', 2],
    ]);
  });
});

describe('dates keep their offset', () => {
  it('Jekyll, Hugo and ISO dates; without an offset, wall-clock time in the given zone', () => {
    expect(parseSourceDate('2021-03-22 10:30:00 +0900', 'UTC')).toBe('2021-03-22T10:30:00+09:00');
    expect(parseSourceDate('2021-03-22 10:30', 'Asia/Seoul')).toBe('2021-03-22T10:30:00+09:00');
    expect(parseSourceDate('2021-03-22', 'America/New_York')).toBe('2021-03-22T00:00:00-04:00');
    expect(parseSourceDate('2021-03-22T01:00:00Z', 'Asia/Seoul')).toBe('2021-03-22T01:00:00+00:00');
    expect(parseSourceDate('2021-02-30', 'Asia/Seoul')).toBeUndefined();
    expect(parseSourceDate('어제', 'Asia/Seoul')).toBeUndefined();
  });

  it('RSS dates (RFC 822) with numeric and named zones', () => {
    expect(parseFeedDate('Tue, 02 Feb 2021 21:10:00 +0900', 'UTC')).toBe('2021-02-02T21:10:00+09:00');
    expect(parseFeedDate('Tue, 02 Feb 2021 12:10:00 GMT', 'Asia/Seoul')).toBe('2021-02-02T12:10:00+00:00');
    expect(parseFeedDate('2 Feb 2021 21:10 KST', 'UTC')).toBe('2021-02-02T21:10:00+09:00');
    expect(parseFeedDate('not a date', 'UTC')).toBeUndefined();
  });
});

describe('old addresses', () => {
  const parts = { date: '2021-03-22T10:30:00+09:00', title: 'hello', categories: ['Dev', 'Web'] };
  it('Jekyll: the default, pretty and custom permalinks, baseurl in front', () => {
    expect(jekyllPermalink(parts, undefined)).toBe('/dev/web/2021/03/22/hello.html');
    expect(jekyllPermalink(parts, 'pretty')).toBe('/dev/web/2021/03/22/hello/');
    expect(jekyllPermalink({ ...parts, categories: [] }, '/:year/:month/:day/:title', '/blog')).toBe('/blog/2021/03/22/hello');
    expect(jekyllPermalink(parts, '/:categories/:title/', '/')).toBe('/dev/web/hello/');
  });

  it('Hugo: a [permalinks] template, else /<section>/<slug>/', () => {
    expect(hugoPermalink({ ...parts, section: 'posts' }, '/:year/:month/:slug/')).toBe('/2021/03/hello/');
    expect(hugoPermalink({ ...parts, slug: 'given', section: 'posts' }, undefined, '/blog/')).toBe('/blog/posts/given/');
  });

  it('the path of an old link, decoded', () => {
    expect(pathOfLink('https://a.tistory.com/entry/%ED%95%9C%EA%B8%80?x=1')).toBe('/entry/한글');
    expect(pathOfLink('https://a.example/')).toBeUndefined();
  });

  it('WordPress paragraphs come from blank lines, as its themes make them', () => {
    expect(wpAutoParagraphs('하나\n둘\n\n<ul><li>셋</li></ul>\n\n넷')).toBe('<p>하나<br>\n둘</p>\n\n<ul><li>셋</li></ul>\n\n<p>넷</p>');
    expect(wpAutoParagraphs('<p>이미 문단</p>')).toBe('<p>이미 문단</p>');
  });
});
