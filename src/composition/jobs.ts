/** The durable jobs: every kind's handler, and the workers that claim them. */
import { hostname } from 'node:os';

import { JobWorker, type JobWorkerOptions } from '../adapters/scheduler/job-worker';
import { checkInJobHandlers } from '../app/checkins/check-in-job-handlers';
import type { CheckInDeps } from '../app/checkins/checkin-deps';
import { JOB_KINDS } from '../app/jobs/job-kinds';
import type { JobHandler, JobHandlers, JobKind } from '../app/jobs/job-ports';
import type { JobRunnerDeps } from '../app/jobs/run-due-jobs';
import type { ReviewDeps } from '../app/reviews/review-deps';
import { cancelReviewSeriesBeforeDeletion, reviewJobHandlers } from '../app/reviews/review-job-handlers';
import type { ReviewSessionDeps } from '../app/reviews/review-session-deps';
import { reviewSessionJobHandlers } from '../app/reviews/review-session-job-handlers';
import { runReviewJobs } from '../app/reviews/run-review-jobs';

/** One handler for every kind the app enqueues (the type checks that none is missing). */
export function jobHandlers(
  checkIns: CheckInDeps,
  reviews: ReviewDeps,
  reviewSessions: ReviewSessionDeps,
): JobHandlers {
  const checkInHandlers = checkInJobHandlers(checkIns);
  return {
    ...checkInHandlers,
    ...reviewJobHandlers(reviews),
    ...reviewSessionJobHandlers(reviewSessions),
    // The review series is cancelled before the uninstalled team's data goes.
    [JOB_KINDS.installsDeleteTeam]: cancelReviewSeriesBeforeDeletion(
      reviews,
      checkInHandlers[JOB_KINDS.installsDeleteTeam],
    ),
  };
}

const isReviewJob = (kind: JobKind) => kind.startsWith('reviews.');
const isCardFanOut = (kind: JobKind) =>
  kind === JOB_KINDS.checkinsDeliver || kind === JOB_KINDS.checkinsNudgeMember;

interface WorkerPlan extends Pick<JobWorkerOptions, 'batch' | 'pass'> {
  /** Added to the worker id (`<host>:<pid>`). */
  name: string;
  runs: (kind: JobKind) => boolean;
  leaseMs: number;
  /** Claims other tenants' jobs first while a tenant's Bot Connector budget is spent (`TenantPacing`). */
  paced: boolean;
}

/**
 * Card fan-out workers per instance. Each runs one job at a time; six keep every tenant's budget busy while some wait
 * on a throttled tenant or on the database. Two jobs per claim: a claim looks at the tenants that are busy right now.
 */
const FAN_OUT_WORKERS = 6;
const FAN_OUT_BATCH = 2;

/**
 * Starts the workers: the main one (everything but the review jobs); the review worker, which runs many teams' jobs
 * at once so their Graph calls share `$batch` requests; and several for card fan-out alone, so a round's cards go out
 * as fast as the Teams limits allow (the Messenger's limiter is the pace, per tenant) while the main worker carries on.
 * `jobLeaseMs` replaces the leases (tests: a killed process's jobs are claimed again within a test's time).
 */
export function startJobWorkers(
  handlers: JobHandlers,
  deps: Pick<JobRunnerDeps, 'queue' | 'clock' | 'log' | 'metrics' | 'pacing'>,
  jobLeaseMs?: number,
): { stop(): Promise<void> } {
  const leaseMs = jobLeaseMs ?? 60_000;
  const plans: WorkerPlan[] = [
    { name: '', runs: (kind) => !isReviewJob(kind), batch: 10, leaseMs, paced: true },
    {
      name: ':reviews',
      runs: isReviewJob,
      batch: 40,
      leaseMs: jobLeaseMs ?? 120_000,
      pass: runReviewJobs,
      paced: false,
    },
    ...Array.from({ length: FAN_OUT_WORKERS }, (_, i) => ({
      name: `:fan-out-${i}`,
      runs: isCardFanOut,
      batch: FAN_OUT_BATCH,
      leaseMs,
      paced: true,
    })),
  ];
  const { pacing, ...common } = deps;
  const workers = plans.map(
    (plan) =>
      new JobWorker(
        {
          ...common,
          ...(plan.paced && pacing ? { pacing } : {}),
          handlers: only(handlers, plan.runs),
          workerId: `${hostname()}:${process.pid}${plan.name}`,
          leaseMs: plan.leaseMs,
        },
        { idleMs: 1_000, batch: plan.batch, ...(plan.pass ? { pass: plan.pass } : {}) },
      ),
  );
  for (const worker of workers) worker.start();
  return {
    // The current passes finish, and release the jobs they claimed but did not start.
    async stop() {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}

function only(handlers: JobHandlers, runs: (kind: JobKind) => boolean): Partial<Record<JobKind, JobHandler>> {
  const picked: Partial<Record<JobKind, JobHandler>> = {};
  for (const kind of Object.values(JOB_KINDS)) if (runs(kind)) picked[kind] = handlers[kind];
  return picked;
}
