import { Router } from 'express';

import type { Caller } from '../../../app/caller';
import type { CharterDeps } from '../../../app/charters/charter-deps';
import { listMyCharters } from '../../../app/charters/list-my-charters';
import { getMe } from '../../../app/teams/get-me';
import { listTeamMembers } from '../../../app/teams/list-team-members';
import type { Me, TeamMembersResponse } from '../../../contract/api-types';
import { callerOf } from '../authenticate';
import { myChartersBody } from '../presenters/charter-presenter';
import { teamIdParam } from './params';

/** `GET /api/me`, `GET /api/me/charters` and `GET /api/teams/:teamId/members`. */
export function teamRoutes(deps: CharterDeps): Router {
  const { installs } = deps;
  const router = Router();
  router.get('/me', async (_req, res) => {
    const caller: Caller = callerOf(res);
    res.json((await getMe(installs, caller)) satisfies Me);
  });
  // One call for all of the caller's teams: each charter at a glance and what changed since they last looked.
  router.get('/me/charters', async (_req, res) => {
    res.json(myChartersBody(await listMyCharters(deps, callerOf(res))));
  });
  router.get('/teams/:teamId/members', async (req, res) => {
    const members = await listTeamMembers(installs, callerOf(res), teamIdParam(req));
    res.json({ members } satisfies TeamMembersResponse);
  });
  return router;
}
