import type { CharterDiff } from '../../domain/charter/diff-charters';
import { diffCharters } from '../../domain/charter/diff-charters';
import { validateCharter } from '../../domain/charter/validate-charter';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import { applyReviewOutcomes, type ClauseOutcome } from '../../domain/review/review-outcomes';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { ReviewDeps } from './review-deps';
import type { ReviewProposal } from './review-ports';

/**
 * An editor records what the review decided (keep / revise / drop per clause) against the version it reviewed; the
 * result is an open proposal with its diff, which the editors then accept (a new version) or drop.
 */
export async function recordReviewOutcomes(
  deps: ReviewDeps,
  caller: Caller,
  teamId: string,
  input: { baseVersion: number; outcomes: ClauseOutcome[] },
): Promise<{ proposal: ReviewProposal; diff: CharterDiff }> {
  const { scope, member } = await requireTeamMember(deps.installs, caller, teamId, 'change');
  const current = await deps.charters.getCurrent(scope);
  if (!current) throw new NotFoundError('This team has no charter yet.');
  if (!current.content.editorIds.includes(caller.userId))
    throw new ForbiddenError('Only the charter’s editors can record review outcomes.');
  if (current.version !== input.baseVersion)
    throw new ConflictError(
      `The charter changed since the review (it reviewed version ${input.baseVersion}, it is now at ${current.version}).`,
      current.version,
    );
  const applied = applyReviewOutcomes(current.content, input.outcomes);
  if (!applied.ok) throw new ValidationError(applied.problems);
  const members = await deps.installs.listMembers(scope);
  const problems = validateCharter(applied.revision.content, {
    memberIds: new Set(members.map((m) => m.aadObjectId)),
  });
  if (problems.length > 0) throw new ValidationError(problems);
  const proposal: ReviewProposal = {
    ...scope,
    id: deps.ids.next(),
    baseVersion: current.version,
    outcomes: input.outcomes,
    content: applied.revision.content,
    summary: applied.revision.summary,
    state: 'open',
    createdBy: { id: member.aadObjectId, name: member.name },
    createdAt: deps.clock.now(),
    decidedBy: null,
    decidedAt: null,
    acceptedVersion: null,
  };
  await deps.reviews.createProposal(proposal);
  return { proposal, diff: diffCharters(current.content, proposal.content) };
}
