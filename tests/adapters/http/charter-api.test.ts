import request from 'supertest';

import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { charterEtagAt } from '../../support/charter-etag';
import { createTestApp, type TestApp, testMember } from '../../support/test-app';

const [ADELE, LUKAS, , DIEGO] = DEMO_MEMBERS.map((m) => m.aadObjectId) as [string, string, string, string];
const TEAM = DEMO_TEAM.teamId;
const charterUrl = `/api/teams/${TEAM}/charter`;
const STRANGER = '99999999-9999-4999-8999-999999999999';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

const as = (userId: string) => ({
  get: (url: string) => request(t.app).get(url).set('X-Local-User', userId),
  put: (url: string) => request(t.app).put(url).set('X-Local-User', userId),
  /** A save of the charter on top of the version `etag` names. */
  save: (etag: string) => request(t.app).put(charterUrl).set('X-Local-User', userId).set('If-Match', etag),
});

async function current() {
  const res = await as(ADELE).get(charterUrl).expect(200);
  return {
    etag: res.headers.etag as string,
    body: res.body as { version: number; content: Record<string, unknown> },
  };
}

describe('GET /api/teams/:teamId/charter', () => {
  it('answers a member with the charter and its version as a strong ETag', async () => {
    const res = await as(DIEGO).get(charterUrl).expect(200);
    expect(res.headers.etag).toEqual(charterEtagAt(res.body.version as number));
    expect(res.body).toMatchObject({
      teamId: TEAM,
      teamName: 'Contoso Product Team',
      canEdit: false,
      content: { timeZone: 'Europe/Berlin' },
    });
    expect(res.body.content.outcomes).toHaveLength(3);
  });

  it('is never cached, and varies by who is calling, so one browser playing two members never mixes them up', async () => {
    const res = await as(DIEGO).get(charterUrl).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.vary).toMatch(/Authorization, X-Local-User/);
  });

  it('refuses a request without a caller with 401 problem+json', async () => {
    const res = await request(t.app).get(charterUrl).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/X-Local-User/);
  });

  it('refuses someone who is not a member of the team with 403', async () => {
    const res = await as(STRANGER).get(charterUrl).expect(403);
    expect(res.body.detail).toBe('You are not a member of this team.');
  });

  it('answers 404 for a team where the app is not installed, and 400 for a malformed team id', async () => {
    await as(ADELE).get('/api/teams/00000000-0000-4000-8000-000000000000/charter').expect(404);
    const res = await as(ADELE).get('/api/teams/not-a-guid/charter').expect(400);
    expect(res.body.errors).toEqual([{ path: 'teamId', message: expect.stringMatching(/group id/) }]);
  });

  it('answers 404 with a clear detail when the team has no charter yet', async () => {
    const scope = { tenantId: DEMO_TEAM.tenantId, teamId: '11111111-1111-4111-8111-111111111111' };
    await t.addTeam(scope, [testMember(ADELE, 'Adele Vance')]);
    const res = await as(ADELE).get(`/api/teams/${scope.teamId}/charter`).expect(404);
    expect(res.body.detail).toBe('This team has no charter yet.');
  });

  it('says in the 404 who may write the first charter: the installer may, the others are told to ask them', async () => {
    const scope = { tenantId: DEMO_TEAM.tenantId, teamId: '33333333-3333-4333-8333-333333333333' };
    await t.addTeam(scope, [testMember(ADELE, 'Adele Vance'), testMember(DIEGO, 'Diego Siciliani')]);
    const url = `/api/teams/${scope.teamId}/charter`;
    const installer = await as(ADELE).get(url).expect(404);
    expect(installer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(installer.body).toMatchObject({ status: 404, canCreate: true, askName: null });
    const other = await as(DIEGO).get(url).expect(404);
    expect(other.body).toMatchObject({
      detail: 'This team has no charter yet.',
      canCreate: false,
      askName: 'Adele Vance',
    });
    // a team where the app is not installed says nothing about creating one
    const notInstalled = await as(ADELE).get('/api/teams/00000000-0000-4000-8000-000000000000/charter');
    expect(notInstalled.status).toBe(404);
    expect(notInstalled.body).not.toHaveProperty('canCreate');
  });

  it('lets any member write the first charter when the installer is unknown or has left the team', async () => {
    const unknown = { tenantId: DEMO_TEAM.tenantId, teamId: '44444444-4444-4444-8444-444444444444' };
    await t.addTeam(unknown, [testMember(DIEGO, 'Diego Siciliani')]);
    const installation = await t.deps.installs.getInstallation(unknown);
    if (!installation) throw new Error('the team was just installed');
    await t.deps.installs.saveInstallation({ ...installation, installedBy: null });
    expect((await as(DIEGO).get(`/api/teams/${unknown.teamId}/charter`).expect(404)).body).toMatchObject({
      canCreate: true,
      askName: null,
    });

    const left = { tenantId: DEMO_TEAM.tenantId, teamId: '55555555-5555-4555-8555-555555555555' };
    await t.addTeam(left, [testMember(ADELE, 'Adele Vance'), testMember(DIEGO, 'Diego Siciliani')]);
    const url = `/api/teams/${left.teamId}/charter`;
    expect((await as(DIEGO).get(url).expect(404)).body.canCreate).toBe(false);
    await t.deps.installs.markMemberLeft(left, ADELE, new Date());
    expect((await as(DIEGO).get(url).expect(404)).body).toMatchObject({ canCreate: true, askName: null });
    const { content } = (await current()).body;
    const draft = { ...content, editorIds: [DIEGO], review: null };
    await as(DIEGO).put(url).set('If-None-Match', '*').send({ content: draft }).expect(200);
  });
});

describe('PUT /api/teams/:teamId/charter', () => {
  it('needs If-Match (428) and changes nothing without it', async () => {
    const before = await current();
    const res = await as(ADELE).put(charterUrl).send({ content: before.body.content }).expect(428);
    expect(res.body.detail).toMatch(/If-Match/);
    expect((await current()).etag).toBe(before.etag);
  });

  it('saves an editor’s change as the next version with their reason', async () => {
    const before = await current();
    const content = { ...before.body.content, purpose: 'We help small retailers sell online, simply.' };
    const res = await as(LUKAS)
      .save(before.etag)
      .send({ content, why: 'Shorter, so people remember it.' })
      .expect(200);
    expect(res.headers.etag).toEqual(charterEtagAt((before.body.version as number) + 1));
    expect(res.body.content.purpose).toBe('We help small retailers sell online, simply.');
    const versions = await as(DIEGO).get(`${charterUrl}/versions`).expect(200);
    expect(versions.body.versions[0]).toMatchObject({
      version: before.body.version + 1,
      author: { id: LUKAS, name: 'Lukas Becker' },
      why: 'Shorter, so people remember it.',
      summary: 'Purpose reworded',
    });
  });

  it('answers a stale ETag with 412 and the current version, and keeps the newer version', async () => {
    const before = await current();
    const stale = `"${before.body.version - 1}"`;
    const res = await as(ADELE)
      .save(stale)
      .send({ content: { ...before.body.content, purpose: 'An old draft overwriting newer work' } })
      .expect(412);
    expect(res.body.currentVersion).toBe(before.body.version);
    const after = await current();
    expect(after.body).toEqual(before.body);
  });

  it('lets exactly one of two concurrent saves from the same version win', async () => {
    const before = await current();
    const save = (purpose: string) =>
      as(ADELE)
        .save(before.etag)
        .send({ content: { ...before.body.content, purpose } });
    const results = await Promise.all([save('Version from tab one'), save('Version from tab two')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const after = await current();
    expect(after.body.version).toBe(before.body.version + 1);
    const winner = results.find((r) => r.status === 200);
    expect(after.body.content.purpose).toBe(winner?.body.content.purpose);
  });

  it('answers three bad fields with 400 naming all three, and changes nothing', async () => {
    const before = await current();
    const res = await as(ADELE)
      .save(before.etag)
      .send({
        content: { ...before.body.content, purpose: '', nonNegotiables: [], timeZone: 'Atlantis/Capital' },
      })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'purpose',
      'nonNegotiables',
      'timeZone',
    ]);
    expect(res.body.detail).toBe('3 fields need attention.');
    expect((await current()).body).toEqual(before.body);
  });

  it('rejects unknown fields by name', async () => {
    const before = await current();
    const res = await as(ADELE)
      .save(before.etag)
      .send({ content: { ...before.body.content, mood: 'great' }, why: null })
      .expect(400);
    expect(res.body.errors).toEqual([{ path: 'content', message: 'Unknown field: mood. Remove it.' }]);
  });

  it('refuses a member who is not an editor with 403 and changes nothing', async () => {
    const before = await current();
    await as(DIEGO)
      .save(before.etag)
      .send({ content: { ...before.body.content, purpose: 'Diego was here' } })
      .expect(403);
    expect((await current()).body).toEqual(before.body);
  });

  it('creates no new version when nothing changed', async () => {
    const before = await current();
    const res = await as(ADELE).save(before.etag).send({ content: before.body.content });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(before.etag);
  });

  it('gives new clauses ids and trims what people typed', async () => {
    const before = await current();
    const outcomes = before.body.content.outcomes as { id: string }[];
    const res = await as(ADELE)
      .save(before.etag)
      .send({
        content: { ...before.body.content, outcomes: [...outcomes, { title: '  Fewer   pager alerts  ' }] },
      })
      .expect(200);
    const added = res.body.content.outcomes.at(-1);
    expect(added).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Fewer pager alerts',
      measure: null,
    });
  });

  it('refuses bodies that are not JSON, malformed, or too large', async () => {
    const before = await current();
    await as(ADELE).save(before.etag).set('Content-Type', 'text/plain').send('hi').expect(415);
    const bad = await as(ADELE)
      .save(before.etag)
      .set('Content-Type', 'application/json')
      .send('{"content": ')
      .expect(400);
    expect(bad.body.detail).toBe('The body is not valid JSON.');
    await as(ADELE)
      .save(before.etag)
      .send({ content: { ...before.body.content, purpose: 'x'.repeat(70_000) } })
      .expect(413);
    expect((await current()).body).toEqual(before.body);
  });

  it('lets the installer create a team’s first charter with If-None-Match: *, and nobody else', async () => {
    const scope = { tenantId: DEMO_TEAM.tenantId, teamId: '22222222-2222-4222-8222-222222222222' };
    await t.addTeam(scope, [testMember(ADELE, 'Adele Vance'), testMember(DIEGO, 'Diego Siciliani')]);
    const url = `/api/teams/${scope.teamId}/charter`;
    const { content } = (await current()).body;
    const draft = { ...content, editorIds: [ADELE], review: null };
    const refused = await as(DIEGO).put(url).set('If-None-Match', '*').send({ content: draft }).expect(403);
    expect(refused.body.detail).toMatch(/ask Adele Vance/);
    const res = await as(ADELE).put(url).set('If-None-Match', '*').send({ content: draft }).expect(200);
    expect(res.headers.etag).toEqual(charterEtagAt(1));
    await as(ADELE).put(url).set('If-None-Match', '*').send({ content: draft }).expect(412);
  });
});

describe('PUT /api/teams/:teamId/charter: who stays an editor', () => {
  /** A team of its own with a first charter Adele wrote, so these saves do not move the demo team's versions. */
  async function teamWithCharter(teamId: string, editorIds: string[]) {
    const scope = { tenantId: DEMO_TEAM.tenantId, teamId };
    await t.addTeam(scope, [
      testMember(ADELE, 'Adele Vance'),
      testMember(LUKAS, 'Lukas Becker'),
      testMember(DIEGO, 'Diego Siciliani'),
    ]);
    const url = `/api/teams/${teamId}/charter`;
    const { content } = (await current()).body;
    await as(ADELE)
      .put(url)
      .set('If-None-Match', '*')
      .send({ content: { ...content, editorIds, review: null } })
      .expect(200);
    const saved = await as(ADELE).get(url).expect(200);
    return { scope, url, etag: saved.headers.etag as string, body: saved.body as { content: object } };
  }

  it('refuses an editor’s save that drops themselves from the editors with 400 at editorIds, writing nothing', async () => {
    const { url, etag, body } = await teamWithCharter('66666666-6666-4666-8666-666666666666', [ADELE, LUKAS]);
    const res = await as(LUKAS)
      .put(url)
      .set('If-Match', etag)
      .send({ content: { ...body.content, editorIds: [ADELE] } })
      .expect(400);
    expect(res.body.errors).toEqual([
      {
        path: 'editorIds',
        message:
          'You are removing yourself as an editor: after this save you could no longer change the charter. Confirm to save anyway.',
      },
    ]);
    const after = await as(LUKAS).get(url).expect(200);
    expect(after.headers.etag).toBe(etag);
    expect(after.body.content.editorIds).toEqual([ADELE, LUKAS]);
    expect((await as(LUKAS).get(`${url}/versions`).expect(200)).body.versions).toHaveLength(1);
  });

  it('saves an editor’s self-removal when the body confirms it with removeSelfAsEditor', async () => {
    const { url, etag, body } = await teamWithCharter('77777777-7777-4777-8777-777777777777', [ADELE, LUKAS]);
    const res = await as(LUKAS)
      .put(url)
      .set('If-Match', etag)
      .send({ content: { ...body.content, editorIds: [ADELE] }, removeSelfAsEditor: true })
      .expect(200);
    expect(res.headers.etag).toEqual(charterEtagAt(2));
    expect(res.body).toMatchObject({ canEdit: false, content: { editorIds: [ADELE] } });
    // Removing someone else needs no confirmation.
    const next = await as(ADELE)
      .put(url)
      .set('If-Match', res.headers.etag as string)
      .send({ content: { ...res.body.content, editorIds: [ADELE, DIEGO] } })
      .expect(200);
    const final = await as(ADELE)
      .put(url)
      .set('If-Match', next.headers.etag as string)
      .send({ content: { ...next.body.content, editorIds: [ADELE] } })
      .expect(200);
    expect(final.headers.etag).toEqual(charterEtagAt(4));
  });

  it('refuses a charter whose only editor has left the team, even with the confirmation', async () => {
    const { scope, url, etag, body } = await teamWithCharter('88888888-8888-4888-8888-888888888888', [
      ADELE,
      DIEGO,
    ]);
    await t.deps.installs.markMemberLeft(scope, DIEGO, new Date());
    const res = await as(ADELE)
      .put(url)
      .set('If-Match', etag)
      .send({ content: { ...body.content, editorIds: [DIEGO] }, removeSelfAsEditor: true })
      .expect(400);
    expect(res.body.errors).toEqual([
      { path: 'editorIds.0', message: 'Editors must be members of the team.' },
    ]);
    expect((await as(ADELE).get(url).expect(200)).headers.etag).toBe(etag);
  });

  it('refuses a removeSelfAsEditor that is not a boolean', async () => {
    const { url, etag, body } = await teamWithCharter('99999999-aaaa-4999-8999-999999999999', [ADELE]);
    const res = await as(ADELE)
      .put(url)
      .set('If-Match', etag)
      .send({ content: body.content, removeSelfAsEditor: 'yes' })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['removeSelfAsEditor']);
  });
});

describe('history, diff and export', () => {
  it('shows any version as it was and diffs two versions per part', async () => {
    const v1 = await as(DIEGO).get(`${charterUrl}/versions/1`).expect(200);
    expect(v1.body).toMatchObject({
      version: 1,
      author: { name: 'Adele Vance' },
      summary: 'Charter created',
    });
    const diff = await as(DIEGO).get(`${charterUrl}/diff?from=1&to=2`).expect(200);
    expect(diff.body.summary).toBe('1 boundary added; 1 editor added');
    expect(diff.body.changes.boundaries.added).toHaveLength(1);
    await as(DIEGO).get(`${charterUrl}/versions/999`).expect(404);
    const bad = await as(DIEGO).get(`${charterUrl}/diff?from=one&to=2`).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'from', message: '“from” must be a version number, like 3.' }]);
  });

  it('exports Markdown and JSON as downloads', async () => {
    const md = await as(DIEGO).get(`${charterUrl}/export?format=md`).expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers['content-disposition']).toMatch(
      /^attachment; filename="?charter-contoso-product-team-v\d+\.md"?$/,
    );
    expect(md.text).toContain('## Non-negotiables');
    const json = await as(DIEGO).get(`${charterUrl}/export?format=json`).expect(200);
    const parsed = JSON.parse(json.text) as { versions: { version: number }[]; current: { version: number } };
    expect(parsed.versions.map((v) => v.version)[0]).toBe(parsed.current.version);
    await as(DIEGO).get(`${charterUrl}/export?format=pdf`).expect(400);
  });
});

describe('me, members and health', () => {
  it('tells the caller who they are, their teams and their zone', async () => {
    const res = await as(DIEGO).get('/api/me').expect(200);
    expect(res.body).toEqual({
      userId: DIEGO,
      tenantId: DEMO_TEAM.tenantId,
      name: 'Diego Siciliani',
      timeZone: 'America/New_York',
      teams: expect.arrayContaining([{ teamId: TEAM, teamName: 'Contoso Product Team' }]),
    });
  });

  it('lists the team’s members with their zones and sign-in addresses (for a chat with the editors)', async () => {
    const res = await as(DIEGO).get(`/api/teams/${TEAM}/members`).expect(200);
    expect(res.body.members).toHaveLength(6);
    expect(res.body.members.map((m: { email: string | null }) => m.email)).toEqual(
      expect.arrayContaining(DEMO_MEMBERS.map((m) => m.email)),
    );
    expect(new Set(res.body.members.map((m: { timeZone: string }) => m.timeZone))).toEqual(
      new Set(['Europe/Berlin', 'America/New_York', 'Asia/Kolkata']),
    );
  });

  it('answers health and readiness, and 404 problem+json for an unknown API route', async () => {
    await request(t.app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body.status).toBe('ready');
    const res = await as(ADELE).get('/api/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('follow-up work', () => {
  it('queues check-in scheduling and review sync once per saved version', async () => {
    const before = await current();
    const res = await as(ADELE)
      .save(before.etag)
      .send({ content: { ...before.body.content, purpose: 'A purpose that sets work off.' } })
      .expect(200);
    const version = res.body.version as number;
    const rows = await t.db.query(
      `SELECT kind, key, payload FROM jobs WHERE tenant_id = $1 AND team_id = $2 AND key = $3 ORDER BY kind`,
      [DEMO_TEAM.tenantId, TEAM, `v${version}`],
    );
    expect(rows.rows).toEqual([
      { kind: 'checkins.schedule', key: `v${version}`, payload: { version } },
      { kind: 'reviews.sync', key: `v${version}`, payload: { version } },
    ]);
  });
});
