import type { CheckInDeps } from './checkin-deps';

/** `resume`: check-ins again from the next round, in every team of the member. */
export async function resumeCheckIns(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
): Promise<void> {
  for (const team of await deps.installs.listTeamsOfUser(member.tenantId, member.aadObjectId))
    await deps.checkins.setPause(
      { tenantId: member.tenantId, teamId: team.teamId },
      member.aadObjectId,
      null,
    );
}
