import { describe, expect, it } from 'vitest';
import { formatDate, formatYearMonth, isoDay, parseContentDate, yearMonth, zoneOffsetMinutes } from '../../src/lib/dates';

const SEOUL = 'Asia/Seoul';

describe('Korean dates', () => {
  it('formats as "2010. 8. 10." in the site time zone, whatever the machine zone', () => {
    expect(formatDate(new Date('2010-08-10T00:00:00+09:00'), SEOUL)).toBe('2010. 8. 10.');
    // 23:30 UTC on the 9th is already the 10th in Seoul.
    expect(formatDate(new Date('2010-08-09T23:30:00Z'), SEOUL)).toBe('2010. 8. 10.');
    expect(formatDate(new Date('2010-08-09T23:30:00Z'), 'UTC')).toBe('2010. 8. 9.');
  });

  it('names months for the archive', () => {
    expect(formatYearMonth(new Date('2010-12-31T20:00:00Z'), SEOUL)).toBe('2011년 1월');
    expect(yearMonth(new Date('2010-12-31T20:00:00Z'), SEOUL)).toEqual({ year: 2011, month: 1 });
    expect(isoDay(new Date('2010-12-31T20:00:00Z'), SEOUL)).toBe('2011-01-01');
  });

  it('knows the zone offset', () => {
    expect(zoneOffsetMinutes(new Date('2010-08-10T00:00:00Z'), SEOUL)).toBe(540);
    expect(zoneOffsetMinutes(new Date('2010-08-10T00:00:00Z'), 'America/New_York')).toBe(-240);
  });
});

describe('front-matter dates', () => {
  it('reads a bare day as midnight in the site zone', () => {
    expect(parseContentDate('2010-08-10', SEOUL)?.toISOString()).toBe('2010-08-09T15:00:00.000Z');
    // YAML turns a bare day into UTC midnight; that is the same day.
    expect(parseContentDate(new Date('2010-08-10T00:00:00Z'), SEOUL)?.toISOString()).toBe('2010-08-09T15:00:00.000Z');
  });

  it('takes a date-time with an offset as written', () => {
    expect(parseContentDate('2010-08-10T09:30:00+09:00', SEOUL)?.toISOString()).toBe('2010-08-10T00:30:00.000Z');
    expect(parseContentDate(new Date('2010-08-10T09:30:00Z'), SEOUL)?.toISOString()).toBe('2010-08-10T09:30:00.000Z');
  });

  it('rejects what is not a date', () => {
    for (const bad of ['2010-13-45x', 'next tuesday', '', 42, null, undefined, {}]) expect(parseContentDate(bad, SEOUL), String(bad)).toBeUndefined();
  });
});
