/**
 * What the site, process and browser tests need from the machine besides npm's packages: a
 * Chromium (Debian's, or any via CHROMIUM_PATH), Python's feedparser and a Java runtime (for the
 * W3C HTML checker, vnu-jar: tests/site/html-valid.test.ts). Checked when Vitest loads its config,
 * so a machine without them stops at once with one line saying what to install, instead of failing
 * deep in the run. `npm run test:unit` needs none of them.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const PYTHON = process.env.PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
/** The JAVA_HOME's java if set, else Debian's, else the one on PATH. */
export const JAVA = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : existsSync('/usr/bin/java') ? '/usr/bin/java' : 'java';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** One line per missing tool, each saying how to get it; empty when the machine is ready. */
export function missingPrerequisites(chromium = CHROMIUM, python = PYTHON, java = JAVA): string[] {
  const missing: string[] = [];
  if (!executable(chromium)) {
    missing.push(
      `Chromium이 없습니다 (${chromium}): Debian/Ubuntu는 "sudo apt-get install chromium", 다른 시스템은 Chrome/Chromium 실행 파일 경로를 CHROMIUM_PATH에 주세요.`,
    );
  }
  const feedparser = spawnSync(python, ['-c', 'import feedparser'], { encoding: 'utf8' });
  if (feedparser.status !== 0) {
    missing.push(
      `Python의 feedparser가 없습니다 (${python}): Debian/Ubuntu는 "sudo apt-get install python3-feedparser", 다른 시스템은 "python3 -m pip install feedparser" (다른 파이썬은 PYTHON에 경로).`,
    );
  }
  if (spawnSync(java, ['-version'], { encoding: 'utf8' }).status !== 0) {
    missing.push(
      `Java가 없습니다 (${java}): HTML 검사기(vnu-jar)에 필요합니다. Debian/Ubuntu는 "sudo apt-get install default-jre-headless", 다른 시스템은 Java 11 이상을 설치하고 JAVA_HOME을 주세요.`,
    );
  }
  return missing;
}
