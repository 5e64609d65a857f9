/** The times a suggested review slot is shown and applied in: its wall clock in a zone, and the cadence it gives. */
import type { Cadence, Weekday } from '../../../domain/cadence/cadence';
import { WEEKDAYS } from '../../../domain/cadence/cadence';

/** The API takes 15–480 minutes; the editor allows shorter cadences, which still need a slot that long at least. */
export function requestDuration(minutes: number): number {
  if (!Number.isFinite(minutes)) return 60;
  return Math.min(480, Math.max(15, Math.round(minutes)));
}

/** The weekday, HH:mm and day of month of an instant in a zone. */
export function wallClock(instant: Date, timeZone: string): { weekday: Weekday; time: string; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').toLowerCase() as Weekday;
  return {
    weekday: WEEKDAYS.includes(weekday) ? weekday : 'monday',
    time: `${part('hour').padStart(2, '0')}:${part('minute')}`,
    day: Number(part('day')),
  };
}

/** The cadence with the slot's weekday and start time in the cadence's own zone; everything else as it was. */
export function withSlot(cadence: Cadence, start: Date): Cadence {
  const { weekday, time, day } = wallClock(start, cadence.timeZone);
  const p = cadence.pattern;
  switch (p.kind) {
    case 'weekly':
      return { ...cadence, startTime: time, pattern: { ...p, daysOfWeek: [weekday] } };
    case 'monthlyOnPosition':
      return { ...cadence, startTime: time, pattern: { ...p, dayOfWeek: weekday } };
    case 'monthlyOnDate':
      // The editor offers days 1–28 and "last": a later date keeps the day the editor chose.
      return { ...cadence, startTime: time, pattern: day <= 28 ? { ...p, dayOfMonth: day } : p };
  }
}

/** A slot's start as a person sees it: weekday, date and time in their zone, in the browser's locale. */
export function personTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);
}
