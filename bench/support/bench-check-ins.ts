import type { CheckInContract } from '../../src/domain/charter/charter';

/** The check-in contract the benchmarks' charters use: weekly on Monday 10:00 Berlin, no quiet hours. */
export function benchCheckIns(): CheckInContract {
  return {
    cadence: {
      pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      startTime: '10:00',
      durationMinutes: 15,
      timeZone: 'Europe/Berlin',
      startDate: '2026-01-01',
      endDate: null,
    },
    anonymityMinimum: 3,
    quietHours: null,
    namedAnswersVisibleTo: 'team',
  };
}
