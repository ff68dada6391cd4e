/**
 * Days, weeks and months of the site's time zone, as the operations report counts them. A day is a
 * calendar day in `timeZone` (a post at 23:30 on Sunday in Seoul belongs to that Sunday, wherever
 * the build runs), numbered from 1970-01-01 so that days subtract. A week runs Monday to Sunday.
 * Pure.
 */
import { isoDay, parseContentDate } from '../dates.ts';

const MS_PER_DAY = 86_400_000;

/** "2010-08-10" -> days since 1970-01-01. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Days since 1970-01-01 -> "2010-08-10". */
export function dayText(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar day of an instant in `timeZone`, as a day number. */
export function localDayNumber(date: Date, timeZone: string): number {
  return dayNumber(isoDay(date, timeZone));
}

/** 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

/** The Monday of the week holding day `n`. */
export function weekStart(n: number): number {
  return n - weekdayIndex(n);
}

/** "2010-06" -> { year: 2010, month: 6 } */
export function parseMonth(month: string): { year: number; month: number } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { year, month: m };
}

/** "2010-06" of an instant in `timeZone`. */
export function monthOf(date: Date, timeZone: string): string {
  return isoDay(date, timeZone).slice(0, 7);
}

/** The month after "2010-12": "2011-01". */
export function nextMonth(month: string): string {
  const { year, month: m } = parseMonth(month);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

export function daysInMonth(month: string): number {
  const { year, month: m } = parseMonth(month);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** The instant `month` starts in `timeZone` (midnight of its first day). */
export function monthStart(month: string, timeZone: string): Date {
  const start = parseContentDate(`${month}-01`, timeZone);
  if (!start) throw new Error(`Not a month: ${month}`);
  return start;
}

/** The last instant of `month` in `timeZone`: a report "as of" the end of a month. */
export function monthEnd(month: string, timeZone: string): Date {
  return new Date(monthStart(nextMonth(month), timeZone).getTime() - 1);
}

/** Whether `month` has ended at `now` in `timeZone`: its month-end figures can exist. */
export function monthHasEnded(month: string, now: Date, timeZone: string): boolean {
  return monthStart(nextMonth(month), timeZone).getTime() <= now.getTime();
}

/** "2010년 6월" */
export function monthLabel(month: string): string {
  const { year, month: m } = parseMonth(month);
  return `${year}년 ${m}월`;
}

/** "6월 14일" (with the year when `withYear`). */
export function dayLabel(n: number, withYear = false): string {
  const [y, m, d] = dayText(n).split('-').map(Number) as [number, number, number];
  return `${withYear ? `${y}년 ` : ''}${m}월 ${d}일`;
}

/** The zone as a Korean reader names it: "한국 표준시" for Asia/Seoul, "협정 세계시" for UTC. */
export function zoneName(timeZone: string): string {
  const name = (style: 'longGeneric' | 'long') =>
    new Intl.DateTimeFormat('ko-KR', { timeZone, timeZoneName: style }).formatToParts(new Date(0)).find((p) => p.type === 'timeZoneName')?.value;
  const generic = name('longGeneric');
  return (generic && !generic.startsWith('GMT') ? generic : name('long')) ?? timeZone;
}
