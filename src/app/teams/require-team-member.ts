import { ForbiddenError, NotFoundError } from '../../domain/errors';
import type { Caller } from '../caller';
import type { TeamScope } from '../common-ports';
import type { Installation, InstallStore, Member } from '../installs/install-ports';

export interface TeamAccess {
  scope: TeamScope;
  installation: Installation;
  member: Member;
}

/**
 * The gate in front of every team route. The team is looked up in the caller's own tenant only, so another tenant's
 * team is indistinguishable from one where the app is not installed; then the caller must be a current member.
 */
export async function requireTeamMember(
  installs: InstallStore,
  caller: Caller,
  teamId: string,
): Promise<TeamAccess> {
  const scope: TeamScope = { tenantId: caller.tenantId, teamId };
  const installation = await installs.getInstallation(scope);
  if (!installation || installation.uninstalledAt)
    throw new NotFoundError('Team Charter is not installed in this team.');
  const member = await installs.getMember(scope, caller.userId);
  if (!member) throw new ForbiddenError('You are not a member of this team.');
  return { scope, installation, member };
}
