import type { CharterStore } from '../../src/app/charters/charter-ports';
import type { TeamScope } from '../../src/app/common-ports';
import type { InstallStore, MemberInput } from '../../src/app/installs/install-ports';
import { saveFirstVersion } from './charter-deps';
import { installTeam } from './install-team';

/**
 * Installs team number `t` for review-booking tests and benchmarks: an installation (installed by its organizer
 * `org-<t>`), the organizer on `organizerEmail`, and the other members given. Charters and jobs are the caller's.
 */
export async function installReviewTeam(
  installs: InstallStore,
  scope: TeamScope,
  t: number,
  organizerEmail: string,
  members: readonly MemberInput[],
): Promise<{ organizerId: string }> {
  const organizerId = `org-${t}`;
  await installTeam(installs, scope, `Team ${t}`, [
    {
      aadObjectId: organizerId,
      teamsUserId: null,
      name: `Organizer ${t}`,
      email: organizerEmail,
      timeZone: null,
    },
    ...members,
  ]);
  return { organizerId };
}

/**
 * Saves team number `t`'s first charter, by its organizer: a one-hour review every other Tuesday at 15:00 Berlin from
 * `startDate`, booked on `organizerId`'s mailbox, and no check-ins.
 */
export async function saveReviewTeamCharter(
  charters: CharterStore,
  scope: TeamScope,
  t: number,
  organizerId: string,
  startDate: string,
): Promise<void> {
  await saveFirstVersion(
    charters,
    scope,
    {
      purpose: `Team ${t}`,
      nonNegotiables: [],
      outcomes: [{ id: `o-${t}`, title: 'Customers are happy', measure: null }],
      boundaries: [],
      checkIns: null,
      review: {
        cadence: {
          pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['tuesday'] },
          startTime: '15:00',
          durationMinutes: 60,
          timeZone: 'Europe/Berlin',
          startDate,
          endDate: null,
        },
        organizerId,
      },
      timeZone: 'Europe/Berlin',
      editorIds: [organizerId],
    },
    { id: organizerId, name: `Organizer ${t}` },
  );
}
