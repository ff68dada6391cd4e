import { describe, expect, it, vi } from 'vitest';
import { buildTime, buildYear } from '@/lib/build-time';
import { formatDate, formatYearMonth, isoDay, parseContentDate, yearMonth, zoneOffsetMinutes } from '@/lib/dates';

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

describe('dates as written in front matter', () => {
  it('keeps the text of date fields so a time and a bare day differ', async () => {
    const { datesAsWritten } = await import('@/lib/written-dates');
    const yamlText = 'title: 글\npubDate: 2010-08-10T09:00:00+09:00\nupdatedDate: 2010-08-11';
    const parsedByAstro = { title: '글', pubDate: new Date('2010-08-10T00:00:00Z'), updatedDate: new Date('2010-08-11T00:00:00Z') };
    const data = datesAsWritten(yamlText, parsedByAstro);
    expect(data).toEqual({ title: '글', pubDate: '2010-08-10T09:00:00+09:00', updatedDate: '2010-08-11' });
    expect(parseContentDate(data.pubDate, SEOUL)?.toISOString()).toBe('2010-08-10T00:00:00.000Z');
    expect(parseContentDate(data.updatedDate, SEOUL)?.toISOString()).toBe('2010-08-10T15:00:00.000Z');
  });

  it('leaves data alone when the YAML cannot be read', async () => {
    const { datesAsWritten } = await import('@/lib/written-dates');
    const data = { pubDate: new Date(0) };
    expect(datesAsWritten('pubDate: [unclosed', data)).toBe(data);
  });
});

describe('strict front-matter dates', () => {
  it('reads a date-time without offset as wall-clock time in the site zone, whatever the machine zone', () => {
    expect(parseContentDate('2010-08-10 09:00', SEOUL)?.toISOString()).toBe('2010-08-10T00:00:00.000Z');
    expect(parseContentDate('2010-08-10T09:30:15', SEOUL)?.toISOString()).toBe('2010-08-10T00:30:15.000Z');
    expect(parseContentDate('2010-08-10T09:00:00Z', SEOUL)?.toISOString()).toBe('2010-08-10T09:00:00.000Z');
    expect(parseContentDate('2010-08-10T09:00:00-0500', SEOUL)?.toISOString()).toBe('2010-08-10T14:00:00.000Z');
  });

  it('refuses forms whose meaning would depend on the machine, and days not in the calendar', () => {
    for (const bad of ['2010/08/10', '2010-8-10', 'Aug 10 2010', '2010-02-30', '2010-13-01', '2010-08-10T25:00', '2010-08-10T09:00:00+09:00x']) {
      expect(parseContentDate(bad, SEOUL), bad).toBeUndefined();
    }
  });

  it('explains the two kinds of bad date', async () => {
    const { contentDateProblem } = await import('@/lib/dates');
    expect(contentDateProblem('2010-02-30')).toBe('2010-02-30은(는) 달력에 없는 날짜입니다 (YAML은 이런 날짜를 말없이 다른 날로 읽습니다).');
    // A date-time on a day that does not exist names only the day.
    expect(contentDateProblem('2010-02-30T09:00:00+09:00')).toMatch(/^2010-02-30은\(는\) 달력에 없는 날짜입니다/);
    expect(contentDateProblem('2010/08/10')).toBe('"2010/08/10"은(는) 날짜로 읽을 수 없습니다.');
    expect(contentDateProblem(undefined)).toBe('날짜가 없습니다.');
    expect(contentDateProblem('')).toBe('날짜가 없습니다.');
  });
});

describe("the build's year", () => {
  it('is the year of the build time in the given zone, the same on every call', () => {
    expect(buildYear(SEOUL)).toBe(yearMonth(buildTime, SEOUL).year);
    expect(buildYear('UTC')).toBe(yearMonth(buildTime, 'UTC').year);
    expect(buildYear(SEOUL)).toBe(buildYear(SEOUL));
  });

  it('stops the build with a Korean message when BUILD_TIME is not a date', async () => {
    vi.resetModules();
    vi.stubEnv('BUILD_TIME', '2010-13-45 아침');
    try {
      await expect(import('@/lib/build-time')).rejects.toThrow('환경 변수 BUILD_TIME: "2010-13-45 아침"은(는) 날짜가 아닙니다. 2010-08-10T09:00:00+09:00처럼');
      vi.resetModules();
      vi.stubEnv('BUILD_TIME', '2010-08-10T09:00:00+09:00');
      expect((await import('@/lib/build-time')).buildTime.toISOString()).toBe('2010-08-10T00:00:00.000Z');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
