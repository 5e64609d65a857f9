import request from 'supertest';

import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { charterEtagAt } from '../../support/charter-etag';
import { createTestApp, type TestApp, testMember } from '../../support/test-app';

const [ADELE, LUKAS, , DIEGO] = DEMO_MEMBERS.map((m) => m.aadObjectId) as [string, string, string, string];
const TENANT = DEMO_TEAM.tenantId;
const TEAM = DEMO_TEAM.teamId;
const charterUrl = `/api/teams/${TEAM}/charter`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

const get = (userId: string, url: string, etag?: string) => {
  const req = request(t.app).get(url).set('X-Local-User', userId);
  return etag === undefined ? req : req.set('If-None-Match', etag);
};

/** A team of its own (the tests below change names, charters and rosters), with a first charter by Adele. */
async function teamWithCharter(teamId: string, editorIds: string[]) {
  const scope = { tenantId: TENANT, teamId };
  await t.addTeam(scope, [
    testMember(ADELE, 'Adele Vance'),
    testMember(LUKAS, 'Lukas Becker'),
    testMember(DIEGO, 'Diego Siciliani'),
  ]);
  const { content } = (await get(ADELE, charterUrl).expect(200)).body as { content: object };
  const url = `/api/teams/${teamId}/charter`;
  await request(t.app)
    .put(url)
    .set('X-Local-User', ADELE)
    .set('If-None-Match', '*')
    .send({ content: { ...content, editorIds, review: null } })
    .expect(200);
  return { scope, url, content };
}

describe('conditional GET of the charter', () => {
  it('answers a repeated GET with the ETag it sent with 304, no body, and the same ETag', async () => {
    const first = await get(DIEGO, charterUrl).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toEqual(charterEtagAt(first.body.version as number));

    const again = await get(DIEGO, charterUrl, etag).expect(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe('');
    expect(again.headers['content-length'] ?? '0').toBe('0');
  });

  it('gives an editor and a reader of the same version different ETags, and never a 304 for the other’s', async () => {
    const editor = await get(ADELE, charterUrl).expect(200);
    const reader = await get(DIEGO, charterUrl).expect(200);
    expect(editor.body.version).toBe(reader.body.version);
    expect(editor.headers.etag).not.toBe(reader.headers.etag);

    const crossed = await get(DIEGO, charterUrl, editor.headers.etag as string).expect(200);
    expect(crossed.body.canEdit).toBe(false);
    expect((await get(ADELE, charterUrl, reader.headers.etag as string).expect(200)).body.canEdit).toBe(true);
  });

  it('answers the ETag of an older version with 200 and the new version once an editor saved', async () => {
    const { url, content } = await teamWithCharter('c0000001-0000-4000-8000-000000000001', [ADELE]);
    const before = await get(LUKAS, url).expect(200);
    await request(t.app)
      .put(url)
      .set('X-Local-User', ADELE)
      .set('If-Match', before.headers.etag as string)
      .send({ content: { ...content, editorIds: [ADELE], review: null, purpose: 'A newer purpose.' } })
      .expect(200);

    const after = await get(LUKAS, url, before.headers.etag as string).expect(200);
    expect(after.body).toMatchObject({ version: 2, content: { purpose: 'A newer purpose.' } });
    expect(after.headers.etag).toEqual(charterEtagAt(2));
  });

  it('answers 200 with the new name when the team was renamed, though the version did not move', async () => {
    const { scope, url } = await teamWithCharter('c0000002-0000-4000-8000-000000000002', [ADELE]);
    const before = await get(DIEGO, url).expect(200);
    const installation = await t.deps.installs.getInstallation(scope);
    if (!installation) throw new Error('the team was not installed');
    await t.deps.installs.saveInstallation({ ...installation, teamName: 'Renamed Team' });

    const after = await get(DIEGO, url, before.headers.etag as string).expect(200);
    expect(after.body).toMatchObject({ version: before.body.version as number, teamName: 'Renamed Team' });
  });

  it('refuses a member who has left with 403, even with the ETag they were sent while a member', async () => {
    const { scope, url } = await teamWithCharter('c0000003-0000-4000-8000-000000000003', [ADELE]);
    const before = await get(DIEGO, url).expect(200);
    await t.deps.installs.markMemberLeft(scope, DIEGO, new Date());

    const res = await get(DIEGO, url, before.headers.etag as string).expect(403);
    expect(res.body.detail).toBe('You are not a member of this team.');
  });

  it('accepts the full ETag and the bare version in If-Match, and refuses anything else as malformed', async () => {
    const { url, content } = await teamWithCharter('c0000004-0000-4000-8000-000000000004', [ADELE]);
    const put = (ifMatch: string, purpose: string) =>
      request(t.app)
        .put(url)
        .set('X-Local-User', ADELE)
        .set('If-Match', ifMatch)
        .send({ content: { ...content, editorIds: [ADELE], review: null, purpose } });

    const full = await get(ADELE, url).expect(200);
    const second = await put(full.headers.etag as string, 'Saved with the full ETag.').expect(200);
    expect(second.headers.etag).toEqual(charterEtagAt(2));
    // The PUT's ETag is the one the editor's next GET answers 304 to.
    await get(ADELE, url, second.headers.etag as string).expect(304);

    const third = await put('"2"', 'Saved with the bare version.').expect(200);
    expect(third.body.version).toBe(3);
    await put('"3-not a digest"', 'Never saved.').expect(400);
    expect((await get(ADELE, url).expect(200)).body.content.purpose).toBe('Saved with the bare version.');
  });
});

describe('conditional GET of the other repeated reads', () => {
  it.each([
    ['the history', `${charterUrl}/versions`],
    ['one version', `${charterUrl}/versions/1`],
    ['a diff', `${charterUrl}/diff?from=1&to=2`],
    ['the check-in rounds', `/api/teams/${TEAM}/checkins?rounds=4`],
    ['the members', `/api/teams/${TEAM}/members`],
    ['the caller', '/api/me'],
    ['the personal page', '/api/me/charters'],
  ])('answers a repeated GET of %s with 304 and no body', async (_what, url) => {
    const first = await get(LUKAS, url).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await get(LUKAS, url, etag).expect(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe('');
    // An If-None-Match that names other bytes gets them.
    expect((await get(LUKAS, url, '"b-something-else"').expect(200)).body).toEqual(first.body);
  });

  it('answers the history with 200 and the new version once it has one more', async () => {
    const { url, content } = await teamWithCharter('c0000005-0000-4000-8000-000000000005', [ADELE]);
    const before = await get(DIEGO, `${url}/versions`).expect(200);
    expect(before.body.versions).toHaveLength(1);
    await request(t.app)
      .put(url)
      .set('X-Local-User', ADELE)
      .set('If-Match', '"1"')
      .send({ content: { ...content, editorIds: [ADELE], review: null, purpose: 'Second.' } })
      .expect(200);

    const after = await get(DIEGO, `${url}/versions`, before.headers.etag as string).expect(200);
    expect(after.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('gives the personal page a different ETag per caller', async () => {
    const adele = await get(ADELE, '/api/me/charters').expect(200);
    const diego = await get(DIEGO, '/api/me/charters').expect(200);
    expect(adele.headers.etag).not.toBe(diego.headers.etag);
    await get(DIEGO, '/api/me/charters', adele.headers.etag as string).expect(200);
  });
});
