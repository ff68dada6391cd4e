/**
 * `npm run new-site -- --author-id id --author-name "이름" [--author-role "직함"] [--yes] [--force] ...`
 *
 * A site owner's first step (docs/setup.md): removes the example posts, authors, surveys and
 * benchmarks from content/, creates one author and a first draft post, and prints what to change
 * next. It asks before removing anything (or needs --yes when standard input is not a terminal),
 * and refuses while `git status --porcelain` shows uncommitted changes in content/ (--force
 * overrides). The logic is scripts/lib/new-site.ts.
 */
import { spawnSync } from 'node:child_process';
import { contentDir } from '../src/lib/content-dir.ts';
import { isoDay } from '../src/lib/dates.ts';
import site from '../src/site.config.ts';
import { exitOnSiteConfigProblems } from '../src/lib/rules/site-config-gate.ts';
import { runInTerminal } from './lib/cli.ts';
import { newSite, type GitStatus } from './lib/new-site.ts';
import { projectRoot } from './lib/run.ts';

// The site's settings first: the first post's category comes from them.
exitOnSiteConfigProblems(site);

/** `git status --porcelain -- <content folder>`, run in the project. */
function gitStatus(dir: string): GitStatus {
  // core.quotepath=false: a Korean file name is shown as written, not as octal escapes.
  const result = spawnSync('git', ['-c', 'core.quotepath=false', 'status', '--porcelain', '--', dir], { cwd: projectRoot, encoding: 'utf8' });
  if (result.error) return { error: (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git이 설치되어 있지 않습니다' : 'git을 실행하지 못했습니다' };
  if (result.status !== 0) {
    // git's own message is English: say in Korean which of the usual cases it is.
    const said = result.stderr;
    const reason = /not a git repository/i.test(said)
      ? 'git 저장소가 아닙니다'
      : /outside repository/i.test(said)
        ? '콘텐츠 폴더가 git 저장소 밖에 있습니다'
        : /dubious ownership/i.test(said)
          ? 'git이 이 폴더의 소유자를 믿지 않습니다 (git config --global --add safe.directory로 허용)'
          : `git status가 실패했습니다 (종료 코드 ${result.status})`;
    return { error: reason };
  }
  return { lines: result.stdout.split('\n').filter((line) => line.trim() !== '') };
}

// The question comes before anything is removed.
await runInTerminal(
  (io) => newSite(process.argv.slice(2), { contentDir, today: isoDay(new Date(), site.timeZone), gitStatus, io }),
  '취소했습니다. 아무것도 지우지 않았습니다.',
);
