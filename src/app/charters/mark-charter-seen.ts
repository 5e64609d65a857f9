import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { CharterDeps } from './charter-deps';

/**
 * The caller looked at version `version` of the team's charter (the tab says so when it shows it): what changed since
 * is then measured from there. A version the team does not have is refused and nothing is stored.
 */
export async function markCharterSeen(
  deps: CharterDeps,
  caller: Caller,
  teamId: string,
  version: number,
): Promise<void> {
  const { scope } = await requireTeamMember(deps.installs, caller, teamId);
  const current = await deps.charters.getCurrent(scope);
  if (!current) throw new NotFoundError('This team has no charter yet.');
  if (!Number.isInteger(version) || version < 1 || version > current.version)
    throw new ValidationError([
      {
        path: 'version',
        message: `version must be a charter version of this team, 1 to ${current.version}.`,
      },
    ]);
  await deps.installs.markCharterSeen(scope, caller.userId, version);
}
