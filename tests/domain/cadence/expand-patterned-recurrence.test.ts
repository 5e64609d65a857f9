/** The test expander must itself read Graph right: it is checked here on the examples in Graph's documentation. */
import {
  checkRecurringEventBody,
  expandPatternedRecurrence,
  type RecurringEventBody,
} from './support/expand-patterned-recurrence';

function body(
  pattern: Record<string, unknown>,
  range: Record<string, unknown>,
  start: string,
): RecurringEventBody {
  return {
    start: { dateTime: start, timeZone: 'Pacific Standard Time' },
    end: { dateTime: start.replace(/T\d\d/, 'T23'), timeZone: 'Pacific Standard Time' },
    recurrence: { pattern, range },
  };
}

describe('the independent Graph expander used by the property tests', () => {
  it('ends "every Monday from 4 September 2017 until 31 December" on Monday 25 December, as the docs say', () => {
    const dates = expandPatternedRecurrence(
      body(
        { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' },
        '2017-09-04T13:00:00',
      ),
      100,
    );
    expect(dates[0]).toBe('2017-09-04');
    expect(dates.at(-1)).toBe('2017-12-25');
    expect(dates).toHaveLength(17);
  });

  it('starts "first Thursday of every other month from 29 August 2017" in September, as the docs say', () => {
    const dates = expandPatternedRecurrence(
      body(
        { type: 'relativeMonthly', interval: 2, daysOfWeek: ['thursday'], index: 'first' },
        { type: 'noEnd', startDate: '2017-08-29' },
        '2017-08-29T14:00:00',
      ),
      3,
    );
    expect(dates).toEqual(['2017-09-07', '2017-11-02', '2018-01-04']);
  });

  it('puts day 31 of an absoluteMonthly series on the last day of shorter months', () => {
    const dates = expandPatternedRecurrence(
      body(
        { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        { type: 'noEnd', startDate: '2028-01-31' },
        '2028-01-31T09:00:00',
      ),
      3,
    );
    expect(dates).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it('rejects what Graph rejects: dayOfMonth 0 in an ignored field, a startDate unlike the start, an IANA-only zone', () => {
    const good = body(
      { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      { type: 'noEnd', startDate: '2017-09-04' },
      '2017-09-04T13:00:00',
    );
    expect(() => checkRecurringEventBody(good)).not.toThrow();
    expect(() =>
      checkRecurringEventBody({
        ...good,
        recurrence: { ...good.recurrence, pattern: { ...good.recurrence.pattern, dayOfMonth: 0 } },
      }),
    ).toThrow('dayOfMonth');
    expect(() =>
      checkRecurringEventBody({
        ...good,
        recurrence: { ...good.recurrence, range: { type: 'noEnd', startDate: '2017-09-05' } },
      }),
    ).toThrow('range.startDate');
    expect(() =>
      checkRecurringEventBody({ ...good, start: { ...good.start, timeZone: 'Europe/Berlin' } }),
    ).toThrow('timeZone');
  });
});
