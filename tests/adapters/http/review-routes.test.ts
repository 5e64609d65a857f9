/**
 * The review API over HTTP: the real express app with the review router, real stores on PGlite, and the real Graph
 * adapter (msal-node + graph-client) against the Graph sandbox. The caller is local mode's X-Local-User.
 */
import { randomUUID } from 'node:crypto';

import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';

import { localAuthenticate } from '../../../src/adapters/http/authenticate';
import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import { reviewRoutes } from '../../../src/adapters/http/routes/review-routes';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { runDueJobs } from '../../../src/app/jobs/run-due-jobs';
import { reviewJobHandlers } from '../../../src/app/reviews/review-job-handlers';
import { syncReviewSeries } from '../../../src/app/reviews/sync-review-series';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { demoWorkingHours } from '../../../src/sandbox/graph/sandbox-store';
import { charterEtagAt } from '../../support/charter-etag';
import { installTeam } from '../../support/install-team';
import { useReviewHarness } from '../../support/review-harness';
import { testMember } from '../../support/test-app';

const [ADELE, LUKAS, , DIEGO] = DEMO_MEMBERS.map((m) => m.aadObjectId) as [string, string, string, string];
const TEAM = DEMO_TEAM.teamId;
const scope = { tenantId: DEMO_TEAM.tenantId, teamId: TEAM };
const reviewsUrl = `/api/teams/${TEAM}/reviews`;
const STRANGER = '99999999-9999-4999-8999-999999999999';

const h = useReviewHarness();
let app: Express;

beforeAll(async () => {
  app = createHttpApp({
    logger: pino({ level: 'silent' }),
    authenticate: localAuthenticate(DEMO_TEAM.tenantId),
    charters: h.charterDeps,
    installs: h.charterDeps.installs,
    readiness: () => Promise.resolve({ ready: true, checks: {} }),
    apiRouters: [reviewRoutes(h.deps, h.charterDeps)],
  });
  await syncReviewSeries(h.deps, scope);
}, 60_000);

const as = (userId: string) => ({
  get: (url: string) => request(app).get(url).set('X-Local-User', userId),
  post: (url: string) => request(app).post(url).set('X-Local-User', userId),
  put: (url: string) => request(app).put(url).set('X-Local-User', userId),
});

interface ReviewsBody {
  series: { organizer: { id: string; name: string; mailbox: string }; joinUrl: string; timeZone: string };
  sync: { status: string; charterVersion: number; error: { reason: string; message: string } | null };
  nextOccurrences: { start: string; end: string; localDate: string; joinUrl: string }[];
  agendaPreview: string;
  openProposals: { id: string; summary: string }[];
  meetingApp: { status: string; message: string | null } | null;
}

async function charter(): Promise<{
  version: number;
  content: Record<string, unknown> & { outcomes: { id: string; title: string }[] };
}> {
  return (await as(ADELE).get(`/api/teams/${TEAM}/charter`).expect(200)).body;
}

async function runReviewJobs(): Promise<number> {
  return runDueJobs(
    {
      queue: h.deps.jobs,
      clock: h.deps.clock,
      log: h.deps.log,
      handlers: reviewJobHandlers(h.deps),
      workerId: 'test',
      leaseMs: 60_000,
    },
    20,
  );
}

describe('GET /api/teams/:teamId/reviews', () => {
  it('shows a member the booked series, its next three occurrences with the join link, sync state and agenda', async () => {
    const res = await as(DIEGO).get(reviewsUrl).expect(200);
    const body = res.body as ReviewsBody;
    const [master] = h.graph.running.sandbox.store.liveEvents();
    expect(body.series).toMatchObject({
      organizer: { id: ADELE, name: 'Adele Vance', mailbox: 'AdeleV@contoso.example' },
      joinUrl: master?.onlineMeeting?.joinUrl,
      timeZone: 'Europe/Berlin',
    });
    expect(body.series.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(body.sync).toEqual({ status: 'in_step', charterVersion: (await charter()).version, error: null });
    expect(body.nextOccurrences).toHaveLength(3);
    for (const o of body.nextOccurrences) {
      expect(o.joinUrl).toBe(body.series.joinUrl);
      expect(new Date(o.start).getTime()).toBeGreaterThan(Date.now());
      // first Thursday of the month, 16:00 in Berlin, an hour long
      expect(new Date(o.end).getTime() - new Date(o.start).getTime()).toBe(3_600_000);
      expect(new Date(`${o.localDate}T12:00:00Z`).getUTCDay()).toBe(4);
      expect(Number(o.localDate.slice(8))).toBeLessThanOrEqual(7);
    }
    expect(body.agendaPreview).toContain('Charter review — Contoso Product Team');
    expect(body.agendaPreview).toContain('Shop owners publish their first product in under 10 minutes');
    expect(body.openProposals).toEqual([]);
  });

  it('says whether Team Charter is in the review meeting, and what the admin must grant when Graph refused it', async () => {
    const before = (await as(DIEGO).get(reviewsUrl).expect(200)).body as ReviewsBody;
    expect(before.meetingApp).toEqual({ status: 'pending', message: null });
    h.graph.running.sandbox.setPermission('TeamsAppInstallation.ReadWriteSelfForChat.All', false);
    try {
      expect(await runReviewJobs()).toBeGreaterThan(0);
      const refused = (await as(DIEGO).get(reviewsUrl).expect(200)).body as ReviewsBody;
      expect(refused.meetingApp?.status).toBe('not_permitted');
      expect(refused.meetingApp?.message).toContain('TeamsAppInstallation.ReadWriteSelfForChat.All');
      expect(refused.sync.status).toBe('in_step');
    } finally {
      h.graph.running.sandbox.setPermission('TeamsAppInstallation.ReadWriteSelfForChat.All', true);
    }
    await as(DIEGO).post(`${reviewsUrl}/sync`).expect(202, { queued: true });
    while ((await runReviewJobs()) > 0);
    const ready = (await as(DIEGO).get(reviewsUrl).expect(200)).body as ReviewsBody;
    expect(ready.meetingApp).toEqual({ status: 'ready', message: null });
  });

  it('refuses someone outside the team with 403 and hides another tenant’s team as not installed', async () => {
    const forbidden = await as(STRANGER).get(reviewsUrl).expect(403);
    expect(forbidden.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(forbidden.body.detail).toBe('You are not a member of this team.');
    // Adele is a member of a team in another tenant; from her own tenant it does not exist.
    const other = { tenantId: '22222222-2222-4222-8222-222222222222', teamId: randomUUID() };
    await installTeam(h.charterDeps.installs, other, 'Fabrikam', [testMember(ADELE, 'Adele Vance')]);
    for (const url of ['', '/proposals'])
      expect((await as(ADELE).get(`/api/teams/${other.teamId}/reviews${url}`).expect(404)).body.detail).toBe(
        'Team Charter is not installed in this team.',
      );
    await as(ADELE).post(`/api/teams/${other.teamId}/reviews/suggestions`).send({}).expect(404);
  });

  it('shows that the organizer’s mailbox refused access with the admin-consent step, until a re-sync succeeds', async () => {
    const mailbox = 'AdeleV@contoso.example';
    h.graph.running.sandbox.setMailbox(mailbox, { denied: true });
    const before = await charter();
    const content = structuredClone(before.content) as unknown as {
      review: { cadence: { startTime: string } };
    };
    content.review.cadence.startTime = '15:00';
    await as(ADELE)
      .put(`/api/teams/${TEAM}/charter`)
      .set('If-Match', `"${before.version}"`)
      .send({ content })
      .expect(200);
    await runReviewJobs();
    const failed = (await as(DIEGO).get(reviewsUrl).expect(200)).body as ReviewsBody;
    expect(failed.sync.status).toBe('failed');
    expect(failed.sync.error).toEqual({
      reason: 'access_denied',
      message: expect.stringMatching(/an admin must grant Team Charter the Calendars\.ReadWrite/),
    });

    h.graph.running.sandbox.setMailbox(mailbox, { denied: false });
    await as(DIEGO).post(`${reviewsUrl}/sync`).expect(202, { queued: true });
    expect(await runReviewJobs()).toBe(1);
    const fixed = (await as(DIEGO).get(reviewsUrl).expect(200)).body as ReviewsBody;
    expect(fixed.sync).toMatchObject({ status: 'in_step', error: null });
    expect(h.graph.running.sandbox.store.liveEvents()).toHaveLength(1);
    expect(h.graph.running.sandbox.store.liveEvents()[0]?.start.dateTime).toMatch(/T15:00:00/);
  });
});

describe('POST /api/teams/:teamId/reviews/suggestions', () => {
  it('suggests up to three slots inside everyone’s working hours, with each person’s local time', async () => {
    // New York starts early and Bengaluru works late, so the three zones share a few hours.
    for (const m of DEMO_MEMBERS) {
      const zone = m.timeZone as string;
      const hours = { ...demoWorkingHours(zone) };
      if (zone === 'America/New_York') Object.assign(hours, { startTime: '06:00', endTime: '14:00' });
      if (zone === 'Asia/Kolkata') Object.assign(hours, { startTime: '12:00', endTime: '20:00' });
      h.graph.running.sandbox.setMailbox(m.email as string, { workingHours: hours });
    }
    const res = await as(DIEGO).post(`${reviewsUrl}/suggestions`).send({ durationMinutes: 60 }).expect(200);
    const slots = res.body.slots as {
      start: string;
      end: string;
      local: { name: string; timeZone: string; start: string }[];
    }[];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.length).toBeLessThanOrEqual(3);
    for (const slot of slots) {
      expect(slot.local.map((l) => l.name).sort()).toEqual(DEMO_MEMBERS.map((m) => m.name).sort());
      expect(slot.local.find((l) => l.name === 'Adele Vance')?.timeZone).toBe('Europe/Berlin');
      expect(slot.local.find((l) => l.name === 'Priya Natarajan')?.timeZone).toBe('Asia/Kolkata');
    }
  });

  it('says the organizer’s mailbox refused access, with the admin step, instead of a bare 502', async () => {
    const mailbox = 'AdeleV@contoso.example';
    h.graph.running.sandbox.setMailbox(mailbox, { denied: true });
    try {
      const res = await as(DIEGO).post(`${reviewsUrl}/suggestions`).send({}).expect(502);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(
        /mailbox refused access: an admin must grant Team Charter the Calendars\.ReadWrite/,
      );
    } finally {
      h.graph.running.sandbox.setMailbox(mailbox, { denied: false });
    }
  });

  it('answers 400 problem+json with every field problem, and 403 to a non-member', async () => {
    const res = await as(DIEGO)
      .post(`${reviewsUrl}/suggestions`)
      .send({ durationMinutes: 5, organizerId: 42 })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'durationMinutes',
      'organizerId',
    ]);
    await as(STRANGER).post(`${reviewsUrl}/suggestions`).send({}).expect(403);
  });
});

describe('review outcomes → proposal → accept or drop', () => {
  it('refuses outcomes with every field problem as problem+json', async () => {
    const res = await as(ADELE)
      .post(`${reviewsUrl}/outcomes`)
      .send({ baseVersion: 0, outcomes: [{ kind: 'purpose', clauseId: '', decision: 'maybe' }] })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'baseVersion',
      'outcomes.0.clauseId',
      'outcomes.0.decision',
      'outcomes.0.kind',
    ]);
    for (const e of res.body.errors as { message: string }[]) expect(e.message.length).toBeGreaterThan(5);

    // Valid shape, but a revise without text and a clause that is not in the charter: both named.
    const { version, content } = await charter();
    const domain = await as(ADELE)
      .post(`${reviewsUrl}/outcomes`)
      .send({
        baseVersion: version,
        outcomes: [
          { kind: 'outcome', clauseId: content.outcomes[0]?.id, decision: 'revise' },
          { kind: 'boundary', clauseId: 'no-such-clause', decision: 'keep' },
        ],
      })
      .expect(400);
    expect(domain.body.errors).toEqual([
      { path: 'outcomes.0.text', message: 'Say what the revised clause should read.' },
      { path: 'outcomes.1.clauseId', message: 'This clause is not in the charter the review started from.' },
    ]);
  });

  it('refuses writes from a member who is not an editor, and from outside the team', async () => {
    const { version, content } = await charter();
    const outcomes = [{ kind: 'outcome', clauseId: content.outcomes[0]?.id, decision: 'keep' }];
    const res = await as(DIEGO)
      .post(`${reviewsUrl}/outcomes`)
      .send({ baseVersion: version, outcomes })
      .expect(403);
    expect(res.body.detail).toMatch(/editors/);
    await as(STRANGER).post(`${reviewsUrl}/outcomes`).send({ baseVersion: version, outcomes }).expect(403);

    const created = await as(LUKAS)
      .post(`${reviewsUrl}/outcomes`)
      .send({ baseVersion: version, outcomes })
      .expect(201);
    const id = created.body.proposal.id as string;
    expect((await as(DIEGO).post(`${reviewsUrl}/proposals/${id}/accept`).expect(403)).body.detail).toMatch(
      /editors/,
    );
    await as(DIEGO).post(`${reviewsUrl}/proposals/${id}/drop`).expect(403);
    await as(LUKAS).post(`${reviewsUrl}/proposals/${id}/drop`).expect(200, { dropped: true });
  });

  it('turns an editor’s keep / revise / drop into a proposal with its diff, accepted as the next charter version', async () => {
    const { version, content } = await charter();
    const [first, second, third] = content.outcomes;
    const res = await as(ADELE)
      .post(`${reviewsUrl}/outcomes`)
      .send({
        baseVersion: version,
        outcomes: [
          { kind: 'outcome', clauseId: first?.id, decision: 'keep' },
          {
            kind: 'outcome',
            clauseId: second?.id,
            decision: 'revise',
            text: 'Checkout <works> on every phone & tablet',
          },
          { kind: 'outcome', clauseId: third?.id, decision: 'drop' },
        ],
      })
      .expect(201);
    expect(res.body.proposal).toMatchObject({
      state: 'open',
      baseVersion: version,
      summary: 'Review: 1 revised, 1 dropped, 1 kept',
    });
    expect(res.body.diff.outcomes.removed).toHaveLength(1);
    expect(res.body.diff.outcomes.changed).toHaveLength(1);
    const id = res.body.proposal.id as string;

    const listed = await as(DIEGO).get(`${reviewsUrl}/proposals`).expect(200);
    expect(listed.body.proposals[0]).toMatchObject({ id, state: 'open' });
    const view = (await as(DIEGO).get(reviewsUrl).expect(200)).body as ReviewsBody;
    expect(view.openProposals.map((p) => p.id)).toEqual([id]);
    expect(view.agendaPreview).toContain('Review: 1 revised, 1 dropped, 1 kept (Adele Vance)');

    const accepted = await as(LUKAS).post(`${reviewsUrl}/proposals/${id}/accept`).expect(200);
    expect(accepted.headers.etag).toEqual(charterEtagAt(version + 1));
    expect(accepted.body).toMatchObject({ accepted: true, version: version + 1 });
    const now = await charter();
    expect(now.version).toBe(version + 1);
    expect(now.content.outcomes.map((o) => o.title)).toEqual([
      first?.title,
      'Checkout <works> on every phone & tablet',
    ]);
    // the new version goes through the ordinary save path, so the series follows it
    const queued = await h.db.query(
      `select kind from jobs where tenant_id = $1 and team_id = $2 and key = $3`,
      [scope.tenantId, TEAM, `v${version + 1}`],
    );
    expect(queued.rows.map((r) => (r as { kind: string }).kind)).toContain(JOB_KINDS.reviewsSync);

    const again = await as(ADELE).post(`${reviewsUrl}/proposals/${id}/accept`).expect(412);
    expect(again.body.detail).toBe('This proposal was already accepted.');
    await as(ADELE).post(`${reviewsUrl}/proposals/not a id/accept`).expect(400);
    await as(ADELE).post(`${reviewsUrl}/proposals/${randomUUID()}/drop`).expect(404);
  });

  it('answers 412 with the current version when the charter moved on since the review', async () => {
    const { version, content } = await charter();
    const res = await as(ADELE)
      .post(`${reviewsUrl}/outcomes`)
      .send({
        baseVersion: version - 1,
        outcomes: [{ kind: 'outcome', clauseId: content.outcomes[0]?.id, decision: 'keep' }],
      })
      .expect(412);
    expect(res.body.currentVersion).toBe(version);
  });
});
