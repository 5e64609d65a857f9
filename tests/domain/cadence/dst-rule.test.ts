/**
 * Hand-checked DST cases. Each expected instant was worked out from the zone's published rules and confirmed
 * against Intl: a start time in a spring-forward gap moves forward by the gap; one in a fall-back overlap is the
 * earlier instant; duration is elapsed time.
 */
import { Settings } from 'luxon';

import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import { iso, makeCadence, sundaysAt } from './support/make-cadence';

/** The single occurrence a daily-ish cadence has on `date` (weekly on that weekday, starting that day). */
function occurrenceOn(date: string, startTime: string, timeZone: string, durationMinutes = 60) {
  const weekday = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'long',
    timeZone: 'UTC',
  });
  const cadence = makeCadence({
    pattern: { kind: 'weekly', interval: 1, daysOfWeek: [weekday.toLowerCase() as 'sunday'] },
    startTime,
    timeZone,
    durationMinutes,
    startDate: date,
    endDate: date,
  });
  const [occurrence, ...rest] = nextOccurrences(
    cadence,
    new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000),
    5,
  );
  expect(rest).toEqual([]);
  if (!occurrence) throw new Error(`no occurrence on ${date}`);
  expect(occurrence.localDate).toBe(date);
  return { start: iso(occurrence.start), end: iso(occurrence.end) };
}

describe('a start time in a spring-forward gap moves on by the gap; one in a fall-back overlap is the earlier instant', () => {
  it.each([
    // 02:00 EST → 03:00 EDT. 03:30 EDT = 07:30Z.
    ['America/New_York', '2026-03-08', '02:30', 'gap', '2026-03-08T07:30:00.000Z'],
    // 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    ['America/New_York', '2026-11-01', '01:30', 'overlap', '2026-11-01T05:30:00.000Z'],
    // 02:00 CET → 03:00 CEST. 03:30 CEST = 01:30Z.
    ['Europe/Berlin', '2026-03-29', '02:30', 'gap', '2026-03-29T01:30:00.000Z'],
    // 03:00 CEST → 02:00 CET; 02:30 is 00:30Z (CEST) and 01:30Z (CET).
    ['Europe/Berlin', '2026-10-25', '02:30', 'overlap', '2026-10-25T00:30:00.000Z'],
    // A 30-minute DST. 02:00 (+10:30) → 02:30 (+11:00). 02:45 +11:00 = 15:45Z the day before.
    ['Australia/Lord_Howe', '2026-10-04', '02:15', 'gap', '2026-10-03T15:45:00.000Z'],
    // 02:00 (+11:00) → 01:30 (+10:30); 01:45 is 14:45Z and 15:15Z on the 4th.
    ['Australia/Lord_Howe', '2026-04-05', '01:45', 'overlap', '2026-04-04T14:45:00.000Z'],
    // +12:45 / +13:45. 02:45 (+12:45) → 03:45 (+13:45). 04:00 +13:45 = 14:15Z the day before.
    ['Pacific/Chatham', '2026-09-27', '03:00', 'gap', '2026-09-26T14:15:00.000Z'],
    // 03:45 (+13:45) → 02:45 (+12:45); 03:00 is 13:15Z and 14:15Z on the 4th.
    ['Pacific/Chatham', '2026-04-05', '03:00', 'overlap', '2026-04-04T13:15:00.000Z'],
  ])('in %s on %s, %s (in the %s) starts at %s', (timeZone, date, startTime, _where, start) => {
    expect(occurrenceOn(date, startTime, timeZone).start).toBe(start);
  });
});

describe('United States (America/New_York)', () => {
  it('keeps 02:30 at 02:30 on the Sundays either side of the spring-forward Sunday', () => {
    expect(occurrenceOn('2026-03-01', '02:30', 'America/New_York').start).toBe('2026-03-01T07:30:00.000Z'); // EST
    expect(occurrenceOn('2026-03-15', '02:30', 'America/New_York').start).toBe('2026-03-15T06:30:00.000Z'); // EDT
  });

  it('ends an hour-long 01:30 meeting on the fall-back Sunday at 01:30 EST, sixty elapsed minutes later', () => {
    expect(occurrenceOn('2026-11-01', '01:30', 'America/New_York')).toEqual({
      start: '2026-11-01T05:30:00.000Z',
      end: '2026-11-01T06:30:00.000Z',
    });
  });

  it('ends a 90-minute 01:00 meeting on the spring-forward Sunday at 03:30 EDT, ninety elapsed minutes later', () => {
    expect(occurrenceOn('2026-03-08', '01:00', 'America/New_York', 90)).toEqual({
      start: '2026-03-08T06:00:00.000Z',
      end: '2026-03-08T07:30:00.000Z',
    });
  });
});

describe('India (Asia/Kolkata, +05:30 all year)', () => {
  it('keeps 09:30 at 04:00Z every week of the year, whatever other zones do', () => {
    const cadence = sundaysAt('09:30', 'Asia/Kolkata', '2026-01-01');
    const starts = nextOccurrences(cadence, new Date('2026-01-01T00:00:00Z'), 53).map((o) =>
      iso(o.start).slice(11),
    );
    expect(new Set(starts)).toEqual(new Set(['04:00:00.000Z']));
  });
});

describe('Santiago (America/Santiago, changes at midnight)', () => {
  it('moves the non-existent 00:30 on the first Sunday of September to 01:30 on the same day', () => {
    // 2026-09-06: 00:00 (-04:00) → 01:00 (-03:00). 01:30 -03:00 = 04:30Z.
    expect(occurrenceOn('2026-09-06', '00:30', 'America/Santiago').start).toBe('2026-09-06T04:30:00.000Z');
  });
});

describe('independence from the clock', () => {
  const realNow = Settings.now;
  afterEach(() => {
    Settings.now = realNow;
  });

  it('resolves the ambiguous fall-back time the same way whether the code runs in January or in July', () => {
    // luxon's own local-time parsing guesses the offset in force *now*; ours must not depend on when it runs.
    const answers = [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].map((now) => {
      Settings.now = () => now;
      return occurrenceOn('2026-11-01', '01:30', 'America/New_York').start;
    });
    expect(answers).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T05:30:00.000Z']);
  });
});
