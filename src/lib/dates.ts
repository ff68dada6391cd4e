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

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a front-matter date. A bare day ("2010-08-10", which YAML turns into UTC midnight)
 * means midnight in the site's time zone, so a post scheduled for a day goes out when that
 * day starts in Seoul, not at 09:00. A value with a time or offset is taken as written.
 */
export function parseContentDate(value: unknown, timeZone: string): Date | undefined {
  let date: Date;
  let bareDay = false;
  if (value instanceof Date) {
    date = value;
    bareDay = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
  } else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    bareDay = BARE_DAY.test(text);
    date = new Date(bareDay ? `${text}T00:00:00Z` : text);
  } else {
    return undefined;
  }
  if (Number.isNaN(date.getTime())) return undefined;
  if (!bareDay) return date;
  // Shift UTC midnight to local midnight; the offset is read at that instant (DST-safe enough for a day).
  return new Date(date.getTime() - zoneOffsetMinutes(date, timeZone) * 60000);
}
