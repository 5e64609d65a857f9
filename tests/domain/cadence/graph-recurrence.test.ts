import { toGraphSchedule } from '../../../src/domain/cadence/graph-recurrence';
import { checkRecurringEventBody } from './support/expand-patterned-recurrence';
import { makeCadence, sundaysAt } from './support/make-cadence';

describe('toGraphSchedule', () => {
  it('books a weekly cadence as a weekly pattern with Sunday-first weeks, in the Windows zone, with no end', () => {
    const schedule = toGraphSchedule(
      makeCadence({ pattern: { kind: 'weekly', interval: 4, daysOfWeek: ['thursday'] } }),
    );
    expect(schedule).toEqual({
      start: { dateTime: '2026-01-08T15:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-01-08T16:00:00', timeZone: 'W. Europe Standard Time' },
      recurrence: {
        pattern: {
          type: 'weekly',
          interval: 4,
          daysOfWeek: ['thursday'],
          firstDayOfWeek: 'sunday',
          index: 'first',
        },
        range: { type: 'noEnd', startDate: '2026-01-08', recurrenceTimeZone: 'W. Europe Standard Time' },
      },
    });
    expect(() => checkRecurringEventBody(schedule)).not.toThrow();
  });

  it('lists weekdays once each, Sunday first, however the cadence lists them', () => {
    const schedule = toGraphSchedule(
      makeCadence({
        pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['friday', 'monday', 'sunday', 'monday'] },
      }),
    );
    expect(schedule.recurrence.pattern.daysOfWeek).toEqual(['sunday', 'monday', 'friday']);
  });

  it('starts the series on the first actual occurrence, not on a start date the pattern skips', () => {
    // 2026-01-05 is a Monday; the first Thursday is the 8th, and Graph needs range.startDate = the date of start.
    const schedule = toGraphSchedule(makeCadence({ startDate: '2026-01-05' }));
    expect(schedule.start.dateTime).toBe('2026-01-08T15:00:00');
    expect(schedule.recurrence.range.startDate).toBe('2026-01-08');
  });

  it('books "last day of the month" as absoluteMonthly on day 31, which Exchange reads as the last day', () => {
    const schedule = toGraphSchedule(
      makeCadence({
        pattern: { kind: 'monthlyOnDate', interval: 1, dayOfMonth: 'last' },
        startDate: '2026-02-03',
      }),
    );
    expect(schedule.recurrence.pattern).toEqual({
      type: 'absoluteMonthly',
      interval: 1,
      dayOfMonth: 31,
      firstDayOfWeek: 'sunday',
      index: 'first',
    });
    expect(schedule.start.dateTime).toBe('2026-02-28T15:00:00');
  });

  it('books a day of the month as absoluteMonthly on that day and sends no out-of-range placeholders', () => {
    const { pattern } = toGraphSchedule(
      makeCadence({ pattern: { kind: 'monthlyOnDate', interval: 3, dayOfMonth: 15 } }),
    ).recurrence;
    expect(pattern).toEqual({
      type: 'absoluteMonthly',
      interval: 3,
      dayOfMonth: 15,
      firstDayOfWeek: 'sunday',
      index: 'first',
    });
    expect(pattern).not.toHaveProperty('month');
  });

  it('books "the second Tuesday" as relativeMonthly with that index and weekday and no dayOfMonth', () => {
    const { pattern } = toGraphSchedule(
      makeCadence({
        pattern: { kind: 'monthlyOnPosition', interval: 2, index: 'second', dayOfWeek: 'tuesday' },
      }),
    ).recurrence;
    expect(pattern).toEqual({
      type: 'relativeMonthly',
      interval: 2,
      daysOfWeek: ['tuesday'],
      index: 'second',
      firstDayOfWeek: 'sunday',
    });
  });

  it('sends an end date as an endDate range in the same Windows zone', () => {
    const { range } = toGraphSchedule(makeCadence({ endDate: '2026-12-31' })).recurrence;
    expect(range).toEqual({
      type: 'endDate',
      startDate: '2026-01-08',
      endDate: '2026-12-31',
      recurrenceTimeZone: 'W. Europe Standard Time',
    });
  });

  it('gives end as the local wall time after the elapsed duration, on the next day if the meeting crosses midnight', () => {
    const schedule = toGraphSchedule(
      makeCadence({ startTime: '23:30', durationMinutes: 90, timeZone: 'Asia/Kolkata' }),
    );
    expect(schedule.start).toEqual({ dateTime: '2026-01-08T23:30:00', timeZone: 'India Standard Time' });
    expect(schedule.end).toEqual({ dateTime: '2026-01-09T01:00:00', timeZone: 'India Standard Time' });
  });

  it('keeps the start time of a first occurrence that falls in the spring-forward gap and ends it a full hour after 03:30', () => {
    const schedule = toGraphSchedule(sundaysAt('02:30', 'America/New_York', '2026-03-08'));
    // Every occurrence is at 02:30; on this day Outlook (like nextOccurrences) moves it to 03:30 EDT.
    expect(schedule.start).toEqual({ dateTime: '2026-03-08T02:30:00', timeZone: 'Eastern Standard Time' });
    expect(schedule.end).toEqual({ dateTime: '2026-03-08T04:30:00', timeZone: 'Eastern Standard Time' });
  });

  it('gives end in UTC when its wall time happens twice and the later one is meant, so the meeting keeps its length', () => {
    // 01:15 EDT (05:15Z) + 60 min = 06:15Z, which New York shows as 01:15 EST: read back, 01:15 would be EDT.
    const schedule = toGraphSchedule(sundaysAt('01:15', 'America/New_York', '2026-11-01'));
    expect(schedule.start).toEqual({ dateTime: '2026-11-01T01:15:00', timeZone: 'Eastern Standard Time' });
    expect(schedule.end).toEqual({ dateTime: '2026-11-01T06:15:00', timeZone: 'UTC' });
  });

  it('uses the Windows name for an IANA alias such as Asia/Calcutta', () => {
    expect(toGraphSchedule(makeCadence({ timeZone: 'Asia/Calcutta' })).start.timeZone).toBe(
      'India Standard Time',
    );
  });

  it('refuses a zone with no Windows equivalent with a clear error', () => {
    expect(() => toGraphSchedule(makeCadence({ timeZone: 'Antarctica/Troll' }))).toThrow(
      'No Windows time zone for IANA zone "Antarctica/Troll"',
    );
  });

  it('refuses a cadence whose dates hold no occurrence, since Graph cannot book an empty series', () => {
    // A Thursday-only cadence from Monday 2026-01-05 to Wednesday 2026-01-07.
    expect(() => toGraphSchedule(makeCadence({ startDate: '2026-01-05', endDate: '2026-01-07' }))).toThrow(
      'no occurrence',
    );
  });
});
