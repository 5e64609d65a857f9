import { type WalkedSection, walkOf } from '../../domain/review/review-session';
import type { Caller } from '../caller';
import { latestSession, requireSessionMember, walkedContent } from './review-session-access';
import type { ReviewSessionDeps } from './review-session-deps';
import type { StoredReviewSession } from './review-session-ports';

/**
 * A member reads the team's open live review, else its latest: the session and the charter clauses it walks. When
 * the caller says they already have this session at this revision (`known`), the walk is not read and is null: there
 * is nothing new to send. Someone outside the team is told whose review it is, and nothing of the charter.
 */
export async function getReviewSession(
  deps: ReviewSessionDeps,
  caller: Caller,
  teamId: string,
  known?: { sessionId: string; revision: number },
): Promise<{ session: StoredReviewSession; walk: WalkedSection[] | null }> {
  const { scope } = await requireSessionMember(deps, caller, teamId);
  const session = await latestSession(deps, scope);
  if (known?.sessionId === session.id && known.revision === session.revision) return { session, walk: null };
  return { session, walk: walkOf(await walkedContent(deps, session)) };
}
