/**
 * Local mode only, unauthenticated: the demo team and its members, so the tab's local sandbox can offer a member
 * picker before anyone is chosen. Mounted by main.ts only when `config.mode.kind === 'local'`; it tells nothing a
 * person running the app locally could not read from the seed (any member's view is one X-Local-User header away).
 */
import type { Express } from 'express';
import type { Caller } from '../../app/caller';
import type { CharterDeps } from '../../app/charters/charter-deps';
import { getCharter, NoCharterYetError } from '../../app/charters/get-charter';
import type { InstallStore, TeamScope } from '../../app/ports';
import { getMe } from '../../app/teams/get-me';
import { listTeamMembers } from '../../app/teams/list-team-members';
import { charterBody } from './routes/charter-routes';

export interface LocalContextOptions {
  installs: InstallStore;
  scope: TeamScope;
  teamName: string;
}

async function readLocalContext(options: LocalContextOptions) {
  const members = await options.installs.listMembers(options.scope);
  return {
    tenantId: options.scope.tenantId,
    teamId: options.scope.teamId,
    teamName: options.teamName,
    members: members.map((m) => ({ id: m.aadObjectId, name: m.name, timeZone: m.timeZone })),
  };
}

export function localContext(options: LocalContextOptions): (app: Express) => void {
  return (app) => {
    app.get('/api/local/context', async (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await readLocalContext(options));
    });
  };
}

/**
 * What the tab would fetch first in local mode, for tabFiles to embed in index.html: the local context, and what the
 * first member (the one the picker starts with) gets from `GET /api/me`, `…/members` and `…/charter` (the same JSON;
 * `firstCharter` is the 404's "who may write it"). The tab fetches as usual for anyone else.
 */
export function localTabBoot(
  options: LocalContextOptions & { charters: CharterDeps },
): () => Promise<unknown> {
  return async () => {
    const context = await readLocalContext(options);
    const first = context.members[0];
    if (!first) return { context, initial: null };
    const caller: Caller = { tenantId: context.tenantId, userId: first.id, name: first.name };
    const charter = getCharter(options.charters, caller, context.teamId).then(
      (view) => ({ charter: charterBody(view), firstCharter: null }),
      (error: unknown) => {
        if (error instanceof NoCharterYetError) return { charter: null, firstCharter: error.firstCharter };
        throw error;
      },
    );
    const [me, members, current] = await Promise.all([
      getMe(options.installs, caller),
      listTeamMembers(options.installs, caller, context.teamId),
      charter,
    ]);
    return { context, initial: { userId: first.id, me, members, ...current } };
  };
}
