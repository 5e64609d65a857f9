/**
 * The most important property: what we book in Outlook and what we compute ourselves are the same series. The Graph
 * body is expanded by an independent reading of Graph's documented semantics (support/expand-patterned-recurrence.ts)
 * and its wall times are resolved with Intl (support/intl-zone.ts); neither shares code with src/domain/cadence.
 */
import windowsZones from 'cldr-core/supplemental/windowsZones.json';
import fc from 'fast-check';

import type { Cadence } from '../../../src/domain/cadence/cadence';
import { toGraphSchedule } from '../../../src/domain/cadence/graph-recurrence';
import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import { afterArb, cadenceArb } from './support/cadence-arbitraries';
import { dstEdgeCaseArb } from './support/dst-transitions';
import { expandPatternedRecurrence } from './support/expand-patterned-recurrence';
import { expectedInstant } from './support/intl-zone';

const RUNS = { numRuns: 150 };
const DAY = 86_400_000;

const MAP_ZONES = windowsZones.supplemental.windowsZones.mapTimezones.map(({ mapZone }) => mapZone);
/** The IANA zone Windows itself uses for a Windows zone name (CLDR territory 001), read straight from CLDR. */
const GOLDEN_IANA = new Map(
  MAP_ZONES.filter((zone) => zone._territory === '001').map((zone) => [zone._other, zone._type]),
);
/** Every IANA zone CLDR files under a Windows zone name, in any territory. */
const ianaZonesOf = (windowsZone: string): string[] =>
  MAP_ZONES.filter((zone) => zone._other === windowsZone).flatMap((zone) => zone._type.split(' '));
/** Our test zones by their CLDR-canonical name (CLDR still files Kolkata as "Asia/Calcutta"). */
const CLDR_NAME: Record<string, string> = { 'Asia/Kolkata': 'Asia/Calcutta' };

const cases = fc.oneof(
  cadenceArb.chain((cadence) => fc.tuple(fc.constant(cadence), afterArb(cadence))),
  dstEdgeCaseArb.map(([cadence, after]) => [cadence, after] as [Cadence, Date]),
);

/** An instant two days before the start date: before any occurrence, in any zone. */
const beforeStart = (cadence: Cadence): Date =>
  new Date(Date.parse(`${cadence.startDate}T00:00:00Z`) - 2 * DAY);

describe('toGraphSchedule (properties)', () => {
  it('books a series that Outlook expands to the same local dates as nextOccurrences', () => {
    fc.assert(
      fc.property(cases, ([cadence]) => {
        const ours = nextOccurrences(cadence, beforeStart(cadence), 16).map((o) => o.localDate);
        if (ours.length === 0) {
          expect(() => toGraphSchedule(cadence)).toThrow();
          return;
        }
        expect(expandPatternedRecurrence(toGraphSchedule(cadence), 16)).toEqual(ours);
      }),
      RUNS,
    );
  });

  it('agrees with nextOccurrences on the instants after any moment, with Outlook-resolved wall times', () => {
    fc.assert(
      fc.property(cases, ([cadence, after]) => {
        const ours = nextOccurrences(cadence, after, 8);
        if (ours.length === 0) return;
        const schedule = toGraphSchedule(cadence);
        const wallTime = schedule.start.dateTime.slice(11, 16);
        // Eight occurrences span at most eight intervals; walk a little further than that past `after`.
        const { kind, interval } = cadence.pattern;
        const span = kind === 'weekly' ? (interval * 8 + 2) * 7 * DAY : (interval * 8 + 2) * 31 * DAY;
        const through = new Date(after.getTime() + span).toISOString().slice(0, 10);
        const theirs = expandPatternedRecurrence(schedule, Infinity, through)
          .map((date) => ({ localDate: date, start: expectedInstant(date, wallTime, cadence.timeZone) }))
          .filter(({ start }) => start > after.getTime())
          .slice(0, 8);
        expect(ours.map((o) => ({ localDate: o.localDate, start: o.start.getTime() }))).toEqual(theirs);
      }),
      { numRuns: 100 },
    );
  });

  it('starts the series at the start time on its first occurrence and ends it durationMinutes later', () => {
    fc.assert(
      fc.property(cases, ([cadence]) => {
        const [first] = nextOccurrences(cadence, beforeStart(cadence), 1);
        if (!first) return;
        const { start, end, recurrence } = toGraphSchedule(cadence);
        expect(start.dateTime).toBe(`${first.localDate}T${cadence.startTime}:00`);
        expect(recurrence.range.startDate).toBe(first.localDate);
        const zoneOf = (timeZone: string): string =>
          timeZone === 'UTC' ? 'UTC' : (GOLDEN_IANA.get(timeZone) ?? '?');
        const read = (dt: { dateTime: string; timeZone: string }): number =>
          expectedInstant(dt.dateTime.slice(0, 10), dt.dateTime.slice(11, 16), zoneOf(dt.timeZone));
        expect(read(start)).toBe(first.start.getTime());
        expect(read(end) - read(start)).toBe(cadence.durationMinutes * 60_000);
      }),
      RUNS,
    );
  });

  it('names the zone by the Windows zone that CLDR files the cadence zone under', () => {
    fc.assert(
      fc.property(cases, ([cadence]) => {
        if (nextOccurrences(cadence, beforeStart(cadence), 1).length === 0) return;
        const { start, recurrence } = toGraphSchedule(cadence);
        expect(ianaZonesOf(start.timeZone)).toContain(CLDR_NAME[cadence.timeZone] ?? cadence.timeZone);
        expect(recurrence.range.recurrenceTimeZone).toBe(start.timeZone);
      }),
      { numRuns: 50 },
    );
  });
});
