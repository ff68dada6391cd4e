import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { cleanFeedHtml } from '@/lib/feed-html';
import { resolveSrcset, resolveUrl } from '@/lib/resolve-url';
import { hasXmlInvalid, stripXmlInvalid } from '@/lib/xml-chars';

const BASE = 'https://blog.example/posts/a/';

describe('stripXmlInvalid', () => {
  it('drops C0 controls other than tab, newline and carriage return', () => {
    expect(stripXmlInvalid('a\u0008b\u0000c\u001fd\u000be\u000cf')).toBe('abcdef');
    expect(stripXmlInvalid('tab\tnew\nline\rend')).toBe('tab\tnew\nline\rend');
  });

  it('drops U+FFFE, U+FFFF and unpaired surrogates but keeps emoji and Hangul', () => {
    expect(stripXmlInvalid('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(stripXmlInvalid('a\uD800b\uDC00c')).toBe('abc');
    expect(stripXmlInvalid('소통 🎉 👨‍👩‍👧 &<>"\'')).toBe('소통 🎉 👨‍👩‍👧 &<>"\'');
  });

  it('reports whether a string holds a forbidden character', () => {
    expect(hasXmlInvalid('ok 🎉')).toBe(false);
    expect(hasXmlInvalid('bad\u0008')).toBe(true);
    expect(hasXmlInvalid('bad\u0008')).toBe(true); // no regex state carried between calls
  });
});

describe('resolveUrl / resolveSrcset', () => {
  it('resolves relative, root-relative and fragment URLs against the permalink', () => {
    expect(resolveUrl('../b/', BASE)).toBe('https://blog.example/posts/b/');
    expect(resolveUrl('/_astro/x.webp', BASE)).toBe('https://blog.example/_astro/x.webp');
    expect(resolveUrl('#intro', BASE)).toBe('https://blog.example/posts/a/#intro');
    expect(resolveUrl('img.png', BASE)).toBe('https://blog.example/posts/a/img.png');
  });

  it('leaves absolute URLs alone and percent-encodes Hangul paths', () => {
    expect(resolveUrl('https://other.example/x?y=1&z=2', BASE)).toBe('https://other.example/x?y=1&z=2');
    expect(resolveUrl('mailto:a@b.example', BASE)).toBe('mailto:a@b.example');
    expect(resolveUrl('/tags/트위터/', BASE)).toBe('https://blog.example/tags/%ED%8A%B8%EC%9C%84%ED%84%B0/');
  });

  it('resolves every candidate of a srcset and keeps descriptors', () => {
    expect(resolveSrcset('/_astro/a.webp 640w, /_astro/b.webp 1280w', BASE)).toBe(
      'https://blog.example/_astro/a.webp 640w, https://blog.example/_astro/b.webp 1280w',
    );
    expect(resolveSrcset('x.png 2x', BASE)).toBe('https://blog.example/posts/a/x.png 2x');
  });
});

describe('cleanFeedHtml', () => {
  const clean = (html: string) => cleanFeedHtml(html, BASE);

  it('removes scripts, styles and their content', () => {
    const out = clean('<p>앞</p><script>alert("x")</script><style>p{color:red}</style><p>뒤</p>');
    expect(out).toBe('<p>앞</p><p>뒤</p>');
  });

  it('removes event handlers, inline styles and Astro scoping attributes', () => {
    const out = clean('<div onclick="alert(1)" onmouseover="x()" style="color:red" data-astro-cid-abc123 class="box">상자</div>');
    expect(out).toBe('<div>상자</div>');
  });

  it('turns a survey chart into its table: canvas, buttons and scripts go, the table stays', () => {
    const chart = `<figure class="survey-chart" data-astro-cid-xyz>
      <figcaption>담당 인력</figcaption>
      <canvas aria-label="막대 그래프">그래프를 볼 수 없습니다</canvas>
      <button type="button">표로 보기</button>
      <table><caption>담당 인력 (n=42)</caption><thead><tr><th scope="col">응답</th><th scope="col">비율</th></tr></thead>
      <tbody><tr><td>1명</td><td>64%</td></tr></tbody></table>
      <script type="module">import "/_astro/chart.js"</script>
    </figure>`;
    const $ = load(clean(chart));
    expect($('canvas, button, script').length).toBe(0);
    expect($('figure figcaption').text()).toBe('담당 인력');
    expect($('table caption').text()).toBe('담당 인력 (n=42)');
    expect($('th[scope="col"]').length).toBe(2);
    expect($('td').map((_, td) => $(td).text()).get()).toEqual(['1명', '64%']);
    expect($.text()).not.toContain('그래프를 볼 수 없습니다');
    expect($.text()).not.toContain('표로 보기');
  });

  it('drops hidden parts and the "#" link beside headings, keeping everything after them', () => {
    const out = clean(
      '<h2 id="a">제목<a class="heading-anchor" href="#a" aria-label="링크">#</a></h2><p>문단</p>' +
        '<div hidden>숨김</div><span aria-hidden="true">장식</span><p data-feed="omit">조작 안내</p><p>끝</p>',
    );
    expect(out).toBe('<h2>제목</h2><p>문단</p><p>끝</p>');
  });

  it('makes every link and image URL absolute, srcset included', () => {
    const $ = load(
      clean(
        '<p><a href="../b/">b</a> <a href="#x">x</a> <a href="/c/">c</a></p>' +
          '<picture><source srcset="/_astro/a.avif 1x, /_astro/a2.avif 2x" type="image/avif">' +
          '<img src="/_astro/a.webp" srcset="/_astro/a.webp 640w, /_astro/b.webp 1280w" alt="그림" width="640" height="360"></picture>',
      ),
    );
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual([
      'https://blog.example/posts/b/',
      'https://blog.example/posts/a/#x',
      'https://blog.example/c/',
    ]);
    expect($('img').attr('src')).toBe('https://blog.example/_astro/a.webp');
    expect($('img').attr('srcset')).toBe('https://blog.example/_astro/a.webp 640w, https://blog.example/_astro/b.webp 1280w');
    expect($('source').attr('srcset')).toBe('https://blog.example/_astro/a.avif 1x, https://blog.example/_astro/a2.avif 2x');
  });

  it('keeps alt text, including an empty alt for a decorative image', () => {
    const $ = load(clean('<img src="/a.png" alt="흐름도 &amp; &quot;따옴표&quot;"><img src="/b.png" alt="">'));
    expect($('img').first().attr('alt')).toBe('흐름도 & "따옴표"');
    expect($('img').last().attr('alt')).toBe('');
  });

  it('removes javascript: links but keeps their text', () => {
    const out = clean('<a href="javascript:alert(1)">누르기</a>');
    expect(out).toBe('<a>누르기</a>');
  });

  it('keeps code as written, a CDATA terminator included', () => {
    const $ = load(clean('<pre class="astro-code" style="background:#fff" tabindex="0"><code><span style="color:red">const s = "]]&gt;" &amp;&amp; a &lt; b;</span></code></pre>'));
    expect($('pre code').text()).toBe('const s = "]]>" && a < b;');
    expect($('pre').attr('style')).toBeUndefined();
  });

  it('keeps maths (MathML, as posts render `$$`) with its structure and TeX annotation', async () => {
    const { renderMath } = await import('@/lib/math');
    const html = `<p>넓이는 ${renderMath('\\pi r^2', false).html}</p><div class="math-display">${renderMath('\\frac{1}{2}', true).html}</div>`;
    const $ = load(cleanFeedHtml(html, BASE));
    expect($('math')).toHaveLength(2);
    expect($('math').eq(1).attr('display')).toBe('block');
    expect($('math').eq(1).find('mfrac mn').map((_, el) => $(el).text()).get()).toEqual(['1', '2']);
    expect($('annotation').first().text()).toBe('\\pi r^2');
  });

  it('drops characters XML 1.0 forbids from the body', () => {
    expect(clean('<p>a\u0008b</p>')).toBe('<p>ab</p>');
  });
});

describe('cleanFeedHtml keeps only http(s), site-relative and mailto: URLs', () => {
  const clean = (html: string) => cleanFeedHtml(html, BASE);
  const SVG = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=';

  it('drops a data: SVG image, in src and in srcset, and keeps the https and relative ones', () => {
    const $ = load(
      clean(
        `<p><img src="${SVG}" alt="svg"><img src="/_astro/a.webp" srcset="${SVG} 1x, /_astro/a2.webp 2x" alt="webp">` +
          `<img src="https://cdn.example/b.png" alt="cdn"></p>` +
          `<picture><source srcset="data:image/svg+xml,%3Csvg%2F%3E 1x" type="image/svg+xml"><source srcset="./c.avif 1x" type="image/avif"><img src="c.png" alt="c"></picture>`,
      ),
    );
    expect($.html()).not.toMatch(/data:/);
    expect($('img[alt="svg"]').attr('src')).toBeUndefined();
    expect($('img[alt="webp"]').attr('src')).toBe('https://blog.example/_astro/a.webp');
    expect($('img[alt="webp"]').attr('srcset')).toBe('https://blog.example/_astro/a2.webp 2x');
    expect($('img[alt="cdn"]').attr('src')).toBe('https://cdn.example/b.png');
    expect($('source').map((_, el) => $(el).attr('srcset')).get()).toEqual(['https://blog.example/posts/a/c.avif 1x']);
    expect($('img[alt="c"]').attr('src')).toBe('https://blog.example/posts/a/c.png');
  });

  it('drops a data: PNG too: a feed reader gets image files, never inline data', () => {
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=" alt="점">')).toBe('<img alt="점" />');
  });

  it('drops javascript: and vbscript: links however they are written, keeping their text', () => {
    const out = clean(
      '<a href=" JaVaScRiPt:alert(1)">a</a><a href="java&#x09;script:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>' +
        '<a href="vbscript:msgbox(1)">d</a><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">e</a>',
    );
    expect(out).toBe('<a>a</a><a>b</a><a>c</a><a>d</a><a>e</a>');
  });

  it('drops on* attributes from every element', () => {
    const out = clean('<p onclick="alert(1)">문단 <img src="/x.png" alt="x" onerror="alert(1)" onload="alert(2)"><a href="/y/" onmouseover="alert(3)">y</a></p>');
    expect(out).toBe('<p>문단 <img src="https://blog.example/x.png" alt="x" /><a href="https://blog.example/y/">y</a></p>');
    expect(out).not.toMatch(/\bon[a-z]+=/i);
  });

  it('keeps https, relative, fragment and mailto: links, drops tel: and ftp:, and makes a protocol-relative one https', () => {
    const $ = load(
      clean(
        '<a href="https://other.example/x">1</a><a href="/posts/b/">2</a><a href="../c/">3</a><a href="#d">4</a>' +
          '<a href="mailto:team@blog.example">5</a><a href="tel:+82-2-000-0000">6</a><a href="ftp://files.example/x">7</a><a href="//cdn.example/x">8</a>',
      ),
    );
    expect($('a').get().map((a) => $(a).attr('href') ?? null)).toEqual([
      'https://other.example/x',
      'https://blog.example/posts/b/',
      'https://blog.example/posts/c/',
      'https://blog.example/posts/a/#d',
      'mailto:team@blog.example',
      null,
      null,
      'https://cdn.example/x',
    ]);
    expect($('a').text()).toBe('12345678');
  });

  it('keeps mailto: on links only: a quote\'s cite or an image must be http(s)', () => {
    const $ = load(clean('<blockquote cite="mailto:a@b.example">인용</blockquote><q cite="https://src.example/q">짧은 인용</q><img src="mailto:a@b.example" alt="m">'));
    expect($('blockquote').attr('cite')).toBeUndefined();
    expect($('q').attr('cite')).toBe('https://src.example/q');
    expect($('img').attr('src')).toBeUndefined();
  });
});

describe('cleanFeedHtml leftovers', () => {
  it('drops wrappers left empty by removed parts but keeps images and text', () => {
    const out = cleanFeedHtml('<div class="chart"><canvas></canvas></div><div><img src="/a.png" alt="그림"></div><div><span>글</span></div>', BASE);
    expect(out).toBe('<div><img src="https://blog.example/a.png" alt="그림" /></div><div><span>글</span></div>');
  });
});
