/**
 * Outside local mode, `/api/messages` takes only Bot Framework tokens: botbuilder's CloudAdapter with our
 * configuration, against a local Bot Framework OpenID server (BOT_OPENID_METADATA_URL). Every bad token is refused
 * with 401 before the bot sees the activity — a member's answer and an uninstall alike — and nothing changes; a valid
 * token (control) is served. Then, with valid tokens, card actions aimed at another team's round or another tenant
 * are refused inside the bot and change nothing.
 */
import { FAKE_CLIENT_ID } from '../support/fake-entra';
import { answerInputs, cardAction, postActivity, SERVICE_URL, uninstall } from './support/bot-activities';
import {
  ADA,
  BEN,
  BOB,
  BOT_APP_ID,
  MALLORY,
  SECRET_B,
  type SecureApp,
  TEAM_A,
  TEAM_B,
  TENANT_T,
  TENANT_U,
  useSecureApp,
} from './support/secure-app';
import { Tally } from './support/tally';

let s: SecureApp;
const tally = new Tally('Bot Framework tokens and card actions on /api/messages');

beforeAll(() => {
  // CloudAdapter.process console.errors every refused request; the statuses are what this file checks.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
useSecureApp(tally, (app) => (s = app));

type Headers = Record<string, string>;
const bearer = (token: string): Headers => ({ Authorization: `Bearer ${token}` });
// The Bot Framework names the claim in lower case.
const good = { aud: BOT_APP_ID, serviceurl: SERVICE_URL };
const mint = (claims: Record<string, unknown> = {}, options = {}) =>
  s.botFramework.mintToken({ ...good, ...claims }, options);

const cases: [string, () => Promise<Headers>, number][] = [
  ['no Authorization header', () => Promise.resolve({}), 401],
  [
    'forged signature (trusted kid, another key)',
    async () => bearer(await mint({}, { key: 'untrusted' })),
    401,
  ],
  ['alg none', async () => bearer(await mint({}, { alg: 'none' })), 401],
  ['HS256 with the public key as secret', async () => bearer(await mint({}, { alg: 'HS256' })), 401],
  [
    'unknown kid',
    async () => bearer(await mint({}, { key: 'untrusted', header: { kid: 'no-such-key' } })),
    401,
  ],
  ['a key endorsed for another channel only', async () => bearer(await mint({}, { key: 'webchat' })), 401],
  ['expired beyond the 5 min skew', async () => bearer(await mint({}, { expiresInSeconds: -600 })), 401],
  ['not valid yet (nbf beyond skew)', async () => bearer(await mint({}, { notBeforeSeconds: 900 })), 401],
  [
    'audience of another bot',
    async () => bearer(await mint({ aud: '99999999-8888-4777-8666-555555555555' })),
    401,
  ],
  ['no audience', async () => bearer(await mint({ aud: undefined })), 401],
  [
    'issuer not https://api.botframework.com',
    async () => bearer(await mint({ iss: 'https://evil.example' })),
    401,
  ],
  [
    'Entra-issued, Emulator-shaped token of another app',
    async () =>
      bearer(
        await mint({
          iss: `https://sts.windows.net/${TENANT_T}/`,
          tid: TENANT_T,
          appid: FAKE_CLIENT_ID,
          ver: '1.0',
        }),
      ),
    401,
  ],
  [
    'serviceUrl claim differs from the activity',
    async () => bearer(await mint({ serviceurl: 'https://evil.example/connector/' })),
    401,
  ],
  ['no serviceUrl claim', async () => bearer(await mint({ serviceurl: undefined })), 401],
  ['a Teams SSO token for the tab', async () => bearer(await s.entra.mintToken()), 401],
  // botframework-connector matches the scheme case-sensitively; Teams always sends "Bearer".
  [
    'valid token with the scheme in lower case',
    async () => ({ Authorization: `bearer ${await mint()}` }),
    401,
  ],
  ['Basic scheme', () => Promise.resolve({ Authorization: 'Basic Ym90OnNlY3JldA==' }), 401],
  ['garbage', () => Promise.resolve(bearer('not-a-jwt')), 401],
  ['two parts', async () => bearer((await mint()).split('.').slice(0, 2).join('.')), 401],
  ['huge token (64 KB)', () => Promise.resolve(bearer(`${'a'.repeat(65_536)}.b.c`)), 431],
];

const activities = () =>
  [
    [
      'a member’s check-in answer',
      cardAction({
        tenantId: TENANT_T,
        aadObjectId: BEN,
        data: { roundId: s.teamA.roundId, teamId: TEAM_A, tenantId: TENANT_T, ...answerInputs() },
      }),
    ],
    ['an uninstall of team A', uninstall(TENANT_T, TEAM_A, ADA)],
  ] as const;

it(`refuses ${cases.length} kinds of bad Bot Framework token with 401, for an answer and an uninstall alike`, async () => {
  const before = await s.fingerprint();
  const failures: string[] = [];
  for (const [name, headersFor, status] of cases)
    for (const [what, activity] of activities()) {
      const res = await postActivity(s.url, activity, await headersFor());
      if (res.status === status) tally.record('Bot Framework token', 'refused');
      else {
        tally.record('Bot Framework token', 'failed');
        failures.push(`${name} · ${what}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
  expect(failures).toEqual([]);
  expect(await s.fingerprint()).toBe(before);
});

it('serves a valid Bot Framework token (control): the member’s answer is recorded', async () => {
  const [[, answer]] = activities();
  const res = await postActivity(s.url, answer, bearer(await mint()));
  expect(res).toMatchObject({
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' },
  });
  tally.record('Bot Framework token (control)', 'accepted');
  const saved = await s.checkInDeps.checkins.getResponse(s.teamA.scope, s.teamA.roundId, BEN);
  expect(saved?.answer.support).toBe('More time with design');
});

describe('card actions across teams and tenants (valid tokens)', () => {
  const crossCases = () =>
    [
      [
        'a member of A answers B’s round (B’s ids)',
        TENANT_T,
        ADA,
        'checkin.submit',
        { roundId: s.teamB.roundId, teamId: TEAM_B, tenantId: TENANT_T },
      ],
      [
        'a member of A answers B’s round under A’s team id',
        TENANT_T,
        ADA,
        'checkin.submit',
        { roundId: s.teamB.roundId, teamId: TEAM_A, tenantId: TENANT_T },
      ],
      [
        'a member of A opens B’s card to read its questions',
        TENANT_T,
        ADA,
        'checkin.edit',
        { roundId: s.teamB.roundId, teamId: TEAM_B, tenantId: TENANT_T },
      ],
      [
        'a member of B answers A’s round',
        TENANT_T,
        BOB,
        'checkin.submit',
        { roundId: s.teamA.roundId, teamId: TEAM_A, tenantId: TENANT_T },
      ],
      [
        'A’s card, data naming another tenant',
        TENANT_T,
        ADA,
        'checkin.submit',
        { roundId: s.teamA.roundId, teamId: TEAM_A, tenantId: TENANT_U },
      ],
      [
        'A’s round from tenant U (same team id there)',
        TENANT_U,
        MALLORY,
        'checkin.submit',
        { roundId: s.teamA.roundId, teamId: TEAM_A, tenantId: TENANT_U },
      ],
      [
        'A’s round by A’s member id, sent from tenant U',
        TENANT_U,
        ADA,
        'checkin.edit',
        { roundId: s.teamA.roundId, teamId: TEAM_A, tenantId: TENANT_U },
      ],
      [
        'tenant U’s member with A’s tenant in the data',
        TENANT_U,
        MALLORY,
        'checkin.submit',
        { roundId: s.teamA.roundId, teamId: TEAM_A, tenantId: TENANT_T },
      ],
      [
        'a round id that is not a UUID',
        TENANT_T,
        ADA,
        'checkin.submit',
        { roundId: "1' OR '1'='1", teamId: TEAM_A, tenantId: TENANT_T },
      ],
      [
        'a verb we do not have',
        TENANT_T,
        ADA,
        'admin.deleteTeam',
        { roundId: s.teamA.roundId, teamId: TEAM_A, tenantId: TENANT_T },
      ],
    ] as const;

  it('refuses each with an invoke error and changes nothing, never showing the other team’s card', async () => {
    const before = await s.fingerprint();
    const failures: string[] = [];
    for (const [name, tenantId, aadObjectId, verb, ids] of crossCases()) {
      const activity = cardAction({
        tenantId,
        aadObjectId,
        verb,
        data: { ...ids, ...answerInputs('Cross-team') },
      });
      const res = await postActivity(s.url, activity, bearer(await mint()));
      const body = res.body as { statusCode?: number; type?: string };
      const text = JSON.stringify(res.body);
      // botbuilder answers an invoke with the status the bot chose.
      const refused =
        res.status === body.statusCode &&
        body.type === 'application/vnd.microsoft.error' &&
        [400, 403, 404].includes(body.statusCode ?? 0) &&
        !text.includes('Team B') &&
        !text.includes(SECRET_B);
      tally.record('cross-team card action', refused ? 'refused' : 'failed');
      if (!refused) failures.push(`${name}: ${res.status} ${text}`);
    }
    expect(failures).toEqual([]);
    expect(await s.fingerprint()).toBe(before);
  });
});
