import { type Request, type Response, Router } from 'express';
import type { z } from 'zod';

import type { Caller } from '../../../app/caller';
import { endReviewSession } from '../../../app/reviews/end-review-session';
import { getReviewSession } from '../../../app/reviews/get-review-session';
import { moveSessionToClause } from '../../../app/reviews/move-session-to-clause';
import { reactToClause } from '../../../app/reviews/react-to-clause';
import { recordSessionDecision } from '../../../app/reviews/record-session-decision';
import type { ReviewSessionView } from '../../../app/reviews/review-session-access';
import type { ReviewSessionDeps } from '../../../app/reviews/review-session-deps';
import { startReviewSession } from '../../../app/reviews/start-review-session';
import type { EndedLiveReview, LiveReviewResponse } from '../../../contract/api-types';
import { ConflictError, ValidationError } from '../../../domain/errors';
import { callerOf } from '../authenticate';
import { proposalBody } from '../presenters/review-presenter';
import { knownRevision, reviewSessionBody, reviewSessionEtag } from '../presenters/review-session-presenter';
import { sendProblem } from '../problem-details';
import {
  clauseReactionBodySchema,
  currentClauseBodySchema,
  endSessionBodySchema,
  sessionDecisionBodySchema,
  startSessionBodySchema,
} from '../schemas/review-session-schemas';
import { zodProblems } from '../zod-problems';
import { teamIdParam } from './params';

/**
 * The live review under `/api/teams/:teamId/review-session`: the meeting's side panel and shared stage read it and
 * follow the facilitator by polling `GET` with `If-None-Match` (304 while the revision is unchanged).
 */
export function reviewSessionRoutes(deps: ReviewSessionDeps): Router {
  const router = Router();
  const base = '/teams/:teamId/review-session';

  router.get(base, async (req, res) => {
    const caller = callerOf(res);
    const known = knownRevision(req.get('If-None-Match'));
    const { session, walk } = await getReviewSession(deps, caller, teamIdParam(req), known);
    res.set('ETag', reviewSessionEtag(session));
    if (walk === null) return void res.status(304).end();
    res.json({ session: reviewSessionBody({ session, walk }, caller.userId) } satisfies LiveReviewResponse);
  });

  router.post(`${base}/start`, (req, res) =>
    answer(res, async () => {
      const body = parse(startSessionBodySchema, req.body ?? {});
      const view = await startReviewSession(deps, callerOf(res), teamIdParam(req), body);
      sendSession(res.status(view.started ? 201 : 200), view);
    }),
  );

  // The changes during the review: each answers the session as changed, with its new ETag.
  const change = (
    path: string,
    run: (req: Request, caller: Caller, teamId: string) => Promise<ReviewSessionView>,
  ) =>
    router.put(`${base}${path}`, (req, res) =>
      answer(res, async () => sendSession(res, await run(req, callerOf(res), teamIdParam(req)))),
    );
  change('/decisions/:clauseId', (req, caller, teamId) =>
    recordSessionDecision(deps, caller, teamId, {
      clauseId: clauseIdParam(req),
      ...parse(sessionDecisionBodySchema, req.body),
    }),
  );
  change('/current', (req, caller, teamId) =>
    moveSessionToClause(deps, caller, teamId, parse(currentClauseBodySchema, req.body)),
  );
  change('/reactions/:clauseId', (req, caller, teamId) =>
    reactToClause(deps, caller, teamId, {
      clauseId: clauseIdParam(req),
      ...parse(clauseReactionBodySchema, req.body),
    }),
  );

  router.post(`${base}/end`, (req, res) =>
    answer(res, async () => {
      const options = parse(endSessionBodySchema, req.body ?? {});
      const ended = await endReviewSession(deps, callerOf(res), teamIdParam(req), options);
      res.set('ETag', reviewSessionEtag(ended.session)).json({
        session: reviewSessionBody(ended, callerOf(res).userId),
        proposal: ended.proposal && proposalBody(ended.proposal),
        diff: ended.diff,
      } satisfies EndedLiveReview);
    }),
  );

  return router;
}

function sendSession(res: Response, view: ReviewSessionView): void {
  res
    .set('ETag', reviewSessionEtag(view.session))
    .json({ session: reviewSessionBody(view, callerOf(res).userId) } satisfies LiveReviewResponse);
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationError(zodProblems(parsed.error));
  return parsed.data;
}

/**
 * A change the session's state does not allow (it has ended, or a decision changed while it was ending) is 409: the
 * request was fine, the review is not where it could take it. A conflict with a version (the charter moved on since
 * the review started) stays 412, as elsewhere in the API.
 */
async function answer(res: Response, handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (!(error instanceof ConflictError) || error.currentVersion !== undefined) throw error;
    res.req.log.info({ status: 409, reason: 'conflict' }, 'http.request.refused');
    sendProblem(res, {
      type: 'https://teamcharter.dev/problems/conflict',
      title: 'Not possible now',
      status: 409,
      detail: error.message,
    });
  }
}

function clauseIdParam(req: Request): string {
  const value = req.params.clauseId;
  if (typeof value !== 'string' || !/^[\w-]{1,100}$/.test(value))
    throw new ValidationError([{ path: 'clauseId', message: 'That is not a clause id.' }]);
  return value;
}
