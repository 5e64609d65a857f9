import type { Cadence } from '../../../../src/domain/cadence/cadence';
import { weeklyCadence } from '../../../support/charter-fixtures';

/** A valid weekly cadence (Thursdays 15:00 in Berlin for an hour, from 2026-01-08), with the given changes. */
export function makeCadence(changes: Partial<Cadence> = {}): Cadence {
  return weeklyCadence({
    pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
    startTime: '15:00',
    durationMinutes: 60,
    startDate: '2026-01-08',
    ...changes,
  });
}

/** Weekly on Sundays, the day most zones change their clocks: `startTime` in `timeZone` from `startDate`. */
export function sundaysAt(startTime: string, timeZone: string, startDate: string): Cadence {
  return makeCadence({
    pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['sunday'] },
    startTime,
    timeZone,
    startDate,
  });
}

/** ISO strings of instants, for readable expectations. */
export const iso = (date: Date): string => date.toISOString();
