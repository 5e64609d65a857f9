/**
 * When a round opens, nudges and closes, and when each member's card goes out (quiet hours in the member's own zone).
 * Pure: every instant follows from the arguments.
 */
import { DateTime } from 'luxon';

import type { Cadence } from '../cadence/cadence';
import { nextOccurrences } from '../cadence/next-occurrences';
import type { QuietHours } from '../charter/charter';
import { isQuietMinute, minuteOfDay } from './quiet-hours';

/** A round stays open at most this long (and never past the next round's start). */
const MAX_ROUND_MS = 48 * 3_600_000;

export interface RoundTimes {
  opensAt: Date;
  /** Halfway through the round: one nudge to those who have not answered. */
  nudgeAt: Date;
  closesAt: Date;
}

/** The next round of `cadence` that opens strictly after `after`, or null when the cadence has ended. */
export function nextRound(cadence: Cadence, after: Date): RoundTimes | null {
  const [first, second] = nextOccurrences(cadence, after, 2);
  if (!first) return null;
  return roundTimes(first.start, second?.start ?? null);
}

/** Whether `at` is an occurrence of `cadence` (a planned round whose cadence changed since is not). */
export function isOccurrence(cadence: Cadence, at: Date): boolean {
  const [next] = nextOccurrences(cadence, new Date(at.getTime() - 1), 1);
  return next?.start.getTime() === at.getTime();
}

export function roundTimes(opensAt: Date, nextOpensAt: Date | null): RoundTimes {
  const length = Math.min(
    MAX_ROUND_MS,
    nextOpensAt ? nextOpensAt.getTime() - opensAt.getTime() : MAX_ROUND_MS,
  );
  return {
    opensAt,
    nudgeAt: new Date(opensAt.getTime() + Math.round(length / 2)),
    closesAt: new Date(opensAt.getTime() + length),
  };
}

/**
 * When a member's card goes out: at `opensAt`, unless that falls in the quiet hours of the member's zone, then at the
 * end of those quiet hours. Quiet hours may span midnight (19:00–08:00).
 */
export function deliveryTime(opensAt: Date, quietHours: QuietHours | null, timeZone: string): Date {
  if (!quietHours) return opensAt;
  const local = DateTime.fromJSDate(opensAt, { zone: timeZone });
  const minute = local.hour * 60 + local.minute;
  if (!isQuietMinute(minute, quietHours)) return opensAt;
  const start = minuteOfDay(quietHours.start);
  const end = minuteOfDay(quietHours.end);
  const overnight = start > end;
  const endDay = overnight && minute >= start ? local.plus({ days: 1 }) : local;
  const resumes = endDay.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return resumes.toJSDate();
}
