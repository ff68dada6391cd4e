/**
 * Whether Astro's image pipeline can read an image file it will optimise (an image beside a post,
 * a hero image, an author's photo). Astro reads the format and size with image-size, of which it
 * carries a copy; a file it cannot read stops the whole build with an English error and no line.
 * The writer checks read it the same way first, so the writer gets the post's file and line.
 */
import { readFileSync } from 'node:fs';
import { imageSize } from 'image-size';

/** What to say about a file Astro could not read, or undefined when it can. */
export function unreadableImage(file: string): { expected: string; fix: string } | undefined {
  let readable = false;
  try {
    const size = imageSize(readFileSync(file));
    readable = Boolean(size.width && size.height && size.type);
  } catch {
    // Not an image format it knows, or a broken file.
  }
  if (readable) return undefined;
  if (/\.svg$/i.test(file)) {
    return {
      // image-size looks for the <svg …> tag in the first 1,000 bytes only.
      expected: '파일의 처음 1,000바이트 안에서 끝나는 <svg> 여는 태그와, 그 안의 width·height 또는 viewBox',
      fix: '<svg> 앞의 긴 주석이나 <svg> 태그 안의 긴 속성(diagrams.net이 넣는 content="…" 등)을 지우거나, 그림 편집기에서 PNG로 다시 내보내세요.',
    };
  }
  return {
    expected: 'PNG, JPEG, GIF, WebP, AVIF, SVG 가운데 하나로 저장된 온전한 이미지 파일',
    fix: '그림 편집기에서 PNG나 JPEG로 다시 저장하세요. 파일이 깨졌거나, 확장자와 실제 형식이 다를 수 있습니다.',
  };
}
