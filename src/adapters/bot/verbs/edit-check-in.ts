import type { CheckInDeps } from '../../../app/checkins/checkin-deps';
import { showCheckInCard } from '../../../app/checkins/show-check-in-card';
import type { CheckInCardReply } from '../../../app/checkins/submit-check-in-answer';
import { type CardActionData, cardRound } from './card-action-data';

/** `checkin.edit`: the questions again, with the member's answer filled in. */
export function editCheckIn(
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
  data: CardActionData,
): Promise<CheckInCardReply> {
  return showCheckInCard(deps, cardRound(member, data));
}
