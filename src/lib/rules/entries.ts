/**
 * In `astro dev`, an entry that breaks a rule is left out of its collection instead of reaching
 * Astro's schema, whose failure would print Astro's English wrapper (and, on a change, keep the
 * last good entry without a word). The writer-checks integration has already reported the problem
 * in Korean and serves an error page while it stands. A build never gets here with a broken
 * entry: the integration stops it first.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { sharedChecks } from './shared-state.ts';

export function skipBrokenEntriesInDev(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      if (sharedChecks().command !== 'dev') return loader.load(context);
      const broken = new Set<string>();
      const store = context.store;
      const guardedStore = Object.create(store) as typeof store;
      guardedStore.set = (entry) => {
        if (!broken.has(entry.id)) return store.set(entry);
        store.delete(entry.id);
        return false;
      };
      return loader.load({
        ...context,
        store: guardedStore,
        parseData: async (props) => {
          try {
            const data = await context.parseData(props);
            broken.delete(props.id);
            return data;
          } catch {
            broken.add(props.id);
            return props.data;
          }
        },
      });
    },
  };
}

/**
 * In `astro build`, a draft or scheduled post never enters the collection: nothing of it (its MDX
 * module, its hero and body images, its Open Graph image) can then reach a built file, under any
 * name. `npm run dev` keeps them, to preview them with a badge.
 */
export function publishedOnlyInBuild(loader: Loader, isPublished: (data: Record<string, unknown>) => boolean): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      if (sharedChecks().command !== 'build') return loader.load(context);
      const store = context.store;
      const guardedStore = Object.create(store) as typeof store;
      guardedStore.set = (entry) => {
        if (isPublished(entry.data)) return store.set(entry);
        store.delete(entry.id);
        return false;
      };
      return loader.load({ ...context, store: guardedStore });
    },
  };
}
