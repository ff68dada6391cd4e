/**
 * `npm run new` as a writer runs it: a real process, with and without a terminal. CONTENT_DIR is a
 * temporary folder with this file's own authors, and the categories are src/site.config.ts's, so
 * the tests pass whatever the site's content/ holds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isoDay } from '@/lib/dates';
import site from '@/site.config';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'node_modules/.bin');
const [firstCategory, secondCategory] = site.categories.map((c) => c.id) as [string, string, ...string[]];
let contentDir: string;

beforeEach(() => {
  contentDir = mkdtempSync(join(tmpdir(), 'new-post-cli-'));
  mkdirSync(join(contentDir, 'authors'));
  for (const [id, name] of [
    ['test-minji', '테스트 민지'],
    ['test-junho', '테스트 준호'],
  ]) {
    writeFileSync(join(contentDir, 'authors', `${id}.json`), JSON.stringify({ name, role: '테스트', bio: '테스트용 저자' }));
  }
});

const env = () => ({ ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, CONTENT_DIR: contentDir, NO_COLOR: '1' });

interface Run {
  code: number | null;
  output: string;
}

/** Runs the command with stdin an open pipe that never receives anything. */
function runWithSilentStdin(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(join(bin, 'node'), ['scripts/new-post.ts', ...args], { cwd: root, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`still waiting after 30 s: ${output}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

/**
 * Runs `npm run new` in a pseudo-terminal (util-linux `script`); `onOutput` sees everything printed
 * so far and may type into the terminal.
 */
function runInTerminal(onOutput: (output: string, type: (text: string) => void) => void): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('script', ['-qec', `${join(bin, 'node')} scripts/new-post.ts`, '/dev/null'], { cwd: root, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    // A moment for readline to switch the terminal to raw mode, which drops earlier input.
    const type = (text: string) => setTimeout(() => child.stdin.write(text), 300);
    const onData = (d: Buffer) => {
      output += d;
      onOutput(output, type);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`no exit after 40 s: ${output}`));
    }, 40_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('npm run new (command line)', () => {
  it('does not wait for input when standard input is not a terminal, and names the missing flags in Korean blocks', async () => {
    const run = await runWithSilentStdin(['새 글']);
    expect(run.code).toBe(1);
    expect(run.output).toContain('오류 npm run new · --author\n  문제: --author가 없습니다. 표준 입력이 터미널이 아니라서 묻지 않습니다.');
    expect(run.output).toContain('test-junho (테스트 준호), test-minji (테스트 민지)');
    expect(run.output).toContain('오류 npm run new · --category');
    // NO_COLOR is set: plain text.
    expect(run.output).not.toContain('\x1b[');
    expect(readdirSync(contentDir)).toEqual(['authors']);
  }, 40_000);

  it('prints an unknown author as a block with a near id, writing nothing', async () => {
    const run = await runWithSilentStdin(['새 글', '--author', 'test-minjj', '--category', firstCategory]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/오류 npm run new · --author\n {2}문제: "test-minjj"은\(는\) 등록된 저자가 아닙니다\.\n {2}기대: .+\n {2}고치는 법: .+\n {2}혹시 "test-minji"\?/);
    expect(readdirSync(contentDir)).toEqual(['authors']);
  }, 40_000);

  it("creates today's post (in Seoul) and refuses to overwrite it the second time", async () => {
    const before = isoDay(new Date(), 'Asia/Seoul');
    const args = ['트위터 운영 1년', '--author', 'test-minji', '--category', firstCategory];
    const first = await runWithSilentStdin(args);
    const after = isoDay(new Date(), 'Asia/Seoul');
    expect(first.code).toBe(0);
    const files = readdirSync(join(contentDir, 'posts'));
    expect([`${before}-teuwiteo-unyeong-1nyeon.mdx`, `${after}-teuwiteo-unyeong-1nyeon.mdx`]).toContain(files[0]);
    const text = readFileSync(join(contentDir, 'posts', files[0]!), 'utf8');

    const second = await runWithSilentStdin(args);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`posts/${files[0]}\n  문제: 이미 있습니다. 덮어쓰지 않습니다.`);
    expect(readFileSync(join(contentDir, 'posts', files[0]!), 'utf8')).toBe(text);
  }, 60_000);

  it('asks for what is missing when run in a terminal', async () => {
    expect(spawnSync('script', ['--version']).status, 'util-linux `script` gives the command a terminal').toBe(0);
    // `script` runs the command in a pseudo-terminal; answers are typed when each question appears.
    const answers: [RegExp, string][] = [
      [/글 제목: /, '단체 사진 이벤트'],
      [/글쓴이 번호나 아이디: /, 'test-minji'],
      [/카테고리 번호나 아이디: /, '2'],
      [/요약 한두 문장/, '사진 이벤트를 돌아봅니다.'],
    ];
    const run = await runInTerminal((output, type) => {
      const next = answers[0];
      if (next && next[0].test(output.slice(output.lastIndexOf('\n') + 1))) {
        answers.shift();
        type(`${next[1]}\n`);
      }
    });
    expect(run.code, run.output).toBe(0);
    expect(answers).toEqual([]);
    expect(run.output).toContain('1. test-junho');
    const [file] = readdirSync(join(contentDir, 'posts'));
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}-danche-sajin-ibenteu\.mdx$/);
    const text = readFileSync(join(contentDir, 'posts', file!), 'utf8');
    expect(text).toContain('author: test-minji');
    expect(text).toContain(`category: ${secondCategory}`);
    expect(text).toContain('description: "사진 이벤트를 돌아봅니다."');
  }, 60_000);

  it.each([
    ['Ctrl-C', '\x03'],
    ['Ctrl-D', '\x04'],
  ])('cancels quietly on %s at a question, writing nothing', async (_, key) => {
    let sent = false;
    const run = await runInTerminal((output, type) => {
      if (!sent && output.includes('글 제목: ')) {
        sent = true;
        type(key);
      }
    });
    expect(run.output).toContain('취소했습니다. 파일을 만들지 않았습니다.');
    expect(run.output).not.toMatch(/AbortError|\n\s+at /);
    expect(run.code, run.output).toBe(130);
    expect(readdirSync(contentDir)).toEqual(['authors']);
  }, 60_000);
});
