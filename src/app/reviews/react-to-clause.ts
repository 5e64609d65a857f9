import { type ClauseTarget, reactToClause as react } from '../../domain/review/review-session';
import type { Caller } from '../caller';
import { changeOpenSession, requireSessionMember, type ReviewSessionView } from './review-session-access';
import type { ReviewSessionDeps } from './review-session-deps';

/** Any member of the team sets their +1 or their note on a clause of the open session. */
export async function reactToClause(
  deps: ReviewSessionDeps,
  caller: Caller,
  teamId: string,
  input: ClauseTarget & { plusOne?: boolean | undefined; note?: string | null | undefined },
): Promise<ReviewSessionView> {
  const { scope, person } = await requireSessionMember(deps, caller, teamId, 'change');
  const now = deps.clock.now();
  return changeOpenSession(deps, scope, (session, content) => react(session, content, person.id, input, now));
}
