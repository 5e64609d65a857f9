import type { CharterDiff } from '../../domain/charter/diff-charters';
import { diffCharters } from '../../domain/charter/diff-charters';
import { ConflictError } from '../../domain/errors';
import type { ClauseOutcome } from '../../domain/review/review-outcomes';
import { endReviewSession as endSession, sessionOutcomes, walkOf } from '../../domain/review/review-session';
import type { Caller } from '../caller';
import { JOB_KINDS } from '../jobs/job-kinds';
import { recordReviewOutcomes } from './record-review-outcomes';
import type { ReviewProposal } from './review-ports';
import {
  latestSession,
  requireFacilitator,
  type ReviewSessionView,
  walkedContent,
} from './review-session-access';
import type { ReviewSessionDeps } from './review-session-deps';
import type { StoredReviewSession } from './review-session-ports';

/** The summary job waits for the end it was queued for: enough attempts to outlast a short outage between them. */
const SUMMARY_MAX_ATTEMPTS = 10;

/**
 * The facilitator (an editor) ends the open session. Its decisions become an open proposal through
 * `recordReviewOutcomes` — the same proposal, diff and checks as the reviews API — which the editors then accept or
 * drop; a session without a decision ends without one. The session records the proposal's id, and the summary card
 * is queued for the team's channel.
 *
 * When the charter moved on since the session started, the proposal cannot be made (`ConflictError` with the current
 * version, as from the reviews API); `withoutProposal` then ends the session with its decisions kept on it, unproposed.
 *
 * An end that failed after its proposal was made, and is tried again, finds that proposal (open, on the same version,
 * since the session started, with the same decisions) instead of proposing twice.
 */
export async function endReviewSession(
  deps: ReviewSessionDeps,
  caller: Caller,
  teamId: string,
  options: { withoutProposal?: boolean | undefined } = {},
): Promise<ReviewSessionView & { proposal: ReviewProposal | null; diff: CharterDiff | null }> {
  const { scope, person } = await requireFacilitator(deps, caller, teamId);
  const session = await latestSession(deps, scope);
  if (session.state !== 'open') throw new ConflictError('This review has already ended.');
  const content = await walkedContent(deps, session);
  const outcomes = sessionOutcomes(session, content);
  let proposal: ReviewProposal | null = null;
  let diff: CharterDiff | null = null;
  let proposedNow = false;
  if (outcomes.length > 0 && !options.withoutProposal) {
    const earlier = (await deps.reviews.listProposals(scope, 'open')).find(
      (p) =>
        p.baseVersion === session.charterVersion &&
        p.createdAt >= session.startedAt &&
        sameOutcomes(p.outcomes, outcomes),
    );
    if (earlier) [proposal, diff] = [earlier, diffCharters(content, earlier.content)];
    else {
      ({ proposal, diff } = await recordReviewOutcomes(deps, caller, teamId, {
        baseVersion: session.charterVersion,
        outcomes,
      }));
      proposedNow = true;
    }
  }
  const now = deps.clock.now();
  // Queued before the end, so the card follows whatever ends the session; the job waits until it has ended.
  await deps.jobs.enqueue({
    scope,
    kind: JOB_KINDS.reviewSessionSummary,
    key: session.id,
    runAt: now,
    payload: { sessionId: session.id },
    maxAttempts: SUMMARY_MAX_ATTEMPTS,
  });
  const proposalId = proposal?.id ?? null;
  let ended: StoredReviewSession;
  try {
    ended = await deps.sessions.updateOpenSession(scope, session.id, (locked) => {
      // A decision recorded while this end was under way would be missing from the proposal.
      if (!sameOutcomes(sessionOutcomes(locked, content), outcomes))
        throw new ConflictError('A decision changed while the review was ending; end it again.');
      return { ...locked, ...endSession(locked, person, now, proposalId) };
    });
  } catch (error) {
    if (proposedNow && proposalId && error instanceof ConflictError)
      await deps.reviews.decideProposal(scope, proposalId, {
        state: 'dropped',
        by: person,
        at: now,
        acceptedVersion: null,
      });
    throw error;
  }
  deps.log.info(
    { ...scope, sessionId: session.id, proposalId, decisions: outcomes.length },
    'reviews.session.ended',
  );
  return { session: ended, walk: walkOf(content), proposal, diff };
}

function sameOutcomes(a: readonly ClauseOutcome[], b: readonly ClauseOutcome[]): boolean {
  const key = (o: ClauseOutcome) => `${o.kind}:${o.clauseId}:${o.decision}:${o.text ?? ''}`;
  return a.length === b.length && a.every((o, i) => key(o) === key(b[i] as ClauseOutcome));
}
