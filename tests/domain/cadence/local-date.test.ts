import fc from 'fast-check';

import {
  civilDateOf,
  epochDayOf,
  formatLocalDate,
  parseLocalDate,
  weekdayOf,
} from '../../../src/domain/cadence/local-date';

describe('local dates as epoch days', () => {
  it('numbers 1970-01-01 as day 0, a Thursday', () => {
    expect(parseLocalDate('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(4);
  });

  it('agrees with Date on the day number and weekday of every date from year 1 to 9999', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const date = instant.toISOString().slice(0, 10);
          const day = Math.floor(instant.getTime() / 86_400_000);
          expect(parseLocalDate(date)).toBe(day);
          expect(formatLocalDate(day)).toBe(date);
          expect(weekdayOf(day)).toBe(instant.getUTCDay());
          expect(epochDayOf(civilDateOf(day))).toBe(day);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses dates that are not on the calendar or not written YYYY-MM-DD', () => {
    for (const bad of [
      '2026-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-1-5',
      '20260105',
      '',
      20260105,
    ]) {
      expect(parseLocalDate(bad)).toBeUndefined();
    }
    expect(parseLocalDate('2000-02-29')).toBeDefined();
  });
});
