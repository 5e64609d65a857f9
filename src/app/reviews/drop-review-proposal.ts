import { ForbiddenError } from '../../domain/errors';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { ReviewDeps } from './review-deps';

/** An editor drops an open proposal; the charter stays as it is. */
export async function dropReviewProposal(
  deps: ReviewDeps,
  caller: Caller,
  teamId: string,
  proposalId: string,
): Promise<void> {
  const { scope, member } = await requireTeamMember(deps.installs, caller, teamId, 'change');
  const current = await deps.charters.getCurrent(scope);
  if (!current?.content.editorIds.includes(caller.userId))
    throw new ForbiddenError('Only the charter’s editors can drop a proposal.');
  await deps.reviews.decideProposal(scope, proposalId, {
    state: 'dropped',
    by: { id: member.aadObjectId, name: member.name },
    at: deps.clock.now(),
    acceptedVersion: null,
  });
}
