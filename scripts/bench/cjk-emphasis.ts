/**
 * node scripts/bench/cjk-emphasis.ts [posts] [rounds]
 *
 * What the CJK-friendly emphasis plugin (src/lib/cjk-emphasis.ts) costs per post, in Sätteri alone
 * (no Astro, but with the site's hast plugins): the bench's generated Korean posts (scripts/bench/generate-posts.ts), as they are and
 * with three paragraphs given bold next to a particle (`**“도구”**를`), each rendered as Markdown
 * and as MDX with and without the plugin. Rounds alternate, and the median round's CPU milliseconds per post are printed.
 */
import { markdownToHtml, mdxToJs } from 'satteri';
import { cjkFriendlyEmphasis } from '../../src/lib/cjk-emphasis.ts';
import { forbiddenCharacters, headingAnchors, mathAsMathml, taskListLabels } from '../../src/lib/markdown-plugins.mjs';
import { MARKDOWN_FEATURES as features } from '../../src/lib/markdown-features.ts';
import { generatePost } from './generate-posts.ts';

const count = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 5);
const plain = Array.from({ length: count }, (_, i) => generatePost(i, count, ['kim', 'lee']).text);
/** Three prose paragraphs of each post start with bold that plain CommonMark leaves as asterisks. */
const withEmphasis = plain.map((text) => {
  let n = 0;
  return text.replace(/\n\n(?=[가-힣])/g, (gap) => (n++ < 3 ? `${gap}**“도구”**를 고르는 **'하루 한 편'**입니다. ` : gap));
});
const mdastPlugins = [cjkFriendlyEmphasis(features)];
// The site's own hast plugins in every run, as in the build (any plugin takes Sätteri off its all-Rust path).
const hastPlugins = [mathAsMathml, headingAnchors, taskListLabels, forbiddenCharacters];

type Run = (source: string) => unknown;
const runs: Record<string, Run> = {
  md: (s) => markdownToHtml(s, { features, hastPlugins }),
  'md+plugin': (s) => markdownToHtml(s, { features, hastPlugins, mdastPlugins }),
  mdx: (s) => mdxToJs(s, { features, hastPlugins }),
  'mdx+plugin': (s) => mdxToJs(s, { features, hastPlugins, mdastPlugins }),
};

const results: Record<string, number[]> = {};
for (let round = 0; round < rounds; round++) {
  for (const [set, posts] of [
    ['without', plain],
    ['with', withEmphasis],
  ] as const) {
    for (const [name, run] of Object.entries(runs)) {
      // CPU time of this process (Sätteri's Rust runs on this thread too): steadier than wall time on a busy machine.
      const start = process.cpuUsage();
      for (const post of posts) await run(post);
      const used = process.cpuUsage(start);
      (results[`${set} ${name}`] ??= []).push((used.user + used.system) / 1000 / posts.length);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${count} posts, ${rounds} rounds, median CPU ms per post`);
for (const [name, times] of Object.entries(results)) console.log(`${name.padEnd(22)} ${median(times).toFixed(3)}`);
