/**
 * The review worker's pass: due review jobs of many teams run at once, so their Graph calls travel together in
 * `$batch` requests (real graph-client against the sandbox), never more than 4 in flight per mailbox; jobs of one
 * team still run one after the other, in order.
 */
import { randomUUID } from 'node:crypto';

import pino from 'pino';

import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import type { TeamScope } from '../../../src/app/common-ports';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import type { JobRunnerDeps } from '../../../src/app/jobs/run-due-jobs';
import { UNINSTALLED_COMMENT } from '../../../src/app/reviews/cancel-review-series';
import { NO_REVIEW_SIGNALS, type ReviewDeps } from '../../../src/app/reviews/review-deps';
import { reviewJobHandlers } from '../../../src/app/reviews/review-job-handlers';
import { runReviewJobs } from '../../../src/app/reviews/run-review-jobs';
import {
  CATALOG_APP_ID,
  type GraphHarness,
  MEETING_APP,
  startGraphHarness,
} from '../../adapters/graph/graph-harness';
import { installReviewTeam, saveReviewTeamCharter } from '../../support/review-teams';
import { openTestDatabase } from '../../support/test-database';

const TENANT = '5f0c7a1e-3b2d-4c5e-8f9a-0b1c2d3e4f50';
const TEAMS = 12;
const ORGANIZERS = 2; // six teams per mailbox: more than the 4 a mailbox may have in flight

describe('the review worker runs many teams’ jobs at once', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let graph: GraphHarness;
  let deps: ReviewDeps;
  let runner: JobRunnerDeps;
  const scopes: TeamScope[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    graph = await startGraphHarness({ latencyMs: 20 }, { batchWindowMs: 10 });
    const { charters, installs, jobs, reviews } = postgresStores(db);
    deps = {
      charters,
      installs,
      jobs,
      reviews,
      calendar: graph.calendar,
      meetings: graph.meetings,
      meetingApp: MEETING_APP,
      signals: NO_REVIEW_SIGNALS,
      clock: { now: () => new Date() },
      ids: { next: () => randomUUID() },
      log: pino({ level: 'silent' }),
      agendaLeadMs: 86_400_000,
    };
    runner = {
      queue: deps.jobs,
      clock: deps.clock,
      log: deps.log,
      handlers: reviewJobHandlers(deps),
      workerId: 'reviews',
      leaseMs: 60_000,
    };
    for (let t = 0; t < TEAMS; t++) {
      const scope = { tenantId: TENANT, teamId: randomUUID() };
      scopes.push(scope);
      const { organizerId } = await installReviewTeam(
        installs,
        scope,
        t,
        `organizer${t % ORGANIZERS}@contoso.example`,
        [],
      );
      await saveReviewTeamCharter(charters, scope, t, organizerId, '2027-06-01');
    }
  });
  afterAll(async () => {
    await graph.close();
    await db.dispose();
  });

  it('books every team’s series in a few $batch requests, ≤ 4 in flight per mailbox, one series per team', async () => {
    for (const scope of scopes)
      await deps.jobs.enqueue({
        scope,
        kind: JOB_KINDS.reviewsSync,
        key: 'v1',
        runAt: new Date(),
        payload: {},
      });
    graph.running.sandbox.resetStats();

    expect(await runReviewJobs(runner, 40)).toBe(TEAMS);

    const stats = graph.running.sandbox.stats;
    expect(stats.operations).toBe(TEAMS);
    expect(stats.batches).toBeGreaterThan(0);
    expect(stats.httpRequests).toBeLessThan(TEAMS / 2);
    expect(stats.maxInFlightPerMailbox).toBeLessThanOrEqual(4);
    expect(stats.throttled).toBe(0);
    for (const scope of scopes)
      expect(await deps.reviews.getSeries(scope)).toMatchObject({ state: 'booked' });
    const live = graph.running.sandbox.store.liveEvents();
    expect(live).toHaveLength(TEAMS);
    expect(new Set(live.map((e) => e.transactionId)).size).toBe(TEAMS);

    // Each booking queued putting the app in its meeting: the next pass does that for every team, once.
    expect(await runReviewJobs(runner, 40)).toBe(TEAMS);
    for (const scope of scopes)
      expect(await deps.reviews.getMeetingApp(scope)).toMatchObject({ state: 'ready', appInstalled: true });
    for (const event of live) {
      const chat = graph.running.sandbox.store.chatByJoinUrl(event.onlineMeeting?.joinUrl ?? '');
      expect(chat).toMatchObject({ installedApps: [CATALOG_APP_ID] });
      expect(chat?.tabs).toHaveLength(1);
    }
  });

  it('runs one team’s jobs in the order claimed, so a sync and the cancel after it never race', async () => {
    const [first] = scopes as [TeamScope];
    const now = Date.now();
    // A sync due two seconds ago, then the uninstall's cancel due a second ago.
    for (const [kind, key, dueMsAgo] of [
      [JOB_KINDS.reviewsSync, 'again', 2000],
      [JOB_KINDS.reviewsCancel, 'uninstall', 1000],
    ] as const)
      await deps.jobs.enqueue({ scope: first, kind, key, runAt: new Date(now - dueMsAgo), payload: {} });
    expect(await runReviewJobs(runner, 40)).toBe(2);
    const record = await deps.reviews.getSeries(first);
    expect(record).toMatchObject({ state: 'cancelled' });
    expect(graph.running.sandbox.store.events.get(record?.graphSeriesId as string)?.cancelled?.comment).toBe(
      UNINSTALLED_COMMENT,
    );
  });
});
