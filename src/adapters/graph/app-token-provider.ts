/**
 * App-only Microsoft Graph tokens from Entra ID with msal-node (client credentials), cached by msal until shortly before
 * they expire. msal-node accepts only https authorities; to reach a local token endpoint (the Graph sandbox) we keep the
 * https authority string and hand msal the OpenID metadata (`authorityMetadata`) whose `token_endpoint` is the sandbox,
 * plus cloud discovery metadata so msal asks no one else (msal-node's knownAuthorities + cloudDiscoveryMetadata).
 */
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';

import { tokenFailure } from './graph-failures';

export interface AppTokenSettings {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /** e.g. `https://login.microsoftonline.com` */
  authorityHost: string;
  /** Set only for a local token endpoint (the sandbox); unset, msal discovers the real one. */
  tokenEndpoint: string | null;
  /** Default `https://graph.microsoft.com/.default`. */
  scope?: string;
}

export type AccessTokenSource = () => Promise<string>;

export function createAppTokenSource(settings: AppTokenSettings): AccessTokenSource {
  const authority = `${settings.authorityHost.replace(/\/+$/, '')}/${settings.tenantId}`;
  const host = new URL(authority).host;
  const local = settings.tokenEndpoint;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authority,
      ...(local
        ? {
            knownAuthorities: [host],
            authorityMetadata: JSON.stringify({
              token_endpoint: local,
              issuer: `https://${host}/${settings.tenantId}/v2.0`,
              authorization_endpoint: local.replace(/\/token$/, '/authorize'),
              end_session_endpoint: local.replace(/\/token$/, '/logout'),
              jwks_uri: local.replace(/\/oauth2\/v2\.0\/token$/, '/discovery/v2.0/keys'),
            }),
            cloudDiscoveryMetadata: JSON.stringify({
              tenant_discovery_endpoint: `https://${host}/${settings.tenantId}/v2.0/.well-known/openid-configuration`,
              'api-version': '1.1',
              metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
            }),
          }
        : {}),
    },
    system: {
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  });
  const scopes = [settings.scope ?? 'https://graph.microsoft.com/.default'];
  return async () => {
    try {
      const result = await app.acquireTokenByClientCredential({ scopes });
      if (!result?.accessToken) throw new Error('Entra ID answered without an access token.');
      return result.accessToken;
    } catch (error) {
      // Typed once here: a refused secret or an unusable authority stops the job; a 429, 5xx or no answer does not.
      throw tokenFailure(error);
    }
  };
}
