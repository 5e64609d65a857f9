/**
 * Outside local mode: the tab API accepts only valid Teams SSO tokens of the team's tenant and members, and every
 * refused request changes nothing.
 */
import request from 'supertest';

import { createEntraTokenVerifier } from '../../../src/adapters/auth/entra-token-verifier';
import { bearerAuthenticate } from '../../../src/adapters/http/authenticate';
import { validCharter } from '../../support/charter-fixtures';
import {
  FAKE_CLIENT_ID,
  FAKE_TENANT_ID,
  FAKE_USER,
  type FakeEntra,
  OTHER_TENANT_ID,
  startFakeEntra,
} from '../../support/fake-entra';
import { createTestApp, type TestApp, testMember } from '../../support/test-app';

const TEAM = '33333333-3333-4333-8333-333333333333';
const OUTSIDER = 'bbbbbbbb-0000-4000-8000-000000000001';
const url = `/api/teams/${TEAM}/charter`;

let entra: FakeEntra;
let t: TestApp;

beforeAll(async () => {
  entra = await startFakeEntra();
  t = await createTestApp(
    bearerAuthenticate(
      createEntraTokenVerifier({ authorityHost: entra.authorityHost, clientId: FAKE_CLIENT_ID }),
    ),
  );
  // The same team id exists in two tenants; each tenant's members see only their own.
  await t.addTeam(
    { tenantId: FAKE_TENANT_ID, teamId: TEAM },
    [testMember(FAKE_USER.oid, FAKE_USER.name)],
    'Ours',
  );
  await t.addTeam(
    { tenantId: OTHER_TENANT_ID, teamId: TEAM },
    [testMember(FAKE_USER.oid, 'Namesake')],
    'Theirs',
  );
  const content = { ...validCharter({ editorIds: [FAKE_USER.oid], review: null }), purpose: 'Our purpose' };
  await t.deps.charters.saveVersion(
    { tenantId: FAKE_TENANT_ID, teamId: TEAM },
    {
      expectedVersion: 0,
      content,
      author: { id: FAKE_USER.oid, name: FAKE_USER.name },
      why: null,
      summary: 'Charter created',
      at: new Date(),
    },
  );
}, 60_000);
afterAll(async () => {
  await t.close();
  await entra.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function purposeInOurTenant(): Promise<string | undefined> {
  return (await t.deps.charters.getCurrent({ tenantId: FAKE_TENANT_ID, teamId: TEAM }))?.content.purpose;
}

it('serves a member of the team with a valid Teams SSO token', async () => {
  const res = await request(t.app)
    .get(url)
    .set(bearer(await entra.mintToken()))
    .expect(200);
  expect(res.body).toMatchObject({ teamName: 'Ours', canEdit: true, content: { purpose: 'Our purpose' } });
});

it('ignores X-Local-User outside local mode', async () => {
  await request(t.app).get(url).set('X-Local-User', FAKE_USER.oid).expect(401);
});

const refusals: [string, () => Promise<string>, number][] = [
  ['a forged signature', () => entra.mintToken({}, { key: 'untrusted' }), 401],
  ['alg none', () => entra.mintToken({}, { alg: 'none' }), 401],
  ['an expired token', () => entra.mintToken({}, { expiresInSeconds: -600 }), 401],
  [
    'a token for another audience',
    () => entra.mintToken({ aud: '00000003-0000-0000-c000-000000000000' }),
    401,
  ],
  ['a token from another issuer', () => entra.mintToken({ iss: 'https://evil.example/v2.0' }), 401],
  [
    'a member of the same team id in another tenant',
    () => entra.mintToken({ tid: OTHER_TENANT_ID, iss: entra.issuerFor(OTHER_TENANT_ID), oid: OUTSIDER }),
    403,
  ],
  ['a user of our tenant who is not a member', () => entra.mintToken({ oid: OUTSIDER }), 403],
];

describe.each(refusals)('refuses %s', (_name, mint, status) => {
  it(`with ${status} on GET and PUT, and changes nothing`, async () => {
    const token = await mint();
    const get = await request(t.app).get(url).set(bearer(token)).expect(status);
    expect(get.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(get.body)).not.toContain('Our purpose');
    await request(t.app)
      .put(url)
      .set(bearer(token))
      .set('If-Match', '"1"')
      .send({
        content: { ...validCharter({ editorIds: [FAKE_USER.oid], review: null }), purpose: 'Hijacked' },
      })
      .expect(status);
    expect(await purposeInOurTenant()).toBe('Our purpose');
  });
});

it('keeps tenants apart: the other tenant’s member of a same-id team sees their own team, never ours', async () => {
  const token = await entra.mintToken({ tid: OTHER_TENANT_ID, iss: entra.issuerFor(OTHER_TENANT_ID) });
  const res = await request(t.app).get(url).set(bearer(token)).expect(404);
  expect(res.body.detail).toBe('This team has no charter yet.');
  const me = await request(t.app).get('/api/me').set(bearer(token)).expect(200);
  expect(me.body).toMatchObject({ tenantId: OTHER_TENANT_ID, teams: [{ teamId: TEAM, teamName: 'Theirs' }] });
});
