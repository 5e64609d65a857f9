/**
 * The DST transitions of a zone, found with `Intl` alone, and a generator of cadences that meet them: a start time
 * in (or just beside) a spring-forward gap or a fall-back overlap, on a day the pattern selects. Random cadences
 * almost never land there by chance.
 */
import fc from 'fast-check';

import type { Cadence, CadencePattern } from '../../../../src/domain/cadence/cadence';
import { WEEK_INDEXES, WEEKDAYS } from '../../../../src/domain/cadence/cadence';
import { ZONES } from './cadence-arbitraries';
import { offsetAt, wallClockAt } from './intl-zone';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface Transition {
  timeZone: string;
  /** The local date on which the wall clock jumps. */
  date: string;
  /** Minutes after midnight, on `date`, where the skipped or repeated stretch of wall time begins. */
  windowStart: number;
  /** Positive: a gap of that many minutes; negative: an overlap. */
  change: number;
}

const cache = new Map<string, Transition[]>();

/** Every offset change in `timeZone` from 2024 to 2031. */
function transitionsOf(timeZone: string): Transition[] {
  const cached = cache.get(timeZone);
  if (cached) return cached;
  const found: Transition[] = [];
  let previous = offsetAt(Date.UTC(2024, 0, 1), timeZone);
  // Offsets change at most a few times a year, never twice in a week: sample weekly, then narrow down.
  for (let t = Date.UTC(2024, 0, 1) + WEEK; t <= Date.UTC(2032, 0, 1); t += WEEK) {
    const offset = offsetAt(t, timeZone);
    if (offset === previous) continue;
    // Binary-search the first minute on the new offset.
    let lo = t - WEEK;
    let hi = t;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    const change = offset - previous;
    // The stretch begins at the smaller of the two wall readings of the transition instant (old and new offset).
    const after = wallClockAt(hi, timeZone);
    const begins = new Date(Date.parse(`${after.date}T${after.time}:00Z`) - Math.max(0, change) * MINUTE);
    found.push({
      timeZone,
      date: begins.toISOString().slice(0, 10),
      windowStart: begins.getUTCHours() * 60 + begins.getUTCMinutes(),
      change,
    });
    previous = offset;
  }
  cache.set(timeZone, found);
  return found;
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A pattern that certainly selects `date`, and a start date from which the interval still reaches it. */
function patternThrough(
  date: string,
  choice: number,
  interval: number,
  back: number,
): [CadencePattern, string] {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = WEEKDAYS[day.getUTCDay()] as (typeof WEEKDAYS)[number];
  const dayOfMonth = day.getUTCDate();
  const lastOfMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
  if (choice === 0) {
    const weeks = Math.min(interval, 4);
    // Whole intervals back from the date's own week keep that week active.
    const startDate = new Date(day.getTime() - back * weeks * 7 * DAY).toISOString().slice(0, 10);
    return [{ kind: 'weekly', interval: weeks, daysOfWeek: [weekday] }, startDate];
  }
  // For monthly patterns start on the 1st of a month a whole number of intervals back: that month is the anchor.
  const startDate = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - back * interval, 1))
    .toISOString()
    .slice(0, 10);
  if (choice === 1 && (dayOfMonth <= 28 || dayOfMonth === lastOfMonth)) {
    return [
      { kind: 'monthlyOnDate', interval, dayOfMonth: dayOfMonth <= 28 ? dayOfMonth : 'last' },
      startDate,
    ];
  }
  const index =
    dayOfMonth + 7 > lastOfMonth ? 'last' : (WEEK_INDEXES[Math.ceil(dayOfMonth / 7) - 1] ?? 'first');
  return [{ kind: 'monthlyOnPosition', interval, index, dayOfWeek: weekday }, startDate];
}

/** A cadence with an occurrence at a DST edge, an instant a little before it and a count that reaches it. */
export const dstEdgeCaseArb: fc.Arbitrary<[Cadence, Date, number]> = fc
  .record({
    zone: fc.constantFrom(...ZONES.filter((zone) => zone !== 'Asia/Kolkata')),
    pick: fc.nat(),
    around: fc.integer({ min: -20, max: 80 }),
    choice: fc.integer({ min: 0, max: 2 }),
    interval: fc.integer({ min: 1, max: 12 }),
    back: fc.integer({ min: 0, max: 3 }),
    durationMinutes: fc.integer({ min: 5, max: 480 }),
    daysBefore: fc.integer({ min: 0, max: 20 }),
    withEnd: fc.boolean(),
  })
  .map(({ zone, pick, around, choice, interval, back, durationMinutes, daysBefore, withEnd }) => {
    const transitions = transitionsOf(zone);
    const transition = transitions[pick % transitions.length] as Transition;
    // Somewhere from 20 minutes before the stretch to 20 minutes after it (it is 30 or 60 minutes long).
    const minute = Math.min(
      1439,
      Math.max(
        0,
        transition.windowStart + Math.round((around / 100) * (Math.abs(transition.change) + 40)) - 20,
      ),
    );
    const [pattern, startDate] = patternThrough(transition.date, choice, interval, back);
    const cadence: Cadence = {
      pattern,
      startTime: hhmm(minute),
      durationMinutes,
      timeZone: zone,
      startDate,
      endDate: withEnd ? transition.date : null,
    };
    const after = new Date(Date.parse(`${transition.date}T00:00:00Z`) - (daysBefore + 1) * DAY);
    return [cadence, after, 12] as [Cadence, Date, number];
  });
