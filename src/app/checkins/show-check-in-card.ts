import { checkInCardView } from './check-in-card-view';
import type { CheckInDeps } from './checkin-deps';
import { type CardActionInput, type CheckInCardReply, openCardAction } from './submit-check-in-answer';

/** "Edit" on the thank-you card: the questions again, filled with the member's answer (or the closed card). */
export async function showCheckInCard(deps: CheckInDeps, input: CardActionInput): Promise<CheckInCardReply> {
  const action = await openCardAction(deps, input);
  if ('reply' in action) return action.reply;
  const { scope, round, teamName } = action;
  const response = await deps.checkins.getResponse(scope, round.id, input.aadObjectId);
  return {
    kind: 'card',
    view: checkInCardView(round, teamName, 'ask', { response }),
    saved: false,
  };
}
