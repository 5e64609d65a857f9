import { UpstreamError, UserError } from '../../domain/errors';
import type { ClaimedJob, Clock, JobQueue, Log } from '../ports';

/** Does one job's work. Throw `UpstreamError` (retryable or not) for a dependency's failure; anything else is a bug. */
export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobRunnerDeps {
  queue: JobQueue;
  clock: Clock;
  log: Log;
  /** Only kinds with a handler are claimed; others wait in the queue for a build that knows them. */
  handlers: Readonly<Record<string, JobHandler>>;
  workerId: string;
  leaseMs: number;
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

/** Claims up to `limit` due jobs of the kinds this runner has handlers for (none when it has no handlers). */
export async function claimDueJobs(deps: JobRunnerDeps, limit: number): Promise<ClaimedJob[]> {
  const kinds = Object.keys(deps.handlers);
  if (kinds.length === 0) return [];
  return deps.queue.claim({
    workerId: deps.workerId,
    now: deps.clock.now(),
    leaseMs: deps.leaseMs,
    limit,
    kinds,
  });
}

/** Runs one claimed job and completes or fails it (see `runDueJobs`); for runners that claim on their own. */
export async function runOne(deps: JobRunnerDeps, job: ClaimedJob): Promise<void> {
  const fields = { jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts, ...job.scope };
  const handler = deps.handlers[job.kind];
  try {
    if (!handler) throw new Error(`No handler for job kind ${job.kind}.`);
    await handler(job);
  } catch (error) {
    const retryable = error instanceof UpstreamError ? error.retryable : !(error instanceof UserError);
    const willRetry = retryable && job.attempts < job.maxAttempts;
    deps.log[willRetry ? 'warn' : 'error']({ ...fields, err: error, willRetry }, 'job.failed');
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
  await deps.queue.complete(job, deps.clock.now());
  deps.log.debug(fields, 'job.done');
}
