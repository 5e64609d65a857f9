/**
 * Local wall-clock time in an IANA zone ↔ instants, with one explicit rule for the two DST edge cases:
 *
 * - **A time that does not exist** (the spring-forward gap) **moves forward by the length of the gap**: 02:30 on the
 *   day New York jumps from 02:00 to 03:00 becomes 03:30 EDT; 02:15 on the day Lord Howe jumps from 02:00 to 02:30
 *   becomes 02:45. This is what Outlook/Exchange do, so our check-ins and the booked review meetings agree.
 * - **A time that exists twice** (the fall-back overlap) is **the earlier instant**, the one still on summer time:
 *   01:30 on the day New York falls back is 01:30 EDT (05:30Z), not 01:30 EST.
 *
 * Why not `DateTime.fromObject(…, { zone })` from luxon: luxon resolves an ambiguous local time by first guessing the
 * zone's offset *at the current clock time*, so 01:30 on a fall-back day comes out as EDT when the code runs in July
 * and as EST when it runs in January. That is a hidden clock read; here only luxon's `IANAZone#offset(instant)`
 * (Intl-backed, pure) is used, and the rule above is applied by hand.
 */
import { IANAZone } from 'luxon';

import { MINUTES_PER_DAY } from './local-date';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

/** How a local wall time was turned into an instant. */
export type WallTimeResolution =
  /** The wall time happens exactly once that day. */
  | 'exact'
  /** The wall time falls in a spring-forward gap; the instant is the wall time moved forward by the gap. */
  | 'shiftedForward'
  /** The wall time happens twice (fall-back overlap); the instant is the earlier one. */
  | 'earlierOfTwo';

export interface ResolvedWallTime {
  /** Milliseconds since the Unix epoch. */
  instant: number;
  resolution: WallTimeResolution;
}

function zoneNamed(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new Error(`Unknown IANA time zone "${timeZone}".`);
  return zone;
}

/** Whether this runtime's time zone data (Intl) knows the IANA zone `name`. */
export function isKnownTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/**
 * The instant at which the wall clocks of `timeZone` show `minuteOfDay` on `epochDay`, by the rule at the top of this
 * file (gap → forward by the gap; overlap → earlier instant).
 */
export function resolveWallTime(epochDay: number, minuteOfDay: number, timeZone: string): ResolvedWallTime {
  const zone = zoneNamed(timeZone);
  // The wall time read as if it were UTC; subtracting an offset gives a candidate instant.
  const wallAsUtc = epochDay * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  // Every offset in force within a day either side (offsets span at most ±14 h, and zones change at most once a
  // day), so the offsets just before and just after any transition near this wall time are among them.
  const offsets = new Set([
    zone.offset(wallAsUtc - MS_PER_DAY),
    zone.offset(wallAsUtc),
    zone.offset(wallAsUtc + MS_PER_DAY),
  ]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const candidate = wallAsUtc - offset * MS_PER_MINUTE;
    if (zone.offset(candidate) === offset) matches.push(candidate);
  }
  if (matches.length === 1) return { instant: matches[0] as number, resolution: 'exact' };
  if (matches.length > 1) return { instant: Math.min(...matches), resolution: 'earlierOfTwo' };
  // A gap: the clocks jumped from the smaller offset to the larger one. Reading the wall time with the offset from
  // before the jump gives the instant that the clocks, now on the new offset, show as the wall time + the gap.
  const before = Math.min(...offsets);
  return { instant: wallAsUtc - before * MS_PER_MINUTE, resolution: 'shiftedForward' };
}

/** The wall-clock date (epoch day) and time (minutes after midnight) that `timeZone` shows at an instant. */
export function wallTimeAt(instant: number, timeZone: string): { epochDay: number; minuteOfDay: number } {
  const local = instant + zoneNamed(timeZone).offset(instant) * MS_PER_MINUTE;
  const epochDay = Math.floor(local / MS_PER_DAY);
  return { epochDay, minuteOfDay: Math.floor((local - epochDay * MS_PER_DAY) / MS_PER_MINUTE) };
}
