import { checkInCardView } from './check-in-card-view';
import type { CheckInDeps } from './checkin-deps';
import type { CardActionInput, CheckInCardReply } from './submit-check-in-answer';

/** "Edit" on the thank-you card: the questions again, filled with the member's answer (or the closed card). */
export async function showCheckInCard(deps: CheckInDeps, input: CardActionInput): Promise<CheckInCardReply> {
  const scope = { tenantId: input.tenantId, teamId: input.teamId };
  const read = await deps.checkins.getCardAction(scope, input.roundId, input.aadObjectId);
  if (!read?.teamName)
    return { kind: 'error', status: 404, message: 'This check-in is no longer available.' };
  const { round, teamName } = read;
  if (!read.delivery)
    return { kind: 'error', status: 403, message: 'This check-in was sent to someone else.' };
  if (round.state === 'closed')
    return { kind: 'card', view: checkInCardView(round, teamName, 'closed'), saved: false };
  const response = await deps.checkins.getResponse(scope, round.id, input.aadObjectId);
  return {
    kind: 'card',
    view: checkInCardView(round, teamName, 'ask', { response }),
    saved: false,
  };
}
