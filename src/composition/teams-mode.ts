/** A real tenant: Teams SSO for the API, the bot's own credentials, links into Teams, the sign-in fallback pages. */
import { createEntraTokenVerifier } from '../adapters/auth/entra-token-verifier';
import { bearerAuthenticate } from '../adapters/http/authenticate';
import { metricsAccess } from '../adapters/http/routes/metrics-routes';
import { signInPages } from '../adapters/http/sign-in-pages';
import { tabFiles } from '../adapters/http/tab-files';
import type { Config, ProductionMode } from '../config';
import { charterAppLink, type CharterLinkTarget } from '../domain/links/charter-links';
import type { ModeWiring } from './mode-wiring';

export function teamsMode(config: Config, mode: ProductionMode, port: number): ModeWiring {
  const { aad } = mode;
  const charterLinks: CharterLinkTarget = { kind: 'teams', appId: mode.teamsAppId };
  return {
    url: `http://${config.host}:${port}`,
    startedMessage: 'Team Charter is running.',
    authenticate: bearerAuthenticate(
      createEntraTokenVerifier({
        authorityHost: aad.authorityHost,
        clientId: aad.clientId,
        appIdUri: aad.appIdUri,
      }),
    ),
    bot: mode.bot,
    charterLinks,
    metricsAccess: metricsAccess(false, config.metricsToken),
    mounts: () => [
      // A browser opening `/` or `/tab/` by itself gets a page pointing to the app in Teams; Teams gets the tab.
      tabFiles({ host: { kind: 'teams', appUrl: charterAppLink(charterLinks) } }),
      // The window Teams opens when SSO needs consent or a fresh sign-in at Entra.
      signInPages({
        authorityHost: aad.authorityHost,
        tenantId: aad.tenantId,
        clientId: aad.clientId,
        appIdUri: aad.appIdUri,
        tabEndpoint: config.tabEndpoint,
      }),
    ],
    apiSiblings: () => [],
    prepare: () => Promise.resolve(),
    flush: () => Promise.resolve(),
  };
}
