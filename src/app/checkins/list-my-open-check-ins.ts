import { checkInCardView } from './check-in-card-view';
import type { CheckInDeps } from './checkin-deps';
import type { CheckInCardView } from './checkin-ports';

/** The `checkin` command: the member's cards for every open round they were asked in, across their teams. */
export async function listMyOpenCheckIns(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
): Promise<CheckInCardView[]> {
  const views: CheckInCardView[] = [];
  for (const team of await deps.installs.listTeamsOfUser(member.tenantId, member.aadObjectId)) {
    const scope = { tenantId: member.tenantId, teamId: team.teamId };
    const [round] = await deps.checkins.listRounds(scope, 1);
    if (!round || round.state !== 'open') continue;
    if (!(await deps.checkins.getDelivery(scope, round.id, member.aadObjectId))) continue;
    const response = await deps.checkins.getResponse(scope, round.id, member.aadObjectId);
    views.push(checkInCardView(round, team.teamName, 'ask', { response }));
  }
  return views;
}
