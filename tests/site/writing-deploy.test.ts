/**
 * Deployment: the GitHub Actions workflow (tests on push, hourly rebuild, GitHub Pages) and the
 * _headers file for other hosts, checked against every file of the built blog fixture.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { headerValues, parseHeadersFile } from '../../scripts/lib/headers-file';
import { root } from '../support/build-site';
import { getBuild } from '../support/sites';
import { BLOG } from '../support/sites-blog';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  container?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push?: unknown; schedule?: { cron: string }[] };
  jobs: Record<string, Job>;
}

const workflow = yaml.load(readFileSync(join(root, '.github/workflows/site.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const step = (test: (s: Step) => boolean) => steps.find(test);

describe('GitHub Actions workflow', () => {
  it('runs on every push and every hour', () => {
    expect(workflow.on).toHaveProperty('push');
    const crons = workflow.on.schedule?.map((s) => s.cron) ?? [];
    expect(crons).toHaveLength(1);
    // "<minute> * * * *": once an hour, every hour of every day.
    expect(crons[0]).toMatch(/^([0-5]?\d) \* \* \* \*$/);
  });

  it('installs exactly, tests on push (with Chromium, feedparser and Java), then builds with the safe build', () => {
    const names = steps.map((s) => s.run ?? s.uses ?? '');
    const ci = names.findIndex((n) => /^npm ci\b/.test(n));
    const test = names.indexOf('npm test');
    const build = names.indexOf('npm run build');
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(ci);
    expect(build).toBeGreaterThan(test);
    expect(step((s) => s.run === 'npm test')?.if).toBe("github.event_name != 'schedule'");
    expect(step((s) => /apt-get install/.test(s.run ?? ''))?.run).toMatch(/chromium python3-feedparser default-jre-headless/);
  });

  it('uploads dist/ and deploys it to GitHub Pages, never from a pull request', () => {
    expect(step((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false)?.with).toEqual({ path: 'dist' });
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.needs).toBe('build');
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.if).toContain("github.event_name != 'pull_request'");
    expect(deploy?.if).toContain("github.event_name == 'schedule'");
  });

  it('calls the npm scripts that exist', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const calls = documentedNpmCalls();
    // The workflow, the CI script and the README each tell someone to run something.
    for (const file of ['.github/workflows/site.yml', '.ci/run', 'README.md']) expect(calls.some((c) => c.file === file), file).toBe(true);
    const unknown = calls.filter(({ script, builtin }) => (script ? !(script in scripts) : !builtin || !NPM_BUILTINS.includes(builtin)));
    expect(unknown.map((c) => `${c.file}: ${c.text}`)).toEqual([]);
  });
});

/** npm's own commands that run no script of package.json (`npm test` and `npm start` do). */
const NPM_BUILTINS = [
  ...['ci', 'install', 'i', 'uninstall', 'update', 'exec', 'ls', 'outdated', 'audit', 'config', 'cache', 'view', 'pack', 'init', 'help'],
  // npm 11.16+: the allowScripts policy of package.json.
  ...['approve-scripts', 'deny-scripts', 'install-scripts'],
];
const RUNS_SCRIPT: Record<string, string> = { test: 'test', t: 'test', start: 'start', stop: 'stop', restart: 'restart' };

interface NpmCall {
  file: string;
  text: string;
  /** The package.json script it runs, if any. */
  script?: string;
  builtin?: string;
}

/**
 * Every `npm run X` and `npm X` a reader is told to type: in the workflow's steps, the CI script and
 * the code of README.md and docs/*.md; `npm run X` in their prose too ("npm" in a sentence is not a command).
 */
function documentedNpmCalls(): NpmCall[] {
  const calls: NpmCall[] = [];
  const scan = (file: string, text: string, code: boolean) => {
    // In code, only an npm where a command starts (line start, after ; && || | ( { $( then do else): "npm" inside an echo'd message is not one.
    const pattern = code
      ? /(?:^\s*|[;&|({]\s*|\$\(\s*|\b(?:then|do|else)\s+)npm\s+(?:run(?:-script)?\s+([a-z][\w:.-]*)|([a-z][\w-]*))/gm
      : /\bnpm\s+run(?:-script)?\s+([a-z][\w:.-]*)/g;
    for (const m of text.matchAll(pattern)) {
      const command = m[2];
      const script = m[1] ?? (command ? RUNS_SCRIPT[command] : undefined);
      calls.push({ file, text: m[0].slice(m[0].search(/npm\s/)), script, builtin: script ? undefined : command });
    }
  };
  for (const s of steps) if (s.run) scan('.github/workflows/site.yml', s.run, true);
  scan('.ci/run', readFileSync(join(root, '.ci/run'), 'utf8').replace(/^\s*#.*$/gm, ''), true);
  const docs = readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`);
  for (const file of ['README.md', ...docs]) {
    const text = readFileSync(join(root, file), 'utf8');
    const code: string[] = [];
    // Fenced blocks first, then inline code spans; what is left is prose.
    const prose = text.replace(/^```[^\n]*\n([\s\S]*?)^```/gm, (_, block: string) => (code.push(block), ' ')).replace(/`([^`\n]+)`/g, (_, span: string) => (code.push(span), ' '));
    for (const c of code) scan(file, c, true);
    scan(file, prose, false);
  }
  return calls;
}

describe('_headers', () => {
  const site = BLOG;
  const rules = parseHeadersFile(readFileSync(join(root, 'public/_headers'), 'utf8'));

  /** Every built file as the URL a browser asks for (posts/a/index.html -> /posts/a/). */
  function urls(): string[] {
    const dir = getBuild(site).outDir;
    const out: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.push(`/${relative(dir, path)}`.replace(/\/index\.html$/, '/'));
      }
    };
    walk(dir);
    return out.filter((u) => u !== '/_headers');
  }

  it('is copied into the built site', () => {
    expect(getBuild(site).ok, getBuild(site).output.slice(-3000)).toBe(true);
    expect(existsSync(join(getBuild(site).outDir, '_headers'))).toBe(true);
  });

  it('gives hashed assets a year, immutable', () => {
    const assets = urls().filter((u) => u.startsWith('/_astro/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const url of assets) expect(headerValues(rules, url, 'Cache-Control'), url).toEqual(['public, max-age=31536000, immutable']);
  });

  it('makes every page and feed revalidate, with no path getting two Cache-Control values', () => {
    const all = urls();
    const pages = all.filter((u) => u.endsWith('/') || u.endsWith('.html') || u.endsWith('.xml'));
    expect(pages).toContain('/');
    expect(pages).toContain('/rss.xml');
    expect(pages).toContain('/twitter.xml');
    expect(pages.some((u) => u.startsWith('/posts/'))).toBe(true);
    for (const url of pages) expect(headerValues(rules, url, 'Cache-Control'), url).toEqual(['public, max-age=0, must-revalidate']);
    for (const url of all) expect(headerValues(rules, url, 'Cache-Control').length, url).toBeLessThanOrEqual(1);
  });

  it('sends the security headers with every file', () => {
    for (const url of urls()) {
      expect(headerValues(rules, url, 'X-Content-Type-Options'), url).toEqual(['nosniff']);
      expect(headerValues(rules, url, 'Referrer-Policy'), url).toEqual(['strict-origin-when-cross-origin']);
      expect(headerValues(rules, url, 'X-Frame-Options'), url).toEqual(['DENY']);
      expect(headerValues(rules, url, 'Content-Security-Policy')[0], url).toContain("frame-ancestors 'none'");
      expect(headerValues(rules, url, 'Strict-Transport-Security'), url).toHaveLength(1);
    }
  });
});
