import { readFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';

/**
 * The installed version of package `name` as resolved from the module at `from` (its
 * `import.meta.url`), or '' when it is not installed. Caches key on it so an upgrade starts them afresh.
 */
export function packageVersion(name: string, from: string): string {
  let file: string | undefined;
  try {
    file = findPackageJSON(name, from);
  } catch {
    return ''; // Not installed (Node throws ERR_MODULE_NOT_FOUND).
  }
  return file ? ((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '') : '';
}
