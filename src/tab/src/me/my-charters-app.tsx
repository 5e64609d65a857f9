/**
 * The personal page's app: the host decides who is calling (SSO in Teams, Outlook and the Microsoft 365 app; a picked
 * demo member in local mode), its theme, and how a team's charter opens; the page does the rest.
 */
import { FluentProvider } from '@fluentui/react-components';
import { type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';

import type { LocalContext } from '../../../contract/api-types';
import { CharterApi, type Fetch } from '../api/charter-api';
import { useHostCharterApi } from '../api/use-host-charter-api';
import { lazyAfterPaint } from '../app/after-paint';
import { readStored, store, THEME_KEY, USER_KEY } from '../app/boot';
import { usePaintedOnce } from '../app/painted';
import { useShownTheme } from '../app/themes';
import { browserTimeZone } from '../format';
import { OpenInHostProvider } from '../host/host-links';
import { isTeamsClient, type TabHost, type ThemeName } from '../host/tab-host';
import { MyChartersPage } from './my-charters-page';
import { localMembers, type MyChartersStart } from './my-charters-start';
import type { OpenMode } from './team-charter-card';
import { useMyCharters } from './use-my-charters';

const MeLocalBanner = lazyAfterPaint(() => import('./me-local-banner').then((m) => m.MeLocalBanner));

export interface MyChartersAppProps {
  host: TabHost;
  start: MyChartersStart;
  fetchFn?: Fetch;
}

function themeOf(host: TabHost, start: MyChartersStart): ThemeName {
  if (host.kind === 'teams') return host.theme;
  const value = new URLSearchParams(window.location.search).get('theme') ?? readStored(THEME_KEY);
  return value === 'dark' || value === 'contrast' ? value : (start.local?.theme ?? 'default');
}

function openModeOf(host: TabHost): OpenMode {
  if (host.kind === 'local') return 'link';
  return isTeamsClient(host) ? 'teams' : 'in-place';
}

/** One person's page; in local mode a new member picked is a new page (keyed by the member). */
function Page(props: {
  host: TabHost;
  api: CharterApi;
  start: MyChartersStart;
  viewerZone: string;
  banner?: ReactNode;
}) {
  const { host, api, start } = props;
  const [state, actions] = useMyCharters(api, start.preloaded);
  const onLoaded = useCallback(() => host.kind === 'teams' && host.loaded(), [host]);
  return (
    <MyChartersPage
      state={state}
      actions={actions}
      api={api}
      openMode={openModeOf(host)}
      viewerZone={props.viewerZone}
      banner={props.banner}
      onLoaded={onLoaded}
      signIn={host.kind === 'teams' ? host.signIn : undefined}
    />
  );
}

export function MyChartersApp({ host, start, fetchFn }: MyChartersAppProps) {
  const [theme, setTheme] = useState<ThemeName>(() => themeOf(host, start));
  const shown = useShownTheme(theme);
  const [local, setLocal] = useState<LocalContext | null>(start.local?.context ?? null);
  const [userId, setUserId] = useState<string | null>(start.local?.userId ?? null);
  const [first, setFirst] = useState(start);
  const painted = usePaintedOnce();

  useEffect(() => {
    if (host.kind === 'teams') return host.onThemeChange(setTheme);
    if (local) return;
    void CharterApi.localContext(fetchFn).then((context) => {
      const members = localMembers(context);
      const stored = readStored(USER_KEY);
      setLocal(context);
      setUserId(members.some((m) => m.id === stored) ? stored : (members[0]?.id ?? null));
    });
  }, [host, local, fetchFn]);

  const api = useHostCharterApi(host, fetchFn, userId);

  const members = local ? localMembers(local) : [];
  const viewerZone =
    (host.kind === 'local' ? members.find((m) => m.id === userId)?.timeZone : null) ?? browserTimeZone();
  const banner =
    host.kind === 'local' && userId ? (
      painted ? (
        <Suspense fallback={<div className="tc-banner-placeholder" />}>
          <MeLocalBanner
            members={members}
            userId={userId}
            onUserChange={(id) => {
              store(USER_KEY, id);
              setFirst({});
              setUserId(id);
            }}
            theme={theme}
            onThemeChange={(t) => {
              store(THEME_KEY, t);
              setTheme(t);
            }}
          />
        </Suspense>
      ) : (
        <div className="tc-banner-placeholder" />
      )
    ) : undefined;

  const ready = host.kind === 'teams' || userId !== null;
  return (
    <FluentProvider theme={shown}>
      <OpenInHostProvider value={host.kind === 'teams' && isTeamsClient(host) ? host.openLink : null}>
        {ready ? (
          <Page
            key={userId ?? 'me'}
            host={host}
            api={api}
            start={first}
            viewerZone={viewerZone}
            banner={banner}
          />
        ) : null}
      </OpenInHostProvider>
    </FluentProvider>
  );
}
