import { type ClauseTarget, moveToClause } from '../../domain/review/review-session';
import type { Caller } from '../caller';
import { changeOpenSession, requireFacilitator, type ReviewSessionView } from './review-session-access';
import type { ReviewSessionDeps } from './review-session-deps';

/** The facilitator (an editor) moves the room to a clause; a new section starts its timebox. */
export async function moveSessionToClause(
  deps: ReviewSessionDeps,
  caller: Caller,
  teamId: string,
  target: ClauseTarget,
): Promise<ReviewSessionView> {
  const { scope } = await requireFacilitator(deps, caller, teamId);
  const now = deps.clock.now();
  return changeOpenSession(deps, scope, (session, content) => moveToClause(session, content, target, now));
}
