import type { Loader, LoaderContext } from 'astro/loaders';

type ParseProps = Parameters<LoaderContext['parseData']>[0];

/**
 * Wraps a loader so `hook` sees (and may replace) each entry's raw data and file just before
 * Astro validates it against the collection schema.
 */
export function beforeParse(loader: Loader, hook: (props: ParseProps) => ParseProps): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) =>
      loader.load({
        ...context,
        // The hook keeps the entry's shape; the schema decides what the data really is.
        parseData: (props) => context.parseData(hook(props) as typeof props),
      }),
  };
}
