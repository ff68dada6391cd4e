/**
 * Which encoding a spreadsheet's CSV is in, for `npm run survey:import`. Korean Excel saves
 * "CSV (쉼표로 분리)" in CP949 (Windows' Korean code page, also called UHC or, loosely, EUC-KR),
 * "CSV UTF-8(쉼표로 분리)" in UTF-8 with a BOM and "유니코드 텍스트" in UTF-16. The text is read as
 * UTF-8 when every byte is valid UTF-8, else as CP949 when every byte is valid CP949 and the result
 * looks like Korean; anything else is refused. Nothing is ever decoded to U+FFFD.
 *
 * CP949 is decoded here, not by `new TextDecoder('euc-kr')`: Node's ICU-backed decoder (checked on
 * Node 24.21) implements only KS X 1001 (EUC-KR proper), not the 8,822 syllables Windows added
 * (UHC, lead bytes 0x81-0xC6 with trail bytes below 0xA1: "똠" is 0x8C 0x63), and even with
 * `fatal: true` it turns those bytes into C1 control characters instead of failing. ICU still
 * decodes the KS X 1001 part (symbols, the 2,350 common syllables, hanja); the added syllables
 * are every Hangul syllable missing from KS X 1001, in Unicode order, which is how Microsoft
 * assigned them.
 */

export type CsvEncoding = 'utf-8' | 'cp949';

export type Decoded =
  | { ok: true; text: string; encoding: CsvEncoding; bom: boolean }
  | { ok: false; reason: 'utf-16'; bom: 'le' | 'be' | 'none' }
  /**
   * Neither UTF-8 nor CP949 ("unreadable"), or CP949 that does not read as Korean ("implausible").
   * `offset`: the first byte that could not be read (for its line number).
   */
  | { ok: false; reason: 'unreadable' | 'implausible'; offset: number; byte: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Offset of the first byte that is not (the start of) valid UTF-8; -1 when all are. */
export function firstBadUtf8(bytes: Uint8Array): number {
  if (isCompleteUtf8(bytes)) return -1;
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // Validity of a prefix (an unfinished last character allowed) only shrinks as it grows.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  // bytes[0, lo) is valid but for an unfinished last character, which is where the bad sequence starts.
  if (lo === 0 || isCompleteUtf8(bytes.subarray(0, lo))) return lo;
  let at = lo - 1;
  while (at > 0 && (bytes[at]! & 0xc0) === 0x80) at--;
  return at;
}

function isCompleteUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

let kscTable: Map<number, number> | undefined;
let uhcAdded: Uint16Array | undefined;

/** KS X 1001 (lead and trail 0xA1-0xFE) through ICU, two bytes at a time; 0 where undefined. */
function ksc(lead: number, trail: number): number {
  kscTable ??= buildKsc();
  return kscTable.get((lead << 8) | trail) ?? 0;
}

function buildKsc(): Map<number, number> {
  const table = new Map<number, number>();
  const decoder = new TextDecoder('euc-kr', { fatal: true });
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      let text: string;
      try {
        text = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      const code = text.codePointAt(0)!;
      // One character, and not a private-use stand-in for a user-defined code.
      if (text.length === 1 && !(code >= 0xe000 && code <= 0xf8ff) && code !== 0xfffd) table.set((lead << 8) | trail, code);
    }
  }
  // Windows' additions to KS X 1001's symbol rows.
  table.set(0xa2e6, 0x20ac).set(0xa2e7, 0x00ae).set(0xa2e8, 0x327e);
  return table;
}

/** The 8,822 Hangul syllables that are not in KS X 1001, in Unicode order: UHC's added codes. */
function buildUhc(): Uint16Array {
  const inKsc = new Set<number>();
  for (let lead = 0xb0; lead <= 0xc8; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) inKsc.add(ksc(lead, trail));
  const added: number[] = [];
  for (let code = 0xac00; code <= 0xd7a3; code++) if (!inKsc.has(code)) added.push(code);
  return Uint16Array.from(added);
}

/** Position of a trail byte among the UHC trails of its lead, or -1: 0x41-0x5A, 0x61-0x7A, 0x81-(0xFE or 0xA0). */
function uhcTrail(trail: number, last: number): number {
  if (trail >= 0x41 && trail <= 0x5a) return trail - 0x41;
  if (trail >= 0x61 && trail <= 0x7a) return 26 + trail - 0x61;
  if (trail >= 0x81 && trail <= last) return 52 + trail - 0x81;
  return -1;
}

/** A CP949 double-byte code as a code point, or 0. */
function cp949(lead: number, trail: number): number {
  if (lead >= 0xa1 && trail >= 0xa1) return lead <= 0xfe && trail <= 0xfe ? ksc(lead, trail) : 0;
  let index: number;
  if (lead >= 0x81 && lead <= 0xa0) {
    const t = uhcTrail(trail, 0xfe);
    if (t < 0) return 0;
    index = (lead - 0x81) * 178 + t;
  } else if (lead >= 0xa1 && lead <= 0xc6) {
    const t = uhcTrail(trail, 0xa0);
    if (t < 0) return 0;
    index = 32 * 178 + (lead - 0xa1) * 84 + t;
  } else return 0;
  uhcAdded ??= buildUhc();
  return uhcAdded[index] ?? 0;
}

/** CP949 bytes as text, or the offset of the first byte that is not CP949. */
export function decodeCp949(bytes: Uint8Array): { text: string } | { offset: number } {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      out.push(String.fromCharCode(byte));
      continue;
    }
    const code = i + 1 < bytes.length ? cp949(byte, bytes[i + 1]!) : 0;
    if (!code) return { offset: i };
    out.push(String.fromCodePoint(code));
    i++;
  }
  return { text: out.join('') };
}

/**
 * Text that could be a Korean spreadsheet: no control characters but tab and line ends, and at
 * least one Hangul syllable, which make up at least half of the non-ASCII characters (Latin-1
 * accents read as CP949 come out as hanja and symbols instead).
 */
export function looksKorean(text: string): boolean {
  if (/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]/.test(text)) return false;
  const nonAscii = text.match(/[^\0-\x7f]/gu)?.length ?? 0;
  const hangul = text.match(/[\uac00-\ud7a3]/g)?.length ?? 0;
  return hangul > 0 && hangul * 2 >= nonAscii;
}

/** The file's text and the encoding it was read in, or why it cannot be read. */
export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: false, reason: 'utf-16', bom: 'le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: false, reason: 'utf-16', bom: 'be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const badUtf8 = firstBadUtf8(bytes);
  // UTF-16 without a BOM: ASCII characters come with a zero byte beside them.
  const zeros = bytes.subarray(0, 4096).filter((b) => b === 0).length;
  if (!bom && zeros > 0 && zeros * 4 >= Math.min(bytes.length, 4096)) return { ok: false, reason: 'utf-16', bom: 'none' };
  if (badUtf8 < 0) return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8', bom };
  // A file that says it is UTF-8 is not guessed at.
  if (!bom) {
    const legacy = decodeCp949(bytes);
    if ('text' in legacy) {
      if (looksKorean(legacy.text)) return { ok: true, text: legacy.text, encoding: 'cp949', bom: false };
      return { ok: false, reason: 'implausible', offset: badUtf8, byte: bytes[badUtf8]! };
    }
    // The encoding that read further is the likelier one: its first bad byte is the one to show.
    if (legacy.offset > badUtf8) return { ok: false, reason: 'unreadable', offset: legacy.offset, byte: bytes[legacy.offset]! };
  }
  return { ok: false, reason: 'unreadable', offset: badUtf8, byte: bytes[badUtf8]! };
}

/** 1-based line of a byte offset (the line numbers csv-parse and editors show). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
