/**
 * The live review over HTTP: the real express app with the live review's router, real stores on PGlite, the caller
 * picked with local mode's X-Local-User. The meeting's views poll `GET …/review-session` with `If-None-Match`, so
 * the ETag must change with every change and only then.
 */
import { randomUUID } from 'node:crypto';

import type { Express } from 'express';
import request from 'supertest';

import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import { reviewSessionRoutes } from '../../../src/adapters/http/routes/review-session-routes';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import type { CharterContent, LiveReview } from '../../../src/contract/api-types';
import { installTeam } from '../../support/install-team';
import { openReviewSessionHarness, type ReviewSessionHarness } from '../../support/review-session-harness';
import { testMember } from '../../support/test-app';

const [ADELE, LUKAS, , DIEGO, PRIYA] = DEMO_MEMBERS.map((m) => m.aadObjectId) as [
  string,
  string,
  string,
  string,
  string,
];
const STRANGER = '99999999-9999-4999-8999-999999999999';
const TEAM = DEMO_TEAM.teamId;
const scope = { tenantId: DEMO_TEAM.tenantId, teamId: TEAM };
const url = `/api/teams/${TEAM}/review-session`;

let h: ReviewSessionHarness;
let app: Express;
let content: CharterContent;

beforeAll(async () => {
  h = await openReviewSessionHarness();
  app = createHttpApp({ ...h.http, apiRouters: [reviewSessionRoutes(h.deps)] });
  const current = await h.deps.charters.getCurrent(scope);
  if (!current) throw new Error('The demo team has a charter.');
  content = current.content;
}, 60_000);
afterAll(() => h.close());
afterEach(async () => {
  // Each test starts from a team without an open review, an hour after the one before.
  h.clock.advance(3_600_000);
  const latest = await h.deps.sessions.getLatest(scope);
  if (latest?.state === 'open')
    await h.deps.sessions.updateOpenSession(scope, latest.id, (s) => ({ ...s, state: 'ended' }));
});

const as = (userId: string) => ({
  get: (path = '') => request(app).get(`${url}${path}`).set('X-Local-User', userId),
  post: (path: string) => request(app).post(`${url}${path}`).set('X-Local-User', userId),
  put: (path: string) => request(app).put(`${url}${path}`).set('X-Local-User', userId),
});

async function start(): Promise<{ etag: string; session: LiveReview }> {
  const res = await as(ADELE).post('/start').expect(201);
  return { etag: String(res.headers.etag), session: res.body.session as LiveReview };
}

/** An editor's decision on outcome `i`, which must be taken. */
const decideOutcome = (i: number, decision: 'keep' | 'drop') =>
  as(ADELE)
    .put(`/decisions/${content.outcomes[i]?.id ?? ''}`)
    .send({ decision })
    .expect(200);
const outcomeId = (i: number) => content.outcomes[i]?.id ?? '';
const nnId = (i: number) => content.nonNegotiables[i]?.id ?? '';
const clause = (session: LiveReview, clauseId: string) =>
  session.sections.flatMap((s) => s.clauses).find((c) => c.clauseId === clauseId);

describe('starting and following the live review', () => {
  it('answers 404 before any review, then starts one for an editor (201) and returns it to a second start (200)', async () => {
    const none = await as(DIEGO).get().expect(404);
    expect(none.body.detail).toBe('No review has started in this team yet.');
    await as(DIEGO).post('/start').expect(403);
    const { etag, session } = await start();
    expect(etag).toBe(`"${session.id}.1"`);
    expect(session).toMatchObject({
      state: 'open',
      revision: 1,
      current: { kind: 'purpose', section: 'purpose' },
    });
    expect(session.sections.map((s) => [s.section, s.timebox.minutes, s.clauses.length])).toEqual([
      ['purpose', 5, 1],
      ['nonNegotiables', 10, content.nonNegotiables.length],
      ['outcomes', 15, content.outcomes.length],
      ['boundaries', 10, content.boundaries.length],
    ]);
    expect(session.sections[0]?.timebox.endsAt).toBe(
      new Date(new Date(session.startedAt).getTime() + 5 * 60_000).toISOString(),
    );
    const again = await as(LUKAS).post('/start').expect(200);
    expect(again.body.session.id).toBe(session.id);
  });

  it('refuses someone outside the team with 403 naming the team, and shows nothing of the charter', async () => {
    await start();
    const res = await as(STRANGER).get().expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe('This review belongs to Contoso Product Team.');
    expect(res.headers.etag).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain(content.purpose.slice(0, 20));
    await as(STRANGER).put(`/reactions/purpose`).send({ plusOne: true }).expect(403);
  });

  it('answers a team of another tenant with the 404 of its own type “not installed”, apart from “no review yet”', async () => {
    // Adele is a member of a team in another tenant; from her own tenant the app is not installed there.
    const other = { tenantId: '22222222-2222-4222-8222-222222222222', teamId: randomUUID() };
    await installTeam(h.deps.installs, other, 'Fabrikam', [testMember(ADELE, 'Adele Vance')]);
    const notInstalled = await request(app)
      .get(`/api/teams/${other.teamId}/review-session`)
      .set('X-Local-User', ADELE)
      .expect(404);
    expect(notInstalled.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(notInstalled.body).toEqual({
      type: 'https://teamcharter.dev/problems/not-installed',
      title: 'Not found',
      status: 404,
      detail: 'Team Charter is not installed in this team.',
    });
    // The team's own "no review yet" keeps the plain not-found type.
    const scopeOfNone = { tenantId: DEMO_TEAM.tenantId, teamId: randomUUID() };
    await installTeam(h.deps.installs, scopeOfNone, 'Contoso Labs', [testMember(ADELE, 'Adele Vance')]);
    const noCharter = await request(app)
      .get(`/api/teams/${scopeOfNone.teamId}/review-session`)
      .set('X-Local-User', ADELE)
      .expect(404);
    expect(noCharter.body.type).toBe('https://teamcharter.dev/problems/not_found');
  });

  it('answers 304 while the revision is unchanged, and 200 with the new revision at once after a decision', async () => {
    const { etag } = await start();
    const unchanged = await as(DIEGO).get().set('If-None-Match', etag).expect(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.etag).toBe(etag);

    const decided = await as(ADELE)
      .put(`/decisions/${outcomeId(0)}`)
      .send({ decision: 'keep' })
      .expect(200);
    // The poller still holds the old ETag: its very next poll sees the decision.
    const polled = await as(DIEGO).get().set('If-None-Match', etag).expect(200);
    expect(polled.headers.etag).toBe(decided.headers.etag);
    expect(polled.headers.etag).not.toBe(etag);
    expect(polled.body.session.revision).toBe(2);
    expect(clause(polled.body.session, outcomeId(0))?.decision).toMatchObject({
      decision: 'keep',
      by: { id: ADELE, name: 'Adele Vance' },
    });
    await as(DIEGO).get().set('If-None-Match', String(polled.headers.etag)).expect(304);
  });

  it('loses neither of two decisions sent at the same time by two editors', async () => {
    const { etag } = await start();
    const [a, b] = await Promise.all([
      as(ADELE)
        .put(`/decisions/${outcomeId(1)}`)
        .send({ decision: 'revise', text: 'Checkout works on all phones' }),
      as(LUKAS)
        .put(`/decisions/${nnId(2)}`)
        .send({ decision: 'drop' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.session.revision, b.body.session.revision].sort()).toEqual([2, 3]);
    const { body } = await as(PRIYA).get().set('If-None-Match', etag).expect(200);
    expect(body.session.revision).toBe(3);
    expect(clause(body.session, outcomeId(1))?.decision).toMatchObject({
      decision: 'revise',
      text: 'Checkout works on all phones',
    });
    expect(clause(body.session, nnId(2))?.decision).toMatchObject({ decision: 'drop', by: { id: LUKAS } });
  });
});

describe('changes during the review', () => {
  it('moves the room and starts the next section’s clock', async () => {
    await start();
    const res = await as(LUKAS)
      .put('/current')
      .send({ clauseId: nnId(0) })
      .expect(200);
    const session = res.body.session as LiveReview;
    expect(session.current).toEqual({ kind: 'nonNegotiable', clauseId: nnId(0), section: 'nonNegotiables' });
    expect(session.sections[1]?.timebox.endsAt).not.toBeNull();
    expect(session.sections[0]?.timebox.endsAt).toBeNull();
    await as(DIEGO)
      .put('/current')
      .send({ clauseId: nnId(1) })
      .expect(403);
  });

  it('counts +1s and notes for everyone and shows each member their own', async () => {
    await start();
    await as(DIEGO)
      .put(`/reactions/${outcomeId(0)}`)
      .send({ plusOne: true, note: '  We hit it twice. ' })
      .expect(200);
    const res = await as(PRIYA)
      .put(`/reactions/${outcomeId(0)}`)
      .send({ plusOne: true })
      .expect(200);
    expect(clause(res.body.session, outcomeId(0))?.reactions).toEqual({
      plusOnes: 2,
      notes: ['We hit it twice.'],
      mine: { plusOne: true, note: null },
    });
    const diego = await as(DIEGO).get().expect(200);
    expect(clause(diego.body.session, outcomeId(0))?.reactions.mine).toEqual({
      plusOne: true,
      note: 'We hit it twice.',
    });
  });

  it('answers 400 with every problem and changes nothing', async () => {
    const { etag } = await start();
    const shape = await as(ADELE)
      .put(`/decisions/${outcomeId(0)}`)
      .send({ decision: 'maybe', extra: 1 })
      .expect(400);
    expect(shape.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((shape.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['', 'decision']);
    const rules = await as(ADELE)
      .put(`/decisions/${outcomeId(0)}`)
      .send({ decision: 'revise', text: 'x'.repeat(201) })
      .expect(400);
    expect(rules.body.errors).toEqual([
      { path: 'text', message: 'An outcome can be at most 200 characters (this one has 201).' },
    ]);
    const note = await as(DIEGO).put('/reactions/no-such-clause').send({ note: ' ' }).expect(400);
    expect((note.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['clauseId', 'note']);
    await as(DIEGO).get().set('If-None-Match', etag).expect(304);
  });
});

describe('ending the review', () => {
  it('ends with the proposal and its diff, queues the summary, and answers 409 to anything after', async () => {
    await start();
    await decideOutcome(2, 'drop');
    await as(DIEGO).post('/end').expect(403);
    const ended = await as(LUKAS).post('/end').expect(200);
    expect(ended.body.session).toMatchObject({ state: 'ended', revision: 3, endedBy: { id: LUKAS } });
    expect(ended.body.proposal).toMatchObject({ state: 'open', summary: 'Review: 1 dropped' });
    expect(ended.body.session.proposalId).toBe(ended.body.proposal.id);
    expect(ended.body.diff.outcomes.removed).toHaveLength(1);

    const after = await as(DIEGO).put('/reactions/purpose').send({ plusOne: true }).expect(409);
    expect(after.body).toMatchObject({ status: 409, detail: 'This review has ended.' });
    await as(ADELE).post('/end').expect(409);
    // The ended review is still what the views show, until the next one starts.
    const latest = await as(DIEGO).get().expect(200);
    expect(latest.body.session).toMatchObject({ state: 'ended', proposalId: ended.body.proposal.id });
    expect(await h.runJobs()).toBe(1);
    expect(h.posted.map((p) => p.card.kind)).toEqual(['reviewSummary']);
  });

  it('answers 412 with the current version when the charter moved on, and ends without a proposal when asked', async () => {
    await start();
    await decideOutcome(0, 'drop');
    const current = await h.deps.charters.getCurrent(scope);
    await h.deps.charters.saveVersion(scope, {
      expectedVersion: current?.version ?? 0,
      content: { ...content, purpose: `${content.purpose} Changed mid-review.` },
      author: { id: LUKAS, name: 'Lukas Becker' },
      why: null,
      summary: 'Purpose changed',
      at: h.clock.now(),
    });
    const stale = await as(ADELE).post('/end').expect(412);
    expect(stale.body.currentVersion).toBe((current?.version ?? 0) + 1);
    await as(ADELE).post('/end').send({ withoutProposal: 'yes' }).expect(400);
    const ended = await as(ADELE).post('/end').send({ withoutProposal: true }).expect(200);
    expect(ended.body).toMatchObject({
      proposal: null,
      diff: null,
      session: { state: 'ended', proposalId: null },
    });
  });
});
