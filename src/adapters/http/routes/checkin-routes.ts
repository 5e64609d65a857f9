import { Router } from 'express';

import type { CharterStore } from '../../../app/charters/charter-ports';
import type { CheckInStore } from '../../../app/checkins/checkin-ports';
import { listCheckInRounds } from '../../../app/checkins/list-check-in-rounds';
import type { InstallStore } from '../../../app/installs/install-ports';
import type { CheckInRoundsResponse } from '../../../contract/api-types';
import { ValidationError } from '../../../domain/errors';
import { callerOf } from '../authenticate';
import { teamIdParam } from './params';

const MAX_ROUNDS = 52;

/** `GET /api/teams/:teamId/checkins?rounds=N`: the latest N rounds (default 8, at most 52) with their aggregates. */
export function checkInRoutes(deps: {
  installs: InstallStore;
  checkins: CheckInStore;
  charters: CharterStore;
}): Router {
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
    res.json({ rounds: list } satisfies CheckInRoundsResponse);
  });
  return router;
}
