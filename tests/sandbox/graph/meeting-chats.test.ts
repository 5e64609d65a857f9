/**
 * The Graph sandbox's Teams side of a booked meeting answers as Graph v1.0 does: the org catalog by externalId, the
 * online meeting by JoinWebUrl with its chat, installing an app in the chat (409 Conflict when it is there already),
 * the chat's tabs; 403 for a call whose permission the admin has not granted (and `General` without an application
 * access policy for online meetings). The calendar page says what is in each meeting's chat.
 */
import { renderCalendarPage } from '../../../src/sandbox/graph/calendar-page';
import {
  CATALOG_APP_ID,
  type GraphHarness,
  MANIFEST_ID,
  rawGraphCall,
  reviewSeries,
  sandboxToken,
  startGraphHarness,
} from '../../adapters/graph/graph-harness';

interface Answer {
  error: { code: string; message: string };
  value: Record<string, unknown>[];
  id: string;
  chatInfo: { threadId: string };
}

const ORGANIZER_ID = 'a1f0e1d2-0001-4c3b-8a9f-000000000001';
const BIND = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}`;

describe('the Graph sandbox’s meeting chats', () => {
  let h: GraphHarness;
  let token: string;
  /** The booked series' join link, and its meeting chat's path (found by the online meeting test). */
  let joinUrl = '';
  let chatPath = '';
  beforeAll(async () => {
    h = await startGraphHarness();
    token = await sandboxToken(h.running);
    const booked = await h.calendar.createSeries('adelev@contoso.example', {
      ...reviewSeries(),
      bodyHtml: '<p>Agenda</p>',
      transactionId: 'meeting-chats-1',
    });
    joinUrl = booked.joinUrl ?? '';
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    for (const p of ['AppCatalog.Read.All', 'OnlineMeetings.Read.All'])
      h.running.sandbox.setPermission(p, true);
    for (const p of ['TeamsAppInstallation.ReadWriteSelfForChat.All', 'TeamsTab.ReadWriteSelfForChat.All'])
      h.running.sandbox.setPermission(p, true);
    h.running.sandbox.setOnlineMeetingsPolicy(true);
  });

  const call = (method: string, path: string, body?: unknown) =>
    rawGraphCall<Answer>(h.running, token, method, path, body);
  const filter = (field: string, value: string) =>
    `$filter=${encodeURIComponent(`${field} eq '${value.replace(/'/g, "''")}'`)}`;

  it('finds the app in the org catalog by its manifest id, and nothing for another id', async () => {
    const found = await call('GET', `/appCatalogs/teamsApps?${filter('externalId', MANIFEST_ID)}`);
    expect(found.status).toBe(200);
    expect(found.body?.value).toEqual([
      {
        id: CATALOG_APP_ID,
        externalId: MANIFEST_ID,
        displayName: 'Team Charter',
        distributionMethod: 'organization',
      },
    ]);
    const none = await call('GET', `/appCatalogs/teamsApps?${filter('externalId', 'not-the-app')}`);
    expect(none.body?.value).toEqual([]);
  });

  it('finds the booked series’ online meeting by its join link, with the chat Teams made for it', async () => {
    const found = await call('GET', `/users/${ORGANIZER_ID}/onlineMeetings?${filter('JoinWebUrl', joinUrl)}`);
    expect(found.status).toBe(200);
    const [meeting] = found.body?.value ?? [];
    expect(meeting).toMatchObject({
      joinWebUrl: joinUrl,
      chatInfo: { threadId: expect.stringMatching(/^19:meeting_.+@thread\.v2$/) },
    });
    chatPath = `/chats/${encodeURIComponent((meeting as unknown as Answer).chatInfo.threadId)}`;
    // Another organizer's (by UPN) or an unknown link: none. Without a filter: 400, as Graph lists none.
    const other = await call(
      'GET',
      `/users/meganb@contoso.example/onlineMeetings?${filter('JoinWebUrl', joinUrl)}`,
    );
    expect(other.body?.value).toEqual([]);
    expect((await call('GET', `/users/${ORGANIZER_ID}/onlineMeetings`)).status).toBe(400);
  });

  it('installs the app in the meeting chat once: a second install answers 409 Conflict', async () => {
    const first = await call('POST', `${chatPath}/installedApps`, { 'teamsApp@odata.bind': BIND });
    expect(first.status).toBe(201);
    const again = await call('POST', `${chatPath}/installedApps`, { 'teamsApp@odata.bind': BIND });
    expect(again.status).toBe(409);
    expect(again.body?.error.code).toBe('Conflict');
    const unknown = await call('POST', `${chatPath}/installedApps`, {
      'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/no-such-app',
    });
    expect(unknown.status).toBe(404);
  });

  it('pins a configured tab of the installed app and lists it with its app', async () => {
    expect((await call('GET', `${chatPath}/tabs`)).body?.value).toEqual([]);
    const configuration = {
      entityId: 'team-charter-review',
      contentUrl: 'https://charter.contoso.example/tab/?host=teams',
      websiteUrl: 'https://charter.contoso.example/tab/',
      removeUrl: null,
    };
    const added = await call('POST', `${chatPath}/tabs`, {
      displayName: 'Team Charter',
      'teamsApp@odata.bind': BIND,
      configuration,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: expect.any(String), displayName: 'Team Charter', configuration });
    const listed = await call('GET', `${chatPath}/tabs?$expand=teamsApp`);
    expect(listed.body?.value).toMatchObject([
      { id: added.body?.id, teamsApp: { id: CATALOG_APP_ID, externalId: MANIFEST_ID } },
    ]);
  });

  it('refuses a tab of an app that is not installed in the chat', async () => {
    h.running.sandbox.store.publishApp({ id: 'other-app', externalId: 'other', displayName: 'Other' });
    const refused = await call('POST', `${chatPath}/tabs`, {
      displayName: 'Other',
      'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/other-app',
      configuration: { contentUrl: 'https://other.example/' },
    });
    expect(refused.status).toBe(400);
  });

  it.each([
    [
      'AppCatalog.Read.All',
      'GET',
      () => `/appCatalogs/teamsApps?${filter('externalId', MANIFEST_ID)}`,
      undefined,
    ],
    [
      'OnlineMeetings.Read.All',
      'GET',
      () => `/users/${ORGANIZER_ID}/onlineMeetings?${filter('JoinWebUrl', joinUrl)}`,
      undefined,
    ],
    [
      'TeamsAppInstallation.ReadWriteSelfForChat.All',
      'POST',
      () => `${chatPath}/installedApps`,
      { 'teamsApp@odata.bind': BIND },
    ],
    ['TeamsTab.ReadWriteSelfForChat.All', 'GET', () => `${chatPath}/tabs`, undefined],
    [
      'TeamsTab.ReadWriteSelfForChat.All',
      'POST',
      () => `${chatPath}/tabs`,
      { displayName: 'x', 'teamsApp@odata.bind': BIND, configuration: { contentUrl: 'https://x.example/' } },
    ],
  ])(
    'answers 403 Forbidden, naming the permission, when %s is not granted (%s)',
    async (permission, method, path, body) => {
      h.running.sandbox.setPermission(permission, false);
      const refused = await call(method, path(), body);
      expect(refused.status).toBe(403);
      expect(refused.body?.error.code).toBe('Forbidden');
      expect(refused.body?.error.message).toContain(permission);
    },
  );

  it('answers 403 General for online meetings without an application access policy', async () => {
    h.running.sandbox.setOnlineMeetingsPolicy(false);
    const refused = await call(
      'GET',
      `/users/${ORGANIZER_ID}/onlineMeetings?${filter('JoinWebUrl', joinUrl)}`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body?.error).toMatchObject({
      code: 'General',
      message: 'No application access policy found for this app.',
    });
  });

  it('shows on the calendar page which apps and tabs the meeting’s chat has, and keeps them across a restart', async () => {
    const page = renderCalendarPage(h.running.sandbox);
    expect(page).toContain('Apps installed: Team Charter; tabs: Team Charter (Team Charter).');
    const copy = new (h.running.sandbox.constructor as new () => typeof h.running.sandbox)();
    copy.store.restore(h.running.sandbox.store.snapshot());
    expect(copy.store.chatByJoinUrl(joinUrl)).toMatchObject({
      installedApps: [CATALOG_APP_ID],
      tabs: [{ displayName: 'Team Charter' }],
    });
  });
});
