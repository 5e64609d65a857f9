/** The durable job queue's port: what producers enqueue and what workers claim, renew and settle. */
import type { TeamScope } from '../common-ports';
import type { JOB_KINDS } from './job-kinds';

/** Every durable job kind this build enqueues and runs (job-kinds.ts names each). */
export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];
export type CheckInJobKind = Extract<JobKind, `checkins.${string}`>;
export type ReviewJobKind = Extract<JobKind, `reviews.${string}`>;
export type ReviewSessionJobKind = Extract<JobKind, `review-session.${string}`>;
export type InstallJobKind = Extract<JobKind, `installs.${string}`>;

/** `K`: the kinds a producer may enqueue; the app's own unless a test of the queue itself brings its own. */
export interface JobSpec<K extends string = JobKind> {
  scope: TeamScope;
  /** What to do, e.g. `checkins.round.open`. */
  kind: K;
  /** Unique per team and kind: enqueuing the same key twice is a no-op (idempotent). */
  key: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Attempts before the job is dead-lettered. Default 5. */
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  scope: TeamScope;
  /** As the table holds it: a kind is claimed only by a worker with a handler for it. */
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /** Including the current one. */
  attempts: number;
  maxAttempts: number;
  /** Proof of the lease; completing or failing with a lost lease throws `ConflictError`. */
  leaseToken: string;
  leaseExpiresAt: Date;
}

export type JobState = 'queued' | 'running' | 'done' | 'dead' | 'cancelled';

export interface JobStatus {
  id: string;
  kind: string;
  key: string;
  state: JobState;
  attempts: number;
  runAt: Date;
  lastError: string | null;
}

export interface JobFailure {
  now: Date;
  error: string;
  /** False: dead-letter at once. True: retry with exponential backoff until `maxAttempts`, then dead-letter. */
  retryable: boolean;
  /** Overrides the backoff (e.g. an upstream `Retry-After`). */
  retryAfterMs?: number;
}

/** What a worker claims: up to `limit` due jobs, for `leaseMs`, of `kinds` (default: any). */
export interface ClaimOptions {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
  kinds?: readonly string[];
  /** Leaves these tenants' jobs for later (their upstream budget is spent for now: `TenantPacing`). */
  skipTenants?: readonly string[];
}

export interface JobQueue<K extends string = JobKind> {
  enqueue(spec: JobSpec<K>): Promise<{ id: string; created: boolean }>;
  /**
   * Claims up to `limit` due jobs (queued with `runAt <= now`, or running with an expired lease) with a lease of
   * `leaseMs`, using `FOR UPDATE SKIP LOCKED` so concurrent workers never claim the same job.
   */
  claim(options: ClaimOptions): Promise<ClaimedJob[]>;
  /**
   * Extends the lease of a job the caller still holds to `now + leaseMs`; false when it no longer holds it (the lease
   * expired and another worker reclaimed the job, or the job was cancelled). Workers renew while a job runs.
   */
  renewLease(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean>;
  /**
   * Gives back a claimed job without counting this attempt: queued again, due at `runAt` (default: when it was due).
   * For a job not started (a stopping worker), or one that stepped aside for a throttled upstream.
   */
  release(job: ClaimedJob, now: Date, runAt?: Date): Promise<void>;
  complete(job: ClaimedJob, now: Date): Promise<void>;
  fail(job: ClaimedJob, failure: JobFailure): Promise<void>;
  /** Cancels every queued or running job of the team; returns how many. */
  cancelTeamJobs(scope: TeamScope): Promise<number>;
  getJob(scope: TeamScope, id: string): Promise<JobStatus | null>;
}

/**
 * Which tenants' upstream budget (the Bot Connector's, per tenant) is spent for now, so a worker serves other tenants:
 * `heldOff` tenants (a 429 holds them back: their jobs would only step aside) are not claimed while held; `saturated`
 * ones (requests already queued for their budget) are claimed only when no other tenant's jobs are due.
 */
export interface TenantPacing {
  busyTenants(): { heldOff: readonly string[]; saturated: readonly string[] };
}

/** Does one job's work. Throw `UpstreamError` (retryable or not) for a dependency's failure; anything else is a bug. */
export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** A feature's handlers: one for each of its kinds. */
export type JobHandlers<K extends string = JobKind> = Readonly<Record<K, JobHandler>>;
