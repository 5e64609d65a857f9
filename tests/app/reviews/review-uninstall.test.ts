/**
 * Uninstall and the review series: the bot's real uninstall use case queues `reviews.cancel`, the job flow (handlers
 * wired as the app wires them, src/composition/jobs.ts) cancels the series on the Graph sandbox while
 * `review_series` still knows its id, and only after the grace period is the team's data deleted — never before the
 * series is cancelled.
 */
import { randomUUID } from 'node:crypto';

import pino from 'pino';

import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import { checkInJobHandlers } from '../../../src/app/checkins/check-in-job-handlers';
import type { CheckInDeps } from '../../../src/app/checkins/checkin-deps';
import type { TeamScope } from '../../../src/app/common-ports';
import { uninstallTeam } from '../../../src/app/installs/uninstall-team';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import type { JobHandler, JobHandlers, JobKind } from '../../../src/app/jobs/job-ports';
import { runDueJobs } from '../../../src/app/jobs/run-due-jobs';
import { UNINSTALLED_COMMENT } from '../../../src/app/reviews/cancel-review-series';
import type { ReviewDeps } from '../../../src/app/reviews/review-deps';
import {
  cancelReviewSeriesBeforeDeletion,
  reviewJobHandlers,
} from '../../../src/app/reviews/review-job-handlers';
import type { ReviewSeriesRecord, ReviewStore } from '../../../src/app/reviews/review-ports';
import { reviewSessionJobHandlers } from '../../../src/app/reviews/review-session-job-handlers';
import { syncReviewSeries } from '../../../src/app/reviews/sync-review-series';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { seedDemoTeam } from '../../../src/app/teams/seed-demo-team';
import { type GraphHarness, MEETING_APP, startGraphHarness } from '../../adapters/graph/graph-harness';
import { openTestDatabase } from '../../support/test-database';

const GRACE_MS = 30 * 86_400_000;
const ORGANIZER = 'AdeleV@contoso.example';

describe('uninstall cancels the review series before the team’s data is deleted', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let graph: GraphHarness;
  let now: Date;
  let checkInDeps: CheckInDeps;
  let reviewDeps: ReviewDeps;
  let handlers: JobHandlers;

  beforeAll(async () => {
    db = await openTestDatabase();
    // One retry per call keeps the throttling case short.
    graph = await startGraphHarness({}, { maxRetries: 1 });
    now = new Date();
    const unused = (): Promise<never> => Promise.reject(new Error('Not used by uninstall.'));
    const clock = { now: () => now };
    const ids = { next: () => randomUUID() };
    const log = pino({ level: 'silent' });
    const { charters, installs, jobs, checkins, reviews, reviewSessions } = postgresStores(db);
    const base = {
      charters,
      installs,
      jobs,
      clock,
      ids,
      log,
    };
    checkInDeps = {
      ...base,
      checkins,
      messenger: {
        createPersonalConversation: unused,
        sendCard: unused,
        sendText: unused,
        updateCard: unused,
      },
      directory: { listTeamMembers: unused },
      charterLinks: { kind: 'local', tabEndpoint: 'http://localhost:3978' },
      uninstallGraceMs: GRACE_MS,
    };
    reviewDeps = {
      ...base,
      reviews,
      calendar: graph.calendar,
      meetings: graph.meetings,
      meetingApp: MEETING_APP,
      signals: { since: () => Promise.resolve({ signals: [], supportRequests: [] }) },
      agendaLeadMs: 86_400_000,
    };
    await seedDemoTeam(checkInDeps, { serviceUrl: 'http://127.0.0.1:1/' });
    // As the app wires them (src/composition/jobs.ts).
    const checkInHandlers = checkInJobHandlers(checkInDeps);
    handlers = {
      ...checkInHandlers,
      ...reviewJobHandlers(reviewDeps),
      ...reviewSessionJobHandlers({
        ...reviewDeps,
        sessions: reviewSessions,
        messenger: checkInDeps.messenger,
        charterLinks: checkInDeps.charterLinks,
      }),
      [JOB_KINDS.installsDeleteTeam]: cancelReviewSeriesBeforeDeletion(
        reviewDeps,
        checkInHandlers[JOB_KINDS.installsDeleteTeam],
      ),
    };
  });
  afterAll(async () => {
    await graph.close();
    await db.dispose();
  });

  /** Runs every due job of the given kinds (only those), as the worker would. */
  async function runJobs(kinds: readonly JobKind[]): Promise<void> {
    const only: Partial<Record<JobKind, JobHandler>> = {};
    for (const kind of kinds) only[kind] = handlers[kind];
    while (
      (await runDueJobs(
        {
          queue: checkInDeps.jobs,
          clock: checkInDeps.clock,
          log: checkInDeps.log,
          handlers: only,
          workerId: 't',
          leaseMs: 60_000,
        },
        20,
      )) > 0
    );
  }

  async function jobStates(scope: TeamScope, kind: string): Promise<string[]> {
    const rows = await db.query(
      'select state from jobs where tenant_id = $1 and team_id = $2 and kind = $3',
      [scope.tenantId, scope.teamId, kind],
    );
    return rows.rows.map((r) => (r as { state: string }).state);
  }

  async function reviewSeriesRows(scope: TeamScope): Promise<number> {
    const rows = await db.query('select 1 from review_series where tenant_id = $1 and team_id = $2', [
      scope.tenantId,
      scope.teamId,
    ]);
    return rows.rows.length;
  }

  /** A fresh team (the demo team's members and charter under a new id) with its series booked on the sandbox. */
  async function installedTeam(): Promise<TeamScope> {
    const demo = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
    const scope = { tenantId: DEMO_TEAM.tenantId, teamId: randomUUID() };
    const installation = await checkInDeps.installs.getInstallation(demo);
    const charter = await checkInDeps.charters.getCurrent(demo);
    if (!installation || !charter) throw new Error('no demo team');
    await checkInDeps.installs.saveInstallation({
      ...installation,
      ...scope,
      teamsTeamId: `19:${scope.teamId}@thread.tacv2`,
    });
    await checkInDeps.installs.upsertMembers(scope, DEMO_MEMBERS);
    await checkInDeps.charters.saveVersion(scope, {
      expectedVersion: 0,
      content: charter.content,
      author: { id: DEMO_MEMBERS[0]?.aadObjectId as string, name: 'Adele Vance' },
      why: null,
      summary: 'Charter created',
      at: now,
    });
    return scope;
  }

  async function bookedTeam(): Promise<{ scope: TeamScope; record: ReviewSeriesRecord }> {
    const scope = await installedTeam();
    const record = await syncReviewSeries(reviewDeps, scope);
    if (!record?.graphSeriesId) throw new Error('not booked');
    return { scope, record };
  }

  it('cancels the series in Outlook at once, and deletes the data (with review_series) only after the grace period', async () => {
    const { scope, record } = await bookedTeam();
    const seriesId = record.graphSeriesId as string;
    expect(graph.running.sandbox.store.events.get(seriesId)?.cancelled).toBeNull();

    await uninstallTeam(checkInDeps, scope);
    expect(await jobStates(scope, JOB_KINDS.reviewsCancel)).toEqual(['queued']);
    await runJobs([JOB_KINDS.reviewsCancel, JOB_KINDS.installsDeleteTeam]);

    // Cancelled in the organizer's calendar, with the comment attendees see; the record is still there.
    expect(graph.running.sandbox.store.events.get(seriesId)?.cancelled?.comment).toBe(UNINSTALLED_COMMENT);
    expect(await reviewDeps.reviews.getSeries(scope)).toMatchObject({
      state: 'cancelled',
      graphSeriesId: seriesId,
    });
    expect(await checkInDeps.installs.getInstallation(scope)).not.toBeNull();

    now = new Date(now.getTime() + GRACE_MS + 60_000);
    await runJobs([JOB_KINDS.installsDeleteTeam]);
    expect(await jobStates(scope, JOB_KINDS.installsDeleteTeam)).toEqual(['done']);
    expect(await checkInDeps.installs.getInstallation(scope)).toBeNull();
    expect(await reviewSeriesRows(scope)).toBe(0);
    expect(graph.running.sandbox.store.events.get(seriesId)?.cancelled?.comment).toBe(UNINSTALLED_COMMENT);
  });

  it('when the cancel job could not reach the mailbox, the deletion cancels the series first', async () => {
    const { scope, record } = await bookedTeam();
    const seriesId = record.graphSeriesId as string;
    graph.running.sandbox.setMailbox(ORGANIZER, { denied: true });
    await uninstallTeam(checkInDeps, scope);
    await runJobs([JOB_KINDS.reviewsCancel]);
    expect(await jobStates(scope, JOB_KINDS.reviewsCancel)).toEqual(['dead']);
    expect(graph.running.sandbox.store.events.get(seriesId)?.cancelled).toBeNull();

    graph.running.sandbox.setMailbox(ORGANIZER, { denied: false });
    now = new Date(now.getTime() + GRACE_MS + 60_000);
    await runJobs([JOB_KINDS.installsDeleteTeam]);
    expect(graph.running.sandbox.store.events.get(seriesId)?.cancelled?.comment).toBe(UNINSTALLED_COMMENT);
    expect(await reviewSeriesRows(scope)).toBe(0);
    expect(await checkInDeps.installs.getInstallation(scope)).toBeNull();
  });

  it('a throttled mailbox holds the deletion back (retried later) instead of losing the series id', async () => {
    const { scope, record } = await bookedTeam();
    graph.running.sandbox.setMailbox(ORGANIZER, { denied: true });
    await uninstallTeam(checkInDeps, scope);
    await runJobs([JOB_KINDS.reviewsCancel]);
    graph.running.sandbox.setMailbox(ORGANIZER, { denied: false });
    // The cancel call answers 503 more often than the transport retries (1).
    graph.running.sandbox.injectFault({
      status: 503,
      retryAfterSeconds: null,
      times: 4,
      pathIncludes: '/cancel',
    });
    now = new Date(now.getTime() + GRACE_MS + 60_000);
    await runDueJobs(
      {
        queue: checkInDeps.jobs,
        clock: checkInDeps.clock,
        log: checkInDeps.log,
        handlers,
        workerId: 't',
        leaseMs: 60_000,
      },
      20,
    );
    expect(await jobStates(scope, JOB_KINDS.installsDeleteTeam)).toEqual(['queued']);
    expect(await reviewSeriesRows(scope)).toBe(1);
    // Retried with backoff until the mailbox answers again.
    for (let pass = 0; pass < 5 && (await reviewSeriesRows(scope)) > 0; pass++) {
      now = new Date(now.getTime() + 3_600_000);
      await runJobs([JOB_KINDS.installsDeleteTeam]);
    }
    expect(await jobStates(scope, JOB_KINDS.installsDeleteTeam)).toEqual(['done']);
    expect(graph.running.sandbox.store.events.get(record.graphSeriesId as string)?.cancelled?.comment).toBe(
      UNINSTALLED_COMMENT,
    );
    expect(await reviewSeriesRows(scope)).toBe(0);
  });

  it('a reinstall within the grace period keeps the team’s data, and its new series', async () => {
    const { scope } = await bookedTeam();
    await uninstallTeam(checkInDeps, scope);
    await runJobs([JOB_KINDS.reviewsCancel]);
    const installation = await checkInDeps.installs.getInstallation(scope);
    if (!installation) throw new Error('gone');
    await checkInDeps.installs.saveInstallation({ ...installation, uninstalledAt: null });
    const rebooked = await syncReviewSeries(reviewDeps, scope);
    now = new Date(now.getTime() + GRACE_MS + 60_000);
    await runJobs([JOB_KINDS.installsDeleteTeam]);
    expect(await checkInDeps.installs.getInstallation(scope)).not.toBeNull();
    expect(graph.running.sandbox.store.events.get(rebooked?.graphSeriesId as string)?.cancelled).toBeNull();
  });

  it('a create that crashed before recording its answer is still found (by transactionId) and cancelled', async () => {
    const scope = await installedTeam();
    const crashing: ReviewStore = Object.create(reviewDeps.reviews) as ReviewStore;
    crashing.saveSeries = async (r: ReviewSeriesRecord) => {
      if (r.state === 'booked') throw new Error('process killed');
      return reviewDeps.reviews.saveSeries(r);
    };
    await expect(syncReviewSeries({ ...reviewDeps, reviews: crashing }, scope)).rejects.toThrow(
      'process killed',
    );
    const pending = await reviewDeps.reviews.getSeries(scope);
    expect(pending).toMatchObject({ state: 'creating', graphSeriesId: null });
    const booked = graph.running.sandbox.store
      .eventsOf(ORGANIZER)
      .filter((e) => e.transactionId === pending?.transactionId);
    expect(booked).toHaveLength(1);

    await uninstallTeam(checkInDeps, scope);
    await runJobs([JOB_KINDS.reviewsCancel]);
    expect(graph.running.sandbox.store.events.get(booked[0]?.id as string)?.cancelled?.comment).toBe(
      UNINSTALLED_COMMENT,
    );
    expect(
      graph.running.sandbox.store
        .eventsOf(ORGANIZER)
        .filter((e) => e.transactionId === pending?.transactionId),
    ).toEqual([]);
  });
});
