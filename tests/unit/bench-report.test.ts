import { describe, expect, it } from 'vitest';
import { parseGnuTime, parsePhases, type BuildRun } from '../../scripts/bench/measure';
import { mainThreadBy, orderFloor, type ProcessCpu } from '../../scripts/bench/process-cpu';
import { breakdown, checkTargets, cpuFloors, displayWidth, table, targetsFor } from '../../scripts/bench/report';

const run = (label: string, wallS: number, rssMiB: number | null = 1200, cpuS: number | null = null): BuildRun => ({ label, ok: true, wallS, rssMiB, cpuS, cpuByProcess: [], cpuProcesses: [], pages: 10, phases: { routes: [] }, output: '' });

describe('npm run bench: the targets it judges', () => {
  it('holds 1,000 posts to 1.25× the bare build and 1.5 GB, and 10,000 to 1.5× and 4 GB', () => {
    expect(targetsFor(1000)).toEqual({ coldToBare: 1.25, warmToBareCold: 1.0, peakMiB: 1536 });
    expect(targetsFor(10_000)).toEqual({ coldToBare: 1.5, warmToBareCold: 1.0, peakMiB: 4096 });
    // Between the two sizes the budgets give no memory limit.
    expect(targetsFor(5000)).toEqual({ coldToBare: 1.25, warmToBareCold: 1.0 });
  });

  it('says which target each median build met, at the size it was run', () => {
    const bare = run('기본 Astro, 콜드', 10);
    const at1000 = checkTargets(1000, run('콜드', 12.5, 1500), run('웜', 10.1), bare);
    expect(at1000.map((c) => [c.id, c.ok, c.figure])).toEqual([
      ['coldToBare', true, '1.25×'],
      ['warmToBareCold', false, '1.01×'],
      ['peakMiB', true, '1,500 MiB'],
    ]);
    expect(at1000[0]!.what).toBe('콜드 빌드가 기본 Astro 빌드의 1.25배 이내');
    const at10k = checkTargets(10_000, run('콜드', 14.5, 4200), run('웜', 9.9), bare);
    expect(at10k.map((c) => [c.id, c.ok])).toEqual([
      ['coldToBare', true],
      ['warmToBareCold', true],
      ['peakMiB', false],
    ]);
    expect(at10k[2]!.what).toBe('콜드 빌드의 최대 메모리(RSS)가 4,096 MiB 이내');
    // Without GNU time there is no peak to judge.
    expect(checkTargets(1000, run('콜드', 20, null), run('웜', 9), bare).map((c) => c.id)).toEqual(['coldToBare', 'warmToBareCold']);
  });
});

describe("npm run bench: GNU time's peak", () => {
  it('reads the last line, after a failed build\'s status line too', () => {
    expect(parseGnuTime('36.30 1436928\n')).toBe(1403.25);
    expect(parseGnuTime('Command exited with non-zero status 1\n2.10 204800\n')).toBe(200);
    expect(parseGnuTime('')).toBeNull();
  });
});

describe('npm run bench: what the CPU time allows', () => {
  it('gives the least time the CPU work allows on the cores, and what to shed to meet a target', () => {
    const bare = run('기본 Astro, 콜드', 10, 1200, 16);
    // 60 s of CPU on 2 cores: never under 30 s, 3× the bare build; 1.25× allows 25 s of CPU.
    const [cold, warm] = cpuFloors(1000, run('콜드', 36, 1400, 60), run('웜', 12, 1200, 19), bare, 2);
    expect(cold).toMatchObject({ id: 'coldToBare', coresFloorS: 30, floorS: 30, floorRatio: 3, toShedS: 35 });
    expect(cold!.text).toBe('콜드 빌드: CPU 60.0 s ÷ 코어 2개 = 30.0 s (기본의 3.00×). 코어를 쉬지 않고 써도 이보다 빠를 수 없어, 목표 1.25×에 닿으려면 CPU 작업을 35.0 s 줄여야 합니다.');
    // 19 s of CPU fits in 1.0× of 10 s on 2 cores: what is over the target is waiting, not work.
    expect(warm).toMatchObject({ id: 'warmToBareCold', floorS: 9.5, toShedS: 0 });
    expect(warm!.text).toContain('작업량으로는 목표 1× 안이며');
    // More cores lower the floor; at 10,000 posts the cold target is 1.5×.
    expect(cpuFloors(10_000, run('콜드', 36, 1400, 60), run('웜', 12), bare, 4)).toEqual([
      expect.objectContaining({ id: 'coldToBare', floorS: 15, toShedS: 0 }),
    ]);
  });
});

describe('npm run bench: what the order of the work allows', () => {
  // Astro's JavaScript thread did 12 s before Pagefind's process started after the 14 s look, and
  // 0.5 s more while it wrote; Pagefind used 6 s of CPU.
  const astro: ProcessCpu = { label: 'Astro', s: 20, startedAfterS: 0, mainThread: [[1, 0.8], [10, 9], [14, 12], [16, 12.5]] };
  const pagefind: ProcessCpu = { label: 'Pagefind', s: 6, startedAfterS: 14, mainThread: [[15, 2]] };

  it("adds Pagefind's CPU over the cores to what Astro's thread did before it started", () => {
    expect(mainThreadBy(astro.mainThread, 14)).toBe(12);
    expect(mainThreadBy(astro.mainThread, 0.5)).toBe(0);
    expect(orderFloor([astro, pagefind], 2)).toEqual({ floorS: 15, astroThreadS: 12, indexS: 3 });
    // Without Pagefind (nothing changed), all the thread did; without Astro, nothing to say.
    expect(orderFloor([astro], 2)).toEqual({ floorS: 12.5, astroThreadS: 12.5, indexS: 0 });
    expect(orderFloor([pagefind], 2)).toBeUndefined();
  });

  it('judges by the higher floor and says which work would have to go', () => {
    const bare = run('기본 Astro, 콜드', 13, 1200, 16);
    // 26 s of CPU fits in 13 s on 2 cores, but the order does not: 12 s, then 3 s of index.
    const warm = { ...run('웜', 19, 1200, 26), cpuProcesses: [astro, pagefind] };
    const [, floor] = cpuFloors(1000, run('콜드', 36, 1400, 60), warm, bare, 2);
    expect(floor).toMatchObject({ id: 'warmToBareCold', coresFloorS: 13, orderFloorS: 15, floorS: 15, toShedS: 2 });
    expect(floor!.text).toBe(
      '웜 빌드: Astro의 자바스크립트 스레드가 검색 색인 전까지 12.0 s를 차례로 일하고, 그 뒤 Pagefind가 CPU를 코어 2개에 나눠도 3.0 s = 15.0 s (기본의 1.15×). 이 순서로는 이보다 빠를 수 없어, 목표 1×에 닿으려면 그 스레드나 색인의 일을 2.0 s 줄여야 합니다.',
    );
  });
});

describe('npm run bench: its table in a terminal', () => {
  it('counts a Hangul syllable as two columns', () => {
    expect(displayWidth('기본 Astro')).toBe(10);
    expect(displayWidth('1.25×')).toBe(5);
  });

  it('lines up Korean labels and right-aligned figures', () => {
    const text = table([
      ['', '시간', '기본 대비'],
      ['이 사이트, 웜 (글 1개 바뀜)', '18.0 s', '1.49×'],
      ['기본 Astro, 콜드', '12.1 s', '1.00×'],
    ]);
    // A Hangul syllable is two columns wide, so its label is padded by the columns it takes.
    expect(text.split('\n')).toEqual([
      `${' '.repeat(27)}    시간  기본 대비`,
      '이 사이트, 웜 (글 1개 바뀜)  18.0 s      1.49×',
      `기본 Astro, 콜드${' '.repeat(11)}  12.1 s      1.00×`,
    ]);
  });
});

describe("npm run bench: where the time went, from Astro 7's log", () => {
  // The lines of a real `astro build` log the bench reads (times shortened), with a warning printed
  // in the middle of a route's line, as Astro does.
  const log = [
    '19:08:14 [content] Syncing content',
    '19:08:28 [build] Collecting build info...',
    '19:08:28 [build] ✓ Completed in 2.36s.',
    '19:08:28 [build] Building static entrypoints...',
    '19:08:34 [vite] ✓ built in 5.63s',
    '19:08:34 [vite] ✓ built in 142ms',
    '19:08:35 [build] Rearranging server assets...',
    '',
    ' generating static routes ',
    '19:08:35   ├─ /404.html19:08:35   ├─ /about/index.html19:08:35 [WARN] [content] The collection "metrics" does not exist or is empty.',
    ' (+75ms) ',
    '19:08:35   ├─ /posts/a/index.html (+12ms) ',
    '19:08:35   ├─ /posts/b/index.html (+8ms) ',
    '19:08:35   ├─ /posts/c/index.html (restored)',
    '19:08:35   ├─ /og/posts/a.png (+10ms) ',
    '19:08:35   └─ /tags/x/page/2/index.html (+1.2s) ',
    '19:08:36 ✓ Completed in 1.20s.',
    '',
    '19:08:36 [build] ✓ Completed in 8.91s.',
    '19:08:42 [build] 1916 page(s) built in 17.85s',
    '19:08:42 [build] Complete!',
  ].join('\n');

  it('splits a build into setup, bundling, pages and the hooks after it', () => {
    const phases = parsePhases(log);
    expect(phases.setupS).toBe(2.36);
    expect(phases.bundleS).toBeCloseTo(5.772, 3);
    expect(phases.generateS).toBe(1.2);
    // 17.85 s in all, less setup and Astro's own 8.91 s of bundling and pages.
    expect(phases.afterS).toBeCloseTo(6.58, 2);
  });

  it('groups the routes it rendered, costliest first, and says so in Korean', () => {
    const phases = parsePhases(log);
    expect(phases.routes).toEqual([
      { group: 'tags/*/page/N', count: 1, s: 1.2 },
      { group: 'posts/*', count: 2, s: 0.02 },
      { group: 'og/posts/*.png', count: 1, s: 0.01 },
    ]);
    const cpuByProcess = [
      { label: 'Astro', s: 38.14 },
      { label: 'og-predraw-child.ts', s: 9.5 },
      { label: 'Pagefind', s: 6.31 },
      { label: 'time', s: 0.01 },
    ];
    const text = breakdown({ ...run('이 사이트, 콜드', 20), phases, cpuByProcess });
    expect(text.split('\n')[0]).toBe('이 사이트, 콜드: 준비 2.4 s, 번들 5.8 s, 페이지 1.2 s, 빌드 뒤 훅 6.6 s');
    // Each process's CPU, the ones under a tenth of a second left out.
    expect(text.split('\n')[1]).toBe('    CPU: Astro 38.1 s, og-predraw-child.ts 9.5 s, Pagefind 6.3 s');
    expect(text).toMatch(/posts\/\*\s+2개\s+0\.0 s\s+\(하나에 10\.0 ms\)/);
  });
});
