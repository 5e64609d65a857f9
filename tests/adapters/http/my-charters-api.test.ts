// GET /api/me/charters: every team of the caller that has the app in one call, each charter at a glance with what
// changed since the caller last looked; PUT …/charter/seen says which version they looked at (never backwards, a
// version the team does not have refused with nothing stored).
import request from 'supertest';

import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import type { MyChartersResponse } from '../../../src/contract/api-types';
import { createTestApp, type TestApp, testMember } from '../../support/test-app';

const [ADELE, , , DIEGO] = DEMO_MEMBERS.map((m) => m.aadObjectId) as [string, string, string, string];
const TEAM = DEMO_TEAM.teamId;
const NEW_TEAM = { tenantId: DEMO_TEAM.tenantId, teamId: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f' };
const STRANGER = '99999999-9999-4999-8999-999999999999';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Diego is also in a team that has the app and no charter yet; its installer is Adele, who is not in the team.
  await t.addTeam(NEW_TEAM, [testMember(DIEGO, 'Diego Siciliani')], 'Platform Guild');
}, 60_000);
afterAll(() => t.close());

const as = (userId: string) => ({
  get: (url: string) => request(t.app).get(url).set('X-Local-User', userId),
  put: (url: string) => request(t.app).put(url).set('X-Local-User', userId),
});
const myCharters = async (userId: string) =>
  (await as(userId).get('/api/me/charters').expect(200)).body as MyChartersResponse;
const seen = (userId: string, body: unknown, teamId: string = TEAM) =>
  as(userId)
    .put(`/api/teams/${teamId}/charter/seen`)
    .send(body as object);

it('lists each of the caller’s teams once, by name, with the charter or who may write the first one', async () => {
  const { teams } = await myCharters(DIEGO);
  expect(teams.map((team) => team.teamName)).toEqual(['Contoso Product Team', 'Platform Guild']);
  const [product, guild] = teams;
  expect(product).toMatchObject({
    teamId: TEAM,
    lastSeenVersion: null,
    changesSinceSeen: null,
    firstCharter: null,
  });
  expect(product?.charter).toMatchObject({
    teamId: TEAM,
    canEdit: false,
    content: { timeZone: 'Europe/Berlin' },
  });
  expect(guild).toMatchObject({ charter: null, lastSeenVersion: null, changesSinceSeen: null });
  expect(guild?.firstCharter).toEqual({ canCreate: true, askName: null }); // the installer is not in the team
});

it('measures what changed from the version the caller last looked at', async () => {
  const before = (await myCharters(DIEGO)).teams[0]?.charter;
  if (!before) throw new Error('The demo team has no charter.');
  await seen(DIEGO, { version: before.version }).expect(204);
  expect((await myCharters(DIEGO)).teams[0]).toMatchObject({
    lastSeenVersion: before.version,
    changesSinceSeen: null,
  });

  // An editor changes the purpose.
  const purpose = 'We make selling online boring, in the best sense.';
  await as(ADELE)
    .put(`/api/teams/${TEAM}/charter`)
    .set('If-Match', `"${before.version}"`)
    .send({ content: { ...before.content, purpose }, why: 'Sharper' })
    .expect(200);

  const [product] = (await myCharters(DIEGO)).teams;
  expect(product?.charter?.version).toBe(before.version + 1);
  expect(product?.changesSinceSeen?.fromVersion).toBe(before.version);
  expect(product?.changesSinceSeen?.versions.map((v) => [v.version, v.author.name, v.why])).toEqual([
    [before.version + 1, 'Adele Vance', 'Sharper'],
  ]);
  expect(product?.changesSinceSeen?.changes.purpose).toMatchObject({
    before: before.content.purpose,
    after: purpose,
  });
  // Adele's own look is hers: she has never looked, so nothing is "new since" for her.
  expect((await myCharters(ADELE)).teams[0]).toMatchObject({ lastSeenVersion: null, changesSinceSeen: null });
});

it('never goes back to an older version, and refuses a version the team does not have (400) with nothing stored', async () => {
  const current = (await myCharters(DIEGO)).teams[0]?.charter?.version ?? 0;
  await seen(DIEGO, { version: current }).expect(204);
  await seen(DIEGO, { version: 1 }).expect(204); // an older tab, late
  expect((await myCharters(DIEGO)).teams[0]?.lastSeenVersion).toBe(current);

  for (const body of [
    { version: current + 1 },
    { version: 0 },
    { version: 'latest' },
    { version: 2.5 },
    {},
  ]) {
    const res = await seen(DIEGO, body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/version/);
  }
  expect((await myCharters(DIEGO)).teams[0]?.lastSeenVersion).toBe(current);
});

it('is for members only, in their own tenant, and for a team with a charter', async () => {
  expect((await myCharters(STRANGER)).teams).toEqual([]);
  await seen(STRANGER, { version: 1 }).expect(403);
  await seen(DIEGO, { version: 1 }, NEW_TEAM.teamId).expect(404);
  await seen(DIEGO, { version: 1 }, '11111111-2222-4333-8444-555555555555').expect(404);
  await request(t.app).get('/api/me/charters').expect(401);
});
