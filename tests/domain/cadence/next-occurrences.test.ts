import type { Cadence } from '../../../src/domain/cadence/cadence';
import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import { iso, makeCadence } from './support/make-cadence';

const BEFORE_2026 = new Date('2025-12-01T00:00:00Z');
const firstOf = <T>(items: T[]): T => {
  if (items[0] === undefined) throw new Error('expected at least one occurrence');
  return items[0];
};
const datesOf = (cadence: Cadence, count: number, after = BEFORE_2026): string[] =>
  nextOccurrences(cadence, after, count).map((o) => o.localDate);

describe('weekly cadences', () => {
  it('counts every-other-week from the Sunday-first week that holds the start date, skipping the next week', () => {
    // 2026-01-10 is a Saturday; its week is Sun 01-04 … Sat 01-10, so the next active week starts Sun 01-18.
    const cadence = makeCadence({
      pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['monday'] },
      startDate: '2026-01-10',
    });
    expect(datesOf(cadence, 3)).toEqual(['2026-01-19', '2026-02-02', '2026-02-16']);
  });

  it('treats Sunday as the first day of the week, as Graph does by default', () => {
    // Sun 01-04 and Sat 01-10 share a Sunday-first week; with Monday-first weeks they would not.
    const cadence = makeCadence({
      pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['saturday', 'sunday'] },
      startDate: '2026-01-04',
    });
    expect(datesOf(cadence, 4)).toEqual(['2026-01-04', '2026-01-10', '2026-01-18', '2026-01-24']);
  });

  it('skips the weekdays of the first week that fall before the start date', () => {
    const cadence = makeCadence({
      pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['friday', 'monday', 'wednesday'] },
      startDate: '2026-01-07', // a Wednesday
    });
    expect(datesOf(cadence, 4)).toEqual(['2026-01-07', '2026-01-09', '2026-01-12', '2026-01-14']);
  });

  it('ignores a weekday listed twice', () => {
    const cadence = makeCadence({
      pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['thursday', 'thursday'] },
    });
    expect(datesOf(cadence, 2)).toEqual(['2026-01-08', '2026-01-15']);
  });
});

describe('monthly cadences on a date', () => {
  it('falls on the last day of every month for "last", including 29 February in a leap year', () => {
    const cadence = makeCadence({
      pattern: { kind: 'monthlyOnDate', interval: 1, dayOfMonth: 'last' },
      startDate: '2027-12-15',
    });
    expect(datesOf(cadence, 4, new Date('2027-12-01T00:00:00Z'))).toEqual([
      '2027-12-31',
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
  });

  it('counts every-third-month from the first month whose day is on or after the start date', () => {
    // The 5th of January is before the start date, so the series begins on 5 February.
    const cadence = makeCadence({
      pattern: { kind: 'monthlyOnDate', interval: 3, dayOfMonth: 5 },
      startDate: '2026-01-20',
    });
    expect(datesOf(cadence, 3)).toEqual(['2026-02-05', '2026-05-05', '2026-08-05']);
  });

  it('includes the start date itself when it is the chosen day', () => {
    const cadence = makeCadence({
      pattern: { kind: 'monthlyOnDate', interval: 2, dayOfMonth: 20 },
      startDate: '2026-01-20',
    });
    expect(datesOf(cadence, 2)).toEqual(['2026-01-20', '2026-03-20']);
  });
});

describe('monthly cadences on a weekday position', () => {
  it('finds the first Thursday of every other month the way Graph documents it (start 29 August → September)', () => {
    const cadence = makeCadence({
      pattern: { kind: 'monthlyOnPosition', interval: 2, index: 'first', dayOfWeek: 'thursday' },
      startDate: '2017-08-29',
    });
    expect(datesOf(cadence, 3, new Date('2017-08-01T00:00:00Z'))).toEqual([
      '2017-09-07',
      '2017-11-02',
      '2018-01-04',
    ]);
  });

  it('finds the last Friday of each month, whether the month has four Fridays or five', () => {
    const cadence = makeCadence({
      pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'last', dayOfWeek: 'friday' },
      startDate: '2026-01-01',
    });
    expect(datesOf(cadence, 3)).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });

  it('finds the first Monday on the 1st when the month starts on a Monday, and the fourth Monday on the 22nd', () => {
    const first = makeCadence({
      pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'monday' },
      startDate: '2026-06-01',
    });
    const fourth = makeCadence({
      ...first,
      pattern: { ...first.pattern, index: 'fourth' } as Cadence['pattern'],
    });
    expect(datesOf(first, 1)).toEqual(['2026-06-01']);
    expect(datesOf(fourth, 1)).toEqual(['2026-06-22']);
  });
});

describe('the window and the count', () => {
  it('includes an occurrence on the end date and nothing after it', () => {
    const cadence = makeCadence({ endDate: '2026-01-22' });
    expect(datesOf(cadence, 10)).toEqual(['2026-01-08', '2026-01-15', '2026-01-22']);
  });

  it('returns only occurrences that start strictly after the given instant', () => {
    const cadence = makeCadence(); // Thursdays 15:00 Berlin = 14:00Z in winter
    const first = firstOf(nextOccurrences(cadence, BEFORE_2026, 1));
    expect(iso(first.start)).toBe('2026-01-08T14:00:00.000Z');
    expect(datesOf(cadence, 1, first.start)).toEqual(['2026-01-15']);
    expect(datesOf(cadence, 1, new Date(first.start.getTime() - 1))).toEqual(['2026-01-08']);
  });

  it('starts from the start date when asked from long before it', () => {
    expect(datesOf(makeCadence(), 1, new Date('2001-01-01T00:00:00Z'))).toEqual(['2026-01-08']);
  });

  it('jumps straight to occurrences decades after the start date and agrees with walking there', () => {
    const cadence = makeCadence({
      pattern: { kind: 'weekly', interval: 3, daysOfWeek: ['tuesday', 'thursday'] },
    });
    const after = new Date('2046-05-01T00:00:00Z');
    const walked = nextOccurrences(cadence, BEFORE_2026, 1100).filter((o) => o.start > after);
    expect(nextOccurrences(cadence, after, 3)).toEqual(walked.slice(0, 3));
  });

  it('gives the local date in the cadence zone even when the UTC date is the day before', () => {
    const cadence = makeCadence({ timeZone: 'Pacific/Chatham', startTime: '08:00' });
    const occurrence = firstOf(nextOccurrences(cadence, BEFORE_2026, 1));
    expect(occurrence.localDate).toBe('2026-01-08');
    expect(iso(occurrence.start)).toBe('2026-01-07T18:15:00.000Z'); // 08:00 +13:45
  });

  it('returns nothing for a count of 0 and refuses a negative or fractional count', () => {
    expect(nextOccurrences(makeCadence(), BEFORE_2026, 0)).toEqual([]);
    expect(() => nextOccurrences(makeCadence(), BEFORE_2026, -1)).toThrow(RangeError);
    expect(() => nextOccurrences(makeCadence(), BEFORE_2026, 1.5)).toThrow(RangeError);
  });

  it('refuses an invalid Date rather than guessing', () => {
    expect(() => nextOccurrences(makeCadence(), new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});
