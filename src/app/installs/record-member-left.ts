import type { CheckInDeps } from '../checkins/checkin-deps';
import type { TeamScope } from '../common-ports';

/** A member left the team: no more cards for them; their past answers stay in their rounds' aggregates. */
export async function recordMemberLeft(
  deps: CheckInDeps,
  scope: TeamScope,
  aadObjectId: string,
): Promise<void> {
  await deps.installs.markMemberLeft(scope, aadObjectId, deps.clock.now());
}
