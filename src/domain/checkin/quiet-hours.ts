import type { QuietHours } from '../charter/charter';

/** Minutes after midnight of an `HH:mm` time. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether a local minute of the day falls inside quiet hours, which may span midnight (19:00–08:00). */
export function isQuietMinute(minute: number, quietHours: QuietHours | null): boolean {
  if (!quietHours) return false;
  const start = minuteOfDay(quietHours.start);
  const end = minuteOfDay(quietHours.end);
  if (start === end) return false;
  return start > end ? minute >= start || minute < end : minute >= start && minute < end;
}
