// The tab as Teams, Outlook and the Microsoft 365 app host it, in production mode: `npm start` with credentials against
// a local Entra ID, the real tab build and the real teams-js in Chromium, framed by a host window at a Microsoft host
// name over https (support/teams-host). Covers the configuration page's save, the charter with SSO, the consent
// fallback through the sign-in window, a theme change, the hosts that run no channel tab, and the personal
// "My charters" page in all three hosts (personal scope: no team in the context), with axe in every theme.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';

import { openDatabase } from '../../src/adapters/storage/open-database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { TeamScope } from '../../src/app/common-ports';
import type { MemberInput } from '../../src/app/installs/install-ports';
import { validCharter } from '../support/charter-fixtures';
import {
  FAKE_CLIENT_ID,
  FAKE_TENANT_ID,
  FAKE_USER,
  type FakeEntra,
  startFakeEntra,
} from '../support/fake-entra';
import { openRoundInStore } from '../support/open-round';
import { launchChromium } from './support/chromium';
import { eventually, until } from './support/eventually';
import { HOSTED_TEAMS_APP_ID, hostedAppEnv } from './support/hosted-app-env';
import { startAppLikeNpmStart, type StartedApp } from './support/start-app';
import {
  type HostName,
  type HostSession,
  type HostSessionOptions,
  startTeamsHostServer,
  TAB_ORIGIN,
  type TeamsHostServer,
  type TokenAnswer,
} from './support/teams-host/teams-host-server';

const TEAM: TeamScope = { tenantId: FAKE_TENANT_ID, teamId: '5c2d7e1a-3b4f-4a6c-8d9e-0f1a2b3c4d5e' };
const TEAMS_TEAM_ID = '19:5c2d7e1a3b4f@thread.tacv2';
const CHANNEL_ID = '19:5c2d7e1a3b4f-general@thread.tacv2';
const PURPOSE = 'We keep the lights on for every shop in the region.';
const EARLIER_PURPOSE = 'We keep the lights on.';
const SECOND_TEAM: TeamScope = { tenantId: FAKE_TENANT_ID, teamId: '7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b' };
const ADA: MemberInput = {
  aadObjectId: FAKE_USER.oid,
  teamsUserId: '29:ada',
  name: FAKE_USER.name,
  email: FAKE_USER.preferred_username,
  timeZone: 'Europe/Berlin',
};

let entra: FakeEntra;
let app: StartedApp;
let host: TeamsHostServer;
let browser: Browser;

beforeAll(async () => {
  entra = await startFakeEntra();
  app = await startAppLikeNpmStart({
    env: hostedAppEnv(entra.authorityHost),
    prepare: seedInstalledTeam,
  });
  host = await startTeamsHostServer(app.url);
  browser = await launchChromium(host.chromiumArgs);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
  await entra?.close();
});

/** What the bot's install and a first save would have stored: the team, Ada as its member and editor, a charter. */
async function seedInstalledTeam(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    const { installs, charters, checkins } = postgresStores(db);
    await installs.saveInstallation({
      ...TEAM,
      teamsTeamId: TEAMS_TEAM_ID,
      teamName: 'Regional Shops',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelConversationId: CHANNEL_ID,
      installedBy: ADA.aadObjectId,
      installedAt: new Date(),
      uninstalledAt: null,
    });
    await installs.upsertMembers(TEAM, [ADA]);
    for (const [version, purpose] of [EARLIER_PURPOSE, PURPOSE].entries())
      await charters.saveVersion(TEAM, {
        expectedVersion: version,
        content: validCharter({ purpose, editorIds: [ADA.aadObjectId] }),
        author: { id: ADA.aadObjectId, name: ADA.name },
        why: version === 0 ? 'Our first charter' : 'Say who we do it for',
        summary: version === 0 ? 'First version' : 'Purpose reworded',
        at: new Date(),
      });
    // Ada last looked at version 1; a round of check-ins is open and she was asked in it.
    await installs.markCharterSeen(TEAM, ADA.aadObjectId, 1);
    const current = await charters.getCurrent(TEAM);
    if (!current) throw new Error('The seeded charter is missing.');
    await openRoundInStore(checkins, TEAM, current, {
      id: '6f5e4d3c-2b1a-4098-8765-43210fedcba9',
      asked: [ADA.aadObjectId],
    });
    // A second team of Ada's with the app and no charter yet.
    await installs.saveInstallation({
      ...SECOND_TEAM,
      teamsTeamId: '19:7e8f9a0b1c2d@thread.tacv2',
      teamName: 'Store Openings',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelConversationId: '19:7e8f9a0b1c2d-general@thread.tacv2',
      installedBy: ADA.aadObjectId,
      installedAt: new Date(),
      uninstalledAt: null,
    });
    await installs.upsertMembers(SECOND_TEAM, [ADA]);
  } finally {
    await db.close();
  }
}

/** The legacy context Teams gives a channel tab of TEAM; Outlook and the Microsoft 365 app give no team. */
function contextFor(hostName: HostName, theme = 'default'): Record<string, unknown> {
  const person = {
    tid: FAKE_TENANT_ID,
    userObjectId: FAKE_USER.oid,
    userPrincipalName: FAKE_USER.preferred_username,
    loginHint: FAKE_USER.preferred_username,
    theme,
    appSessionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  };
  if (hostName !== 'Teams') return { ...person, entityId: 'team-charter' };
  return {
    ...person,
    groupId: TEAM.teamId,
    teamId: TEAMS_TEAM_ID,
    teamName: 'Regional Shops',
    channelId: CHANNEL_ID,
    channelName: 'General',
    entityId: 'team-charter',
  };
}

/** A token for Ada from the local Entra, as Teams hands it over when nothing stands in the way. */
const signedIn = async (): Promise<TokenAnswer> => [true, await entra.mintToken()];

interface Opened {
  context: BrowserContext;
  page: Page;
  session: HostSession;
  /** The framed app page. */
  tab(): Frame;
}

/** A fresh browser profile with a host window framing `src`. */
async function openInHost(
  options: Partial<HostSessionOptions> & Pick<HostSessionOptions, 'src'>,
): Promise<Opened> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hostName = options.hostName ?? 'Teams';
  const session = await host.open(page, {
    hostName,
    frameContext: 'content',
    context: contextFor(hostName),
    getAuthToken: signedIn,
    ...options,
  });
  const tab = () => {
    const frame = page.frames().find((f) => f.url().startsWith(TAB_ORIGIN));
    if (!frame) throw new Error(`The host did not frame ${options.src}.`);
    return frame;
  };
  return { context, page, session, tab };
}

// Before the channel tab's tests: opening the charter there records version 2 as seen by Ada.
describe('the personal page “My charters”', () => {
  const personal = (hostName: HostName, theme = 'default') =>
    openInHost({
      hostName,
      src: `${TAB_ORIGIN}/tab/me?host=teams`,
      // A static tab in personal scope: no team or channel in the context.
      context: { ...contextFor('Outlook', theme), entityId: 'my-charters', hostName },
    });

  it('in Teams shows both teams in one call, what changed since the last look, and takes the open check-in', async () => {
    const before = host.proxied.length;
    const { context, session, tab } = await personal('Teams');
    try {
      const page = tab();
      await expect(page.getByTestId('my-purpose').textContent()).resolves.toBe(PURPOSE);
      await page.getByRole('heading', { name: 'Store Openings' }).waitFor();
      await page.getByText(/This team has no charter yet\. You can write the first one/).waitFor();
      await page.getByRole('heading', { name: 'Changed since you last looked' }).waitFor();
      // The purpose before and after, in the diff.
      await expect(page.getByTestId('diff').textContent()).resolves.toContain(
        `${EARLIER_PURPOSE} → ${PURPOSE}`,
      );
      const api = host.proxied.slice(before).filter((r) => r.path.startsWith('/api/'));
      expect(api.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /api/me/charters 200']);
      expect(session.callsTo('appInitialization.success')).toHaveLength(1);

      const checkIn = page.getByRole('region', { name: 'Your check-in' });
      await checkIn.getByRole('button', { name: 'Send check-in' }).click();
      await checkIn.getByText(/Some answers need a look/).waitFor();
      for (const group of await checkIn.getByRole('radiogroup').all())
        await group.getByRole('radio', { name: '4 · Good' }).check();
      await checkIn.getByRole('button', { name: 'Send check-in' }).click();
      await checkIn.getByText('Check-in sent for Regional Shops. Thank you!').waitFor();

      await page.getByRole('button', { name: 'Mark as read' }).click();
      await page.getByText('Marked the Regional Shops charter as read.').waitFor();
      await page.getByRole('link', { name: 'Open in Teams' }).first().click();
      await until(() => session.callsTo('executeDeepLink').length > 0, 'the deep link to go to Teams');
      expect(String(session.callsTo('executeDeepLink')[0]?.args[0])).toMatch(
        new RegExp(
          `^https://teams\\.microsoft\\.com/l/entity/${HOSTED_TEAMS_APP_ID}/team-charter\\?context=`,
        ),
      );
    } finally {
      await context.close();
    }
  });

  it.each<HostName>(['Outlook', 'Office'])(
    'in %s opens the charter in place and calls nothing Teams-only',
    async (hostName) => {
      const { context, session, tab } = await personal(hostName, 'dark');
      try {
        const page = tab();
        await expect(page.getByTestId('my-purpose').textContent()).resolves.toBe(PURPOSE);
        expect(luminance(await background(page))).toBeLessThan(0.2);
        // Answered in the Teams test above: the page says so and offers to change it.
        await page
          .getByText('You have answered. You can change your answer until the round closes.')
          .waitFor();
        await page.getByRole('button', { name: 'Show the whole charter' }).click();
        await page.getByRole('button', { name: 'Show less' }).waitFor();
        expect(await page.getByRole('link', { name: 'Open in Teams' }).count()).toBe(0);
        const teamsOnly = session.calls.filter((c) =>
          /^(settings\.|pages\.|teams\.|getTabInstances|executeDeepLink)/.test(c.func),
        );
        expect(teamsOnly).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it.each(['default', 'dark', 'contrast'])('has no axe violations in the %s theme', async (theme) => {
    const { context, page, tab } = await personal('Teams', theme);
    try {
      await tab().getByTestId('my-purpose').waitFor();
      await tab().getByRole('region', { name: 'Your check-in' }).waitFor();
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .exclude('[data-tabster-dummy]')
        .analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the configuration page in Teams', () => {
  it('saves the charter tab with its stable entity id and the Teams content address', async () => {
    const { context, session, tab } = await openInHost({
      src: `${TAB_ORIGIN}/tab/config`,
      frameContext: 'settings',
    });
    try {
      await tab()
        .getByRole('radio', { name: /Create our charter/ })
        .check();
      await until(
        () => session.callsTo('settings.setValidityState').length > 0,
        'the page to say it is valid',
      );
      expect(session.callsTo('settings.setValidityState').at(-1)?.args).toEqual([true]);

      await session.send('settings.save', [{}]);
      await until(() => session.callsTo('settings.save.success').length === 1, 'the save to succeed');
      expect(session.settings).toEqual({
        entityId: 'team-charter',
        contentUrl: `${TAB_ORIGIN}/tab/?host=teams&view=edit`,
        websiteUrl: `${TAB_ORIGIN}/tab/`,
        suggestedDisplayName: 'Team Charter',
      });
    } finally {
      await context.close();
    }
  });
});

describe('the charter tab in Teams', () => {
  it('signs in with the SSO token, shows the team’s charter and follows Teams’ theme', async () => {
    const before = host.proxied.length;
    const { context, session, tab } = await openInHost({ src: `${TAB_ORIGIN}/tab/?host=teams` });
    try {
      await tab().getByText(PURPOSE).waitFor();
      expect(session.callsTo('authentication.getAuthToken').length).toBeGreaterThan(0);
      expect(session.callsTo('appInitialization.success')).toHaveLength(1);
      const requests = host.proxied.slice(before);
      const api = requests.filter((r) => r.path.startsWith('/api/'));
      expect(api.map((r) => r.path)).toEqual(
        expect.arrayContaining([`/api/me`, `/api/teams/${TEAM.teamId}/charter`]),
      );
      // 304: a panel that asks again (the review sync still pending on a slow machine) revalidates what it has.
      expect(api.filter((r) => ![200, 204, 304].includes(r.status))).toEqual([]);
      // Nothing local-only is asked for, and nothing is missing.
      expect(requests.filter((r) => r.path.startsWith('/sandbox/') || r.status === 404)).toEqual([]);

      expect(luminance(await background(tab()))).toBeGreaterThan(0.9);
      await session.send('themeChange', ['dark']);
      await eventually(async () => luminance(await background(tab())) < 0.2, 'the dark theme');
    } finally {
      await context.close();
    }
  });

  it('asks for consent in the sign-in window when Teams cannot hand over a token, then shows the charter', async () => {
    const needsConsent = async (): Promise<TokenAnswer> =>
      entra.hasConsented(FAKE_CLIENT_ID, FAKE_USER.preferred_username)
        ? signedIn()
        : [false, 'resourceRequiresConsent'];
    const { context, session, tab } = await openInHost({
      src: `${TAB_ORIGIN}/tab/?host=teams`,
      getAuthToken: needsConsent,
    });
    try {
      await tab().getByText('Team Charter needs your permission to sign you in').waitFor();
      const signInWindow = context.waitForEvent('page');
      await tab().getByRole('button', { name: 'Continue' }).click();
      const window = await signInWindow;
      await tab().getByText(PURPOSE).waitFor();
      await until(() => window.isClosed(), 'the sign-in window to close');

      const [authenticate] = session.callsTo('authentication.authenticate');
      expect(String(authenticate?.args[0])).toMatch(new RegExp(`^${TAB_ORIGIN}/auth/start\\?`));
      expect(entra.authorizeRequests.at(-1)).toMatchObject({
        client_id: FAKE_CLIENT_ID,
        response_type: 'code',
        redirect_uri: `${TAB_ORIGIN}/auth/end`,
        prompt: 'consent',
        login_hint: FAKE_USER.preferred_username,
      });
      expect(session.calls.filter((c) => c.from === 'signInWindow').map((c) => c.func)).toEqual(
        expect.arrayContaining(['initialize', 'authentication.authenticate.success']),
      );
    } finally {
      await context.close();
    }
  });
});

describe.each<HostName>(['Outlook', 'Office'])('the tab with %s as its host', (hostName) => {
  it('runs with the host’s theme, says where the charter lives and calls nothing Teams-only', async () => {
    const { context, session, tab } = await openInHost({
      hostName,
      src: `${TAB_ORIGIN}/tab/?host=teams`,
      context: contextFor(hostName, 'dark'),
    });
    try {
      await tab().getByText('Open this tab in a team channel to see its charter.').waitFor();
      expect(luminance(await background(tab()))).toBeLessThan(0.2);
      expect(session.callsTo('appInitialization.success')).toHaveLength(1);
      const teamsOnly = session.calls.filter((c) =>
        /^(settings\.|pages\.|teams\.|getTabInstances)/.test(c.func),
      );
      expect(teamsOnly).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The tab's page background (the root of Fluent's provider), as the browser computes it. */
function background(frame: Frame): Promise<string> {
  return frame
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((root) => (globalThis as unknown as BrowserGlobals).getComputedStyle(root).backgroundColor);
}

interface BrowserGlobals {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

/** Relative luminance (0 black … 1 white) of a CSS `rgb(…)`/`rgba(…)` color. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
