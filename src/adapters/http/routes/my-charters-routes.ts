import { Router } from 'express';

import { listMyCharters, type MyChartersDeps } from '../../../app/charters/list-my-charters';
import { callerOf } from '../authenticate';
import { sendJson } from '../conditional';
import { myChartersBody } from '../presenters/charter-presenter';

/**
 * `GET /api/me/charters`: the personal page in one call for all of the caller's teams (each charter at a glance,
 * what changed since they last looked, their open check-in, the next review).
 */
export function myChartersRoutes(deps: MyChartersDeps): Router {
  const router = Router();
  router.get('/me/charters', async (req, res) => {
    sendJson(req, res, myChartersBody(await listMyCharters(deps, callerOf(res))));
  });
  return router;
}
