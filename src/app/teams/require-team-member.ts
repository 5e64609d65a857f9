import { ForbiddenError, NotInstalledError } from '../../domain/errors';
import type { Caller } from '../caller';
import type { CharterStamp } from '../charters/charter-ports';
import type { TeamScope } from '../common-ports';
import type { Installation, InstallStore, TeamMemberRead } from '../installs/install-ports';

export interface TeamAccess {
  scope: TeamScope;
  installation: Installation;
  member: TeamMemberRead;
  /** The charter's head as of this check (null: no charter yet), for reads the charter store can answer from cache. */
  charterHead: CharterStamp | null;
}

/**
 * What the caller is about to do. A read may be checked against the access read kept in memory (a change made on
 * another instance arrives by notification, normally within a millisecond); a change is checked against the database
 * as it is now, so a member removed a moment ago on any instance cannot change anything.
 */
export type AccessIntent = 'read' | 'change';

/**
 * The gate in front of every team route. The team is looked up in the caller's own tenant only, so another tenant's
 * team is indistinguishable from one where the app is not installed; then the caller must be a current member.
 */
export async function requireTeamMember(
  installs: InstallStore,
  caller: Caller,
  teamId: string,
  intent: AccessIntent = 'read',
): Promise<TeamAccess> {
  const scope: TeamScope = { tenantId: caller.tenantId, teamId };
  const { installation, member, charterHead } = await installs.getTeamAccess(scope, caller.userId, {
    fresh: intent === 'change',
  });
  if (!installation || installation.uninstalledAt)
    throw new NotInstalledError('Team Charter is not installed in this team.');
  if (!member) throw new ForbiddenError('You are not a member of this team.');
  return { scope, installation, member, charterHead };
}
