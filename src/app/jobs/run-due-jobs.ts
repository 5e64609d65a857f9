import { ThrottledError, UpstreamError, UserError } from '../../domain/errors';
import type { Clock, Log, Metrics } from '../common-ports';
import type { ClaimedJob, JobHandler, JobQueue, TenantPacing } from './job-ports';

export interface JobRunnerDeps {
  /** The runner only claims and settles jobs: it runs any kind it is given a handler for. */
  queue: Pick<JobQueue, 'claim' | 'renewLease' | 'release' | 'complete' | 'fail'>;
  clock: Clock;
  log: Log;
  /** Only kinds with a handler are claimed; others wait in the queue for a build that knows them. */
  handlers: Readonly<Partial<Record<string, JobHandler>>>;
  workerId: string;
  leaseMs: number;
  /** Counts each job's outcome and duration by kind (optional: tests and tools run without). */
  metrics?: Metrics;
  /** Busy tenants' jobs are claimed only when no other tenant's are due (optional: without it, in run-time order). */
  pacing?: TenantPacing;
  /** True once the worker is stopping: jobs claimed but not started yet are released, not run. */
  stopping?: () => boolean;
}

/**
 * One pass of the worker: claims up to `limit` due jobs and runs them one after the other. A handler that resolves
 * completes its job; one that throws fails it: retried with backoff when the error may pass (an upstream that said so,
 * or an unexpected error), dead-lettered at once when it cannot (a non-retryable upstream answer, a user error).
 * Returns how many jobs it ran.
 */
export async function runDueJobs(deps: JobRunnerDeps, limit: number): Promise<number> {
  const jobs = await claimDueJobs(deps, limit);
  for (const job of jobs) await runOne(deps, job);
  return jobs.length;
}

/**
 * A job's lease is renewed before it starts once a third of the lease has passed since the claim (a batch's later
 * jobs wait for the earlier ones), and every third of a lease while it runs; a job whose lease was lost meanwhile
 * is not started, so a slow batch never runs a job that another worker has reclaimed (no duplicate card).
 */
async function holdLease(deps: JobRunnerDeps, job: ClaimedJob): Promise<boolean> {
  const now = deps.clock.now();
  if (job.leaseExpiresAt.getTime() - now.getTime() > (deps.leaseMs * 2) / 3) return true;
  if (!(await deps.queue.renewLease(job, now, deps.leaseMs))) return false;
  job.leaseExpiresAt = new Date(now.getTime() + deps.leaseMs);
  return true;
}

function keepLeaseWhileRunning(deps: JobRunnerDeps, job: ClaimedJob, fields: object): () => void {
  const timer = setInterval(
    () => {
      deps.queue.renewLease(job, deps.clock.now(), deps.leaseMs).then(
        (held) => {
          if (!held) deps.log.warn(fields, 'job.lease.lost');
        },
        (error: unknown) => deps.log.warn({ ...fields, err: error }, 'job.lease.renew.failed'),
      );
    },
    Math.max(deps.leaseMs / 3, 10),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Claims up to `limit` due jobs of the kinds this runner has handlers for (none when it has no handlers). While some
 * tenants' budget is spent (`pacing`), other tenants' jobs come first, so a worker does not wait on one tenant while
 * another's work is due: saturated tenants' jobs only when nothing else is due, held-off tenants' not until their
 * hold ends (they would only step aside).
 */
export async function claimDueJobs(deps: JobRunnerDeps, limit: number): Promise<ClaimedJob[]> {
  const kinds = Object.entries(deps.handlers).flatMap(([kind, handler]) => (handler ? [kind] : []));
  if (kinds.length === 0) return [];
  const claim = (skipTenants: readonly string[]) =>
    deps.queue.claim({
      workerId: deps.workerId,
      now: deps.clock.now(),
      leaseMs: deps.leaseMs,
      limit,
      kinds,
      ...(skipTenants.length > 0 ? { skipTenants } : {}),
    });
  const { heldOff, saturated } = deps.pacing?.busyTenants() ?? { heldOff: [], saturated: [] };
  if (saturated.length > 0) {
    const others = await claim([...heldOff, ...saturated]);
    if (others.length > 0) return others;
  }
  return claim(heldOff);
}

/** Runs one claimed job and completes or fails it (see `runDueJobs`); for runners that claim on their own. */
export async function runOne(deps: JobRunnerDeps, job: ClaimedJob): Promise<void> {
  const fields = { jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts, ...job.scope };
  const handler = deps.handlers[job.kind];
  if (deps.stopping?.()) {
    await deps.queue.release(job, deps.clock.now());
    deps.log.info(fields, 'job.released');
    return;
  }
  if (!(await holdLease(deps, job))) {
    deps.log.warn(fields, 'job.lease.lost');
    return;
  }
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const stopRenewing = keepLeaseWhileRunning(deps, job, fields);
  try {
    if (!handler) throw new Error(`No handler for job kind ${job.kind}.`);
    await handler(job);
  } catch (error) {
    stopRenewing();
    if (error instanceof ThrottledError && error.retryAfterMs !== undefined) {
      // The tenant's upstream budget is held back: step aside, uncounted, and let this worker serve other tenants.
      const now = deps.clock.now();
      deps.metrics?.jobFinished(job.kind, 'throttled', seconds());
      await deps.queue.release(job, now, new Date(now.getTime() + error.retryAfterMs));
      deps.log.info({ ...fields, retryAfterMs: error.retryAfterMs }, 'job.throttled');
      return;
    }
    const retryable = error instanceof UpstreamError ? error.retryable : !(error instanceof UserError);
    const willRetry = retryable && job.attempts < job.maxAttempts;
    const reason = retryable ? 'transient' : 'permanent';
    deps.metrics?.jobFinished(job.kind, willRetry ? 'retry' : 'dead', seconds());
    deps.metrics?.jobFailed(job.kind, reason);
    // One line per failure; a permanent one says what an admin must do (`advice`), since no retry will fix it.
    const advice = error instanceof UpstreamError ? error.advice : null;
    deps.log[willRetry ? 'warn' : 'error'](
      { ...fields, err: error, willRetry, reason, ...(advice ? { advice } : {}) },
      'job.failed',
    );
    await deps.queue.fail(job, {
      now: deps.clock.now(),
      error: error instanceof Error ? error.message : String(error),
      retryable,
      ...(error instanceof UpstreamError && error.retryAfterMs !== undefined
        ? { retryAfterMs: error.retryAfterMs }
        : {}),
    });
    return;
  }
  stopRenewing();
  deps.metrics?.jobFinished(job.kind, 'done', seconds());
  await deps.queue.complete(job, deps.clock.now());
  deps.log.debug(fields, 'job.done');
}
