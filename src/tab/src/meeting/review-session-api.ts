/** The tab's calls for the live review (docs/api.md, "The live review"). */
import type {
  EndedLiveReview,
  LiveReview,
  LiveReviewClause,
  LiveReviewResponse,
} from '../../../contract/api-types';
import type { ReviewDecision } from '../../../domain/review/review-outcomes';
import type { CharterApi } from '../api/charter-api';

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/review-session`;

/** The open session, else the latest. A 304 answers the same object as the last time (CharterApi revalidates). */
export function readSession(api: CharterApi, teamId: string): Promise<LiveReviewResponse> {
  return api.call<LiveReviewResponse>('GET', base(teamId));
}

/** Starts the review with the default timeboxes (or answers the one already open). */
export function startSession(api: CharterApi, teamId: string): Promise<LiveReview> {
  return api.call<LiveReviewResponse>('POST', `${base(teamId)}/start`, {}).then((r) => r.session);
}

/** The clause's kind goes along: two kinds of clause may share an id. */
const kindOf = (clause: LiveReviewClause) => ({ kind: clause.kind });

export function decide(
  api: CharterApi,
  teamId: string,
  clause: LiveReviewClause,
  decision: ReviewDecision,
  text: string | null,
): Promise<LiveReview> {
  const body = { decision, ...kindOf(clause), ...(decision === 'revise' ? { text } : {}) };
  return api
    .call<LiveReviewResponse>('PUT', `${base(teamId)}/decisions/${encodeURIComponent(clause.clauseId)}`, body)
    .then((r) => r.session);
}

export function moveTo(api: CharterApi, teamId: string, clause: LiveReviewClause): Promise<LiveReview> {
  return api
    .call<LiveReviewResponse>('PUT', `${base(teamId)}/current`, {
      clauseId: clause.clauseId,
      ...kindOf(clause),
    })
    .then((r) => r.session);
}

/** The caller's +1 (true/false) and/or note (null removes it). */
export function react(
  api: CharterApi,
  teamId: string,
  clause: LiveReviewClause,
  reaction: { plusOne?: boolean; note?: string | null },
): Promise<LiveReview> {
  return api
    .call<LiveReviewResponse>('PUT', `${base(teamId)}/reactions/${encodeURIComponent(clause.clauseId)}`, {
      ...reaction,
      ...kindOf(clause),
    })
    .then((r) => r.session);
}

export function endSession(
  api: CharterApi,
  teamId: string,
  withoutProposal = false,
): Promise<EndedLiveReview> {
  return api.call<EndedLiveReview>('POST', `${base(teamId)}/end`, withoutProposal ? { withoutProposal } : {});
}

/** Every clause in walking order: purpose, non-negotiables, outcomes, boundaries. */
export function clausesOf(session: LiveReview): LiveReviewClause[] {
  return session.sections.flatMap((s) => s.clauses);
}

export function isCurrent(session: LiveReview, clause: LiveReviewClause): boolean {
  return session.current.clauseId === clause.clauseId && session.current.kind === clause.kind;
}

/** When the current section's time runs out (null once the review ended). */
export function currentEndsAt(session: LiveReview): string | null {
  return session.sections.find((s) => s.section === session.current.section)?.timebox.endsAt ?? null;
}
