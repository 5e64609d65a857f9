import { FluentProvider } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

import type { LocalContext } from '../../../contract/api-types';
import { CharterApi, type Fetch } from '../api/charter-api';
import { useHostCharterApi } from '../api/use-host-charter-api';
import { OpenInHostProvider } from '../host/host-links';
import type { TabHost, ThemeName } from '../host/tab-host';
import { appStrings } from '../strings/app';
import {
  initialMember,
  localStart,
  readStored,
  store,
  type TabStart,
  TEAM_KEY,
  THEME_KEY,
  USER_KEY,
} from './boot';
import { CharterTab } from './charter-tab';
import type { View } from './charter-tab.types';
import { Loading } from './loading';
import { LocalBanner } from './local-banner';
import { TabLayout } from './tab-layout';
import { useShownTheme } from './themes';

/**
 * The theme the tab opens in: Teams's, or in the local sandbox `?theme=` or the one picked last time (which the boot
 * data carries; read from the cookie only when the page came without it).
 */
export function initialTheme(host: TabHost, start?: TabStart): ThemeName {
  if (host.kind === 'teams') return host.theme;
  const fromQuery = new URLSearchParams(window.location.search).get('theme');
  const value = fromQuery ?? (start?.local ? start.local.theme : readStored(THEME_KEY));
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

const noop = (): void => undefined;

/** `?view=edit|history|export` opens that view first (the configuration page links the editor this way). */
function initialView(): View {
  const view = new URLSearchParams(window.location.search).get('view');
  return view === 'edit' || view === 'history' || view === 'export' ? view : 'charter';
}

export interface AppProps {
  host: TabHost;
  fetchFn?: Fetch;
  /** The clock, for tests. */
  now?: () => Date;
  /** What main.tsx already has or has started fetching (see boot.ts); without it the tab fetches everything. */
  start?: TabStart;
}

/** The tab: the host decides who is calling and which team; the charter views do the rest. */
export function App({ host, fetchFn, now = () => new Date(), start }: AppProps) {
  const [theme, setTheme] = useState<ThemeName>(() => initialTheme(host, start));
  const shown = useShownTheme(theme);
  const [local, setLocal] = useState<LocalContext | null>(start?.local?.context ?? null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(start?.local?.teamId ?? null);
  const [userId, setUserId] = useState<string | null>(start?.local?.userId ?? null);
  // The first data is for the first team and member shown only: a team or member picked later is fetched for.
  const [preloaded, setPreloaded] = useState(start?.preloaded);
  const booted = start?.local !== undefined; // the context came with the page

  // Without a team (a host that runs no channel tab) the short note is all there is: it has loaded.
  useEffect(() => {
    if (host.kind === 'teams' && !host.teamId) host.loaded();
  }, [host]);

  useEffect(() => {
    if (host.kind === 'teams') {
      host.onThemeChange(setTheme);
      return;
    }
    if (booted) return;
    let live = true;
    CharterApi.localContext(fetchFn).then(
      (context) => {
        if (!live) return;
        const picked = localStart(context, window.location.search);
        setLocal(context);
        setTeamId(picked?.teamId ?? null);
        setUserId(picked?.userId ?? null);
      },
      (e: unknown) => live && setLocalError(e instanceof Error ? e.message : appStrings.loadFailed),
    );
    return () => {
      live = false;
    };
  }, [host, fetchFn, booted]);

  const api = useHostCharterApi(host, fetchFn, userId);

  const changeUser = useCallback((id: string) => {
    store(USER_KEY, id);
    setPreloaded(undefined);
    setUserId(id);
  }, []);
  // Another sandbox team: the member picked last time if they are in it, else its first member (who added the app).
  const changeTeam = useCallback(
    (id: string) => {
      const team = local?.teams.find((t) => t.teamId === id);
      if (!team) return;
      store(TEAM_KEY, id);
      setPreloaded(undefined);
      setTeamId(id);
      setUserId(initialMember(team, readStored(USER_KEY)));
    },
    [local],
  );
  const changeTheme = useCallback((t: ThemeName) => {
    store(THEME_KEY, t);
    setTheme(t);
  }, []);

  let body;
  if (host.kind === 'local') {
    if (localError)
      body = (
        <TabLayout>
          <p className="tc-body1 tc-flush" role="alert">
            {localError}
          </p>
        </TabLayout>
      );
    else if (!local || !teamId || !userId)
      body = (
        <TabLayout>
          <Loading />
        </TabLayout>
      );
    else
      body = (
        <CharterTab
          key={`${teamId} ${userId}`}
          api={api}
          teamId={teamId}
          preloaded={preloaded?.userId === userId && preloaded.teamId === teamId ? preloaded.data : undefined}
          now={now}
          initialView={initialView()}
          onLoaded={noop}
          // Another member or team opens another charter tab: with unsaved edits, the guard asks first.
          banner={(guard) => (
            <LocalBanner
              context={local}
              teamId={teamId}
              userId={userId}
              onTeamChange={(id) => guard(() => changeTeam(id))}
              onUserChange={(id) => guard(() => changeUser(id))}
              theme={theme}
              onThemeChange={changeTheme}
            />
          )}
        />
      );
  } else if (!host.teamId) {
    body = (
      <TabLayout>
        <p className="tc-body1 tc-flush">{host.inMeeting ? appStrings.inMeeting : appStrings.noTeam}</p>
      </TabLayout>
    );
  } else {
    body = (
      <CharterTab
        api={api}
        teamId={host.teamId}
        preloaded={preloaded?.data}
        now={now}
        initialView={initialView()}
        onLoaded={host.loaded}
        signIn={host.signIn}
      />
    );
  }

  return (
    <FluentProvider theme={shown}>
      <OpenInHostProvider value={host.kind === 'teams' ? host.openLink : null}>{body}</OpenInHostProvider>
    </FluentProvider>
  );
}
