/**
 * Slot suggestion for a new review cadence: getSchedule on the organizer's mailbox through the real Graph adapter
 * against the sandbox, then the three least-bad slots (inside every member's working hours when there are any), each in
 * every person's local time.
 */
import { DateTime } from 'luxon';

import type { Caller } from '../../../src/app/caller';
import { suggestReviewSlots } from '../../../src/app/reviews/suggest-review-slots';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { demoWorkingHours } from '../../../src/sandbox/graph/sandbox-store';
import { useReviewHarness } from '../../support/review-harness';

// Friday 6 March 2026, 00:00 UTC: the window crosses the US change to summer time (Sunday 8 March), not Europe's.
const NOW = new Date('2026-03-06T00:00:00Z');
const scope = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
const diego: Caller = {
  tenantId: scope.tenantId,
  userId: DEMO_MEMBERS[3]?.aadObjectId as string,
  name: 'Diego',
};

/** Working hours per zone: New York starts early, Bengaluru works late, so the three zones share a few hours. */
const HOURS: Record<string, { startTime: string; endTime: string }> = {
  'Europe/Berlin': { startTime: '09:00', endTime: '17:00' },
  'America/New_York': { startTime: '07:00', endTime: '15:00' },
  'Asia/Kolkata': { startTime: '12:00', endTime: '20:00' },
};

describe('suggesting review slots from getSchedule', () => {
  const h = useReviewHarness({ clock: { now: () => NOW } });

  beforeAll(() => {
    for (const m of DEMO_MEMBERS) {
      const zone = m.timeZone as string;
      h.graph.running.sandbox.setMailbox(m.email as string, {
        workingHours: { ...demoWorkingHours(zone), ...HOURS[zone] },
      });
    }
  });

  function insideWorkingHours(start: Date, end: Date, zone: string): boolean {
    const hours = HOURS[zone];
    const s = DateTime.fromJSDate(start, { zone });
    const e = DateTime.fromJSDate(end, { zone });
    return (
      s.weekday <= 5 &&
      s.hasSame(e, 'day') &&
      s.toFormat('HH:mm') >= (hours?.startTime ?? '') &&
      e.toFormat('HH:mm') <= (hours?.endTime ?? '')
    );
  }

  it('suggests three slots on different days inside everyone’s working hours, avoiding busy time, in each person’s zone', async () => {
    // Shared hours: 12:00–14:30 UTC while New York is on standard time, 11:00–14:30 UTC from 8 March.
    // Lukas (Berlin) is busy at the first shared hour, so Friday's slot moves to 13:00 UTC.
    const busy = { start: new Date('2026-03-06T12:00:00Z'), end: new Date('2026-03-06T13:00:00Z') };
    h.graph.running.sandbox.addBusy('LukasB@contoso.example', busy.start, busy.end);
    const before = { ...h.graph.running.sandbox.stats };

    const slots = await suggestReviewSlots(h.deps, diego, scope.teamId, { durationMinutes: 60 });

    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-03-06T13:00:00.000Z',
      '2026-03-09T11:00:00.000Z',
      '2026-03-10T11:00:00.000Z',
    ]);
    for (const slot of slots) {
      expect(slot.end.getTime() - slot.start.getTime()).toBe(3_600_000);
      for (const m of DEMO_MEMBERS)
        expect(insideWorkingHours(slot.start, slot.end, m.timeZone as string)).toBe(true);
      // every person, with their own zone and their own wall-clock start
      expect(slot.local).toHaveLength(DEMO_MEMBERS.length);
      for (const m of DEMO_MEMBERS) {
        const local = slot.local.find((l) => l.name === m.name);
        expect(local?.timeZone).toBe(m.timeZone);
        expect(local?.start).toBe(
          DateTime.fromJSDate(slot.start, { zone: m.timeZone as string }).toFormat('ccc d LLL HH:mm'),
        );
      }
    }
    const at = (i: number, name: string) => slots[i]?.local.find((l) => l.name === name)?.start;
    expect([at(0, 'Adele Vance'), at(0, 'Diego Siciliani'), at(0, 'Priya Natarajan')]).toEqual([
      'Fri 6 Mar 14:00',
      'Fri 6 Mar 08:00',
      'Fri 6 Mar 18:30',
    ]);
    // after the US change New York's 07:00 is an hour earlier in UTC; Berlin and Bengaluru see 12:00 and 16:30
    expect([at(1, 'Adele Vance'), at(1, 'Diego Siciliani'), at(1, 'Priya Natarajan')]).toEqual([
      'Mon 9 Mar 12:00',
      'Mon 9 Mar 07:00',
      'Mon 9 Mar 16:30',
    ]);
    // One getSchedule request for the whole team.
    expect(h.graph.running.sandbox.stats.operations - before.operations).toBe(1);
  });

  it('when the working hours never overlap, offers the least-bad slots and names who would be outside their day', async () => {
    // Bengaluru's 08:00–12:00 ends before New York's day starts: every slot leaves someone out.
    h.graph.running.sandbox.setMailbox('PriyaN@contoso.example', {
      workingHours: { ...demoWorkingHours('Asia/Kolkata'), startTime: '08:00', endTime: '12:00' },
    });
    const slots = await suggestReviewSlots(h.deps, diego, scope.teamId, { durationMinutes: 60 });
    expect(slots).toHaveLength(3);
    const outside = slots.map((s) => [
      s.conflicts,
      s.local.filter((l) => l.availability !== 'free').map((l) => `${l.name} ${l.availability} ${l.start}`),
    ]);
    // Friday's slot depends on Lukas's busy hour above; Monday's and Tuesday's are the first shared hour after the
    // US change, late afternoon in Bengaluru.
    expect(outside[0]).toEqual([
      1,
      [expect.stringMatching(/^Priya Natarajan outside_hours Fri 6 Mar 1[78]:30$/)],
    ]);
    expect(slots.slice(1).map((s) => s.start.toISOString())).toEqual([
      '2026-03-09T11:00:00.000Z',
      '2026-03-10T11:00:00.000Z',
    ]);
    expect(outside.slice(1)).toEqual([
      [1, ['Priya Natarajan outside_hours Mon 9 Mar 16:30']],
      [1, ['Priya Natarajan outside_hours Tue 10 Mar 16:30']],
    ]);
  });

  it('refuses an organizer without a mailbox', async () => {
    await expect(
      suggestReviewSlots(h.deps, diego, scope.teamId, { durationMinutes: 30, organizerId: 'nobody' }),
    ).rejects.toMatchObject({ problems: [{ path: 'organizerId' }] });
  });
});
