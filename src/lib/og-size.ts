/** Size of every Open Graph card: drawn at this size, and declared in og:image:width/height and feed enclosures. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
