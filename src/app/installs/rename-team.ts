import type { CheckInDeps } from '../checkins/checkin-deps';
import type { TeamScope } from '../common-ports';

/** Teams renamed the team: cards and summaries use the new name from now on. */
export async function renameTeam(deps: CheckInDeps, scope: TeamScope, teamName: string): Promise<void> {
  const installation = await deps.installs.getInstallation(scope);
  if (!installation || installation.teamName === teamName) return;
  await deps.installs.saveInstallation({ ...installation, teamName });
}
