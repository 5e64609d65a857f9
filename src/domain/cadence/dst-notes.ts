/**
 * What the clocks do to a cadence's start time on the days it runs: on a spring-forward day the time may not exist
 * (the occurrence runs later, by the length of the gap), on a fall-back day it may happen twice (the earlier one runs).
 * The editor shows these beside the next occurrences so nobody is surprised by a round at 02:30 instead of 01:30.
 */
import type { Cadence } from './cadence';
import { formatLocalTime, parseLocalDate, parseLocalTime } from './local-date';
import type { Occurrence } from './next-occurrences';
import { resolveWallTime, wallTimeAt } from './zoned-time';

export type DstNote =
  /** The start time does not exist that day; the occurrence runs at `runsAt` (local). */
  | { kind: 'gap'; localDate: string; startTime: string; runsAt: string }
  /** The start time happens twice that day; the first of the two runs. */
  | { kind: 'repeated'; localDate: string; startTime: string };

/** A note for each occurrence whose local start time falls in a DST gap or overlap of the cadence's zone. */
export function dstNotes(cadence: Cadence, occurrences: readonly Occurrence[]): DstNote[] {
  const minute = parseLocalTime(cadence.startTime);
  if (minute === undefined) return [];
  const notes: DstNote[] = [];
  for (const o of occurrences) {
    const day = parseLocalDate(o.localDate);
    if (day === undefined) continue;
    const { instant, resolution } = resolveWallTime(day, minute, cadence.timeZone);
    if (resolution === 'shiftedForward')
      notes.push({
        kind: 'gap',
        localDate: o.localDate,
        startTime: cadence.startTime,
        runsAt: formatLocalTime(wallTimeAt(instant, cadence.timeZone).minuteOfDay),
      });
    else if (resolution === 'earlierOfTwo')
      notes.push({ kind: 'repeated', localDate: o.localDate, startTime: cadence.startTime });
  }
  return notes;
}
