import type { CheckInDeps } from './checkin-deps';

/** `resume`: check-ins again from the next round, in every team of the member. Returns the teams resumed. */
export async function resumeCheckIns(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
): Promise<number> {
  const teams = await deps.installs.listTeamsOfUser(member.tenantId, member.aadObjectId);
  for (const team of teams)
    await deps.checkins.setPause(
      { tenantId: member.tenantId, teamId: team.teamId },
      member.aadObjectId,
      null,
    );
  return teams.length;
}
