/**
 * The layering the folders promise (README "Project layout"): src/lib is a pure core that Node
 * loads natively (astro.config.mjs, the command-line tools), src/data is the only code that reads
 * collections, and scripts/ reach into src/ only for that core. Checked over the import
 * specifiers of the source files, so a stray import fails here rather than in a build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Every file under `dir` whose name ends with one of `extensions`, as absolute paths. */
function filesUnder(dir: string, extensions: readonly string[], skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (skip(path)) return [];
    if (entry.isDirectory()) return filesUnder(path, extensions, skip);
    return extensions.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
  });
}

/** Comments may quote import lines ("`import X from '...'`"); only code counts. URLs in strings keep their "//". */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const IMPORT_PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1/g, // import x from '…', export { x } from '…'
  /\bimport\s*(['"])([^'"]+)\1/g, // import '…' (side effects)
  /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g, // import('…')
];

/** The module specifiers a source file imports. */
function importsOf(file: string): string[] {
  const code = withoutComments(readFileSync(file, 'utf8'));
  return [...new Set(IMPORT_PATTERNS.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[2] as string)))];
}

/** Where a specifier points inside the repository ("src/lib/dates.ts"), or undefined for a package or `astro:*` module. */
function targetOf(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return `src/${specifier.slice(2)}`;
  if (!specifier.startsWith('.')) return undefined;
  return relative(root, resolve(dirname(file), specifier)).split('\\').join('/');
}

const show = (file: string, specifier: string) => `${relative(root, file)}: '${specifier}'`;

const libFiles = filesUnder(join(src, 'lib'), ['.ts', '.mts', '.mjs']);

describe('architecture', () => {
  it('finds the files it checks', () => {
    expect(libFiles.length).toBeGreaterThan(10);
    expect(importsOf(join(src, 'lib/og-cards.ts'))).toContain('./og-image.ts');
  });

  it('src/lib is a pure core: no astro:* modules, nothing from src/data, components, pages or layouts', () => {
    const outside = /^src\/(data|components|pages|layouts)(\/|$)/;
    const violations = libFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('astro:') || outside.test(targetOf(file, spec) ?? ''))
        .map((spec) => show(file, spec)),
    );
    expect(violations).toEqual([]);
  });

  it('scripts/ reach into src/ only for src/lib and src/site.config.ts', () => {
    const starter = join(root, 'scripts/bench/starter');
    const scriptFiles = filesUnder(join(root, 'scripts'), ['.ts', '.mts', '.mjs'], (path) => path === starter);
    const violations = scriptFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          const target = targetOf(file, spec);
          if (!target?.startsWith('src/')) return false;
          return !target.startsWith('src/lib/') && !/^src\/site\.config(\.ts)?$/.test(target);
        })
        .map((spec) => show(file, spec)),
    );
    expect(violations).toEqual([]);
  });

  it('src/lib imports its own modules relatively with their extension, so Node loads it without Vite', () => {
    const violations = libFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@/') || (spec.startsWith('.') && !/\.(ts|mjs|json)$/.test(spec)))
        .map((spec) => show(file, spec)),
    );
    expect(violations).toEqual([]);
  });

  it('src/lib is erasable TypeScript (no enums, namespaces or parameter properties), which Node strips without compiling', () => {
    const violations = libFiles
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => {
        try {
          stripTypeScriptTypes(readFileSync(file, 'utf8'));
          return [];
        } catch (error) {
          return [`${relative(root, file)}: ${(error as Error).message}`];
        }
      });
    expect(violations).toEqual([]);
  });
});
