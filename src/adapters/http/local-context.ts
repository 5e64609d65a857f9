/**
 * Local mode only, unauthenticated: the sandbox's demo teams and their members, so the tab's local sandbox can offer a
 * team and a member picker before anyone is chosen. Mounted in local mode only (composition/local-mode.ts); it
 * tells nothing a person running the app locally could not read from the seed (any member's view is one X-Local-User
 * header away).
 */
import type { Express, Request } from 'express';

import type { Caller } from '../../app/caller';
import type { CharterDeps } from '../../app/charters/charter-deps';
import { getCharter, NoCharterYetError } from '../../app/charters/get-charter';
import { listMyCharters, type MyChartersDeps } from '../../app/charters/list-my-charters';
import type { InstallStore } from '../../app/installs/install-ports';
import { getMe } from '../../app/teams/get-me';
import { listTeamMembers } from '../../app/teams/list-team-members';
import type {
  CurrentCharter,
  LocalContext,
  LocalMyChartersBoot,
  LocalTabBoot,
} from '../../contract/api-types';
import { charterBody, myChartersBody } from './presenters/charter-presenter';

export interface LocalContextOptions {
  installs: InstallStore;
  tenantId: string;
  /** The demo teams, the one the tab opens first first. */
  teams: readonly { teamId: string; teamName: string }[];
}

async function readLocalContext(options: LocalContextOptions): Promise<LocalContext> {
  const teams = await Promise.all(
    options.teams.map(async ({ teamId, teamName }) => {
      const scope = { tenantId: options.tenantId, teamId };
      const [members, installation] = await Promise.all([
        options.installs.listMembers(scope),
        options.installs.getInstallation(scope),
      ]);
      // The one who added the app first (the tab opens a team as its first member), then everyone by name.
      const installer = members.filter((m) => m.aadObjectId === installation?.installedBy);
      return {
        teamId,
        teamName,
        members: [...installer, ...members.filter((m) => !installer.includes(m))].map((m) => ({
          id: m.aadObjectId,
          name: m.name,
          timeZone: m.timeZone,
        })),
      };
    }),
  );
  return { tenantId: options.tenantId, teams };
}

export function localContext(options: LocalContextOptions): (app: Express) => void {
  return (app) => {
    app.get('/api/local/context', async (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await readLocalContext(options));
    });
  };
}

// The local sandbox's choices, as the tab keeps them in cookies (src/tab/src/app/boot.ts).
const TEAM_COOKIE = 'teamCharter.localTeam';
const USER_COOKIE = 'teamCharter.localUser';
const THEME_COOKIE = 'teamCharter.localTheme';

function cookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function pickedTheme(req: Request): LocalTabBoot['theme'] {
  const stored = cookie(req, THEME_COOKIE);
  return stored === 'dark' || stored === 'contrast' ? stored : null;
}

/**
 * What the tab would fetch first in local mode, for tabFiles to embed in index.html: the local context, the team and
 * member the tab opens with (`?team=`, else the ones picked last time, else the first team and its first member; the
 * tab's cookies say which were picked, and only known ones are taken), and what that member gets from `GET /api/me`,
 * `…/members` and `…/charter` (the same JSON; `firstCharter` is the 404's "who may write it"). The tab fetches as
 * usual for anyone picked later.
 */
export function localTabBoot(
  options: LocalContextOptions & { charters: CharterDeps },
): (req: Request) => Promise<LocalTabBoot> {
  return async (req) => {
    const context = await readLocalContext(options);
    const asked = typeof req.query.team === 'string' ? req.query.team : null;
    const known = (id: string | null) => context.teams.find((t) => t.teamId === id);
    const team = known(asked) ?? known(cookie(req, TEAM_COOKIE)) ?? context.teams[0];
    const storedUser = cookie(req, USER_COOKIE);
    const first = team?.members.find((m) => m.id === storedUser) ?? team?.members[0];
    const theme = pickedTheme(req);
    if (!team || !first) return { context, theme, initial: null };
    const caller: Caller = { tenantId: context.tenantId, userId: first.id, name: first.name };
    const charter = getCharter(options.charters, caller, team.teamId).then(
      (view): CurrentCharter => ({ charter: charterBody(view), firstCharter: null }),
      (error: unknown) => {
        if (error instanceof NoCharterYetError) return { charter: null, firstCharter: error.firstCharter };
        throw error;
      },
    );
    const [me, members, current] = await Promise.all([
      getMe(options.installs, caller),
      listTeamMembers(options.installs, caller, team.teamId),
      charter,
    ]);
    return { context, theme, initial: { teamId: team.teamId, userId: first.id, me, members, ...current } };
  };
}

/**
 * What the personal page would fetch first in local mode, for tabFiles to embed in me.html: the local context, the
 * member it opens for (the one picked last time, in any demo team, else the first by name: the member picker lists
 * everyone once, by name) and that member's `GET /api/me/charters`.
 */
export function localMyChartersBoot(
  options: LocalContextOptions & { myCharters: MyChartersDeps },
): (req: Request) => Promise<LocalMyChartersBoot> {
  return async (req) => {
    const context = await readLocalContext(options);
    const everyone = context.teams.flatMap((team) => team.members);
    const stored = cookie(req, USER_COOKIE);
    const picked =
      everyone.find((m) => m.id === stored) ?? [...everyone].sort((a, b) => a.name.localeCompare(b.name))[0];
    const theme = pickedTheme(req);
    if (!picked) return { context, userId: null, theme, data: null };
    const caller: Caller = { tenantId: context.tenantId, userId: picked.id, name: picked.name };
    const data = myChartersBody(await listMyCharters(options.myCharters, caller));
    return { context, userId: picked.id, theme, data };
  };
}
