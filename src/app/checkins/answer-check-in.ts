import { type AnswerInputs, answerToInputs } from '../../domain/checkin/validate-answer';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import type { Caller } from '../caller';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { CheckInDeps } from './checkin-deps';
import { submitCheckInAnswer } from './submit-check-in-answer';

/**
 * A member answers a check-in in the personal page: the card's own use case (same questions, rules and validation;
 * bad input stores nothing), then their card in the 1:1 chat is brought in line by a durable job, so a Bot Connector
 * hiccup never fails the answer. Returns the answer as the card's inputs.
 *
 * Throws `ValidationError` (every problem at its input id), `ConflictError` once the round has closed,
 * `ForbiddenError` when the caller was not asked in it and `NotFoundError` for a round the team does not have.
 */
export async function answerCheckIn(
  deps: Pick<CheckInDeps, 'checkins' | 'installs' | 'jobs' | 'clock' | 'log'>,
  caller: Caller,
  input: { teamId: string; roundId: string; inputs: AnswerInputs },
): Promise<Record<string, string>> {
  const member = { tenantId: caller.tenantId, aadObjectId: caller.userId };
  const reply = await submitCheckInAnswer(deps, { ...member, ...input });
  if (reply.kind === 'error')
    throw reply.status === 403 ? new ForbiddenError(reply.message) : new NotFoundError(reply.message);
  if (reply.view.mode === 'closed')
    throw new ConflictError('This check-in has closed; answers are no longer taken.');
  if (!reply.saved) throw new ValidationError(reply.view.problems);

  const scope = { tenantId: caller.tenantId, teamId: input.teamId };
  const response = await deps.checkins.getResponse(scope, input.roundId, caller.userId);
  if (!response) throw new Error(`The answer to round ${input.roundId} was saved but cannot be read back.`);
  await deps.jobs.enqueue({
    scope,
    kind: JOB_KINDS.checkinsCardRefresh,
    key: `${input.roundId}:${caller.userId}:${response.updatedAt.getTime()}`,
    runAt: deps.clock.now(),
    payload: { roundId: input.roundId, aadObjectId: caller.userId },
  });
  return answerToInputs(response.answer);
}
