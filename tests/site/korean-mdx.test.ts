/**
 * Korean prose in an `.mdx` post, in the built HTML (fixture: tests/support/sites-korean.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtFiles, page } from '../support/html';
import { getBuild, readBuilt } from '../support/sites';
import { AUTOLINK, COMMENT_MARK, KOREAN_MDX, KOREAN_POST } from '../support/sites-korean';

const site = KOREAN_MDX;

describe('an .mdx post written as Korean writers write', () => {
  const build = getBuild(site);
  const $ = () => page(site, `/posts/${KOREAN_POST}/`);
  const body = () => $()('article .post-body, article').first();

  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('shows titles in angle brackets and comparisons as text, not as tags', () => {
    const text = body().text();
    expect(text).toContain('책 <성장>을 읽고 <2010 상반기 결산>을 다시 봤습니다.');
    expect(text).toContain('가격은 1,000원 < 2,000원 입니다.');
    const html = readBuilt(site, `posts/${KOREAN_POST}/index.html`);
    expect(html).not.toMatch(/<성장|<2010/);
  });

  it('makes an autolink a working link and <br> a line break', () => {
    const link = $()(`a[href="${AUTOLINK}"]`);
    expect(link.length).toBe(1);
    expect(link.text()).toBe(AUTOLINK);
    const paragraph = $()('p').filter((_, p) => $()(p).text().includes('첫 줄'));
    expect(paragraph.html()?.replace(/\s+/g, '')).toMatch(/^첫줄<br\/?>둘째줄$/);
    expect($()('article hr').length).toBeGreaterThan(0);
  });

  it('keeps < and { in code as written', () => {
    expect($()('p code').map((_, c) => $()(c).text()).get()).toEqual(['<성장>', '{이름}']);
    expect($()('pre code').text()).toContain('<성장> {이름} <!-- 코드 안의 주석 -->');
  });

  it('still renders a component', () => {
    expect($()('figure[data-survey="kr-survey"][data-question="q"]').length).toBe(1);
  });

  it('publishes no HTML comment text in any built file, search index included', () => {
    const files = builtFiles(site);
    let read = 0;
    for (const file of files) {
      let bytes = readFileSync(join(build.outDir, file));
      // Pagefind's index files are gzip streams.
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      expect(bytes.includes(COMMENT_MARK), file).toBe(false);
      read++;
    }
    expect(read).toBeGreaterThan(10);
    // The post is in the search index, so the index was searched too.
    expect(files.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
  });
});
