/**
 * The calendar days a cadence's pattern selects, in order: the date half of a schedule, before any zone or DST.
 *
 * How the interval is counted (chosen to match Outlook, so that `toGraphSchedule` books exactly these days):
 * - **weekly**: weeks run Sunday–Saturday (Graph's default `firstDayOfWeek: sunday`, which `toGraphSchedule` sends
 *   explicitly) and are counted from the week that contains `startDate`: with `interval` 2 that week, the week two
 *   later, and so on. Days of that first week before `startDate` are skipped. This is how Exchange anchors a weekly
 *   series ([MS-OXOCAL] 2.2.1.44.1.1: "the beginning of the week that contains the date indicated by StartDate").
 * - **monthly** (both kinds): months are counted from the first month, at or after the month of `startDate`, whose
 *   selected day is on or after `startDate`. Graph documents it this way: "first Thursday of every other month
 *   starting August 29 … the first occurrence of this series will be in September"
 *   (https://learn.microsoft.com/graph/outlook-schedule-recurring-events).
 */
import type { Cadence, CadencePattern, Weekday, WeekIndex } from './cadence';
import { WEEKDAYS } from './cadence';
import {
  civilDateOf,
  daysInMonth,
  epochDayOf,
  monthIndexOf,
  parseLocalDate,
  weekdayOf,
  yearMonthOf,
} from './local-date';

/**
 * Epoch days on which `cadence` occurs, ascending, from `fromDay` (inclusive; defaults to `startDate`) through
 * `endDate`. Endless when the cadence has no end date: take what you need and stop.
 * The cadence must be valid (see `validateCadence`); an unreadable start or end date throws.
 */
export function* occurrenceDays(cadence: Cadence, fromDay?: number): Generator<number, void, undefined> {
  const startDay = requireDate(cadence.startDate, 'startDate');
  const endDay = cadence.endDate == null ? Infinity : requireDate(cadence.endDate, 'endDate');
  const from = Math.max(startDay, fromDay ?? startDay);
  const { interval } = cadence.pattern;
  if (!Number.isInteger(interval) || interval < 1)
    throw new Error(`Cadence interval ${interval} is not a whole number ≥ 1.`);
  const days =
    cadence.pattern.kind === 'weekly'
      ? weeklyDays(cadence.pattern, startDay, from)
      : monthlyDays(cadence.pattern, startDay, from);
  for (const day of days) {
    if (day > endDay) return;
    yield day;
  }
}

/** The first day the cadence occurs on, or undefined when no day between `startDate` and `endDate` fits. */
export function firstOccurrenceDay(cadence: Cadence): number | undefined {
  const next = occurrenceDays(cadence).next();
  return next.done ? undefined : next.value;
}

function* weeklyDays(
  pattern: Extract<CadencePattern, { kind: 'weekly' }>,
  startDay: number,
  from: number,
): Generator<number, void, undefined> {
  const weekdays = [...new Set(pattern.daysOfWeek.map(weekdayIndex))].sort((a, b) => a - b);
  if (weekdays.length === 0) throw new Error('A weekly cadence needs at least one weekday.');
  const firstWeek = startDay - weekdayOf(startDay); // the Sunday that starts the week of startDate
  // The first week at or after `from`'s week that is a whole number of intervals from the first week.
  const weeksToFrom = Math.floor((from - firstWeek) / 7);
  let week = Math.ceil(weeksToFrom / pattern.interval) * pattern.interval;
  for (;;) {
    const sunday = firstWeek + week * 7;
    for (const weekday of weekdays) {
      const day = sunday + weekday;
      if (day >= from) yield day;
    }
    week += pattern.interval;
  }
}

function* monthlyDays(
  pattern: Exclude<CadencePattern, { kind: 'weekly' }>,
  startDay: number,
  from: number,
): Generator<number, void, undefined> {
  const start = civilDateOf(startDay);
  const startMonth = monthIndexOf(start.year, start.month);
  const firstMonth = dayInMonth(pattern, startMonth) >= startDay ? startMonth : startMonth + 1;
  const fromDate = civilDateOf(from);
  const monthsToFrom = monthIndexOf(fromDate.year, fromDate.month) - firstMonth;
  let month = firstMonth + Math.max(0, Math.ceil(monthsToFrom / pattern.interval)) * pattern.interval;
  for (;;) {
    const day = dayInMonth(pattern, month);
    if (day >= from) yield day;
    month += pattern.interval;
  }
}

/** The one day a monthly pattern selects in a month (given as months since January 1970). */
function dayInMonth(pattern: Exclude<CadencePattern, { kind: 'weekly' }>, monthIndex: number): number {
  const { year, month } = yearMonthOf(monthIndex);
  const lastDate = daysInMonth(year, month);
  if (pattern.kind === 'monthlyOnDate') {
    const date = pattern.dayOfMonth === 'last' ? lastDate : Math.min(pattern.dayOfMonth, lastDate);
    return epochDayOf({ year, month, day: date });
  }
  return nthWeekdayOfMonth(year, month, pattern.index, weekdayIndex(pattern.dayOfWeek));
}

function nthWeekdayOfMonth(year: number, month: number, index: WeekIndex, weekday: number): number {
  if (index === 'last') {
    const last = epochDayOf({ year, month, day: daysInMonth(year, month) });
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = epochDayOf({ year, month, day: 1 });
  const firstMatch = first + ((weekday - weekdayOf(first) + 7) % 7);
  return firstMatch + 7 * ['first', 'second', 'third', 'fourth'].indexOf(index);
}

function weekdayIndex(weekday: Weekday): number {
  const index = WEEKDAYS.indexOf(weekday);
  if (index < 0) throw new Error(`Unknown weekday "${String(weekday)}".`);
  return index;
}

function requireDate(text: string, field: string): number {
  const day = parseLocalDate(text);
  if (day === undefined) throw new Error(`Cadence ${field} "${text}" is not a YYYY-MM-DD calendar date.`);
  return day;
}
