/**
 * The live review's use cases over the real stores (PGlite) on the demo team: who may lead and who may react, the
 * walk's changes and their revisions, and the end: the same proposal the reviews API gives, the session ended with
 * its id, and the summary card posted to the channel by a durable job.
 */
import type { Caller } from '../../../src/app/caller';
import { endReviewSession } from '../../../src/app/reviews/end-review-session';
import { getReviewSession } from '../../../src/app/reviews/get-review-session';
import { moveSessionToClause } from '../../../src/app/reviews/move-session-to-clause';
import { reactToClause } from '../../../src/app/reviews/react-to-clause';
import { recordReviewOutcomes } from '../../../src/app/reviews/record-review-outcomes';
import { recordSessionDecision } from '../../../src/app/reviews/record-session-decision';
import { startReviewSession } from '../../../src/app/reviews/start-review-session';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import type { CharterContent } from '../../../src/domain/charter/charter';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from '../../../src/domain/errors';
import { openReviewSessionHarness, type ReviewSessionHarness } from '../../support/review-session-harness';

const caller = (i: number): Caller => {
  const m = DEMO_MEMBERS[i];
  if (!m) throw new Error(`No demo member ${i}.`);
  return { tenantId: DEMO_TEAM.tenantId, userId: m.aadObjectId, name: m.name };
};
const ADELE = caller(0); // an editor
const LUKAS = caller(1); // an editor
const DIEGO = caller(3); // a member, not an editor
const STRANGER: Caller = {
  tenantId: DEMO_TEAM.tenantId,
  userId: '99999999-9999-4999-8999-999999999999',
  name: 'X',
};
const TEAM = DEMO_TEAM.teamId;
const scope = { tenantId: DEMO_TEAM.tenantId, teamId: TEAM };

let h: ReviewSessionHarness;
let charter: { version: number; content: CharterContent };

// One database for the file (PGlite costs seconds per database): each test starts its own session an hour after the
// previous one, and whatever it left open is ended after it.
beforeAll(async () => {
  h = await openReviewSessionHarness();
  const current = await h.deps.charters.getCurrent(scope);
  if (!current) throw new Error('The demo team has a charter.');
  charter = current;
}, 60_000);
afterAll(() => h.close());
afterEach(async () => {
  const latest = await h.deps.sessions.getLatest(scope);
  if (latest?.state === 'open')
    await h.deps.sessions.updateOpenSession(scope, latest.id, (s) => ({ ...s, state: 'ended' }));
  h.posted.length = 0;
  h.clock.advance(3_600_000);
});

/** The session store as it is, but for `updateOpenSession`, which the test replaces. */
const sessionsWith = (
  updateOpenSession: ReviewSessionHarness['deps']['sessions']['updateOpenSession'],
): ReviewSessionHarness['deps'] => {
  const sessions = h.deps.sessions;
  return {
    ...h.deps,
    sessions: {
      getLatest: sessions.getLatest.bind(sessions),
      getSession: sessions.getSession.bind(sessions),
      startSession: sessions.startSession.bind(sessions),
      updateOpenSession,
    },
  };
};

/** The proposals made since `since` (earlier tests' stay in the shared database). */
const proposalsSince = async (since: Date) =>
  (await h.deps.reviews.listProposals(scope)).filter((p) => p.createdAt >= since);

const clauseIds = () => ({
  nn: charter.content.nonNegotiables.map((c) => c.id),
  outcome: charter.content.outcomes.map((c) => c.id),
  boundary: charter.content.boundaries.map((c) => c.id),
});

describe('starting and reading', () => {
  it('lets an editor start one session on the current version; a second start returns it', async () => {
    const first = await startReviewSession(h.deps, ADELE, TEAM, { timebox: { outcomes: 20 } });
    expect(first.started).toBe(true);
    expect(first.session).toMatchObject({ charterVersion: charter.version, revision: 1, state: 'open' });
    expect(first.session.timebox.outcomes.minutes).toBe(20);
    expect(first.walk.map((s) => s.section)).toEqual(['purpose', 'nonNegotiables', 'outcomes', 'boundaries']);
    const again = await startReviewSession(h.deps, LUKAS, TEAM);
    expect(again).toMatchObject({ started: false, session: { id: first.session.id } });
  });

  it('refuses a member who is not an editor to lead, and tells someone outside the team whose review it is', async () => {
    await expect(startReviewSession(h.deps, DIEGO, TEAM)).rejects.toThrow(
      new ForbiddenError('Only the charter’s editors can lead the review.'),
    );
    await startReviewSession(h.deps, ADELE, TEAM);
    await expect(getReviewSession(h.deps, STRANGER, TEAM)).rejects.toThrow(
      new ForbiddenError('This review belongs to Contoso Product Team.'),
    );
    await expect(
      reactToClause(h.deps, STRANGER, TEAM, { clauseId: 'purpose', plusOne: true }),
    ).rejects.toThrow(ForbiddenError);
  });

  it('never names the team to a caller of another tenant, even one who knows its id: the team is not there', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    const otherTenant: Caller = { ...ADELE, tenantId: '0f0f0f0f-0000-4000-8000-000000000000' };
    const refused = getReviewSession(h.deps, otherTenant, TEAM);
    await expect(refused).rejects.toThrow(new NotFoundError('Team Charter is not installed in this team.'));
    await expect(refused).rejects.not.toThrow(/Contoso/);
  });

  it('skips reading the walk when the caller already has the session at its revision', async () => {
    const { session } = await startReviewSession(h.deps, ADELE, TEAM);
    const known = { sessionId: session.id, revision: 1 };
    expect((await getReviewSession(h.deps, DIEGO, TEAM, known)).walk).toBeNull();
    await reactToClause(h.deps, DIEGO, TEAM, { clauseId: 'purpose', plusOne: true });
    const fresh = await getReviewSession(h.deps, DIEGO, TEAM, known);
    expect(fresh.session.revision).toBe(2);
    expect(fresh.walk?.[0]?.clauses[0]?.text).toBe(charter.content.purpose);
  });
});

describe('during the review', () => {
  it('records decisions, moves and reactions, each bumping the revision; members react but do not decide', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    const { outcome } = clauseIds();
    await moveSessionToClause(h.deps, LUKAS, TEAM, { clauseId: outcome[0] ?? '' });
    await recordSessionDecision(h.deps, ADELE, TEAM, { clauseId: outcome[0] ?? '', decision: 'keep' });
    const reacted = await reactToClause(h.deps, DIEGO, TEAM, {
      clauseId: outcome[0] ?? '',
      note: ' Agreed ',
    });
    expect(reacted.session.revision).toBe(4);
    expect(reacted.session.current).toEqual({ kind: 'outcome', clauseId: outcome[0] });
    expect(reacted.session.reactions).toMatchObject([{ memberId: DIEGO.userId, note: 'Agreed' }]);
    await expect(
      recordSessionDecision(h.deps, DIEGO, TEAM, { clauseId: outcome[1] ?? '', decision: 'drop' }),
    ).rejects.toThrow(ForbiddenError);
  });

  it('refuses an invalid decision with every problem and keeps the session as it was', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    const error = await recordSessionDecision(h.deps, ADELE, TEAM, {
      clauseId: clauseIds().nn[0] ?? '',
      decision: 'revise',
      text: charter.content.nonNegotiables[1]?.text ?? '',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      { path: 'text', message: 'This repeats non-negotiable 1; keep one of them.' },
    ]);
    expect((await getReviewSession(h.deps, ADELE, TEAM)).session.revision).toBe(1);
  });
});

describe('ending', () => {
  it('turns the decisions into the proposal the reviews API gives, ends the session with its id, and posts the summary', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    const { nn, outcome, boundary } = clauseIds();
    // Decided out of the charter's order.
    await recordSessionDecision(h.deps, ADELE, TEAM, { clauseId: boundary[1] ?? '', decision: 'drop' });
    await recordSessionDecision(h.deps, LUKAS, TEAM, {
      clauseId: outcome[2] ?? '',
      decision: 'revise',
      text: 'Payment tickets **halve** [now](https://x.example)',
    });
    await recordSessionDecision(h.deps, ADELE, TEAM, { clauseId: nn[0] ?? '', decision: 'keep' });

    const ended = await endReviewSession(h.deps, ADELE, TEAM);
    expect(ended.session).toMatchObject({ state: 'ended', endedBy: { id: ADELE.userId }, revision: 5 });
    expect(ended.session.proposalId).toBe(ended.proposal?.id);

    // What the reviews API (POST …/reviews/outcomes) makes of the same decisions.
    const api = await recordReviewOutcomes(h.deps, ADELE, TEAM, {
      baseVersion: charter.version,
      outcomes: [
        { kind: 'nonNegotiable', clauseId: nn[0] ?? '', decision: 'keep' },
        {
          kind: 'outcome',
          clauseId: outcome[2] ?? '',
          decision: 'revise',
          text: 'Payment tickets **halve** [now](https://x.example)',
        },
        { kind: 'boundary', clauseId: boundary[1] ?? '', decision: 'drop' },
      ],
    });
    const { id: _a, createdAt: _b, ...fromSession } = ended.proposal ?? { id: '', createdAt: null };
    const { id: _c, createdAt: _d, ...fromApi } = api.proposal;
    expect(fromSession).toEqual(fromApi);
    expect(ended.diff).toEqual(api.diff);
    expect(fromApi.summary).toBe('Review: 1 revised, 1 dropped, 1 kept');

    expect(await h.runJobs()).toBe(1);
    expect(h.posted).toHaveLength(1);
    const [{ target, card } = { target: null, card: null }] = h.posted;
    expect(target).toEqual({
      serviceUrl: 'http://127.0.0.1:1/',
      tenantId: DEMO_TEAM.tenantId,
      conversationId: DEMO_TEAM.channelConversationId,
    });
    expect(card).toMatchObject({
      kind: 'reviewSummary',
      teamName: 'Contoso Product Team',
      charterVersion: charter.version,
      proposalSummary: 'Review: 1 revised, 1 dropped, 1 kept',
      decisions: [
        { section: 'Non-negotiables', decision: 'keep', text: null },
        {
          section: 'Outcomes',
          decision: 'revise',
          text: 'Payment tickets **halve** [now](https://x.example)',
        },
        { section: 'Boundaries', clause: charter.content.boundaries[1]?.area, decision: 'drop' },
      ],
    });
    // Nothing changes an ended review.
    await expect(endReviewSession(h.deps, ADELE, TEAM)).rejects.toThrow(ConflictError);
    await expect(reactToClause(h.deps, DIEGO, TEAM, { clauseId: 'purpose', plusOne: true })).rejects.toThrow(
      new ConflictError('This review has ended.'),
    );
  });

  it('ends a session without decisions with no proposal, and its card says so', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    const ended = await endReviewSession(h.deps, LUKAS, TEAM);
    expect(ended).toMatchObject({
      proposal: null,
      diff: null,
      session: { state: 'ended', proposalId: null },
    });
    await h.runJobs();
    expect(h.posted.map((p) => p.card)).toMatchObject([
      { kind: 'reviewSummary', proposalSummary: null, decisions: [] },
    ]);
    expect(await proposalsSince(ended.session.startedAt)).toEqual([]);
  });

  it('proposes once when an end that failed after proposing is tried again, and posts once', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    await recordSessionDecision(h.deps, ADELE, TEAM, {
      clauseId: clauseIds().outcome[0] ?? '',
      decision: 'drop',
    });
    const failingOnce = sessionsWith(() =>
      Promise.reject(new UpstreamError('database', 'Storage is unavailable: the connection was lost.', true)),
    );
    await expect(endReviewSession(failingOnce, ADELE, TEAM)).rejects.toThrow(UpstreamError);
    // The summary job was queued first, and waits for the end.
    expect(await h.runJobs()).toBe(1);
    expect(h.posted).toEqual([]);
    const ended = await endReviewSession(h.deps, ADELE, TEAM);
    expect((await proposalsSince(ended.session.startedAt)).map((p) => p.id)).toEqual([ended.proposal?.id]);
    h.clock.advance(60_000);
    expect(await h.runJobs()).toBe(1);
    expect(h.posted).toHaveLength(1);
  });
  it('drops the proposal it made when a decision lands while ending, and ends on a second try with it', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    const { outcome, nn } = clauseIds();
    await recordSessionDecision(h.deps, ADELE, TEAM, { clauseId: outcome[0] ?? '', decision: 'drop' });
    // Lukas decides just before the end takes the session's lock.
    const racing = sessionsWith(async (...args) => {
      await recordSessionDecision(h.deps, LUKAS, TEAM, { clauseId: nn[0] ?? '', decision: 'keep' });
      return h.deps.sessions.updateOpenSession(...args);
    });
    const started = (await getReviewSession(h.deps, ADELE, TEAM)).session.startedAt;
    await expect(endReviewSession(racing, ADELE, TEAM)).rejects.toThrow(
      new ConflictError('A decision changed while the review was ending; end it again.'),
    );
    expect((await proposalsSince(started)).map((p) => p.state)).toEqual(['dropped']);
    expect((await getReviewSession(h.deps, ADELE, TEAM)).session.state).toBe('open');
    const ended = await endReviewSession(h.deps, ADELE, TEAM);
    expect(ended.proposal?.outcomes.map((o) => o.decision)).toEqual(['keep', 'drop']);
    await h.runJobs();
    expect(h.posted.map((p) => p.card)).toMatchObject([{ proposalSummary: 'Review: 1 dropped, 1 kept' }]);
  });

  it('refuses to propose on a charter that moved on, and ends without a proposal when asked', async () => {
    await startReviewSession(h.deps, ADELE, TEAM);
    await recordSessionDecision(h.deps, ADELE, TEAM, {
      clauseId: clauseIds().outcome[1] ?? '',
      decision: 'drop',
    });
    const moved = await h.deps.charters.saveVersion(scope, {
      expectedVersion: charter.version,
      content: { ...charter.content, purpose: `${charter.content.purpose} Changed mid-review.` },
      author: { id: LUKAS.userId, name: LUKAS.name },
      why: null,
      summary: 'Purpose changed',
      at: h.clock.now(),
    });
    const refused = await endReviewSession(h.deps, ADELE, TEAM).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).currentVersion).toBe(moved.version);
    const ended = await endReviewSession(h.deps, ADELE, TEAM, { withoutProposal: true });
    expect(ended).toMatchObject({ proposal: null, session: { state: 'ended', proposalId: null } });
    expect(ended.session.decisions).toHaveLength(1);
    await h.runJobs();
    expect(h.posted.map((p) => p.card)).toMatchObject([
      {
        kind: 'reviewSummary',
        proposalSummary: null,
        charterVersion: charter.version,
        decisions: [{ decision: 'drop' }],
      },
    ]);
    charter = moved;
  });
});
