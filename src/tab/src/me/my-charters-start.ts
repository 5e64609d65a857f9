/**
 * How the personal page starts without waiting: in a Microsoft 365 host the one API call goes out before the theme or
 * React are ready; in local mode the server embeds the demo members, the member picked last time and their page
 * (`#me-boot`, see src/adapters/http/local-context.ts), or the page asks for the members itself.
 */
import type { LocalContext, LocalMyChartersBoot, MyChartersResponse } from '../../../contract/api-types';
import { CharterApi } from '../api/charter-api';
import type { ThemeName } from '../host/tab-host';
import type { TabHost } from '../host/tab-host';

export interface MyChartersStart {
  local?: { context: LocalContext; userId: string | null; theme?: ThemeName | null };
  preloaded?: MyChartersResponse | Promise<MyChartersResponse>;
}

/** Everyone in the demo teams, once each, by name. */
export function localMembers(context: LocalContext): LocalContext['teams'][number]['members'] {
  const seen = new Map<string, LocalContext['teams'][number]['members'][number]>();
  for (const team of context.teams) for (const m of team.members) if (!seen.has(m.id)) seen.set(m.id, m);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function readMyChartersBoot(doc: Document): LocalMyChartersBoot | null {
  const text = doc.getElementById('me-boot')?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as LocalMyChartersBoot;
  } catch {
    return null;
  }
}

export function startMyCharters(host: TabHost, boot: LocalMyChartersBoot | null): MyChartersStart {
  if (host.kind === 'teams') {
    const call = new CharterApi(host.auth, undefined, '', { localSandbox: false }).myCharters();
    call.catch(() => undefined); // the page reports a failure when it reads the promise
    return { preloaded: call };
  }
  if (!boot) return {};
  return {
    local: { context: boot.context, userId: boot.userId, theme: boot.theme },
    ...(boot.data ? { preloaded: boot.data } : {}),
  };
}
