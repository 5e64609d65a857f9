/**
 * Booking, then re-scheduling, the review series of 100 teams through the real job flow: `reviews.sync` jobs in the
 * durable queue (PGlite), the review use cases, the real Graph adapter (msal-node + graph-client) against the Graph
 * sandbox with 20 ms of service time per request and Outlook's limit of 4 concurrent requests per mailbox
 * (25 organizers, 4 teams each). Compares the review worker (jobs of many teams at once → `$batch`) with the plain
 * worker (one job after the other, as every other kind runs), both measured in this run. Prints Graph HTTP calls vs the
 * naive one-call-per-event count, wall time vs the bound the per-mailbox limit sets, and duplicates.
 * Run: `npx tsx bench/review-booking.ts`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pino from 'pino';

import { createAppTokenSource } from '../src/adapters/graph/app-token-provider';
import { GraphCalendar } from '../src/adapters/graph/graph-calendar';
import { GraphReviewMeetings } from '../src/adapters/graph/graph-review-meetings';
import { GraphTransport } from '../src/adapters/graph/graph-transport';
import type { Database } from '../src/adapters/storage/database';
import { openDatabase } from '../src/adapters/storage/open-database';
import { postgresStores } from '../src/adapters/storage/postgres-stores';
import type { TeamScope } from '../src/app/common-ports';
import { JOB_KINDS } from '../src/app/jobs/job-kinds';
import { type JobRunnerDeps, runDueJobs } from '../src/app/jobs/run-due-jobs';
import { NO_REVIEW_SIGNALS, type ReviewDeps } from '../src/app/reviews/review-deps';
import { reviewJobHandlers } from '../src/app/reviews/review-job-handlers';
import { runReviewJobs } from '../src/app/reviews/run-review-jobs';
import type { Cadence } from '../src/domain/cadence/cadence';
import type { CharterContent } from '../src/domain/charter/charter';
import { startGraphSandbox } from '../src/sandbox/graph/graph-sandbox-router';
import { installReviewTeam } from '../tests/support/review-teams';

const TEAMS = 100;
const ORGANIZERS = 25;
const LATENCY_MS = 20;
/** As the app runs them (src/composition/jobs.ts, reviews.ts). */
const REVIEW_WORKER = { batch: 40, batchWindowMs: 10 };
const PLAIN_WORKER = { batch: 10 };

function cadence(team: number, startTime: string): Cadence {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
  return {
    pattern: {
      kind: 'weekly',
      interval: 2,
      daysOfWeek: [(['monday', 'tuesday', 'thursday'] as const)[team % 3] ?? 'monday'],
    },
    startTime,
    durationMinutes: 60,
    timeZone: zones[team % zones.length] ?? 'UTC',
    // far enough ahead that no agenda job falls due during the run
    startDate: '2027-06-07',
    endDate: null,
  };
}

function content(team: number, organizerId: string, startTime: string): CharterContent {
  return {
    purpose: `Team ${team} helps customers.`,
    nonNegotiables: [],
    outcomes: [{ id: `o-${team}`, title: 'Customers are happy', measure: null }],
    boundaries: [],
    checkIns: null,
    review: { cadence: cadence(team, startTime), organizerId },
    timeZone: cadence(team, startTime).timeZone,
    editorIds: [organizerId],
  };
}

interface Phase {
  ms: number;
  http: number;
  batches: number;
  operations: number;
  maxInFlight: number;
  throttled: number;
  passes: number;
}

async function run(
  db: Database,
  mode: 'review worker' | 'plain worker',
): Promise<{ book: Phase; reschedule: Phase; live: number; duplicates: number; perTeam: number }> {
  const tenantId = `bench-${mode.replace(' ', '-')}-${randomUUID().slice(0, 8)}`;
  const running = await startGraphSandbox({ latencyMs: LATENCY_MS, clients: { bench: 'secret' } });
  const transport = new GraphTransport({
    graphBaseUrl: running.graphBaseUrl,
    accessToken: createAppTokenSource({
      clientId: 'bench',
      clientSecret: 'secret',
      tenantId,
      authorityHost: 'https://login.microsoftonline.com',
      tokenEndpoint: running.tokenEndpoint(tenantId),
    }),
    retryDelaySeconds: 1,
    ...(mode === 'review worker' ? { batchWindowMs: REVIEW_WORKER.batchWindowMs } : {}),
  });
  const { charters, installs, jobs, reviews } = postgresStores(db);
  const clock = { now: () => new Date() };
  const deps: ReviewDeps = {
    charters,
    installs,
    jobs,
    reviews,
    calendar: new GraphCalendar(transport),
    meetings: new GraphReviewMeetings(transport),
    // The bench's catalog has no Team Charter: each series' meeting-app job stops after one look-up.
    meetingApp: {
      manifestId: randomUUID(),
      catalogAppId: null,
      tabEndpoint: 'https://charter.contoso.example',
    },
    signals: NO_REVIEW_SIGNALS,
    clock,
    ids: { next: () => randomUUID() },
    log: pino({ level: 'silent' }),
    agendaLeadMs: 86_400_000,
  };
  const runner: JobRunnerDeps = {
    queue: jobs,
    clock,
    log: deps.log,
    handlers: reviewJobHandlers(deps),
    workerId: 'bench',
    leaseMs: 120_000,
  };

  // 100 installed teams, each with its organizer (25 mailboxes) and three members.
  const scopes: TeamScope[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const scope = { tenantId, teamId: randomUUID() };
    scopes.push(scope);
    await installReviewTeam(
      installs,
      scope,
      t,
      `organizer${t % ORGANIZERS}@contoso.example`,
      [1, 2, 3].map((m) => ({
        aadObjectId: `m-${t}-${m}`,
        teamsUserId: null,
        name: `Member ${t}.${m}`,
        email: `member${t}.${m}@contoso.example`,
        timeZone: null,
      })),
    );
  }

  async function phase(version: number, startTime: string): Promise<Phase> {
    for (const [t, scope] of scopes.entries()) {
      await charters.saveVersion(scope, {
        expectedVersion: version - 1,
        content: content(t, `org-${t}`, startTime),
        author: { id: `org-${t}`, name: `Organizer ${t}` },
        why: null,
        summary: version === 1 ? 'Charter created' : 'Review moved',
        at: new Date(),
      });
      await jobs.enqueue({
        scope,
        kind: JOB_KINDS.reviewsSync,
        key: `v${version}`,
        runAt: new Date(),
        payload: {},
      });
    }
    running.sandbox.resetStats();
    const t0 = performance.now();
    let passes = 0;
    for (;;) {
      const ran =
        mode === 'review worker'
          ? await runReviewJobs(runner, REVIEW_WORKER.batch)
          : await runDueJobs(runner, PLAIN_WORKER.batch);
      if (ran === 0) break;
      passes += 1;
    }
    const ms = performance.now() - t0;
    const s = running.sandbox.stats;
    return {
      ms,
      http: s.httpRequests,
      batches: s.batches,
      operations: s.operations,
      maxInFlight: s.maxInFlightPerMailbox,
      throttled: s.throttled,
      passes,
    };
  }

  const book = await phase(1, '15:00');
  const reschedule = await phase(2, '10:30');
  const live = running.sandbox.store.liveEvents();
  const duplicates = live.length - new Set(live.map((e) => e.transactionId)).size;
  const failed = await db.query(
    `SELECT count(*)::int AS n FROM jobs WHERE tenant_id = $1 AND state <> 'done' AND kind = $2`,
    [tenantId, JOB_KINDS.reviewsSync],
  );
  if ((failed.rows[0] as { n: number }).n !== 0) throw new Error(`${mode}: some sync jobs did not finish`);
  await running.close();
  return { book, reschedule, live: live.length, duplicates, perTeam: live.length / TEAMS };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-reviews-'));
  const db = await openDatabase({ dataDir: path.join(dir, 'db') });
  try {
    await run(db, 'review worker'); // warm-up: module loading, JIT, PGlite caches; not measured
    const plain = await run(db, 'plain worker');
    const review = await run(db, 'review worker');
    const bound = Math.ceil(TEAMS / ORGANIZERS / 4) * LATENCY_MS;
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `review-booking (job flow): ${TEAMS} teams, ${ORGANIZERS} organizer mailboxes, ${LATENCY_MS} ms per Graph request, ≤ 4 in flight per mailbox, PGlite`,
    );
    for (const [name, r] of [
      ['plain worker (1 job at a time)', plain],
      [`review worker (${REVIEW_WORKER.batch} at once, ${REVIEW_WORKER.batchWindowMs} ms window)`, review],
    ] as const) {
      const p = (label: string, x: Phase) =>
        `${label}: ${x.http} HTTP calls (${x.batches} $batch, ${x.operations} operations), ${x.ms.toFixed(0)} ms, max in flight/mailbox ${x.maxInFlight}, 429s ${x.throttled}`;
      out(`  ${name}`);
      out(`    ${p('book      ', r.book)}`);
      out(`    ${p('re-schedule', r.reschedule)}`);
      out(`    live series ${r.live} (${r.perTeam} per team), duplicates ${r.duplicates}`);
    }
    out(
      `  HTTP calls vs naive (${TEAMS} per phase, one per event): review worker book ${(review.book.http / TEAMS).toFixed(2)}×, re-schedule ${(review.reschedule.http / TEAMS).toFixed(2)}×; plain worker ${(plain.book.http / TEAMS).toFixed(2)}×, ${(plain.reschedule.http / TEAMS).toFixed(2)}×`,
    );
    out(
      `  wall time vs the per-mailbox bound (${bound} ms of Graph service time per phase): review worker book ${(review.book.ms / bound).toFixed(1)}×, re-schedule ${(review.reschedule.ms / bound).toFixed(1)}×; plain worker ${(plain.book.ms / bound).toFixed(1)}×, ${(plain.reschedule.ms / bound).toFixed(1)}×`,
    );
    out(
      `  review worker vs plain worker wall time: book ${(review.book.ms / plain.book.ms).toFixed(2)}×, re-schedule ${(review.reschedule.ms / plain.reschedule.ms).toFixed(2)}×`,
    );
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
