import { ValidationError } from '../../domain/errors';
import {
  type ReviewSection,
  startReviewSession as startSession,
  walkOf,
} from '../../domain/review/review-session';
import type { Caller } from '../caller';
import { requireFacilitator, type ReviewSessionView, walkedContent } from './review-session-access';
import type { ReviewSessionDeps } from './review-session-deps';

/**
 * An editor starts the team's live review on the current charter version, at its purpose. While a session is open,
 * starting again returns that session (`started: false`) instead of a second one.
 */
export async function startReviewSession(
  deps: ReviewSessionDeps,
  caller: Caller,
  teamId: string,
  input: { timebox?: Partial<Record<ReviewSection, number>> | undefined } = {},
): Promise<ReviewSessionView & { started: boolean }> {
  const { scope, person, charter } = await requireFacilitator(deps, caller, teamId);
  const latest = await deps.sessions.getLatest(scope);
  if (latest?.state === 'open')
    return { session: latest, walk: walkOf(await walkedContent(deps, latest)), started: false };
  const result = startSession({
    id: deps.ids.next(),
    charterVersion: charter.version,
    by: person,
    now: deps.clock.now(),
    timebox: input.timebox,
  });
  if (!result.ok) throw new ValidationError(result.problems);
  const started = await deps.sessions.startSession({ ...scope, ...result.session });
  if (!started.started) return { ...started, walk: walkOf(await walkedContent(deps, started.session)) };
  deps.log.info(
    { ...scope, sessionId: started.session.id, charterVersion: charter.version },
    'reviews.session.started',
  );
  return { ...started, walk: walkOf(charter.content) };
}
