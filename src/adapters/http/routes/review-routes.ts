import { Router } from 'express';
import { z } from 'zod';

import type { CharterDeps } from '../../../app/charters/charter-deps';
import { JOB_KINDS } from '../../../app/jobs/job-kinds';
import { acceptReviewProposal } from '../../../app/reviews/accept-review-proposal';
import { dropReviewProposal } from '../../../app/reviews/drop-review-proposal';
import { getTeamReviews } from '../../../app/reviews/get-team-reviews';
import { recordReviewOutcomes } from '../../../app/reviews/record-review-outcomes';
import type { ReviewDeps } from '../../../app/reviews/review-deps';
import { suggestReviewSlots } from '../../../app/reviews/suggest-review-slots';
import { requireTeamMember } from '../../../app/teams/require-team-member';
import type {
  AcceptedProposal,
  DroppedProposal,
  ProposalsResponse,
  RecordedOutcomes,
  SyncQueued,
} from '../../../contract/api-types';
import { ValidationError } from '../../../domain/errors';
import { CalendarError, describeCalendarFailure } from '../../../domain/review/calendar-error';
import { CLAUSE_KINDS, REVIEW_DECISIONS } from '../../../domain/review/review-outcomes';
import { callerOf } from '../authenticate';
import { charterEtag, sendJson } from '../conditional';
import { charterBody } from '../presenters/charter-presenter';
import { proposalBody, slotSuggestionsBody, teamReviewsBody } from '../presenters/review-presenter';
import { sendProblem } from '../problem-details';
import { zodProblems } from '../zod-problems';
import { teamIdParam } from './params';

const outcomesBody = z.object({
  baseVersion: z.number().int().min(1),
  outcomes: z
    .array(
      z.object({
        kind: z.enum(CLAUSE_KINDS),
        clauseId: z.string().min(1).max(100),
        decision: z.enum(REVIEW_DECISIONS),
        text: z.string().max(500).nullish(),
      }),
    )
    .min(1)
    .max(60),
});
const suggestionsBody = z.object({
  durationMinutes: z.number().int().min(15).max(480).default(60),
  // A member's AAD object id: a GUID (anything else, NUL bytes included, never reaches a query).
  organizerId: z.guid('organizerId must be a member’s AAD object id.').optional(),
});

/** Review cycles under `/api/teams/:teamId/reviews`. */
export function reviewRoutes(deps: ReviewDeps, charterDeps: CharterDeps): Router {
  const router = Router({ mergeParams: true });
  const base = '/teams/:teamId/reviews';

  router.get(base, async (req, res) => {
    sendJson(req, res, teamReviewsBody(await getTeamReviews(deps, callerOf(res), teamIdParam(req))));
  });

  router.post(`${base}/sync`, async (req, res) => {
    const { scope } = await requireTeamMember(deps.installs, callerOf(res), teamIdParam(req), 'change');
    const now = deps.clock.now();
    await deps.jobs.enqueue({
      scope,
      kind: JOB_KINDS.reviewsSync,
      key: `manual-${now.toISOString()}`,
      runAt: now,
      payload: {},
    });
    res.status(202).json({ queued: true } satisfies SyncQueued);
  });

  router.post(`${base}/suggestions`, async (req, res) => {
    const body = suggestionsBody.safeParse(req.body ?? {});
    if (!body.success) throw new ValidationError(zodProblems(body.error));
    try {
      const slots = await suggestReviewSlots(deps, callerOf(res), teamIdParam(req), body.data);
      res.json(slotSuggestionsBody(slots));
    } catch (error) {
      // The editor waits on this answer: say why the organizer's calendar failed, in words the team can act on.
      if (!(error instanceof CalendarError)) throw error;
      sendProblem(res, {
        type: `https://teamcharter.dev/problems/calendar-${error.failure}`,
        title: 'The organizer’s calendar could not be read',
        status: error.retryable ? 503 : 502,
        detail: error.retryable
          ? 'Outlook did not answer in time; try again in a moment.'
          : describeCalendarFailure(error.failure),
      });
    }
  });

  router.post(`${base}/outcomes`, async (req, res) => {
    const body = outcomesBody.safeParse(req.body);
    if (!body.success) throw new ValidationError(zodProblems(body.error));
    const { proposal, diff } = await recordReviewOutcomes(deps, callerOf(res), teamIdParam(req), body.data);
    res.status(201).json({ proposal: proposalBody(proposal), diff } satisfies RecordedOutcomes);
  });

  router.get(`${base}/proposals`, async (req, res) => {
    const { scope } = await requireTeamMember(deps.installs, callerOf(res), teamIdParam(req));
    const proposals = await deps.reviews.listProposals(scope);
    sendJson(req, res, { proposals: proposals.map(proposalBody) } satisfies ProposalsResponse);
  });

  router.post(`${base}/proposals/:proposalId/accept`, async (req, res) => {
    const charter = await acceptReviewProposal(
      deps,
      charterDeps,
      callerOf(res),
      teamIdParam(req),
      proposalId(req.params.proposalId),
    );
    // The charter as GET /charter answers it, so the tab can show the accepted version in place.
    res.set('ETag', charterEtag(charter)).json({
      accepted: true,
      version: charter.version,
      charter: charterBody(charter),
    } satisfies AcceptedProposal);
  });

  router.post(`${base}/proposals/:proposalId/drop`, async (req, res) => {
    await dropReviewProposal(deps, callerOf(res), teamIdParam(req), proposalId(req.params.proposalId));
    res.json({ dropped: true } satisfies DroppedProposal);
  });

  return router;
}

function proposalId(value: unknown): string {
  if (typeof value !== 'string' || !/^[\w-]{1,100}$/.test(value))
    throw new ValidationError([{ path: 'proposalId', message: 'That is not a proposal id.' }]);
  return value;
}
