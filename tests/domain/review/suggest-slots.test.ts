/**
 * Ranking review slots the way Outlook's scheduling assistant does, for a team whose working days never all overlap
 * (Berlin, New York, Bengaluru): the least-bad slots first (fewest people outside their hours or busy, then earliest),
 * one a day, each saying who would be outside their working hours and at what time of their own day. The property
 * checks the ranking against an oracle written with Intl, not with the code under test.
 */
import fc from 'fast-check';

import type { Weekday } from '../../../src/domain/cadence/cadence';
import { type PersonAvailability, suggestSlots } from '../../../src/domain/review/suggest-slots';
import { wallClockAt } from '../cadence/support/intl-zone';

const WEEKDAYS_ONLY: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const nineToFive = { daysOfWeek: WEEKDAYS_ONLY, startTime: '09:00', endTime: '17:00' };

function person(name: string, timeZone: string, busy: [string, string][] = []): PersonAvailability {
  return {
    name,
    timeZone,
    workingHours: nineToFive,
    busy: busy.map(([start, end]) => ({ start: new Date(start), end: new Date(end) })),
  };
}

// Monday 30 November 2026: Berlin is UTC+1, New York UTC−5, Bengaluru UTC+5:30. Nine to five is 08:00–16:00 UTC in
// Berlin, 14:00–22:00 in New York and 03:30–11:30 in Bengaluru: two zones at most share an hour.
const WINDOW = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-14T00:00:00Z') };

/** Who is not free in a slot, as `name availability local-start`. */
function conflictsOf(slot: ReturnType<typeof suggestSlots>[number]): string[] {
  return slot.local
    .filter((l) => l.availability !== 'free')
    .map((l) => `${l.name} ${l.availability} ${l.start}`);
}

describe('suggesting review slots across Berlin, New York and Bengaluru', () => {
  it('offers the three least-bad slots, one a day, naming who is outside their hours and at what local time', () => {
    const team = [
      // Adele is busy Monday morning, so Monday's Berlin–Bengaluru hours cost two people.
      person('Adele Vance', 'Europe/Berlin', [['2026-11-30T08:00:00Z', '2026-11-30T12:00:00Z']]),
      person('Megan Bowen', 'America/New_York'),
      // Priya is busy all Tuesday of her working day.
      person('Priya Natarajan', 'Asia/Kolkata', [['2026-12-01T03:30:00Z', '2026-12-01T11:30:00Z']]),
    ];
    const slots = suggestSlots(team, WINDOW, 60, { dayZone: 'Europe/Berlin' });

    expect(slots.map((s) => [s.start.toISOString(), s.conflicts])).toEqual([
      ['2026-11-30T14:00:00.000Z', 1],
      ['2026-12-01T14:00:00.000Z', 1],
      ['2026-12-02T08:00:00.000Z', 1],
    ]);
    expect(slots.map(conflictsOf)).toEqual([
      ['Priya Natarajan outside_hours Mon 30 Nov 19:30'],
      ['Priya Natarajan outside_hours Tue 1 Dec 19:30'],
      ['Megan Bowen outside_hours Wed 2 Dec 03:00'],
    ]);
    // everyone is listed with their own local start, the free ones too
    expect(slots[2]?.local).toEqual([
      { name: 'Adele Vance', timeZone: 'Europe/Berlin', start: 'Wed 2 Dec 09:00', availability: 'free' },
      {
        name: 'Megan Bowen',
        timeZone: 'America/New_York',
        start: 'Wed 2 Dec 03:00',
        availability: 'outside_hours',
      },
      { name: 'Priya Natarajan', timeZone: 'Asia/Kolkata', start: 'Wed 2 Dec 13:30', availability: 'free' },
    ]);
    for (const slot of slots) expect(slot.end.getTime() - slot.start.getTime()).toBe(3_600_000);
  });

  it('puts a slot everyone can make before earlier ones that cost someone, and says who is busy', () => {
    // New York starting at 06:00 (11:00 UTC) gives the three zones half an hour in common: 11:00–11:30 UTC.
    const early = {
      ...person('Megan Bowen', 'America/New_York'),
      workingHours: { ...nineToFive, startTime: '06:00' },
    };
    const team = [
      person('Adele Vance', 'Europe/Berlin', [
        ['2026-11-30T11:00:00Z', '2026-11-30T11:30:00Z'],
        ['2026-12-01T11:00:00Z', '2026-12-01T11:30:00Z'],
      ]),
      early,
      person('Priya Natarajan', 'Asia/Kolkata'),
    ];
    const slots = suggestSlots(team, WINDOW, 30, { dayZone: 'Europe/Berlin' });
    expect(slots.map((s) => [s.start.toISOString(), s.conflicts])).toEqual([
      ['2026-12-02T11:00:00.000Z', 0],
      ['2026-12-03T11:00:00.000Z', 0],
      ['2026-12-04T11:00:00.000Z', 0],
    ]);

    // With only Monday and Tuesday in the window, the best left costs one person: Adele's busy half hour counts.
    const short = suggestSlots(team, { from: WINDOW.from, to: new Date('2026-12-02T00:00:00Z') }, 30, {
      dayZone: 'Europe/Berlin',
    });
    expect(short.map((s) => [s.start.toISOString(), conflictsOf(s)])).toEqual([
      ['2026-11-30T08:00:00.000Z', ['Megan Bowen outside_hours Mon 30 Nov 03:00']],
      ['2026-12-01T08:00:00.000Z', ['Megan Bowen outside_hours Tue 1 Dec 03:00']],
    ]);
    const busy = suggestSlots(
      team,
      { from: new Date('2026-11-30T11:00:00Z'), to: new Date('2026-11-30T11:30:00Z') },
      30,
    );
    expect(busy.map(conflictsOf)).toEqual([['Adele Vance busy Mon 30 Nov 12:00']]);
  });

  it('never offers a slot nobody can come to', () => {
    const weekend = { from: new Date('2026-12-05T00:00:00Z'), to: new Date('2026-12-07T00:00:00Z') };
    const team = [person('Adele Vance', 'Europe/Berlin'), person('Megan Bowen', 'America/New_York')];
    expect(suggestSlots(team, weekend, 60)).toEqual([]);
  });

  it('counts a slot that runs past the end of someone’s day, or past midnight, as outside their hours', () => {
    const adele = [person('Adele Vance', 'Europe/Berlin')];
    // 16:30–17:30 in Berlin ends after 17:00; the only other candidates are later still
    const evening = { from: new Date('2026-11-30T15:30:00Z'), to: new Date('2026-11-30T23:30:00Z') };
    expect(suggestSlots(adele, evening, 60)).toEqual([]);
    const late = {
      ...adele[0],
      workingHours: { ...nineToFive, startTime: '18:00', endTime: '00:00' },
    } as PersonAvailability;
    // 23:00–00:00 fits hours that end at midnight; 23:30–00:30 does not
    const night = suggestSlots(
      [late],
      { from: new Date('2026-11-30T22:00:00Z'), to: new Date('2026-11-30T23:30:00Z') },
      60,
    );
    expect(night.map((s) => [s.start.toISOString(), s.conflicts])).toEqual([['2026-11-30T22:00:00.000Z', 0]]);
  });
});

// ------------------------------------------------------------------------------------------------------ properties

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Sydney',
  'UTC',
  'Pacific/Chatham',
];

/** The wall clock of an instant in a zone, read with Intl (support/intl-zone.ts): its weekday, minute of the day, date. */
function wall(ms: number, timeZone: string): { weekday: Weekday; minute: number; date: string } {
  const { date, time, weekday } = wallClockAt(ms, timeZone);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { weekday, minute: hour * 60 + minute, date };
}

/** How many people cannot come to [start, end): the oracle. */
function oracleConflicts(people: PersonAvailability[], start: number, end: number): number {
  return people.filter((p) => {
    const s = wall(start, p.timeZone);
    const e = wall(end, p.timeZone);
    const [fh, fm] = p.workingHours.startTime.split(':').map(Number);
    const [uh, um] = p.workingHours.endTime.split(':').map(Number);
    const until = (uh ?? 0) * 60 + (um ?? 0) || 1440;
    const endMinute = e.minute + (e.date === s.date ? 0 : 1440);
    const inside =
      p.workingHours.daysOfWeek.includes(s.weekday) &&
      s.minute >= (fh ?? 0) * 60 + (fm ?? 0) &&
      endMinute <= until;
    return !inside || p.busy.some((b) => b.start.getTime() < end && b.end.getTime() > start);
  }).length;
}

const HALF_HOUR = 30 * 60_000;
const hhmm = (halfHours: number) =>
  `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;
const personArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    from: fc.integer({ min: 10, max: 40 }),
    length: fc.integer({ min: 4, max: 20 }),
    days: fc.subarray([...WEEKDAYS_ONLY, 'saturday', 'sunday'] as Weekday[], { minLength: 1 }),
    busy: fc.array(fc.tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 1, max: 12 })), {
      maxLength: 4,
    }),
  })
  .map((r): ((base: number) => PersonAvailability) => (base) => ({
    name: r.zone,
    timeZone: r.zone,
    workingHours: {
      daysOfWeek: r.days,
      startTime: hhmm(r.from),
      endTime: hhmm(Math.min(r.from + r.length, 48) % 48),
    },
    busy: r.busy.map(([at, n]) => ({
      start: new Date(base + at * HALF_HOUR),
      end: new Date(base + (at + n) * HALF_HOUR),
    })),
  }));
const caseArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 4 }),
  // any half hour of a winter or summer fortnight, plus a few minutes so the first start is rounded up
  start: fc.integer({ min: 0, max: 2 * 365 * 48 }),
  offsetMinutes: fc.integer({ min: 0, max: 29 }),
  days: fc.integer({ min: 1, max: 3 }),
  duration: fc.constantFrom(30, 60, 90),
  dayZone: fc.constantFrom(...ZONES),
});

describe('suggestSlots (properties)', () => {
  it('returns at most three slots, sorted by (conflicts, start), one a day, the first as good as any slot in the window', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const base = Date.UTC(2026, 0, 1) + c.start * HALF_HOUR;
        const people = c.people.map((make) => make(base));
        const window = {
          from: new Date(base + c.offsetMinutes * 60_000),
          to: new Date(base + c.days * 86_400_000),
        };
        const slots = suggestSlots(people, window, c.duration, { dayZone: c.dayZone });
        expect(slots.length).toBeLessThanOrEqual(3);
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1], slots[i]];
          if (!a || !b) throw new Error('unreachable');
          expect(a.conflicts < b.conflicts || (a.conflicts === b.conflicts && a.start < b.start)).toBe(true);
        }
        expect(new Set(slots.map((s) => wall(s.start.getTime(), c.dayZone).date)).size).toBe(slots.length);

        let best = Infinity;
        const first = Math.ceil(window.from.getTime() / HALF_HOUR) * HALF_HOUR;
        for (let t = first; t + c.duration * 60_000 <= window.to.getTime(); t += HALF_HOUR)
          best = Math.min(best, oracleConflicts(people, t, t + c.duration * 60_000));
        if (best < people.length) expect(slots[0]?.conflicts).toBe(best);
        else expect(slots).toEqual([]);
        for (const slot of slots) {
          const start = slot.start.getTime();
          expect(start % HALF_HOUR).toBe(0);
          expect(start).toBeGreaterThanOrEqual(window.from.getTime());
          expect(slot.end.getTime()).toBe(start + c.duration * 60_000);
          expect(slot.end.getTime()).toBeLessThanOrEqual(window.to.getTime());
          expect(slot.conflicts).toBe(oracleConflicts(people, start, slot.end.getTime()));
          expect(slot.conflicts).toBe(slot.local.filter((l) => l.availability !== 'free').length);
          expect(slot.conflicts).toBeLessThan(people.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
