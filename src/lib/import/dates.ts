/**
 * Dates of old blogs, kept with their offset from UTC so a post published at 10:00 in Seoul stays
 * "2021-03-22T10:00:00+09:00". A date without an offset is wall-clock time in the blog's time
 * zone (Jekyll's `timezone`, else the one given to the import).
 */
import { parseContentDate, zoneOffsetMinutes } from '../dates.ts';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "+09:00" for 540 minutes. */
export function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The instant written as local time at `offsetMinutes`: "2021-03-22T10:00:00+09:00". */
export function withOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${offsetText(offsetMinutes)}`;
}

/** The instant in `timeZone`'s offset at that instant. */
export function inZone(date: Date, timeZone: string): string {
  return withOffset(date, zoneOffsetMinutes(date, timeZone));
}

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?$/;

/**
 * A Jekyll, Hugo or ISO 8601 date ("2021-03-22 10:00:00 +0900", "2021-03-22", "2021-03-22T10:00:00Z")
 * with its offset kept; without one, wall-clock time in `timeZone`. Undefined when it is not a date.
 */
export function parseSourceDate(value: unknown, timeZone: string): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : inZone(value, timeZone);
  if (typeof value !== 'string') return undefined;
  const m = ISO_LIKE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [m[1]!, pad(Number(m[2])), pad(Number(m[3]))];
  const time = m[4] ? `${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}` : '00:00:00';
  const zone = m[7];
  if (!zone) {
    const date = parseContentDate(`${y}-${mo}-${d}T${time}`, timeZone);
    return date ? inZone(date, timeZone) : undefined;
  }
  let minutes = 0;
  if (!/^(Z|z|UTC|GMT)$/.test(zone)) {
    const digits = zone.slice(1).replace(':', '');
    const hours = digits.length <= 2 ? Number(digits) : Number(digits.slice(0, 2));
    minutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0));
  }
  const date = parseContentDate(`${y}-${mo}-${d}T${time}${offsetText(minutes)}`, timeZone);
  return date ? withOffset(date, minutes) : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, KST: 540 };

/** An RSS date (RFC 822: "Mon, 22 Mar 2021 10:00:00 +0900") with its offset; an ISO date as well. */
export function parseFeedDate(value: unknown, timeZone: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = parseSourceDate(text, timeZone);
  if (iso) return iso;
  const m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,3})?$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return undefined;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const zone = m[7];
  const minutes = zone === undefined ? undefined : /^[+-]/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3))) : ZONES[zone];
  const local = `${year}-${pad(month + 1)}-${pad(Number(m[1]))} ${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}`;
  return parseSourceDate(minutes === undefined ? local : `${local}${offsetText(minutes)}`, timeZone);
}

/** The day of an ISO date-time as written ("2021-03-22T10:00:00+09:00" -> "2021-03-22"): the post's file name. */
export function writtenDay(iso: string): string {
  return iso.slice(0, 10);
}
