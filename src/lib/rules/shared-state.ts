/**
 * What the writer-checks integration knows, shared with the content loaders. The integration is
 * loaded by Node and the content config by Vite, so they hold different copies of every module;
 * one object on globalThis is what both see.
 */
import type { Problem } from './problems.ts';

export interface SharedChecks {
  /** Astro's command: "dev" keeps serving while content is broken, "build" stops. */
  command?: 'dev' | 'build' | 'preview' | 'sync';
  /** The latest problems of the whole content folder. */
  problems: Problem[];
  /** Post id -> surveys its components embed, from the one walk of each post. */
  embeddedSurveys: Map<string, string[]>;
  /**
   * The built site's link check, set by the writer checks. The search-index integration runs it
   * while Pagefind's process writes the index; the writer checks' last hook runs it if nothing did.
   */
  linkCheck?: { run(outDir: string): Promise<void>; ran: boolean };
}

const KEY = Symbol.for('socialbench.writer-checks');

export function sharedChecks(): SharedChecks {
  const holder = globalThis as { [KEY]?: SharedChecks };
  holder[KEY] ??= { problems: [], embeddedSurveys: new Map() };
  return holder[KEY];
}
