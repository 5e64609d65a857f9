import { FAKE_CLIENT_ID, FAKE_TENANT_ID } from '../../support/fake-entra';
import { TAB_ORIGIN } from './teams-host/teams-host-server';

/** The Teams app id the hosted tests' app runs as (its deep links name it). */
export const HOSTED_TEAMS_APP_ID = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

/** Production mode as the Teams-hosted tests run it: SSO against the fake Entra at `authorityHost`, the tab at TAB_ORIGIN. */
export function hostedAppEnv(authorityHost: string): Record<string, string> {
  return {
    MicrosoftAppId: '4a2b7c9d-1e3f-4a5b-8c6d-7e8f9a0b1c2d',
    MicrosoftAppPassword: 'bot-secret',
    AAD_APP_CLIENT_ID: FAKE_CLIENT_ID,
    AAD_APP_CLIENT_SECRET: 'aad-secret',
    AAD_APP_TENANT_ID: FAKE_TENANT_ID,
    AAD_APP_OAUTH_AUTHORITY_HOST: authorityHost,
    TAB_ENDPOINT: TAB_ORIGIN,
    TEAMS_APP_ID: HOSTED_TEAMS_APP_ID,
  };
}
