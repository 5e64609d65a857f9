/**
 * The next occurrences of a cadence as instants: its pattern's days (see `occurrence-days.ts`) at its local start
 * time in its IANA zone.
 *
 * DST rule (the same as Outlook's, so check-in rounds and booked review meetings agree):
 * - a start time that does not exist that day (spring-forward gap) **moves forward by the length of the gap**:
 *   02:30 on New York's spring-forward Sunday is 03:30 EDT; 02:15 on Lord Howe's (a 30-minute gap) is 02:45;
 * - a start time that exists twice (fall-back overlap) is **the earlier instant**: 01:30 on New York's fall-back
 *   Sunday is 01:30 EDT.
 * `durationMinutes` is elapsed time: `end = start + duration`, whatever the wall clocks do in between.
 *
 * Pure: the caller passes `after` (no clock is read) and every answer follows from the arguments alone.
 */
import type { Cadence } from './cadence';
import { formatLocalDate, parseLocalTime } from './local-date';
import { occurrenceDays } from './occurrence-days';
import { resolveWallTime, wallTimeAt } from './zoned-time';

export interface Occurrence {
  start: Date;
  /** `start + durationMinutes` (elapsed minutes). */
  end: Date;
  /**
   * The day the pattern selected, `YYYY-MM-DD` in the cadence's zone. A start moved forward out of a DST gap keeps
   * the day it was scheduled on.
   */
  localDate: string;
}

/**
 * The next `count` occurrences of `cadence` that start strictly after `after`, in order, on days from `startDate`
 * through `endDate` (fewer when the series ends first).
 *
 * DST: a start time inside a spring-forward gap moves forward by the length of the gap (02:30 → 03:30); a start time
 * inside a fall-back overlap is the earlier of its two instants.
 *
 * The cadence must be valid (see `validateCadence`); `count` must be a whole number ≥ 0.
 */
export function nextOccurrences(cadence: Cadence, after: Date, count: number): Occurrence[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, not ${count}.`);
  const afterMs = after.getTime();
  if (Number.isNaN(afterMs)) throw new RangeError('after is an invalid Date.');
  const startMinute = parseLocalTime(cadence.startTime);
  if (startMinute === undefined) throw new Error(`Cadence startTime "${cadence.startTime}" is not HH:mm.`);
  const durationMs = cadence.durationMinutes * 60_000;

  const occurrences: Occurrence[] = [];
  if (count === 0) return occurrences;
  // Begin a day before `after`'s local date: nothing earlier can start after it, and the spare day keeps the search
  // safe around midnight and DST shifts. Earlier candidates are skipped by the instant comparison below.
  const fromDay = wallTimeAt(afterMs, cadence.timeZone).epochDay - 1;
  for (const day of occurrenceDays(cadence, fromDay)) {
    const { instant } = resolveWallTime(day, startMinute, cadence.timeZone);
    if (instant <= afterMs) continue;
    occurrences.push({
      start: new Date(instant),
      end: new Date(instant + durationMs),
      localDate: formatLocalDate(day),
    });
    if (occurrences.length === count) break;
  }
  return occurrences;
}
