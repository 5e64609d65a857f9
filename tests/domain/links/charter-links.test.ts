import {
  channelIdOf,
  channelTabDeepLink,
  CHARTER_TAB_ENTITY_ID,
  charterAppLink,
  charterLink,
  localTabLink,
  teamsAppDeepLink,
} from '../../../src/domain/links/charter-links';

const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TENANT = '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b';
const TEAM = '8e6f1d2c-3b4a-4c5d-9e8f-1a2b3c4d5e6f';
const CHANNEL = '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2';
const team = { tenantId: TENANT, teamId: TEAM, channelConversationId: CHANNEL };

/** The context a deep link carries, as Teams reads it back. */
function contextOf(link: string): unknown {
  const context = new URL(link).searchParams.get('context');
  if (context === null) throw new Error(`${link} has no context`);
  return JSON.parse(context);
}

describe('channelTabDeepLink', () => {
  it('opens the entity in the channel: /l/entity/<app id>/<entity id>?context=<URL-encoded {"channelId"}>', () => {
    const link = channelTabDeepLink(APP_ID, CHARTER_TAB_ENTITY_ID, CHANNEL);
    expect(link).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/team-charter?context=` +
        '%7B%22channelId%22%3A%2219%3Aa1b2c3d4e5f60718293a4b5c6d7e8f90%40thread.tacv2%22%7D',
    );
    expect(contextOf(link)).toEqual({ channelId: CHANNEL });
  });

  it('keeps a channel id with URL syntax inside the context, where Teams reads it back whole', () => {
    const odd = '19:x&label=y#z?w@thread.skype';
    const link = channelTabDeepLink(APP_ID, CHARTER_TAB_ENTITY_ID, odd);
    expect(contextOf(link)).toEqual({ channelId: odd });
    expect([...new URL(link).searchParams.keys()]).toEqual(['context']);
  });
});

describe('teamsAppDeepLink', () => {
  it('is the app’s page in Teams, naming the tenant when it is known', () => {
    expect(teamsAppDeepLink(APP_ID)).toBe(`https://teams.microsoft.com/l/app/${APP_ID}`);
    expect(teamsAppDeepLink(APP_ID, TENANT)).toBe(
      `https://teams.microsoft.com/l/app/${APP_ID}?tenantId=${TENANT}`,
    );
  });
});

describe('charterLink', () => {
  const teams = { kind: 'teams', appId: APP_ID } as const;
  const local = { kind: 'local', tabEndpoint: 'http://localhost:3978' } as const;

  it('in Teams, opens the charter tab in the channel the app was added to; nothing more once the tab is pinned', () => {
    expect(charterLink(teams, { ...team, tabPinned: true })).toEqual({
      url: channelTabDeepLink(APP_ID, 'team-charter', CHANNEL),
      appUrl: null,
    });
  });

  it('in Teams, while the tab may not be pinned, also offers the app in Teams (in the team’s tenant)', () => {
    expect(charterLink(teams, { ...team, tabPinned: false })).toEqual({
      url: channelTabDeepLink(APP_ID, 'team-charter', CHANNEL),
      appUrl: `https://teams.microsoft.com/l/app/${APP_ID}?tenantId=${TENANT}`,
    });
  });

  it('names the channel, not a thread in it, when the conversation id is a thread’s', () => {
    const thread = { ...team, channelConversationId: `${CHANNEL};messageid=1712345678901`, tabPinned: true };
    expect(contextOf(charterLink(teams, thread).url)).toEqual({ channelId: CHANNEL });
    expect(channelIdOf(CHANNEL)).toBe(CHANNEL);
  });

  it('in local mode, opens the local tab on the team, pinned or not', () => {
    for (const tabPinned of [true, false])
      expect(charterLink(local, { ...team, tabPinned })).toEqual({
        url: `http://localhost:3978/tab/?team=${TEAM}`,
        appUrl: null,
      });
    expect(localTabLink('http://localhost:3978', 'a b&c')).toBe('http://localhost:3978/tab/?team=a%20b%26c');
  });
});

describe('charterAppLink', () => {
  it('is the app in Teams, or the local tab in local mode', () => {
    expect(charterAppLink({ kind: 'teams', appId: APP_ID }, TENANT)).toBe(
      `https://teams.microsoft.com/l/app/${APP_ID}?tenantId=${TENANT}`,
    );
    expect(charterAppLink({ kind: 'local', tabEndpoint: 'http://localhost:3978' })).toBe(
      'http://localhost:3978/tab/',
    );
  });
});
