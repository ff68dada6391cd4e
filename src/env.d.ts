interface ImportMetaEnv {
  /** True only under `astro dev`: drafts and scheduled posts are shown with a badge. */
  readonly PREVIEW_UNPUBLISHED: boolean;
}
