/**
 * Sätteri hast plugin: a GFM table's column alignment (`| ---: |`) as a class on the cell,
 * `align-right`, instead of the `style="text-align:right"` Sätteri writes. The site's
 * Content-Security-Policy allows no style attribute (src/lib/csp.ts); src/styles/global.css
 * aligns the classes. Any other style on a cell is left alone (and blocked by the policy).
 */
const ALIGN = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/i;

/** The classes of a hast element, whichever way they are written. */
function classesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

interface Cell {
  properties?: Record<string, unknown>;
}
interface Context {
  setProperty(node: Cell, key: string, value: unknown): void;
}

export const tableAlignClasses = {
  name: 'socialbench-table-align',
  element: {
    filter: ['th', 'td'],
    visit(node: Cell, ctx: Context): void {
      const style = node.properties?.style;
      const align = typeof style === 'string' ? ALIGN.exec(style)?.[1] : undefined;
      if (!align) return;
      ctx.setProperty(node, 'style', null);
      ctx.setProperty(node, 'className', [...classesOf(node.properties?.className), `align-${align.toLowerCase()}`]);
    },
  },
};
