import type { TeamScope } from '../../src/app/common-ports';
import type { InstallStore, MemberInput } from '../../src/app/installs/install-ports';

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
  await installs.saveInstallation({
    ...scope,
    teamsTeamId: `19:${scope.teamId}@thread.tacv2`,
    teamName: `Team ${t}`,
    serviceUrl: 'http://127.0.0.1:1/',
    channelConversationId: `19:${scope.teamId}-general@thread.tacv2`,
    installedBy: organizerId,
    installedAt: new Date(),
    uninstalledAt: null,
  });
  await installs.upsertMembers(scope, [
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
