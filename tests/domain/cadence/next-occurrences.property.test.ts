/**
 * Properties of `nextOccurrences` over random cadences in zones with unusual DST rules, checked against `Intl`
 * directly (support/intl-zone.ts), not against the code under test.
 */
import fc from 'fast-check';

import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import { afterArb, cadenceArb } from './support/cadence-arbitraries';
import { dstEdgeCaseArb } from './support/dst-transitions';
import { addMinutesToTime, instantsShowing, offsetAt, wallClockAt } from './support/intl-zone';
import { patternAllowsDate } from './support/pattern-allows';

// Half random cadences, half cadences built to meet a DST gap or overlap (random ones almost never do).
const cadenceAfterCount = fc.oneof(
  cadenceArb.chain((cadence) =>
    fc.tuple(fc.constant(cadence), afterArb(cadence), fc.integer({ min: 1, max: 12 })),
  ),
  dstEdgeCaseArb,
);
const RUNS = { numRuns: 200 };

describe('nextOccurrences (properties)', () => {
  it('returns exactly `count` occurrences for an endless cadence, and no more than `count` otherwise', () => {
    fc.assert(
      fc.property(cadenceAfterCount, ([cadence, after, count]) => {
        const occurrences = nextOccurrences(cadence, after, count);
        if (cadence.endDate == null) expect(occurrences).toHaveLength(count);
        else expect(occurrences.length).toBeLessThanOrEqual(count);
      }),
      RUNS,
    );
  });

  it('returns starts that are strictly after `after` and strictly increasing', () => {
    fc.assert(
      fc.property(cadenceAfterCount, ([cadence, after, count]) => {
        let previous = after.getTime();
        for (const { start } of nextOccurrences(cadence, after, count)) {
          expect(start.getTime()).toBeGreaterThan(previous);
          previous = start.getTime();
        }
      }),
      RUNS,
    );
  });

  it('puts every occurrence on a date the pattern allows, between the start and end dates', () => {
    fc.assert(
      fc.property(cadenceAfterCount, ([cadence, after, count]) => {
        for (const { localDate } of nextOccurrences(cadence, after, count)) {
          expect(patternAllowsDate(cadence.pattern, localDate)).toBe(true);
          expect(localDate >= cadence.startDate).toBe(true);
          if (cadence.endDate != null) expect(localDate <= cadence.endDate).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('lasts exactly durationMinutes of elapsed time', () => {
    fc.assert(
      fc.property(cadenceAfterCount, ([cadence, after, count]) => {
        for (const { start, end } of nextOccurrences(cadence, after, count)) {
          expect(end.getTime() - start.getTime()).toBe(cadence.durationMinutes * 60_000);
        }
      }),
      RUNS,
    );
  });

  it('starts at the start time on its local date, at the earlier instant when that time happens twice', () => {
    fc.assert(
      fc.property(cadenceAfterCount, ([cadence, after, count]) => {
        for (const { start, localDate } of nextOccurrences(cadence, after, count)) {
          const instants = instantsShowing(localDate, cadence.startTime, cadence.timeZone);
          if (instants.length === 0) continue; // a gap: the next property covers it
          expect(start.getTime()).toBe(instants[0]);
        }
      }),
      RUNS,
    );
  });

  it('moves a start time that does not exist that day forward by exactly the length of the DST gap', () => {
    fc.assert(
      fc.property(cadenceAfterCount, ([cadence, after, count]) => {
        for (const { start, localDate } of nextOccurrences(cadence, after, count)) {
          if (instantsShowing(localDate, cadence.startTime, cadence.timeZone).length > 0) continue;
          const t = start.getTime();
          const gap = offsetAt(t, cadence.timeZone) - offsetAt(t - 18 * 3_600_000, cadence.timeZone);
          expect(gap).toBeGreaterThan(0);
          expect(wallClockAt(t, cadence.timeZone).time).toBe(addMinutesToTime(cadence.startTime, gap));
        }
      }),
      RUNS,
    );
  });
});
