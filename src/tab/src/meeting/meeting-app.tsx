/**
 * The review meeting's views, as their own page: the theme (Teams's, or local mode's), the API client (in Teams the
 * SSO token, with the sign-in window when Teams cannot hand it over; in local mode the frame's `member` as
 * X-Local-User), and the side panel or the stage.
 */
import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';

import type { Fetch } from '../api/charter-api';
import { useHostCharterApi } from '../api/use-host-charter-api';
import { initialTheme } from '../app/app';
import { useShownTheme } from '../app/themes';
import type { TabHost, ThemeName } from '../host/tab-host';
import type { MeetingRoute } from './meeting-route';
import { SidePanel } from './side-panel';
import { type StageSharing, stageSharingFor } from './stage-sharing';
import { StageView } from './stage-view';

export interface MeetingAppProps {
  host: TabHost;
  route: MeetingRoute;
  fetchFn?: Fetch;
  /** How often the views ask for changes; tests ask faster. */
  pollMs?: number;
  /** Stage sharing other than the host's (tests). */
  sharing?: StageSharing;
}

export function MeetingApp({ host, route, fetchFn, pollMs, sharing }: MeetingAppProps) {
  const [theme, setTheme] = useState<ThemeName>(() => initialTheme(host));
  const shown = useShownTheme(theme);
  useEffect(() => {
    if (host.kind !== 'teams') return;
    host.onThemeChange(setTheme);
    host.loaded();
  }, [host]);
  const api = useHostCharterApi(host, fetchFn, host.kind === 'local' ? route.member : null);
  const stage = useMemo(() => sharing ?? stageSharingFor(host, route.teamId), [sharing, host, route.teamId]);
  const signIn = host.kind === 'teams' ? host.signIn : undefined;
  return (
    <FluentProvider theme={shown}>
      <main>
        {route.view === 'stage' ? (
          <StageView api={api} teamId={route.teamId} pollMs={pollMs} signIn={signIn} />
        ) : (
          <SidePanel api={api} teamId={route.teamId} sharing={stage} pollMs={pollMs} signIn={signIn} />
        )}
      </main>
    </FluentProvider>
  );
}
