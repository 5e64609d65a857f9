import fc from 'fast-check';

import { validateCadence } from '../../../src/domain/cadence/validate-cadence';
import { cadenceArb } from './support/cadence-arbitraries';
import { makeCadence } from './support/make-cadence';

const problemsOf = (input: unknown, path = 'checkIn'): Record<string, string> =>
  Object.fromEntries(validateCadence(input, path).map((p) => [p.path, p.message]));

describe('validateCadence', () => {
  it('accepts a valid cadence, with or without an end date', () => {
    expect(validateCadence(makeCadence(), 'checkIn')).toEqual([]);
    expect(validateCadence(makeCadence({ endDate: '2026-12-31' }), 'checkIn')).toEqual([]);
    expect(validateCadence({ ...makeCadence(), endDate: undefined }, 'checkIn')).toEqual([]);
  });

  it('reports every problem at once, each at its own dotted path', () => {
    const problems = problemsOf({
      pattern: { kind: 'weekly', interval: 5, daysOfWeek: [] },
      startTime: '9:30',
      durationMinutes: 4,
      timeZone: 'Mars/Olympus_Mons',
      startDate: '2026-02-30',
      endDate: '31/12/2026',
    });
    expect(problems).toEqual({
      'checkIn.pattern.interval': 'Repeat every 1, 2, 3 or 4 weeks.',
      'checkIn.pattern.daysOfWeek': 'Pick at least one weekday.',
      'checkIn.startTime': 'Start time must be HH:mm, like 09:30.',
      'checkIn.durationMinutes': 'Duration must be a whole number of minutes from 5 to 480 (8 hours).',
      'checkIn.timeZone':
        '"Mars/Olympus_Mons" is not a time zone we know; use a name like Europe/Berlin or America/New_York.',
      'checkIn.startDate': 'Start date must be a real date written YYYY-MM-DD, like 2026-01-08.',
      'checkIn.endDate':
        'End date must be a real date written YYYY-MM-DD, like 2026-12-31 (or no end date at all).',
    });
  });

  it('points at the weekday that is not one, by its position in the list', () => {
    expect(
      problemsOf(
        makeCadence({
          pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday', 'Funday' as 'monday'] },
        }),
      ),
    ).toEqual({
      'checkIn.pattern.daysOfWeek.1':
        '"Funday" is not a weekday; use sunday, monday, tuesday, wednesday, thursday, friday or saturday.',
    });
  });

  it('asks for 1–28 or "last" for a day of the month, and says why 29–31 are refused', () => {
    const day = (dayOfMonth: unknown) =>
      problemsOf(
        makeCadence({ pattern: { kind: 'monthlyOnDate', interval: 1, dayOfMonth: dayOfMonth as number } }),
      )['checkIn.pattern.dayOfMonth'];
    expect(day(28)).toBeUndefined();
    expect(day('last')).toBeUndefined();
    expect(day(0)).toBe(
      'Day of the month must be a whole number from 1 to 28, or "last" for the last day of the month.',
    );
    expect(day(31)).toBe(
      'Day of the month must be a whole number from 1 to 28, or "last" for the last day of the month. Not every month has that day.',
    );
    expect(day(1.5)).toBeDefined();
  });

  it('asks for 1–12 months, a position and a weekday for a monthly cadence on a weekday', () => {
    expect(
      problemsOf(
        makeCadence({
          pattern: { kind: 'monthlyOnPosition', interval: 13, index: 'fifth', dayOfWeek: 'mon' } as never,
        }),
      ),
    ).toEqual({
      'checkIn.pattern.interval': 'Repeat every 1 to 12 months (a whole number).',
      'checkIn.pattern.index': 'Choose which one in the month: first, second, third, fourth or last.',
      'checkIn.pattern.dayOfWeek':
        'Pick a weekday: sunday, monday, tuesday, wednesday, thursday, friday or saturday.',
    });
  });

  it('asks how it repeats when the kind is unknown or the pattern is missing', () => {
    expect(Object.keys(problemsOf(makeCadence({ pattern: { kind: 'daily' } as never })))).toEqual([
      'checkIn.pattern.kind',
    ]);
    expect(Object.keys(problemsOf({ ...makeCadence(), pattern: 'weekly' }))).toEqual(['checkIn.pattern']);
  });

  it('refuses an end date before the start date and names the start date', () => {
    expect(problemsOf(makeCadence({ startDate: '2026-03-01', endDate: '2026-02-28' }))).toEqual({
      'checkIn.endDate': 'End date must be on or after the start date (2026-03-01).',
    });
  });

  it('refuses dates between which the pattern never occurs', () => {
    // Thursdays only, from Monday 5 to Wednesday 7 January.
    expect(problemsOf(makeCadence({ startDate: '2026-01-05', endDate: '2026-01-07' }))).toEqual({
      'checkIn.endDate':
        'No day between the start date and the end date fits this pattern; choose a later end date.',
    });
  });

  it('accepts real leap days and refuses the ones that do not exist', () => {
    expect(problemsOf(makeCadence({ startDate: '2028-02-29' }))).toEqual({});
    expect(Object.keys(problemsOf(makeCadence({ startDate: '2027-02-29' })))).toEqual(['checkIn.startDate']);
    expect(Object.keys(problemsOf(makeCadence({ startDate: '2026-13-01' })))).toEqual(['checkIn.startDate']);
  });

  it('accepts 00:00 and 23:59 and refuses 24:00, 7:05 and 07:5', () => {
    for (const ok of ['00:00', '23:59']) expect(problemsOf(makeCadence({ startTime: ok }))).toEqual({});
    for (const bad of ['24:00', '7:05', '07:5', '07:05:00', ' 07:05']) {
      expect(Object.keys(problemsOf(makeCadence({ startTime: bad })))).toEqual(['checkIn.startTime']);
    }
  });

  it('suggests the right capitals for a zone typed in the wrong case', () => {
    expect(problemsOf(makeCadence({ timeZone: 'europe/berlin' }))).toEqual({
      'checkIn.timeZone': 'Time zone names are case-sensitive: did you mean Europe/Berlin?',
    });
  });

  it('accepts IANA aliases such as Asia/Calcutta and US/Eastern', () => {
    expect(problemsOf(makeCadence({ timeZone: 'Asia/Calcutta' }))).toEqual({});
    expect(problemsOf(makeCadence({ timeZone: 'US/Eastern' }))).toEqual({});
  });

  it('refuses a real zone that Outlook cannot book meetings in', () => {
    expect(problemsOf(makeCadence({ timeZone: 'Antarctica/Troll' }))).toEqual({
      'checkIn.timeZone':
        'Outlook has no time zone that matches Antarctica/Troll, so meetings cannot be booked in it; pick a nearby zone.',
    });
  });

  it('reports wrongly typed JSON values instead of throwing', () => {
    const problems = problemsOf({
      pattern: { kind: 'weekly', interval: '2', daysOfWeek: 'monday' },
      startTime: 930,
      durationMinutes: '60',
      timeZone: 42,
      startDate: 20260108,
      endDate: false,
    });
    expect(Object.keys(problems).sort()).toEqual(
      [
        'checkIn.pattern.interval',
        'checkIn.pattern.daysOfWeek',
        'checkIn.startTime',
        'checkIn.durationMinutes',
        'checkIn.timeZone',
        'checkIn.startDate',
        'checkIn.endDate',
      ].sort(),
    );
    expect(problems['checkIn.timeZone']).toBe('Pick a time zone, like Europe/Berlin.');
  });

  it('reports a missing cadence at the path itself, and uses bare field names when the path is empty', () => {
    expect(validateCadence(null, 'review')).toEqual([
      {
        path: 'review',
        message: 'Set a schedule: how often, at what time, in which time zone and from which date.',
      },
    ]);
    expect(validateCadence([], '').map((p) => p.path)).toEqual(['']);
    expect(validateCadence(makeCadence({ startTime: 'noon' }), '').map((p) => p.path)).toEqual(['startTime']);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(validateCadence(value, 'x'))).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            pattern: fc.oneof(
              fc.jsonValue(),
              fc.record({
                kind: fc.constantFrom('weekly', 'monthlyOnDate', 'monthlyOnPosition'),
                interval: fc.jsonValue(),
                daysOfWeek: fc.jsonValue(),
                dayOfMonth: fc.jsonValue(),
                index: fc.jsonValue(),
                dayOfWeek: fc.jsonValue(),
              }),
            ),
            startTime: fc.jsonValue(),
            durationMinutes: fc.jsonValue(),
            timeZone: fc.oneof(fc.jsonValue(), fc.constantFrom('Europe/Berlin', 'UTC')),
            startDate: fc.oneof(fc.jsonValue(), fc.constant('2026-01-08')),
            endDate: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        (value) => {
          for (const problem of validateCadence(value, 'x'))
            expect(problem.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds nothing wrong with the generated valid cadences that have an occurrence', () => {
    fc.assert(
      fc.property(cadenceArb, (cadence) => {
        const problems = validateCadence(cadence, 'c');
        // A short end date can leave no occurrence; that is the one problem a generated cadence may have.
        expect(problems.filter((p) => !p.message.startsWith('No day between'))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
