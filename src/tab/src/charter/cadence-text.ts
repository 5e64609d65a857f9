import type { Cadence } from '../../../domain/cadence/cadence';
import { nextOccurrences, type Occurrence } from '../../../domain/cadence/next-occurrences';
import { formatList } from '../format';
import { cadenceStrings } from '../strings/cadence';

/** "Every week on Monday at 10:00 for 15 min (Europe/Berlin)". */
export function describeCadence(cadence: Cadence): string {
  const p = cadence.pattern;
  let head: string;
  switch (p.kind) {
    case 'weekly':
      head = cadenceStrings.summary.weekly(
        p.interval,
        formatList(p.daysOfWeek.map((d) => cadenceStrings.weekdays[d])),
      );
      break;
    case 'monthlyOnDate':
      head = cadenceStrings.summary.monthlyOnDate(
        p.interval,
        p.dayOfMonth === 'last' ? cadenceStrings.lastDay : cadenceStrings.dayOfMonth(p.dayOfMonth),
      );
      break;
    case 'monthlyOnPosition':
      head = cadenceStrings.summary.monthlyOnPosition(
        p.interval,
        `${cadenceStrings.weekIndexes[p.index]} ${cadenceStrings.weekdays[p.dayOfWeek]}`,
      );
      break;
  }
  return `${head} ${cadenceStrings.atTimeFor(cadence.startTime, cadence.durationMinutes, cadence.timeZone)}`;
}

/**
 * The next `count` occurrences after `now`, or null when the cadence cannot be computed (an editor mid-way through
 * typing it). The domain function is pure; the tab passes the clock.
 */
export function safeNextOccurrences(cadence: Cadence, now: Date, count: number): Occurrence[] | null {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(cadence.startTime)) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cadence.startDate)) return null;
  if (!Number.isInteger(cadence.pattern.interval) || cadence.pattern.interval < 1) return null;
  if (cadence.pattern.kind === 'weekly' && cadence.pattern.daysOfWeek.length === 0) return null;
  if (!Number.isInteger(cadence.durationMinutes) || cadence.durationMinutes < 1) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: cadence.timeZone });
    return nextOccurrences(cadence, now, count);
  } catch {
    return null;
  }
}
