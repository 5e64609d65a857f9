// GET /api/me/charters: every team of the caller that has the app in one call, each charter at a glance with what
// changed since the caller last looked, their open check-in and the next review; PUT …/charter/seen says which version
// they looked at (never backwards, a version the team does not have refused with nothing stored); PUT …/answer answers
// the check-in with the card's rules.
import request from 'supertest';

import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import type { MyChartersResponse } from '../../../src/contract/api-types';
import { openRoundInStore } from '../../support/open-round';
import { createTestApp, TEST_TAB_ENDPOINT, type TestApp, testMember } from '../../support/test-app';

const [ADELE, LUKAS, MEGAN, DIEGO, PRIYA] = DEMO_MEMBERS.map((m) => m.aadObjectId) as [
  string,
  string,
  string,
  string,
  string,
];
const ROUND = '6f5e4d3c-2b1a-4098-8765-43210fedcba9';
const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_review%40thread.v2/0';
const TEAM = DEMO_TEAM.teamId;
const NEW_TEAM = { tenantId: DEMO_TEAM.tenantId, teamId: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f' };
const STRANGER = '99999999-9999-4999-8999-999999999999';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Diego is also in a team that has the app and no charter yet; its installer is Adele, who is not in the team.
  await t.addTeam(NEW_TEAM, [testMember(DIEGO, 'Diego Siciliani')], 'Platform Guild');
}, 60_000);

/** The demo team's round open now, sent to Adele and Diego (not Lukas); a review series booked monthly. */
async function openRoundAndBookReview(): Promise<void> {
  const { checkins, reviews } = postgresStores(t.db);
  const scope = { tenantId: DEMO_TEAM.tenantId, teamId: TEAM };
  const current = await t.deps.charters.getCurrent(scope);
  if (!current) throw new Error('The demo team has no charter.');
  await openRoundInStore(checkins, scope, current, {
    id: ROUND,
    asked: [ADELE, DIEGO],
    opensAt: new Date(Date.now() - 3_600_000),
  });
  const cadence = current.content.review?.cadence;
  if (!cadence) throw new Error('The demo charter has no review cadence.');
  await reviews.saveSeries({
    ...scope,
    state: 'booked',
    organizerId: ADELE,
    organizerMailbox: 'AdeleV@contoso.example',
    graphSeriesId: 'AAMkAGI2-series',
    transactionId: 'tx-1',
    joinUrl: JOIN_URL,
    webLink: null,
    cadence,
    subject: 'Contoso Product Team: charter review',
    attendees: [],
    charterVersion: current.version,
    lastError: null,
    lastErrorReason: null,
    syncedAt: new Date(),
  });
}
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
  // Each links to its team's tab; nothing is open or booked yet.
  expect(teams.map((team) => team.tabUrl)).toEqual([
    `${TEST_TAB_ENDPOINT}/tab/?team=${TEAM}`,
    `${TEST_TAB_ENDPOINT}/tab/?team=${NEW_TEAM.teamId}`,
  ]);
  expect(teams.map((team) => [team.openCheckIn, team.nextReview])).toEqual([
    [null, null],
    [null, null],
  ]);
});

it('shows the open check-in to those asked in it, with their answer so far, and the next review with its join link', async () => {
  await openRoundAndBookReview();
  const [product] = (await myCharters(DIEGO)).teams;
  expect(product?.openCheckIn).toMatchObject({ roundId: ROUND, answered: false, inputs: {} });
  expect(product?.openCheckIn?.questions.outcomes).toHaveLength(
    product?.charter?.content.outcomes.length ?? -1,
  );
  expect((await myCharters(LUKAS)).teams[0]?.openCheckIn).toBeNull(); // not asked in this round

  const review = product?.nextReview;
  expect(review).toMatchObject({ subject: 'Contoso Product Team: charter review', joinUrl: JOIN_URL });
  // The demo cadence: the first Thursday of the month at 16:00 Berlin, an hour long, not yet over.
  const start = new Date(review?.start ?? '');
  expect(new Date(review?.end ?? '').getTime() - start.getTime()).toBe(3_600_000);
  expect(start.getUTCDay()).toBe(4);
  expect(start.getUTCDate()).toBeLessThanOrEqual(7);
  expect(new Date(review?.end ?? '').getTime()).toBeGreaterThan(Date.now());
});

it('answers the check-in with the card’s rules: every problem at its input id, nothing stored on bad input', async () => {
  const url = `/api/teams/${TEAM}/checkins/${ROUND}/answer`;
  const outcomes = (await myCharters(DIEGO)).teams[0]?.openCheckIn?.questions.outcomes ?? [];
  const bad = await as(DIEGO)
    .put(url)
    .send({ inputs: { support: 'x'.repeat(1_001) } })
    .expect(400);
  expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(
    expect.arrayContaining([...outcomes.map((o) => `progress_${o.id}`), 'support']),
  );
  expect((await myCharters(DIEGO)).teams[0]?.openCheckIn?.answered).toBe(false);

  for (const body of [{}, { inputs: { support: 3 } }, { inputs: {}, extra: true }, { inputs: 'all good' }])
    await as(DIEGO).put(url).send(body).expect(400);
  await as(DIEGO).put(url).set('Content-Type', 'text/plain').send('4').expect(415);
  await as(DIEGO).put(`/api/teams/${TEAM}/checkins/not-a-round/answer`).send({ inputs: {} }).expect(400);

  const inputs = Object.fromEntries([...outcomes.map((o) => [`progress_${o.id}`, '4']), ['share', 'true']]);
  const saved = await as(DIEGO).put(url).send({ inputs }).expect(200);
  expect(saved.body).toEqual({ roundId: ROUND, answered: true, inputs });
  expect((await myCharters(DIEGO)).teams[0]?.openCheckIn).toMatchObject({ answered: true, inputs });
});

it('refuses to answer for someone who was not asked, another team’s round, or without a caller', async () => {
  const url = `/api/teams/${TEAM}/checkins/${ROUND}/answer`;
  await as(LUKAS).put(url).send({ inputs: {} }).expect(403);
  await as(DIEGO)
    .put(`/api/teams/${NEW_TEAM.teamId}/checkins/${ROUND}/answer`)
    .send({ inputs: {} })
    .expect(404);
  await request(t.app).put(url).send({ inputs: {} }).expect(401);
});

it('names the editors a change added, by name', async () => {
  const before = (await myCharters(MEGAN)).teams[0]?.charter;
  if (!before) throw new Error('The demo team has no charter.');
  await seen(MEGAN, { version: before.version }).expect(204);
  await as(ADELE)
    .put(`/api/teams/${TEAM}/charter`)
    .set('If-Match', `"${before.version}"`)
    .send({
      content: { ...before.content, editorIds: [...before.content.editorIds, DIEGO] },
      why: 'Diego joins',
    })
    .expect(200);
  const changes = (await myCharters(MEGAN)).teams[0]?.changesSinceSeen;
  expect(changes?.changes.editors.added).toEqual([DIEGO]);
  expect(changes?.people).toEqual([{ id: DIEGO, name: 'Diego Siciliani' }]);
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
  // Each person's look is their own: Priya has never looked, so nothing is "new since" for her.
  expect((await myCharters(PRIYA)).teams[0]).toMatchObject({ lastSeenVersion: null, changesSinceSeen: null });
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
