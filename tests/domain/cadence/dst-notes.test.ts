import type { Cadence } from '../../../src/domain/cadence/cadence';
import { dstNotes } from '../../../src/domain/cadence/dst-notes';
import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import { sundaysAt } from './support/make-cadence';

const notesFor = (cadence: Cadence, after: string) =>
  dstNotes(cadence, nextOccurrences(cadence, new Date(after), 5));

describe('DST notes beside the next occurrences', () => {
  it('says a start time that does not exist on the spring-forward day runs later by the gap', () => {
    // London springs forward at 01:00 on Sunday 29 March 2026: 01:30 does not exist that day.
    const cadence = sundaysAt('01:30', 'Europe/London', '2026-03-01');
    expect(notesFor(cadence, '2026-03-20T00:00:00Z')).toEqual([
      { kind: 'gap', localDate: '2026-03-29', startTime: '01:30', runsAt: '02:30' },
    ]);
  });

  it('says a start time that happens twice on the fall-back day runs at the first of the two', () => {
    // Berlin falls back at 03:00 on Sunday 25 October 2026: 02:30 happens twice.
    const cadence = sundaysAt('02:30', 'Europe/Berlin', '2026-10-01');
    expect(notesFor(cadence, '2026-10-20T00:00:00Z')).toEqual([
      { kind: 'repeated', localDate: '2026-10-25', startTime: '02:30' },
    ]);
  });

  it('has nothing to say about a start time the clock change does not touch', () => {
    const cadence = sundaysAt('09:00', 'Europe/Berlin', '2026-03-01');
    expect(notesFor(cadence, '2026-03-20T00:00:00Z')).toEqual([]);
  });
});
