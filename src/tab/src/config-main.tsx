import type { Root } from 'react-dom/client';

import { CHARTER_TAB_ENTITY_ID, IN_TEAMS_QUERY } from '../../domain/links/charter-links';
import { loadTheme } from './app/themes';
import { type ConfigHost, ConfigPage } from './config/config-page';
import { isMeetingContext, mayBeInTeams, TEAMS_HANDSHAKE_MS, toThemeName } from './host/tab-host';
import { appStrings } from './strings/app';
import { configStrings } from './strings/config';

/** Inside Teams: wires the page to `pages.config`; elsewhere null (the page then links to the tab). */
async function configHost(): Promise<ConfigHost | null> {
  if (!mayBeInTeams(window)) return null;
  const { app, pages } = await import('@microsoft/teams-js');
  const ok = await Promise.race([
    app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), TEAMS_HANDSHAKE_MS)),
  ]);
  if (!ok) return null;
  const context = await app.getContext();
  const origin = window.location.origin;
  return {
    theme: toThemeName(context.app.theme),
    inMeeting: isMeetingContext(context),
    onSave(getChoice) {
      pages.config.registerOnSaveHandler((event) => {
        // The tab's URL in Teams says it is Teams' (the server serves a browser's own visit a page pointing to Teams).
        const query = new URLSearchParams({ [IN_TEAMS_QUERY.name]: IN_TEAMS_QUERY.value });
        if (getChoice() === 'create') query.set('view', 'edit');
        pages.config
          .setConfig({
            // The bot's deep links name this entity id (domain/links/charter-links.ts): it never changes.
            entityId: CHARTER_TAB_ENTITY_ID,
            contentUrl: `${origin}/tab/?${query.toString()}`,
            websiteUrl: `${origin}/tab/`,
            suggestedDisplayName: appStrings.appName,
          })
          .then(
            () => event.notifySuccess(),
            (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
          );
      });
    },
    setValid(valid) {
      pages.config.setValidityState(valid);
    },
  };
}

/** The configuration page (`/tab/config`, the manifest's configurationUrl): main.tsx loads this instead of the tab. */
export function renderConfigPage(root: Root): void {
  document.title = configStrings.pageTitle;
  void configHost().then(async (host) => {
    if (host) await loadTheme(host.theme);
    root.render(<ConfigPage host={host} />);
  });
}
