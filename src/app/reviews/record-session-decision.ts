import type { ReviewDecision } from '../../domain/review/review-outcomes';
import { type ClauseTarget, recordDecision } from '../../domain/review/review-session';
import type { Caller } from '../caller';
import { changeOpenSession, requireFacilitator, type ReviewSessionView } from './review-session-access';
import type { ReviewSessionDeps } from './review-session-deps';

/**
 * The facilitator (an editor) records keep / revise / drop on a clause of the open session, replacing an earlier
 * decision on it. Every problem is a `ValidationError` and nothing changes; `ConflictError` once the review ended.
 */
export async function recordSessionDecision(
  deps: ReviewSessionDeps,
  caller: Caller,
  teamId: string,
  input: ClauseTarget & { decision: ReviewDecision; text?: string | null | undefined },
): Promise<ReviewSessionView> {
  const { scope, person } = await requireFacilitator(deps, caller, teamId);
  const now = deps.clock.now();
  return changeOpenSession(deps, scope, (session, content) =>
    recordDecision(session, content, input, person, now),
  );
}
