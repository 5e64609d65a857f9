import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { Caller } from '../caller';
import type { CharterDeps } from '../charters/charter-deps';
import type { CharterView } from '../charters/get-charter';
import { saveCharter } from '../charters/save-charter';
import { requireTeamMember } from '../teams/require-team-member';
import type { ReviewDeps } from './review-deps';

/**
 * An editor accepts an open proposal: it is saved as the next charter version through the ordinary save path (the
 * same rules, history and follow-up jobs — check-in questions and the review series follow the new version).
 */
export async function acceptReviewProposal(
  deps: ReviewDeps,
  charterDeps: CharterDeps,
  caller: Caller,
  teamId: string,
  proposalId: string,
): Promise<CharterView> {
  const { scope, member } = await requireTeamMember(deps.installs, caller, teamId, 'change');
  const proposal = await deps.reviews.getProposal(scope, proposalId);
  if (!proposal) throw new NotFoundError('There is no such proposal in this team.');
  if (proposal.state !== 'open') throw new ConflictError(`This proposal was already ${proposal.state}.`);
  const current = await deps.charters.getCurrent(scope);
  if (!current?.content.editorIds.includes(caller.userId))
    throw new ForbiddenError('Only the charter’s editors can accept a proposal.');
  const saved = await saveCharter(charterDeps, caller, {
    teamId,
    expectedVersion: proposal.baseVersion,
    draft: proposal.content,
    why: proposal.summary,
  });
  await deps.reviews.decideProposal(scope, proposalId, {
    state: 'accepted',
    by: { id: member.aadObjectId, name: member.name },
    at: deps.clock.now(),
    acceptedVersion: saved.version,
  });
  return saved;
}
