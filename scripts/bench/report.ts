/**
 * What `npm run bench` prints: the targets of docs/budgets.md for the number of posts built, the
 * table of median builds and where their time went, in Korean, laid out for a terminal.
 */
import type { BuildRun } from './measure.ts';
import { orderFloor } from './process-cpu.ts';

export interface Targets {
  /** Cold build of this site, every feature on, against the bare Astro build of the same posts. */
  coldToBare: number;
  /** Warm rebuild (caches kept, one post changed) against the bare cold build. */
  warmToBareCold: number;
  /** Peak RSS of the cold build in MiB; none where the budgets set none. */
  peakMiB?: number;
}

/** 1,000 posts: 1.25× and 1.5 GB; 10,000 and more: 1.5× and 4 GB. A warm rebuild within 1× at any size. */
export function targetsFor(posts: number): Targets {
  if (posts >= 10_000) return { coldToBare: 1.5, warmToBareCold: 1.0, peakMiB: 4096 };
  return { coldToBare: 1.25, warmToBareCold: 1.0, ...(posts <= 1000 ? { peakMiB: 1536 } : {}) };
}

export interface Check {
  id: 'coldToBare' | 'warmToBareCold' | 'peakMiB';
  what: string;
  ok: boolean;
  figure: string;
}

const formatSeconds = (s: number | undefined | null): string => (s === undefined || s === null ? '?' : `${s.toFixed(1)} s`);
export const formatMiB = (m: number | null): string => (m === null ? '알 수 없음' : `${Math.round(m).toLocaleString('ko-KR')} MiB`);

/** The targets for `posts`, each met or not by the median builds. */
export function checkTargets(posts: number, cold: BuildRun, warm: BuildRun, bare: BuildRun): Check[] {
  const targets = targetsFor(posts);
  const coldRatio = cold.wallS / bare.wallS;
  const warmRatio = warm.wallS / bare.wallS;
  const checks: Check[] = [
    { id: 'coldToBare', what: `콜드 빌드가 기본 Astro 빌드의 ${targets.coldToBare}배 이내`, ok: coldRatio <= targets.coldToBare, figure: `${coldRatio.toFixed(2)}×` },
    { id: 'warmToBareCold', what: `웜 빌드(글 1개 바뀜)가 기본 Astro 콜드 빌드의 ${targets.warmToBareCold}배 이내`, ok: warmRatio <= targets.warmToBareCold, figure: `${warmRatio.toFixed(2)}×` },
  ];
  if (targets.peakMiB !== undefined && cold.rssMiB !== null) {
    checks.push({ id: 'peakMiB', what: `콜드 빌드의 최대 메모리(RSS)가 ${targets.peakMiB.toLocaleString('ko-KR')} MiB 이내`, ok: cold.rssMiB <= targets.peakMiB, figure: formatMiB(cold.rssMiB) });
  }
  return checks;
}

export interface CpuFloor {
  id: 'coldToBare' | 'warmToBareCold';
  /** The build's CPU seconds divided by the cores: no schedule of its work on them ends sooner. */
  coresFloorS: number;
  /** What the order of its work allows (`orderFloor`): Astro's thread before the index, then the index. */
  orderFloorS?: number;
  /** The higher of the two, and it against the bare cold build. */
  floorS: number;
  floorRatio: number;
  /** Seconds of work the higher floor says must go for the target to be reachable; 0 when it is. */
  toShedS: number;
  text: string;
}

/**
 * The least time the median cold and warm builds' work allows on `cpus` cores, two ways: all their
 * CPU spread over every core with none idle, and the order of their work (Astro's JavaScript
 * thread, then Pagefind's process, which needs every page first). When a floor is above a target,
 * no scheduling of the same work meets it: only less work does.
 */
export function cpuFloors(posts: number, cold: BuildRun, warm: BuildRun, bare: BuildRun, cpus: number): CpuFloor[] {
  const targets = targetsFor(posts);
  const floors: CpuFloor[] = [];
  for (const [id, run, target, name] of [
    ['coldToBare', cold, targets.coldToBare, '콜드 빌드'],
    ['warmToBareCold', warm, targets.warmToBareCold, '웜 빌드'],
  ] as const) {
    if (run.cpuS === null) continue;
    const targetS = target * bare.wallS;
    const coresFloorS = run.cpuS / cpus;
    const order = orderFloor(run.cpuProcesses, cpus);
    const byOrder = order !== undefined && order.floorS > coresFloorS;
    const floorS = byOrder ? order.floorS : coresFloorS;
    const floorRatio = floorS / bare.wallS;
    const toShedS = byOrder ? Math.max(0, order.floorS - targetS) : Math.max(0, run.cpuS - targetS * cpus);
    const head = byOrder
      ? `${name}: Astro의 자바스크립트 스레드가 검색 색인 전까지 ${formatSeconds(order.astroThreadS)}를 차례로 일하고, 그 뒤 Pagefind가 CPU를 코어 ${cpus}개에 나눠도 ${formatSeconds(order.indexS)} = ${formatSeconds(floorS)} (기본의 ${floorRatio.toFixed(2)}×)`
      : `${name}: CPU ${formatSeconds(run.cpuS)} ÷ 코어 ${cpus}개 = ${formatSeconds(floorS)} (기본의 ${floorRatio.toFixed(2)}×)`;
    const text =
      toShedS === 0
        ? `${head}. 작업량으로는 목표 ${target}× 안이며, 나머지는 기다리는 시간입니다.`
        : byOrder
          ? `${head}. 이 순서로는 이보다 빠를 수 없어, 목표 ${target}×에 닿으려면 그 스레드나 색인의 일을 ${formatSeconds(toShedS)} 줄여야 합니다.`
          : `${head}. 코어를 쉬지 않고 써도 이보다 빠를 수 없어, 목표 ${target}×에 닿으려면 CPU 작업을 ${formatSeconds(toShedS)} 줄여야 합니다.`;
    floors.push({ id, coresFloorS, ...(order ? { orderFloorS: order.floorS } : {}), floorS, floorRatio, toShedS, text });
  }
  return floors;
}

/** Hangul and the other East Asian wide characters take two columns of a terminal. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns `text` takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** Rows as columns: the first left-aligned, the rest right-aligned, two spaces apart. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? padEnd(cell, widths[c]!) : padStart(cell, widths[c]!))).join('  ').trimEnd()).join('\n');
}

/** A build's phases from Astro's log, and its costliest route groups. */
export function breakdown(run: BuildRun, top = 6): string {
  const p = run.phases;
  const lines = [`${run.label}: 준비 ${formatSeconds(p.setupS)}, 번들 ${formatSeconds(p.bundleS)}, 페이지 ${formatSeconds(p.generateS)}, 빌드 뒤 훅 ${formatSeconds(p.afterS)}`];
  // A tenth of a second or less (GNU time itself, short helpers) would only crowd the line.
  const processes = run.cpuByProcess.filter((c) => c.s >= 0.1);
  if (processes.length) lines.push(`    CPU: ${processes.map((c) => `${c.label} ${formatSeconds(c.s)}`).join(', ')}`);
  const rows = p.routes.slice(0, top).map((r) => [`    ${r.group}`, `${r.count.toLocaleString('ko-KR')}개`, `${r.s.toFixed(1)} s`, `(하나에 ${((r.s * 1000) / r.count).toFixed(1)} ms)`]);
  if (rows.length) lines.push(table(rows));
  return lines.join('\n');
}
