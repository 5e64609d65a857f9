/**
 * Local mode's boot data and context: both demo teams, and the team and member the tab opens with picked from
 * `?team=` and the tab's cookies (only known ones), with what that member would fetch first.
 */
import express from 'express';
import request from 'supertest';

import { localContext, localMyChartersBoot, localTabBoot } from '../../../src/adapters/http/local-context';
import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import {
  DEMO_MEMBERS,
  DEMO_TEAM,
  FRESH_DEMO_MEMBERS,
  FRESH_DEMO_TEAM,
} from '../../../src/app/teams/demo-teams';
import { seedFreshDemoTeam } from '../../../src/app/teams/seed-demo-team';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
let app: express.Express;
beforeAll(async () => {
  t = await createTestApp();
  await seedFreshDemoTeam(t.deps, { serviceUrl: 'http://127.0.0.1:1/' });
  const options = {
    installs: t.deps.installs,
    tenantId: DEMO_TEAM.tenantId,
    teams: [DEMO_TEAM, FRESH_DEMO_TEAM],
  };
  const boot = localTabBoot({ ...options, charters: t.deps });
  const { checkins, reviews } = postgresStores(t.db);
  const charterLinks = { kind: 'local' as const, tabEndpoint: 'http://localhost:3978' };
  const meBoot = localMyChartersBoot({
    ...options,
    myCharters: { ...t.deps, checkins, reviews, charterLinks },
  });
  app = express();
  localContext(options)(app);
  app.get('/boot', async (req, res) => void res.json(await boot(req)));
  app.get('/me-boot', async (req, res) => void res.json(await meBoot(req)));
}, 60_000);
afterAll(() => t.close());

const ADELE = DEMO_MEMBERS[0]?.aadObjectId;
const PRIYA = DEMO_MEMBERS[4]?.aadObjectId;
const ALEX = FRESH_DEMO_MEMBERS[0]?.aadObjectId;
const NESTOR = FRESH_DEMO_MEMBERS[3]?.aadObjectId;

describe('the local sandbox context and boot data', () => {
  it('lists both demo teams with their members, the charter team first', async () => {
    const res = await request(app).get('/api/local/context').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as { teams: { teamId: string; teamName: string; members: { id: string }[] }[] };
    expect(body.teams.map((x) => [x.teamName, x.members.length])).toEqual([
      ['Contoso Product Team', 6],
      ['Contoso Design Team', 6], // Adele and Lukas are in both
    ]);
  });

  it('opens the first team as its first member, with the charter embedded', async () => {
    const res = await request(app).get('/boot').expect(200);
    expect(res.body.initial).toMatchObject({ teamId: DEMO_TEAM.teamId, userId: ADELE, firstCharter: null });
    expect(res.body.initial.charter.content.purpose).toMatch(/small retailers/);
    expect(res.body.theme).toBeNull();
  });

  it('takes the team, member and theme the tab kept in its cookies, and ?team= over the cookie', async () => {
    const cookies = `teamCharter.localTeam=${FRESH_DEMO_TEAM.teamId}; teamCharter.localUser=${NESTOR}; teamCharter.localTheme=dark`;
    const picked = await request(app).get('/boot').set('Cookie', cookies).expect(200);
    expect(picked.body.theme).toBe('dark');
    expect(picked.body.initial).toMatchObject({
      teamId: FRESH_DEMO_TEAM.teamId,
      userId: NESTOR,
      charter: null,
      firstCharter: { canCreate: false, askName: 'Alex Wilber' },
    });
    // Nestor is not in the product team: its first member opens it.
    const asked = await request(app).get(`/boot?team=${DEMO_TEAM.teamId}`).set('Cookie', cookies).expect(200);
    expect(asked.body.initial).toMatchObject({ teamId: DEMO_TEAM.teamId, userId: ADELE });
  });

  it('ignores unknown teams, members and themes in the cookies', async () => {
    const res = await request(app)
      .get('/boot')
      .set('Cookie', 'teamCharter.localTeam=nope; teamCharter.localUser=%E0%A4%A; teamCharter.localTheme=<b>')
      .expect(200);
    expect(res.body.theme).toBeNull();
    expect(res.body.initial).toMatchObject({ teamId: DEMO_TEAM.teamId, userId: ADELE });
  });

  it('opens the fresh team for its installer with the offer to write the first charter', async () => {
    const res = await request(app)
      .get(`/boot?team=${FRESH_DEMO_TEAM.teamId}`)
      .set('Cookie', `teamCharter.localUser=${PRIYA}`)
      .expect(200);
    expect(res.body.initial).toMatchObject({
      userId: ALEX,
      charter: null,
      firstCharter: { canCreate: true, askName: null },
    });
  });
});

describe('the personal page’s boot data', () => {
  it('opens for the first demo member by name, who is in both teams and has changes to look at', async () => {
    const res = await request(app).get('/me-boot').expect(200);
    expect(res.body.userId).toBe(ADELE);
    const teams = res.body.data.teams as {
      teamName: string;
      changesSinceSeen: { fromVersion: number } | null;
    }[];
    expect(teams.map((team) => team.teamName)).toEqual(['Contoso Design Team', 'Contoso Product Team']);
    expect(teams[1]?.changesSinceSeen?.fromVersion).toBe(1); // Lukas wrote version 2 after Adele's
  });

  it('opens for the member picked last time in any team, with the theme; unknown ones are ignored', async () => {
    const nestor = await request(app)
      .get('/me-boot')
      .set('Cookie', `teamCharter.localUser=${NESTOR}; teamCharter.localTheme=contrast`)
      .expect(200);
    expect(nestor.body).toMatchObject({ userId: NESTOR, theme: 'contrast' });
    expect(nestor.body.data.teams.map((team: { teamName: string }) => team.teamName)).toEqual([
      'Contoso Design Team',
    ]);
    const unknown = await request(app)
      .get('/me-boot')
      .set('Cookie', 'teamCharter.localUser=nobody')
      .expect(200);
    expect(unknown.body.userId).toBe(ADELE);
  });
});
