import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { TeamScope } from '../../app/common-ports';
import type {
  ClaimedJob,
  ClaimOptions,
  JobFailure,
  JobKind,
  JobQueue,
  JobSpec,
  JobState,
  JobStatus,
} from '../../app/jobs/job-ports';
import { ConflictError } from '../../domain/errors';
import type { Database } from './database';
import { jsonObject, parseRow, parseRows } from './rows';

const DEFAULT_MAX_ATTEMPTS = 5;

export interface JobQueueOptions {
  /** First retry delay; each retry doubles it. Default 2 s. */
  backoffBaseMs?: number;
  /** Longest retry delay. Default 15 min. */
  backoffCapMs?: number;
  /** Source of jitter in [0, 1). Default Math.random; tests pin it. */
  random?: () => number;
}

/**
 * Delay before retry number `attempts` (1 = after the first failure): base × 2^(attempts−1), capped, with "equal
 * jitter" (half fixed, half random) so a burst of failures does not retry in lockstep yet never retries at once.
 */
export function retryDelayMs(
  attempts: number,
  options: { backoffBaseMs: number; backoffCapMs: number; random: () => number },
): number {
  const exponential = Math.min(options.backoffCapMs, options.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + options.random() * (exponential / 2));
}

const JOB_STATES = ['queued', 'running', 'done', 'dead', 'cancelled'] as const satisfies readonly JobState[];

const claimedRow = z.object({
  id: z.string(),
  tenant_id: z.string(),
  team_id: z.string(),
  kind: z.string(),
  key: z.string(),
  payload: jsonObject,
  run_at: z.date(),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  lease_token: z.string(),
  lease_expires_at: z.date(),
});

const statusRow = z.object({
  id: z.string(),
  kind: z.string(),
  key: z.string(),
  state: z.enum(JOB_STATES),
  attempts: z.number().int(),
  run_at: z.date(),
  last_error: z.string().nullable(),
});

const attemptsRow = z.object({ attempts: z.number().int(), max_attempts: z.number().int() });
const idRow = z.object({ id: z.string() });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Durable jobs in the `jobs` table. Claims use `FOR UPDATE SKIP LOCKED`, so any number of workers (processes or app
 * instances on one PostgreSQL) never claim the same job; a worker that dies loses its lease and the job is claimed
 * again once the lease expires. Time is always the caller's `now` (never SQL's), so tests control the clock.
 * `K`: the kinds it may be asked to enqueue (the app's; tests of the queue itself bring their own).
 */
export class PostgresJobQueue<K extends string = JobKind> implements JobQueue<K> {
  private readonly backoff: { backoffBaseMs: number; backoffCapMs: number; random: () => number };

  constructor(
    private readonly db: Database,
    options: JobQueueOptions = {},
  ) {
    this.backoff = {
      backoffBaseMs: options.backoffBaseMs ?? 2_000,
      backoffCapMs: options.backoffCapMs ?? 15 * 60_000,
      random: options.random ?? Math.random,
    };
  }

  async enqueue(spec: JobSpec<K>): Promise<{ id: string; created: boolean }> {
    const maxAttempts = spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be a whole number ≥ 1, not ${maxAttempts}.`);
    }
    const { tenantId, teamId } = spec.scope;
    const inserted = await this.db.query(
      `INSERT INTO jobs (id, tenant_id, team_id, kind, key, payload, state, run_at, max_attempts)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'queued', $7, $8)
       ON CONFLICT (tenant_id, team_id, kind, key) DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        tenantId,
        teamId,
        spec.kind,
        spec.key,
        JSON.stringify(spec.payload),
        spec.runAt,
        maxAttempts,
      ],
    );
    if (inserted.rows[0] !== undefined)
      return { id: parseRow(idRow, inserted.rows[0], 'jobs').id, created: true };
    // Already there (whatever its state): the same logical job is never enqueued twice.
    const existing = await this.db.query(
      'SELECT id FROM jobs WHERE tenant_id = $1 AND team_id = $2 AND kind = $3 AND key = $4',
      [tenantId, teamId, spec.kind, spec.key],
    );
    if (existing.rows[0] === undefined) {
      throw new Error(`Job ${spec.kind}/${spec.key} conflicted on insert but cannot be found.`);
    }
    return { id: parseRow(idRow, existing.rows[0], 'jobs').id, created: false };
  }

  async claim(options: ClaimOptions): Promise<ClaimedJob[]> {
    const { workerId, now, leaseMs, limit } = options;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`limit must be a whole number ≥ 1, not ${limit}.`);
    if (!(leaseMs > 0)) throw new RangeError(`leaseMs must be positive, not ${leaseMs}.`);
    const kinds = options.kinds ? [...options.kinds] : null;
    const skipTenants = options.skipTenants?.length ? [...options.skipTenants] : null;

    // A job whose worker vanished on its last allowed attempt is dead-lettered, not run once more.
    await this.db.query(
      `UPDATE jobs
          SET state = 'dead', lease_token = NULL, lease_expires_at = NULL, updated_at = $1,
              last_error = 'The lease of attempt ' || attempts || ' of ' || max_attempts || ' (' ||
                           COALESCE(locked_by, 'unknown worker') || ') expired without completing.'
        WHERE id IN (
          SELECT id FROM jobs
           WHERE state = 'running' AND lease_expires_at <= $1 AND attempts >= max_attempts
             AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
             FOR UPDATE SKIP LOCKED)`,
      [now, kinds],
    );

    const result = await this.db.query(
      `WITH due AS (
         SELECT id FROM jobs
          WHERE ((state = 'queued' AND run_at <= $1) OR (state = 'running' AND lease_expires_at <= $1))
            AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
            AND ($6::text[] IS NULL OR NOT (tenant_id = ANY($6::text[])))
          ORDER BY run_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED
       )
       UPDATE jobs AS j
          SET state = 'running', attempts = j.attempts + 1, lease_token = gen_random_uuid(),
              lease_expires_at = $4, locked_by = $5, updated_at = $1
         FROM due
        WHERE j.id = due.id
       RETURNING j.id, j.tenant_id, j.team_id, j.kind, j.key, j.payload, j.run_at, j.attempts, j.max_attempts,
                 j.lease_token, j.lease_expires_at`,
      [now, kinds, limit, new Date(now.getTime() + leaseMs), workerId, skipTenants],
    );
    return parseRows(claimedRow, result.rows, 'jobs (claim)')
      .map((row): ClaimedJob => ({
        id: row.id,
        scope: { tenantId: row.tenant_id, teamId: row.team_id },
        kind: row.kind,
        key: row.key,
        payload: row.payload,
        runAt: row.run_at,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        leaseToken: row.lease_token,
        leaseExpiresAt: row.lease_expires_at,
      }))
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
  }

  async renewLease(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE jobs SET lease_expires_at = $5, updated_at = $6
        WHERE tenant_id = $1 AND team_id = $2 AND id = $3 AND state = 'running' AND lease_token = $4`,
      [job.scope.tenantId, job.scope.teamId, job.id, job.leaseToken, new Date(now.getTime() + leaseMs), now],
    );
    return result.rowCount === 1;
  }

  async release(job: ClaimedJob, now: Date, runAt?: Date): Promise<void> {
    await this.db.query(
      `UPDATE jobs
          SET state = 'queued', attempts = GREATEST(attempts - 1, 0), lease_token = NULL, lease_expires_at = NULL,
              locked_by = NULL, updated_at = $5, run_at = COALESCE($6, run_at)
        WHERE tenant_id = $1 AND team_id = $2 AND id = $3 AND state = 'running' AND lease_token = $4`,
      [job.scope.tenantId, job.scope.teamId, job.id, job.leaseToken, now, runAt ?? null],
    );
  }

  /** Succeeds while the caller still holds the lease (even past its expiry, as long as nobody reclaimed the job). */
  async complete(job: ClaimedJob, now: Date): Promise<void> {
    const result = await this.db.query(
      `UPDATE jobs
          SET state = 'done', lease_token = NULL, lease_expires_at = NULL, last_error = NULL, updated_at = $5
        WHERE tenant_id = $1 AND team_id = $2 AND id = $3 AND state = 'running' AND lease_token = $4`,
      [job.scope.tenantId, job.scope.teamId, job.id, job.leaseToken, now],
    );
    if (result.rowCount !== 1) throw lostLease(job);
  }

  async fail(job: ClaimedJob, failure: JobFailure): Promise<void> {
    await this.db.transaction(async (tx) => {
      const locked = await tx.query(
        `SELECT attempts, max_attempts FROM jobs
          WHERE tenant_id = $1 AND team_id = $2 AND id = $3 AND state = 'running' AND lease_token = $4
            FOR UPDATE`,
        [job.scope.tenantId, job.scope.teamId, job.id, job.leaseToken],
      );
      if (locked.rows[0] === undefined) throw lostLease(job);
      const { attempts, max_attempts } = parseRow(attemptsRow, locked.rows[0], 'jobs (fail)');

      const retry = failure.retryable && attempts < max_attempts;
      const delayMs =
        failure.retryAfterMs !== undefined
          ? Math.max(0, failure.retryAfterMs)
          : retryDelayMs(attempts, this.backoff);
      const error =
        retry || !failure.retryable ? failure.error : `${failure.error} (gave up after ${attempts} attempts)`;
      await tx.query(
        `UPDATE jobs
            SET state = $4, run_at = COALESCE($5, run_at), last_error = $6,
                lease_token = NULL, lease_expires_at = NULL, updated_at = $7
          WHERE tenant_id = $1 AND team_id = $2 AND id = $3`,
        [
          job.scope.tenantId,
          job.scope.teamId,
          job.id,
          retry ? 'queued' : 'dead',
          retry ? new Date(failure.now.getTime() + delayMs) : null,
          error,
          failure.now,
        ],
      );
    });
  }

  async cancelTeamJobs(scope: TeamScope): Promise<number> {
    const result = await this.db.query(
      `UPDATE jobs
          SET state = 'cancelled', lease_token = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE tenant_id = $1 AND team_id = $2 AND state IN ('queued', 'running')`,
      [scope.tenantId, scope.teamId],
    );
    return result.rowCount;
  }

  async getJob(scope: TeamScope, id: string): Promise<JobStatus | null> {
    if (!UUID.test(id)) return null;
    const result = await this.db.query(
      `SELECT id, kind, key, state, attempts, run_at, last_error FROM jobs
        WHERE tenant_id = $1 AND team_id = $2 AND id = $3`,
      [scope.tenantId, scope.teamId, id],
    );
    if (result.rows[0] === undefined) return null;
    const row = parseRow(statusRow, result.rows[0], 'jobs');
    return {
      id: row.id,
      kind: row.kind,
      key: row.key,
      state: row.state,
      attempts: row.attempts,
      runAt: row.run_at,
      lastError: row.last_error,
    };
  }
}

function lostLease(job: ClaimedJob): ConflictError {
  return new ConflictError(
    `Job ${job.kind}/${job.key} is no longer leased to this worker (it expired and was reclaimed, or was cancelled).`,
  );
}
