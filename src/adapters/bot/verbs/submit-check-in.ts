import type { CheckInDeps } from '../../../app/checkins/checkin-deps';
import { type CheckInCardReply, submitCheckInAnswer } from '../../../app/checkins/submit-check-in-answer';
import { type CardActionData, cardInputs, cardRound } from './card-action-data';

/** `checkin.submit`: the member's answer. */
export function submitCheckIn(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
  data: CardActionData,
): Promise<CheckInCardReply> {
  return submitCheckInAnswer(deps, { ...cardRound(member, data), inputs: cardInputs(data) });
}
