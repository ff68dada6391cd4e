/** A built post page for the search index's tests, shaped like src/pages/posts/[...slug].astro's. */
export const postPage = (title = '소셜미디어운영팀 이야기') => `<!doctype html><html lang="ko"><head><title>${title} | 블로그</title></head><body>
<header class="site-header"><a class="brand" href="/">블로그</a><nav><a href="/archive/">보관함</a></nav></header>
<main id="main"><article class="container post" data-pagefind-body>
<header><p class="category"><a href="/categories/reputation/">평판 관리</a></p><h1>${title}</h1>
<p class="meta muted"><span><a href="/authors/kim/">김하늘</a></span><span>게시 <time datetime="2010-05-19T15:00:00.000Z">2010. 5. 20.</time></span><span>수정 <time datetime="2010-06-01T00:00:00.000Z">2010. 6. 1.</time></span><span>읽는 데 1분</span></p>
<ul class="tags" aria-label="태그"><li><a href="/tags/a/">#트위터</a></li><li><a href="/tags/b/">#사내소통</a></li></ul></header>
<nav class="toc"><h2>목차</h2><ol><li><a href="#x">소제목</a></li></ol></nav>
<div class="prose"><p>우리 팀은 고객상담센터와 일합니다 &amp; 웃습니다.</p><h2 id="x">소제목<a class="heading-anchor" href="#x" aria-hidden="true" tabindex="-1">#</a></h2><p>주간회의록을 씁니다.</p></div>
<footer><p class="share"><a href="https://twitter.com/intent/tweet">트위터에 공유하기</a></p><section class="author-card"><h2>김하늘</h2><p>블로그와 트위터를 맡고 있습니다.</p></section></footer>
</article><div class="container" data-pagefind-ignore><h2>관련 글</h2></div></main></body></html>`;
