/**
 * How the tab starts without waiting: the data the server embedded in index.html (local mode: the demo team and the
 * first member's charter, see src/adapters/http/local-context.ts), and otherwise the first API calls started before
 * React renders anything.
 */
import { CharterApi } from '../api/charter-api';
import type { CharterResponse, FirstCharter, LocalContext, Me, TeamMember } from '../api/types';
import type { TabHost } from '../host/tab-host';

/** What the charter views need first: who is calling, the team's members, and the charter (or who may write it). */
export interface TabData {
  me: Me;
  members: TeamMember[];
  charter: CharterResponse | null;
  firstCharter: FirstCharter | null;
}

/** The JSON data block `#tab-boot` in index.html (local mode only). */
export interface BootData {
  context: LocalContext;
  initial: ({ userId: string } & TabData) | null;
}

export const BOOT_ELEMENT_ID = 'tab-boot';
export const USER_KEY = 'teamCharter.localUser';

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

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The member the local sandbox shows first: the one picked last time, else the first member. */
export function initialMember(context: LocalContext, stored: string | null): string | null {
  return context.members.some((m) => m.id === stored) ? stored : (context.members[0]?.id ?? null);
}

/** Where the tab starts: the local context and member (local mode), and the first data, ready or on its way. */
export interface TabStart {
  local?: { context: LocalContext; userId: string | null };
  /** The charter views' first data, for `userId` (null in Teams, where the caller is whoever SSO says). */
  preloaded?: { userId: string | null; data: TabData | Promise<TabData> };
}

export function startTab(host: TabHost, boot: BootData | null): TabStart {
  if (host.kind === 'teams') {
    if (!host.teamId) return {};
    return {
      preloaded: { userId: null, data: handled(loadTabData(new CharterApi(host.auth), host.teamId)) },
    };
  }
  if (!boot) return {}; // the tab fetches the local context itself
  const userId = initialMember(boot.context, readStored(USER_KEY));
  const local = { context: boot.context, userId };
  if (!userId) return { local };
  const { initial } = boot;
  if (initial && initial.userId === userId) {
    const { me, members, charter, firstCharter } = initial;
    return { local, preloaded: { userId, data: { me, members, charter, firstCharter } } };
  }
  const api = new CharterApi(() => Promise.resolve({ 'X-Local-User': userId }));
  return { local, preloaded: { userId, data: handled(loadTabData(api, boot.context.teamId)) } };
}

/** The charter views report a failure when they read the promise; until then it is not an unhandled rejection. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
