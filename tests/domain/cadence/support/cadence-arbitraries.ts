/** fast-check generators of valid cadences, biased towards DST transitions in zones with unusual rules. */
import fc from 'fast-check';

import type { Cadence, CadencePattern } from '../../../../src/domain/cadence/cadence';
import { WEEK_INDEXES, WEEKDAYS } from '../../../../src/domain/cadence/cadence';

/**
 * New York and Berlin (the US and EU rules), Lord Howe (a 30-minute DST), Chatham (+12:45/+13:45, changing at
 * 02:45/03:45), Kolkata (+05:30, no DST), Santiago (changes at midnight) and Dublin (negative DST in the tz data).
 */
export const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Santiago',
  'Europe/Dublin',
] as const;

/** Times that fall in or next to a gap or an overlap in one of `ZONES`, plus some ordinary ones. */
const EDGE_TIMES = [
  '00:00',
  '00:30',
  '01:00',
  '01:30',
  '01:59',
  '02:00',
  '02:15',
  '02:30',
  '02:45',
  '03:00',
  '03:30',
  '03:45',
  '04:00',
  '23:30',
];

const hhmm = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

const startTimeArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_TIMES) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => hhmm(h, m)),
  },
);

const weekdayArb = fc.constantFrom(...WEEKDAYS);

const patternArb: fc.Arbitrary<CadencePattern> = fc.oneof(
  fc.record({
    kind: fc.constant('weekly' as const),
    interval: fc.integer({ min: 1, max: 4 }),
    daysOfWeek: fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 7 }),
  }),
  fc.record({
    kind: fc.constant('monthlyOnDate' as const),
    interval: fc.integer({ min: 1, max: 12 }),
    dayOfMonth: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant('last' as const)),
  }),
  fc.record({
    kind: fc.constant('monthlyOnPosition' as const),
    interval: fc.integer({ min: 1, max: 12 }),
    index: fc.constantFrom(...WEEK_INDEXES),
    dayOfWeek: weekdayArb,
  }),
);

const DAY_MS = 86_400_000;
const FIRST_START = Date.UTC(2024, 0, 1);
const LAST_START = Date.UTC(2031, 11, 31);

/** A `YYYY-MM-DD` between 2024 and 2031. */
const startDateArb = fc
  .integer({ min: 0, max: (LAST_START - FIRST_START) / DAY_MS })
  .map((days) => new Date(FIRST_START + days * DAY_MS).toISOString().slice(0, 10));

export const cadenceArb: fc.Arbitrary<Cadence> = fc
  .record({
    pattern: patternArb,
    startTime: startTimeArb,
    durationMinutes: fc.integer({ min: 5, max: 480 }),
    timeZone: fc.constantFrom(...ZONES),
    startDate: startDateArb,
    endAfterDays: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
  })
  .map(({ endAfterDays, ...cadence }) => ({
    ...cadence,
    endDate:
      endAfterDays === undefined
        ? null
        : new Date(Date.parse(`${cadence.startDate}T00:00:00Z`) + endAfterDays * DAY_MS)
            .toISOString()
            .slice(0, 10),
  }));

/** An instant from a few days before a cadence's start date to about five years after it. */
export function afterArb(cadence: Cadence): fc.Arbitrary<Date> {
  const startMs = Date.parse(`${cadence.startDate}T00:00:00Z`);
  return fc
    .integer({ min: -3 * 24 * 60, max: 5 * 366 * 24 * 60 })
    .map((minutes) => new Date(startMs + minutes * 60_000));
}
