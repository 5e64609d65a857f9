/**
 * Meeting slots ranked the way Outlook's scheduling assistant ranks them: the fewest people outside their working hours
 * or busy first, then the earliest; the best few on different days, each with every person's local time and whether
 * they could come. A team spread over Berlin, New York and Bengaluru has no hour inside everyone's day, so "nobody
 * conflicts" cannot be the only answer: the least-bad slots are offered with who would pay for them. Pure: the caller
 * passes the window and the free/busy it read.
 */
import { DateTime } from 'luxon';

import { type Weekday, WEEKDAYS } from '../cadence/cadence';

export interface PersonAvailability {
  name: string;
  /** IANA zone of the person (their working hours' zone). */
  timeZone: string;
  workingHours: { daysOfWeek: readonly Weekday[]; startTime: string; endTime: string };
  busy: readonly { start: Date; end: Date }[];
}

/** Whether a person could come: free inside their hours, outside their working hours, or busy inside them. */
export type SlotAvailability = 'free' | 'outside_hours' | 'busy';

export interface SlotPerson {
  name: string;
  timeZone: string;
  /** The person's local start, e.g. `Tue 1 Dec 19:30`. */
  start: string;
  availability: SlotAvailability;
}

export interface SuggestedSlot {
  start: Date;
  end: Date;
  /** How many people are outside their working hours or busy then; 0 when everyone can come. */
  conflicts: number;
  local: SlotPerson[];
}

export interface SuggestOptions {
  /** How many slots at most (3, as Outlook offers). */
  max?: number;
  /** The zone whose calendar days keep the suggestions apart (one per day); UTC unless told. */
  dayZone?: string;
}

const STEP_MS = 30 * 60_000;
const LOCAL_FORMAT = 'ccc d LLL HH:mm';

/**
 * The best `max` slots of `durationMinutes` starting on the half hour inside the window, sorted by (conflicts, start),
 * at most one per day. A slot nobody could come to is never offered.
 */
export function suggestSlots(
  people: readonly PersonAvailability[],
  window: { from: Date; to: Date },
  durationMinutes: number,
  options: SuggestOptions = {},
): SuggestedSlot[] {
  const max = options.max ?? 3;
  const dayZone = options.dayZone ?? 'UTC';
  const duration = durationMinutes * 60_000;
  const candidates: { start: number; conflicts: number }[] = [];
  const first = Math.ceil(window.from.getTime() / STEP_MS) * STEP_MS;
  // Each person's working hours as instants, once: zone arithmetic per slot and person would be far slower.
  const hours = people.map((p) => workingIntervals(p, window.from.getTime(), window.to.getTime()));
  for (let t = first; t + duration <= window.to.getTime(); t += STEP_MS) {
    let conflicts = 0;
    people.forEach((p, i) => {
      if (availabilityOf(p, hours[i] ?? [], t, t + duration) !== 'free') conflicts++;
    });
    if (people.length === 0 || conflicts < people.length) candidates.push({ start: t, conflicts });
  }
  // Stable sort: among equal conflicts the earlier start stays first.
  candidates.sort((a, b) => a.conflicts - b.conflicts || a.start - b.start);
  const chosen: SuggestedSlot[] = [];
  const usedDays = new Set<string>();
  for (const { start, conflicts } of candidates) {
    if (chosen.length >= max) break;
    const day = DateTime.fromMillis(start, { zone: dayZone }).toISODate() ?? '';
    if (usedDays.has(day)) continue;
    usedDays.add(day);
    chosen.push({
      start: new Date(start),
      end: new Date(start + duration),
      conflicts,
      local: people.map((p, i) => ({
        name: p.name,
        timeZone: p.timeZone,
        start: DateTime.fromMillis(start, { zone: p.timeZone }).toFormat(LOCAL_FORMAT),
        availability: availabilityOf(p, hours[i] ?? [], start, start + duration),
      })),
    });
  }
  return chosen;
}

/** Outside the working hours wins over busy: it is the harder thing to ask of someone. */
function availabilityOf(
  person: PersonAvailability,
  hours: readonly Interval[],
  start: number,
  end: number,
): SlotAvailability {
  if (!hours.some(([from, until]) => from <= start && end <= until)) return 'outside_hours';
  return person.busy.some((b) => b.start.getTime() < end && b.end.getTime() > start) ? 'busy' : 'free';
}

type Interval = readonly [number, number];

/**
 * The person's working days around the window as [start, end) instants: each working weekday from its start time
 * to its end time in the person's own zone (hours that end at 00:00 end at midnight), so summer time is followed.
 */
function workingIntervals(person: PersonAvailability, from: number, to: number): Interval[] {
  const zone = person.timeZone;
  const { daysOfWeek, startTime, endTime } = person.workingHours;
  const begin = minutes(startTime);
  const finish = minutes(endTime) || 24 * 60;
  const intervals: Interval[] = [];
  const last = DateTime.fromMillis(to, { zone });
  for (
    let day = DateTime.fromMillis(from, { zone }).startOf('day');
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    // Luxon counts Monday 1 … Sunday 7; WEEKDAYS starts on Sunday.
    if (!daysOfWeek.includes(WEEKDAYS[day.weekday % 7] as Weekday)) continue;
    const open = day.set({ hour: Math.floor(begin / 60), minute: begin % 60 });
    const close =
      finish >= 24 * 60
        ? day.plus({ days: 1 }).startOf('day')
        : day.set({ hour: Math.floor(finish / 60), minute: finish % 60 });
    if (close > open) intervals.push([open.toMillis(), close.toMillis()]);
  }
  return intervals;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
