/**
 * Up to three meeting slots inside everyone's working hours and outside everyone's busy time, on different days,
 * each shown in every person's own zone. Pure: the caller passes the window and the free/busy it read.
 */
import { DateTime } from 'luxon';
import type { Weekday } from '../cadence/cadence';

export interface PersonAvailability {
  name: string;
  /** IANA zone of the person (their working hours' zone). */
  timeZone: string;
  workingHours: { daysOfWeek: readonly Weekday[]; startTime: string; endTime: string };
  busy: readonly { start: Date; end: Date }[];
}

export interface SuggestedSlot {
  start: Date;
  end: Date;
  /** Each person's local start, e.g. `Tue 10:00`. */
  local: { name: string; timeZone: string; start: string }[];
}

const STEP_MS = 30 * 60_000;
const WEEKDAY_BY_LUXON: Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

export function suggestSlots(
  people: readonly PersonAvailability[],
  window: { from: Date; to: Date },
  durationMinutes: number,
  max = 3,
): SuggestedSlot[] {
  const slots: SuggestedSlot[] = [];
  const usedDays = new Set<string>();
  const duration = durationMinutes * 60_000;
  const first = Math.ceil(window.from.getTime() / STEP_MS) * STEP_MS;
  for (let t = first; t + duration <= window.to.getTime() && slots.length < max; t += STEP_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (usedDays.has(day)) continue;
    if (!people.every((p) => fits(p, t, t + duration))) continue;
    usedDays.add(day);
    slots.push({
      start: new Date(t),
      end: new Date(t + duration),
      local: people.map((p) => ({
        name: p.name,
        timeZone: p.timeZone,
        start: DateTime.fromMillis(t, { zone: p.timeZone }).toFormat('ccc d LLL HH:mm'),
      })),
    });
  }
  return slots;
}

function fits(person: PersonAvailability, start: number, end: number): boolean {
  const s = DateTime.fromMillis(start, { zone: person.timeZone });
  const e = DateTime.fromMillis(end, { zone: person.timeZone });
  if (s.toISODate() !== e.minus({ milliseconds: 1 }).toISODate()) return false;
  if (!person.workingHours.daysOfWeek.includes(WEEKDAY_BY_LUXON[s.weekday - 1] as Weekday)) return false;
  if (s.toFormat('HH:mm') < person.workingHours.startTime) return false;
  if (e.toFormat('HH:mm') > person.workingHours.endTime && e.toFormat('HH:mm') !== '00:00') return false;
  return !person.busy.some((b) => b.start.getTime() < end && b.end.getTime() > start);
}
