/**
 * Dates as Korean readers see them. Everything is shown in the configured time zone
 * (Asia/Seoul by default) whatever the build machine's zone is.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale, options and zone: creating one costs far more than using it (thousands of dates per build). */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** "2010. 8. 10." */
export function formatDate(date: Date, timeZone: string): string {
  return formatter('ko-KR', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone }).format(date);
}

/** "2010년 8월" for archive headings. */
export function formatYearMonth(date: Date, timeZone: string): string {
  return formatter('ko-KR', { year: 'numeric', month: 'long', timeZone }).format(date);
}

/** Year and month (1-12) of a date in the given zone. */
export function yearMonth(date: Date, timeZone: string): { year: number; month: number } {
  const parts = formatter('en-US', { year: 'numeric', month: 'numeric', timeZone }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

/** "2010-08-10" in the given zone, for `<time datetime>` and file names. */
export function isoDay(date: Date, timeZone: string): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

/** Offset of `timeZone` from UTC at `date`, in minutes (Asia/Seoul: +540). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const parts = formatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - (date.getTime() - date.getMilliseconds())) / 60000);
}

const BARE_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;

/** "2010-02-30" -> false: JavaScript (and YAML) would quietly turn it into 2 March. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The instant of a wall-clock time in `timeZone` (for a bare day or a date-time without offset). */
function zonedTime(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // The offset is read at that instant: exact except within an hour of a DST change.
  return new Date(asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60000);
}

/**
 * Reads a front-matter date, written as text (see ./written-dates.ts):
 * - a bare day "2010-08-10" is midnight in the site's time zone, so a post scheduled for a day
 *   goes out when that day starts in Seoul;
 * - a date-time with an offset or Z ("2010-08-10T09:00:00+09:00") is taken as written;
 * - a date-time without one ("2010-08-10 09:00") is wall-clock time in the site's zone.
 * Anything else, or a day not in the calendar, gives undefined: never a guess that depends on
 * the build machine's time zone. A Date (YAML read without ./written-dates.ts) at UTC midnight is
 * taken for a bare day.
 */
export function parseContentDate(value: unknown, timeZone: string): Date | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
    return midnight ? zonedTime(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 0, 0, 0, 0, timeZone) : value;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const day = BARE_DAY.exec(text);
  if (day) {
    const [y, m, d] = day.slice(1, 4).map(Number) as [number, number, number];
    return isCalendarDay(y, m, d) ? zonedTime(y, m, d, 0, 0, 0, 0, timeZone) : undefined;
  }
  const dt = DATE_TIME.exec(text);
  if (!dt) return undefined;
  const [y, m, d, hh, mm] = dt.slice(1, 6).map(Number) as [number, number, number, number, number];
  const ss = Number(dt[6] ?? 0);
  const ms = Math.round(Number(dt[7] ?? 0) * 1000);
  if (!isCalendarDay(y, m, d) || hh > 23 || mm > 59 || ss > 59) return undefined;
  const zone = dt[8];
  if (!zone) return zonedTime(y, m, d, hh, mm, ss, ms, timeZone);
  const offset = /^[zZ]$/.test(zone) ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss, ms) - offset * 60000);
}

/** Why a front-matter date could not be read, for the writer. */
export function contentDateProblem(value: unknown): string {
  if (value === undefined || value === null || value === '') return '날짜가 없습니다.';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : JSON.stringify(value);
  const day = BARE_DAY.exec(text) ?? DATE_TIME.exec(text);
  if (day && !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) {
    return `${text.split(/[Tt ]/)[0]}은(는) 달력에 없는 날짜입니다 (YAML은 이런 날짜를 말없이 다른 날로 읽습니다).`;
  }
  return `${JSON.stringify(text)}은(는) 날짜로 읽을 수 없습니다.`;
}

/** A calendar day written "2010-08-10" (survey and benchmark JSON) as "2010. 8. 10."; other text unchanged. */
export function koreanDay(day: string): string {
  if (!BARE_DAY.test(day)) return day;
  const [year, month, date] = day.split('-').map(Number);
  return `${year}. ${month}. ${date}.`;
}

