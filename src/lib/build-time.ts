/**
 * "Now" for this build, captured once when the module is first loaded so every page, feed and
 * index of one build agrees on what is published. `BUILD_TIME` (ISO date-time) overrides it
 * for tests, previews and the hourly scheduled rebuild.
 */
import { yearMonth } from './dates.ts';

function readBuildTime(): Date {
  const raw = process.env.BUILD_TIME;
  if (!raw) return new Date();
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`환경 변수 BUILD_TIME: "${raw}"은(는) 날짜가 아닙니다. 2010-08-10T09:00:00+09:00처럼 ISO 날짜·시각으로 쓰거나, 지금 시각으로 빌드하려면 지우세요.`);
  }
  return date;
}

export const buildTime: Date = readBuildTime();

const buildYears = new Map<string, number>();

/** The build's year in `timeZone` (the footer's ©): worked out once, not again on each of thousands of pages. */
export function buildYear(timeZone: string): number {
  let year = buildYears.get(timeZone);
  if (year === undefined) buildYears.set(timeZone, (year = yearMonth(buildTime, timeZone).year));
  return year;
}
