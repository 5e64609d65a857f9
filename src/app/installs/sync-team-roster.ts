import type { CheckInDeps } from '../checkins/checkin-deps';
import type { TeamScope } from '../common-ports';
import type { Installation } from './install-ports';

/**
 * Pages the team's roster from Teams into `members`: new and returning members are upserted, members no longer in
 * the roster are marked as left (their answers stay with their rounds). Returns the roster size.
 */
export async function syncTeamRoster(
  deps: Pick<CheckInDeps, 'installs' | 'directory' | 'clock' | 'log'>,
  installation: Installation,
): Promise<number> {
  const scope: TeamScope = { tenantId: installation.tenantId, teamId: installation.teamId };
  const roster = await deps.directory.listTeamMembers(installation);
  await deps.installs.upsertMembers(scope, roster);
  const current = new Set(roster.map((m) => m.aadObjectId));
  const now = deps.clock.now();
  for (const member of await deps.installs.listMembers(scope))
    if (!current.has(member.aadObjectId)) await deps.installs.markMemberLeft(scope, member.aadObjectId, now);
  deps.log.info({ ...scope, members: roster.length }, 'install.roster.synced');
  return roster.length;
}
