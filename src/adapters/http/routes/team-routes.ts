import { Router } from 'express';

import type { Caller } from '../../../app/caller';
import type { CharterDeps } from '../../../app/charters/charter-deps';
import { getMe } from '../../../app/teams/get-me';
import { listTeamMembers } from '../../../app/teams/list-team-members';
import type { Me, TeamMembersResponse } from '../../../contract/api-types';
import { callerOf } from '../authenticate';
import { sendJson } from '../conditional';
import { teamIdParam } from './params';

/** `GET /api/me` and `GET /api/teams/:teamId/members`. */
export function teamRoutes(deps: CharterDeps): Router {
  const { installs } = deps;
  const router = Router();
  router.get('/me', async (req, res) => {
    const caller: Caller = callerOf(res);
    sendJson(req, res, (await getMe(installs, caller)) satisfies Me);
  });
  router.get('/teams/:teamId/members', async (req, res) => {
    const members = await listTeamMembers(installs, callerOf(res), teamIdParam(req));
    sendJson(req, res, { members } satisfies TeamMembersResponse);
  });
  return router;
}
