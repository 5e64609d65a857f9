import { Body1, FluentProvider, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CharterApi, type Fetch } from '../api/charter-api';
import type { LocalContext } from '../api/types';
import type { TabHost, ThemeName } from '../host/tab-host';
import { strings } from '../strings';
import { CharterTab, type View } from './charter-tab';
import { LocalBanner } from './local-banner';
import { TabLayout } from './tab-layout';
import { THEMES } from './themes';

const USER_KEY = 'teamCharter.localUser';
const THEME_KEY = 'teamCharter.localTheme';

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage may be off (private mode, a sandboxed frame): the choice then lasts for this page only
  }
}

function initialLocalTheme(): ThemeName {
  const fromQuery = new URLSearchParams(window.location.search).get('theme');
  const value = fromQuery ?? readStored(THEME_KEY);
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
}

/** The tab: the host decides who is calling and which team; the charter views do the rest. */
export function App({ host, fetchFn, now = () => new Date() }: AppProps) {
  const [theme, setTheme] = useState<ThemeName>(host.kind === 'teams' ? host.theme : initialLocalTheme);
  const [local, setLocal] = useState<LocalContext | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const userRef = useRef<string | null>(null);
  userRef.current = userId;

  useEffect(() => {
    if (host.kind === 'teams') {
      host.onThemeChange(setTheme);
      return;
    }
    let live = true;
    CharterApi.localContext(fetchFn).then(
      (context) => {
        if (!live) return;
        setLocal(context);
        const stored = readStored(USER_KEY);
        setUserId(context.members.some((m) => m.id === stored) ? stored : (context.members[0]?.id ?? null));
      },
      (e: unknown) => live && setLocalError(e instanceof Error ? e.message : strings.loadFailed),
    );
    return () => {
      live = false;
    };
  }, [host, fetchFn]);

  const api = useMemo(
    () =>
      new CharterApi(
        host.kind === 'teams'
          ? host.auth
          : () =>
              Promise.resolve<Record<string, string>>(
                userRef.current ? { 'X-Local-User': userRef.current } : {},
              ),
        fetchFn,
      ),
    [host, fetchFn],
  );

  const changeUser = useCallback((id: string) => {
    store(USER_KEY, id);
    setUserId(id);
  }, []);
  const changeTheme = useCallback((t: ThemeName) => {
    store(THEME_KEY, t);
    setTheme(t);
  }, []);

  useEffect(() => {
    document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [theme]);

  let body;
  if (host.kind === 'local') {
    if (localError)
      body = (
        <TabLayout>
          <Body1 role="alert">{localError}</Body1>
        </TabLayout>
      );
    else if (!local || !userId)
      body = (
        <TabLayout>
          <Spinner label={strings.loading} />
        </TabLayout>
      );
    else
      body = (
        <CharterTab
          key={userId}
          api={api}
          teamId={local.teamId}
          now={now}
          initialView={initialView()}
          onLoaded={noop}
          banner={
            <LocalBanner
              context={local}
              userId={userId}
              onUserChange={changeUser}
              theme={theme}
              onThemeChange={changeTheme}
            />
          }
        />
      );
  } else if (!host.teamId) {
    body = (
      <TabLayout>
        <Body1>{strings.noTeam}</Body1>
      </TabLayout>
    );
  } else {
    body = (
      <CharterTab
        api={api}
        teamId={host.teamId}
        now={now}
        initialView={initialView()}
        onLoaded={host.loaded}
      />
    );
  }

  return <FluentProvider theme={THEMES[theme]}>{body}</FluentProvider>;
}
