import type { AstroIntegration } from 'astro';

/**
 * Tells src/data/posts.ts whether this is `astro dev`, where writers preview drafts and scheduled
 * posts. Decided by Astro's own command, not by NODE_ENV or import.meta.env.DEV, which a build's
 * prerender step does not reliably set to false.
 */
export default function previewUnpublished(): AstroIntegration {
  return {
    name: 'socialbench-preview-unpublished',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.PREVIEW_UNPUBLISHED': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
