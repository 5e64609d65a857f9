import type { Root } from 'react-dom/client';
import { loadTheme } from './app/themes';
import { ConfigPage, type ConfigHost } from './config/config-page';
import { mayBeInTeams, TEAMS_HANDSHAKE_MS, toThemeName } from './host/tab-host';
import { strings } from './strings';

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
    onSave(getChoice) {
      pages.config.registerOnSaveHandler((event) => {
        const view = getChoice() === 'create' ? '?view=edit' : '';
        pages.config
          .setConfig({
            entityId: 'team-charter',
            contentUrl: `${origin}/tab/${view}`,
            websiteUrl: `${origin}/tab/`,
            suggestedDisplayName: strings.appName,
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
  document.title = strings.configPageTitle;
  void configHost().then(async (host) => {
    if (host) await loadTheme(host.theme);
    root.render(<ConfigPage host={host} />);
  });
}
