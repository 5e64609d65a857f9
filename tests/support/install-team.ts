import type { TeamScope } from '../../src/app/common-ports';
import type { InstallStore, MemberInput } from '../../src/app/installs/install-ports';

/**
 * Installs the app in `scope`'s team named `name`, installed by its first member, with `members` on the roster; the
 * bot's Connector at `serviceUrl` (nothing listens there by default).
 */
export async function installTeam(
  installs: InstallStore,
  scope: TeamScope,
  name: string,
  members: readonly MemberInput[],
  serviceUrl = 'http://127.0.0.1:1/',
): Promise<void> {
  await installs.saveInstallation({
    ...scope,
    teamsTeamId: `19:${scope.teamId}@thread.tacv2`,
    teamName: name,
    serviceUrl,
    channelConversationId: `19:${scope.teamId}-general@thread.tacv2`,
    installedBy: members[0]?.aadObjectId ?? null,
    installedAt: new Date(),
    uninstalledAt: null,
  });
  await installs.upsertMembers(scope, members);
}
