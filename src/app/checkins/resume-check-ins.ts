import type { CheckInDeps } from './checkin-deps';
import { setPauseInEveryTeam } from './pause-check-ins';

/** `resume`: check-ins again from the next round, in every team of the member. Returns the teams resumed. */
export function resumeCheckIns(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
): Promise<number> {
  return setPauseInEveryTeam(deps, member, null);
}
