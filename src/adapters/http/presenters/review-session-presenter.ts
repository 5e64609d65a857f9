/** The live review's JSON (src/contract/api-types.ts) as one member sees it, and its ETag. */
import type { ReviewSessionView } from '../../../app/reviews/review-session-access';
import type { StoredReviewSession } from '../../../app/reviews/review-session-ports';
import type { LiveReview } from '../../../contract/api-types';
import {
  clauseReactions,
  REVIEW_SECTION_TITLES,
  sectionClock,
  sectionOf,
} from '../../../domain/review/review-session';

/**
 * A strong ETag: the session and its revision, which every change bumps (the caller's own reactions included), so
 * equal tags mean the same JSON for the same caller.
 */
export function reviewSessionEtag(session: Pick<StoredReviewSession, 'id' | 'revision'>): string {
  return `"${session.id}.${session.revision}"`;
}

/** The session and revision an `If-None-Match` header names, if it names one of ours. */
export function knownRevision(
  ifNoneMatch: string | undefined,
): { sessionId: string; revision: number } | undefined {
  const tag = ifNoneMatch
    ?.split(',')
    .map((t) => /^\s*(?:W\/)?"([\w-]{1,100})\.([1-9]\d{0,8})"\s*$/.exec(t))
    .find((m) => m !== null);
  return tag?.[1] && tag[2] ? { sessionId: tag[1], revision: Number(tag[2]) } : undefined;
}

export function reviewSessionBody({ session, walk }: ReviewSessionView, viewerId: string): LiveReview {
  return {
    id: session.id,
    state: session.state,
    revision: session.revision,
    charterVersion: session.charterVersion,
    current: { ...session.current, section: sectionOf(session.current.kind) },
    sections: walk.map(({ section, clauses }) => {
      const clock = sectionClock(session, section);
      return {
        section,
        title: REVIEW_SECTION_TITLES[section],
        timebox: {
          minutes: clock.minutes,
          startedAt: clock.startedAt?.toISOString() ?? null,
          usedSeconds: Math.round(clock.usedMs / 1000),
          endsAt: clock.endsAt?.toISOString() ?? null,
        },
        clauses: clauses.map((clause) => {
          const decided = session.decisions.find(
            (d) => d.kind === clause.kind && d.clauseId === clause.clauseId,
          );
          return {
            ...clause,
            decision: decided
              ? {
                  decision: decided.decision,
                  text: decided.text,
                  by: decided.by,
                  at: decided.at.toISOString(),
                }
              : null,
            reactions: clauseReactions(session, clause, viewerId),
          };
        }),
      };
    }),
    startedBy: session.startedBy,
    startedAt: session.startedAt.toISOString(),
    endedBy: session.endedBy,
    endedAt: session.endedAt?.toISOString() ?? null,
    proposalId: session.proposalId,
  };
}
