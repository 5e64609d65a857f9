import { Router } from 'express';

import { answerCheckIn } from '../../../app/checkins/answer-check-in';
import type { CheckInDeps } from '../../../app/checkins/checkin-deps';
import { listCheckInRounds } from '../../../app/checkins/list-check-in-rounds';
import type { CheckInAnswerSaved, CheckInRoundsResponse } from '../../../contract/api-types';
import { ValidationError } from '../../../domain/errors';
import { callerOf } from '../authenticate';
import { sendJson } from '../conditional';
import { httpProblem, sendProblem } from '../problem-details';
import { checkInAnswerBodySchema } from '../schemas/check-in-answer-schema';
import { zodProblems } from '../zod-problems';
import { teamIdParam, uuidParam } from './params';

const MAX_ROUNDS = 52;

/**
 * `GET /api/teams/:teamId/checkins?rounds=N`: the latest N rounds (default 8, at most 52) with their aggregates.
 * `PUT /api/teams/:teamId/checkins/:roundId/answer`: the caller's answer from the personal page (the card's rules).
 */
export function checkInRoutes(
  deps: Pick<CheckInDeps, 'installs' | 'checkins' | 'charters' | 'jobs' | 'clock' | 'log'>,
): Router {
  const router = Router();
  router.get('/teams/:teamId/checkins', async (req, res) => {
    const teamId = teamIdParam(req);
    const raw = req.query.rounds;
    const rounds = raw === undefined ? 8 : Number(raw);
    if (
      typeof raw !== 'undefined' &&
      (typeof raw !== 'string' || !/^\d{1,2}$/.test(raw) || rounds < 1 || rounds > MAX_ROUNDS)
    )
      throw new ValidationError([
        { path: 'rounds', message: `“rounds” must be a whole number from 1 to ${MAX_ROUNDS}.` },
      ]);
    const list = await listCheckInRounds(deps, callerOf(res), teamId, rounds);
    sendJson(req, res, { rounds: list } satisfies CheckInRoundsResponse);
  });
  router.put('/teams/:teamId/checkins/:roundId/answer', async (req, res) => {
    const teamId = teamIdParam(req);
    const roundId = uuidParam(req, 'roundId');
    if (!req.is('application/json'))
      return sendProblem(res, httpProblem(415, 'JSON needed', 'Send {"inputs": {…}} as application/json.'));
    const body = checkInAnswerBodySchema.safeParse(req.body);
    if (!body.success) throw new ValidationError(zodProblems(body.error));
    const inputs = await answerCheckIn(deps, callerOf(res), { teamId, roundId, inputs: body.data.inputs });
    res.json({ roundId, answered: true, inputs } satisfies CheckInAnswerSaved);
  });
  return router;
}
