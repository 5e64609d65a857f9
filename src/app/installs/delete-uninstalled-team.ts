import type { CheckInDeps } from '../checkins/checkin-deps';
import type { TeamScope } from '../common-ports';

/**
 * The grace period after an uninstall has passed (job `installs.delete-team`): delete the team's check-ins, roster,
 * installation and charter — unless the team reinstalled the app since (then `uninstalledAt` differs).
 */
export async function deleteUninstalledTeam(
  deps: CheckInDeps,
  scope: TeamScope,
  uninstalledAt: Date,
): Promise<boolean> {
  const installation = await deps.installs.getInstallation(scope);
  if (!installation?.uninstalledAt || installation.uninstalledAt.getTime() !== uninstalledAt.getTime())
    return false;
  await deps.checkins.deleteTeamData(scope);
  await deps.installs.deleteTeam(scope);
  deps.log.info(scope, 'install.data.deleted');
  return true;
}
