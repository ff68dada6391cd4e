import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeRgbaAsPng, filteredRowLength, filterImageUp, filterRowUp, pngFromFilteredRows } from '@/lib/png';

/** A small opaque test image: a gradient with a few sharp edges. */
function image(width: number, height: number): Buffer {
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rgba.set([(x * 37) & 255, (y * 91) & 255, x > y ? 250 : 3, 255], i);
    }
  }
  return rgba;
}

async function decode(png: Buffer): Promise<{ width: number; height: number; rgb: Buffer }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgb: data };
}

const rgbOf = (rgba: Buffer) => Buffer.from(rgba.filter((_, i) => i % 4 !== 3));

describe('PNG writer', () => {
  it('writes a PNG another decoder reads back pixel for pixel', async () => {
    const rgba = image(31, 17);
    const back = await decode(encodeRgbaAsPng(rgba, 31, 17));
    expect([back.width, back.height]).toEqual([31, 17]);
    expect(back.rgb.equals(rgbOf(rgba))).toBe(true);
  });

  it('re-filtering only some columns of some rows gives the same file as filtering everything', async () => {
    const before = image(40, 12);
    const after = Buffer.from(before);
    // Change a block of columns 5..14 on rows 3..6.
    for (let y = 3; y < 7; y++) for (let x = 5; x < 15; x++) after.set([9, 9, 9, 255], (y * 40 + x) * 4);
    const rows = filterImageUp(before, 40, 12);
    const rowLength = filteredRowLength(40);
    for (let y = 3; y <= 7; y++) filterRowUp(rows, y * rowLength, after, y * 40 * 4, after, (y - 1) * 40 * 4, 40, 5, 15);
    expect(pngFromFilteredRows(rows, 40, 12).equals(encodeRgbaAsPng(after, 40, 12))).toBe(true);
    expect((await decode(pngFromFilteredRows(rows, 40, 12))).rgb.equals(rgbOf(after))).toBe(true);
  });

  it('refuses rows that do not match the size', () => {
    expect(() => pngFromFilteredRows(Buffer.alloc(10), 4, 4)).toThrow(/4x4/);
  });
});
