/**
 * The bad-input cases of docs/writing.md that are not front matter (tests/site/errors.test.ts
 * covers those): each fixture site fails to build, and the output names the file, the line and
 * what to do. Fixtures: tests/support/sites-writing.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpRoot } from '../support/build-site';
import { getBuild } from '../support/sites';

/** 1-based line of the first line of a fixture file containing `needle`. */
function lineIn(site: string, file: string, needle: string): number {
  const lines = readFileSync(join(tmpRoot, 'fixtures', site, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

function failed(site: string): string {
  const build = getBuild(site);
  expect(build.ok, `${site} should fail to build`).toBe(false);
  return build.output;
}

describe('writer mistakes fail the build with the file, the line and the fix', () => {
  it('an MDX syntax error', () => {
    const output = failed('writing-mdx-syntax');
    const line = lineIn('writing-mdx-syntax', 'posts/broken.mdx', '<div>');
    expect(output).toContain(`posts/broken.mdx:${line}:1: MDX syntax error: Expected a closing tag for \`<div>\``);
    expect(output).toMatch(/Fix: In MDX, "<" starts a component or HTML tag/);
  });

  it('an unknown component', () => {
    const output = failed('writing-unknown-component');
    const line = lineIn('writing-unknown-component', 'posts/foo.mdx', '<Foo');
    expect(output).toContain(`posts/foo.mdx:${line}:1: unknown component <Foo>`);
    expect(output).toMatch(/Fix: Check the spelling \(capital letters matter\)\. Components you can use without an import: .*<SurveyChart>/);
  });

  it('an unknown survey id and an unknown question id in a survey component', () => {
    const output = failed('writing-unknown-survey');
    const site = 'writing-unknown-survey';
    expect(output).toContain(
      `posts/chart.mdx:${lineIn(site, 'posts/chart.mdx', 'ws-2009')}:1: <SurveyChart> "survey": "ws-2009" is not a survey (known: ws-2010)`,
    );
    expect(output).toContain(
      `posts/chart.mdx:${lineIn(site, 'posts/chart.mdx', 'budget')}:1: <SurveyChart> "question": "budget" is not a question of survey "ws-2010" (known: staff)`,
    );
    expect(output).toContain('Fix: Use the name of a file in content/surveys/ without ".json"');
  });

  it('a missing image in the body', () => {
    const output = failed('writing-missing-image');
    const line = lineIn('writing-missing-image', 'posts/photo/index.mdx', 'event.jpg');
    expect(output).toContain(`posts/photo/index.mdx:${line}:1: image "./event.jpg" not found`);
    expect(output).toContain('Fix: Check the spelling and the folder');
  });

  it('a missing hero image', () => {
    const output = failed('writing-missing-hero');
    const line = lineIn('writing-missing-hero', 'posts/hero.mdx', 'heroImage');
    expect(output).toContain(`posts/hero.mdx:${line}: frontmatter "heroImage": image "./cover.jpg" not found`);
  });

  it('a broken internal link, with the page it probably meant', () => {
    const output = failed('writing-broken-link');
    const line = lineIn('writing-broken-link', 'posts/links.mdx', '/posts/targt/');
    expect(output).toContain(`posts/links.mdx:${line}: link "/posts/targt/": no page /posts/targt/ in the built site`);
    expect(output).toContain('did you mean /posts/target/');
    // The good link on the same line is not reported.
    expect(output).not.toContain('link "/posts/target/"');
  });

  it('a survey JSON error names the file, the JSON path and what was expected', () => {
    const output = failed('writing-survey-json');
    expect(output).toMatch(/surveys\/ws-2010\.json: questions\[0\]\.results: shares of a single-choice question sum to 112/);
    expect(output).toContain('expected 100 +/- 0.5, or set "partial": true');
  });

  it('a benchmark JSON error names the file, the JSON path and the allowed options', () => {
    const output = failed('writing-benchmark-json');
    expect(output).toMatch(/benchmarks\/daon-2010\.json: answers\.staff: "three" is not an option of question "staff" \(options: one, two-plus\)/);
  });
});
