import type { TeamsHost } from '../../../src/tab/src/host/tab-host';

/**
 * A Teams host handed straight to the tab's apps (no teams-js): Teams itself, no team, signed in with `sso-token`;
 * `loaded` and `openLink` are jest mocks to assert on. Override any part.
 */
export function stubTeamsHost(overrides: Partial<TeamsHost> = {}): TeamsHost {
  return {
    kind: 'teams',
    hostName: 'Teams',
    teamId: null,
    theme: 'default',
    onThemeChange: () => undefined,
    auth: () => Promise.resolve({ Authorization: 'Bearer sso-token' }),
    signIn: () => Promise.resolve(),
    loaded: jest.fn(),
    openLink: jest.fn(() => Promise.resolve()),
    ...overrides,
  };
}
