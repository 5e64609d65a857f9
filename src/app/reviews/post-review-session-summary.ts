import { charterLink } from '../../domain/links/charter-links';
import { REVIEW_SECTION_TITLES, sectionOf, walkOf } from '../../domain/review/review-session';
import type { TeamScope } from '../common-ports';
import { walkedContent } from './review-session-access';
import type { ReviewSessionDeps } from './review-session-deps';

/**
 * Posts an ended live review's summary card in the team's channel (job `review-session.summary`): what was kept,
 * revised and dropped, and the proposal the editors now accept or drop. A session that has not ended yet (the job is
 * queued just before the end) fails the attempt, and the job runs again after a backoff.
 */
export async function postReviewSessionSummary(
  deps: ReviewSessionDeps,
  scope: TeamScope,
  { sessionId }: { sessionId: string },
): Promise<boolean> {
  const session = await deps.sessions.getSession(scope, sessionId);
  const installation = await deps.installs.getInstallation(scope);
  if (!session || !installation || installation.uninstalledAt) return false;
  if (session.state !== 'ended' || !session.endedAt)
    throw new Error(`Review session ${sessionId} has not ended yet; its summary waits.`);
  const clauses = walkOf(await walkedContent(deps, session)).flatMap((s) => s.clauses);
  const proposal = session.proposalId ? await deps.reviews.getProposal(scope, session.proposalId) : null;
  await deps.messenger.sendCard(
    {
      serviceUrl: installation.serviceUrl,
      tenantId: scope.tenantId,
      conversationId: installation.channelConversationId,
    },
    {
      kind: 'reviewSummary',
      teamName: installation.teamName,
      endedAt: session.endedAt,
      charterVersion: session.charterVersion,
      proposalSummary: proposal?.summary ?? null,
      decisions: clauses.flatMap((clause) => {
        const decided = session.decisions.find(
          (d) => d.kind === clause.kind && d.clauseId === clause.clauseId,
        );
        if (!decided) return [];
        return [
          {
            section: REVIEW_SECTION_TITLES[sectionOf(clause.kind)],
            clause: clause.text,
            decision: decided.decision,
            text: decided.text,
          },
        ];
      }),
      // A review runs on a charter, which is written in the tab: the tab is pinned.
      tabUrl: charterLink(deps.charterLinks, { ...installation, tabPinned: true }).url,
    },
  );
  deps.log.info(
    { ...scope, sessionId, decisions: session.decisions.length },
    'reviews.session.summary_posted',
  );
  return true;
}
