/** The port of the live review: the team's review sessions (the walk's state, decisions and reactions). */
import type { ReviewSession } from '../../domain/review/review-session';
import type { TeamScope } from '../common-ports';

export interface StoredReviewSession extends ReviewSession, TeamScope {}

export interface ReviewSessionStore {
  /** The team's open session, else its latest ended one; null when the team never had one. */
  getLatest(scope: TeamScope): Promise<StoredReviewSession | null>;
  getSession(scope: TeamScope, id: string): Promise<StoredReviewSession | null>;
  /**
   * Stores `session` as the team's open session unless it already has one (at most one is open per team): returns the
   * open session, and whether it is the one just stored.
   */
  startSession(session: StoredReviewSession): Promise<{ session: StoredReviewSession; started: boolean }>;
  /**
   * Changes the team's open session `id`: reads it under a row lock, passes it to `change`, stores what that returns
   * (unless it is the same object). Writers queue on the lock, so none loses another's change. `NotFoundError` when
   * there is no such session, `ConflictError` once it has ended. Errors `change` throws leave the session as it was.
   */
  updateOpenSession(
    scope: TeamScope,
    id: string,
    change: (session: StoredReviewSession) => StoredReviewSession,
  ): Promise<StoredReviewSession>;
}
