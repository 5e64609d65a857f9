/**
 * How the tab starts without waiting: the data the server embedded in index.html (local mode: the demo teams and the
 * first member's charter, see src/adapters/http/local-context.ts), and otherwise the first API calls started before
 * React renders anything.
 */
import type {
  CharterResponse,
  FirstCharter,
  LocalContext,
  LocalTabBoot,
  LocalTeam,
  Me,
  TeamMember,
} from '../../../contract/api-types';
import { CharterApi } from '../api/charter-api';
import type { TabHost } from '../host/tab-host';

/** What the charter views need first: who is calling, the team's members, and the charter (or who may write it). */
export interface TabData {
  me: Me;
  members: TeamMember[];
  charter: CharterResponse | null;
  firstCharter: FirstCharter | null;
}

/**
 * The JSON data block `#tab-boot` in index.html (local mode only). The server picks the team and member as the tab
 * would (`?team=`, else the ones picked last time, else the first), from the cookies the tab writes, so the tab reads
 * no storage before its first paint.
 */
export type BootData = LocalTabBoot;

const BOOT_ELEMENT_ID = 'tab-boot';
// The local sandbox's choices, kept in cookies (read by src/adapters/http/local-context.ts too).
export const USER_KEY = 'teamCharter.localUser';
export const TEAM_KEY = 'teamCharter.localTeam';
export const THEME_KEY = 'teamCharter.localTheme';

/** The three calls the charter views start with, in parallel. */
export function loadTabData(api: CharterApi, teamId: string): Promise<TabData> {
  return Promise.all([api.me(), api.members(teamId), api.current(teamId)]).then(([me, members, current]) => ({
    me,
    members,
    ...current,
  }));
}

export function readBootData(doc: Document): BootData | null {
  const text = doc.getElementById(BOOT_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as BootData;
  } catch {
    return null;
  }
}

/** A choice the local sandbox kept (a cookie for a year, so the server can embed the right data next time). */
export function readStored(key: string): string | null {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${key}=`));
  return entry ? decodeURIComponent(entry.slice(key.length + 1)) : null;
}

export function store(key: string, value: string): void {
  document.cookie = `${key}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=strict`;
}

/** The sandbox team shown first: `?team=`, else the one picked last time, else the first. */
function initialTeam(context: LocalContext, asked: string | null, stored: string | null): LocalTeam | null {
  const known = (id: string | null) => context.teams.find((t) => t.teamId === id);
  return known(asked) ?? known(stored) ?? context.teams[0] ?? null;
}

/** The member the local sandbox shows first in a team: the one picked last time if in that team, else the first. */
export function initialMember(team: LocalTeam, stored: string | null): string | null {
  return team.members.some((m) => m.id === stored) ? stored : (team.members[0]?.id ?? null);
}

/** Where the sandbox starts: the team and member picked by the query, last time, or first. */
export function localStart(context: LocalContext, search: string): { teamId: string; userId: string } | null {
  const team = initialTeam(context, new URLSearchParams(search).get('team'), readStored(TEAM_KEY));
  const userId = team ? initialMember(team, readStored(USER_KEY)) : null;
  return team && userId ? { teamId: team.teamId, userId } : null;
}

/** Where the tab starts: the local context, team and member (local mode), and the first data, ready or on its way. */
export interface TabStart {
  local?: { context: LocalContext; teamId: string | null; userId: string | null; theme?: string | null };
  /** The charter views' first data, for `userId` (null in Teams, where the caller is whoever SSO says) in `teamId`. */
  preloaded?: { teamId: string | null; userId: string | null; data: TabData | Promise<TabData> };
}

export function startTab(host: TabHost, boot: BootData | null): TabStart {
  if (host.kind === 'teams') {
    if (!host.teamId) return {};
    return {
      preloaded: {
        teamId: host.teamId,
        userId: null,
        data: handled(
          loadTabData(new CharterApi(host.auth, undefined, '', { localSandbox: false }), host.teamId),
        ),
      },
    };
  }
  if (!boot) return {}; // the tab fetches the local context itself
  const { context, theme, initial } = boot;
  // The server picked the team and member as localStart would, from `?team=` and the cookies.
  if (!initial) return { local: { context, teamId: null, userId: null, theme } };
  const { teamId, userId, me, members, charter, firstCharter } = initial;
  return {
    local: { context, teamId, userId, theme },
    preloaded: { teamId, userId, data: { me, members, charter, firstCharter } },
  };
}

/** The charter views report a failure when they read the promise; until then it is not an unhandled rejection. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
