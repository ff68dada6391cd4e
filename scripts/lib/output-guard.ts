/**
 * What `npm run build` checks before it touches anything: the output folder must be a folder it
 * may replace, and no other build of this project may be running. Each refusal is a Korean
 * problem block naming the folder; the last good site is never touched.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Problem } from '../../src/lib/rules/problems.ts';
import { isRunning } from './atomic-dir.ts';

/** Written into every site this command builds, so a later build knows the folder is its own. */
export const OUTPUT_MARKER = '.socialbench-output';

const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return !rel ? '.' : rel.startsWith('..') ? path : rel;
};

const outputProblem = (target: string, message: string, expected: string, fix: string): Problem => ({
  kind: 'output',
  file: `${shown(target)}/`,
  field: 'OUT_DIR',
  severity: 'error',
  message,
  expected,
  fix,
});

/** Why `target` must not be replaced by a build, or undefined when it may. */
export function outputFolderProblem(target: string, projectRoot: string): Problem | undefined {
  const expected = '비어 있거나 없는 폴더, 또는 전에 npm run build가 만든 사이트 폴더';
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return undefined; // Absent: the build creates it.
  }
  if (stat.isSymbolicLink()) {
    return outputProblem(
      target,
      '출력 폴더가 심볼릭 링크입니다. 빌드가 링크를 폴더로 바꿔 버리면 링크를 따라가던 웹 서버가 새 사이트를 보지 못합니다.',
      expected,
      `링크가 가리키는 실제 폴더를 OUT_DIR로 주세요 (예: OUT_DIR=${shown(resolve(dirname(target), readlinkSafe(target)))}).`,
    );
  }
  if (!stat.isDirectory()) return outputProblem(target, '출력 경로가 폴더가 아니라 파일입니다.', expected, 'OUT_DIR에 다른 폴더 이름을 주세요.');
  const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
  if (inside(projectRoot, target) || ['src', 'content', 'public', 'scripts', 'tests', 'docs', 'node_modules'].some((d) => inside(target, join(projectRoot, d)))) {
    return outputProblem(target, '출력 폴더가 프로젝트 자체이거나 그 안의 원본 폴더입니다. 빌드가 이 폴더를 통째로 바꿉니다.', expected, 'OUT_DIR를 지우거나 dist 같은 새 폴더 이름을 주세요.');
  }
  const entries = readdirSync(target);
  if (entries.length === 0 || isEarlierBuild(target, entries)) return undefined;
  return outputProblem(
    target,
    `출력 폴더에 빌드 결과가 아닌 파일이 있습니다 (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ' …' : ''}). 빌드는 이 폴더를 통째로 바꿉니다.`,
    expected,
    '다른 폴더 이름을 OUT_DIR로 주거나, 그 폴더가 정말 필요 없다면 직접 지운 뒤 다시 실행하세요.',
  );
}

/** A site this command built (the marker), or one built before the marker existed (index.html and _astro/). */
function isEarlierBuild(target: string, entries: string[]): boolean {
  if (entries.includes(OUTPUT_MARKER)) return true;
  return entries.includes('index.html') && existsSync(join(target, '_astro'));
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return path;
  }
}

export interface BuildLock {
  release(): void;
}

/**
 * One build of a project at a time: two at once share Astro's .astro/ folder and cache and crash
 * each other. A lock left by a build that died is taken over.
 */
export function acquireBuildLock(lockFile: string): BuildLock | Problem {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return { release: () => rmSync(lockFile, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (pid && isRunning(pid)) {
        return {
          kind: 'output',
          file: shown(lockFile),
          severity: 'error',
          message: `다른 빌드(프로세스 ${pid})가 이 프로젝트를 빌드하는 중입니다.`,
          expected: '한 번에 빌드 하나',
          fix: '그 빌드가 끝난 뒤 다시 실행하세요. 멈춘 빌드라면 그 프로세스를 끝내세요.',
        };
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`${lockFile}: could not take the build lock`);
}
