/**
 * Calendar dates and wall-clock times with no zone attached: `YYYY-MM-DD` and `HH:mm`.
 *
 * A date is handled as an epoch day (days since 1970-01-01 in the proleptic Gregorian calendar), so stepping by days,
 * weeks and months is integer arithmetic that never touches a clock or a zone. The conversions are Howard Hinnant's
 * `days_from_civil` / `civil_from_days` (exact for every year, unlike `Date.UTC`, which maps years 0–99 to 19xx).
 */

/** A calendar date split into its parts; `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const MINUTES_PER_DAY = 24 * 60;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function epochDayOf({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of an epoch day. */
export function civilDateOf(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday, the order of `WEEKDAYS`. */
export function weekdayOf(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** The epoch day of a real calendar date written `YYYY-MM-DD`, or undefined for anything else (2026-02-30 too). */
export function parseLocalDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = LOCAL_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return epochDayOf({ year, month, day });
}

export function formatLocalDate(epochDay: number): string {
  const { year, month, day } = civilDateOf(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Minutes after midnight of a time written `HH:mm` (00:00–23:59), or undefined for anything else. */
export function parseLocalTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = LOCAL_TIME.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatLocalTime(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** Months since January 1970, so that months can be counted with subtraction. */
export function monthIndexOf(year: number, month: number): number {
  return (year - 1970) * 12 + (month - 1);
}

export function yearMonthOf(monthIndex: number): { year: number; month: number } {
  const year = 1970 + Math.floor(monthIndex / 12);
  return { year, month: monthIndex - (year - 1970) * 12 + 1 };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
