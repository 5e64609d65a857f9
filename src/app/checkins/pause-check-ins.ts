import type { CheckInDeps } from './checkin-deps';

/** `pause 2 weeks`: no check-in cards in any of the member's teams until `until`. Returns the teams paused. */
export function pauseCheckIns(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
  until: Date,
): Promise<number> {
  return setPauseInEveryTeam(deps, member, until);
}

/** Sets (or with `null` lifts) the member's pause in each of their teams; returns how many teams that was. */
export async function setPauseInEveryTeam(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
  until: Date | null,
): Promise<number> {
  const teams = await deps.installs.listTeamsOfUser(member.tenantId, member.aadObjectId);
  for (const team of teams)
    await deps.checkins.setPause(
      { tenantId: member.tenantId, teamId: team.teamId },
      member.aadObjectId,
      until,
    );
  return teams.length;
}
