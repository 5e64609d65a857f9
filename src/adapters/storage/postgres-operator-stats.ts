import { z } from 'zod';

import type { DeliveryState } from '../../app/checkins/checkin-ports';
import type { SqlExecutor } from './database';
import { parseRows } from './rows';

export type QueueState = 'due' | 'scheduled' | 'running';

export interface JobQueueStat {
  kind: string;
  state: QueueState;
  jobs: number;
  /** The earliest `run_at` of these jobs. */
  oldestRunAt: Date;
}

export interface DeliveryStat {
  state: DeliveryState;
  deliveries: number;
}

/** What `/metrics` reads from the database on each scrape. */
export interface OperatorStats {
  jobQueue(now: Date): Promise<JobQueueStat[]>;
  openRoundDeliveries(): Promise<DeliveryStat[]>;
}

const queueRow = z.object({
  kind: z.string(),
  state: z.enum(['due', 'scheduled', 'running']),
  jobs: z.number().int(),
  oldest_run_at: z.date(),
});
const deliveryRow = z.object({ state: z.enum(['pending', 'sent', 'failed']), deliveries: z.number().int() });

/**
 * Operator data for `/metrics`: counts across every tenant and team, grouped by job kind and state only — no tenant,
 * team or member id leaves these queries, so they are the one place that reads without a team scope (DESIGN §4).
 * Both stay cheap as history grows: queued and running jobs are read through their partial indexes, and deliveries
 * only for rounds that are still open. Time is the caller's `now`, as in the job queue.
 */
export class PostgresOperatorStats implements OperatorStats {
  constructor(private readonly db: SqlExecutor) {}

  async jobQueue(now: Date): Promise<JobQueueStat[]> {
    const result = await this.db.query(
      `SELECT kind,
              CASE WHEN state = 'running' THEN 'running' WHEN run_at <= $1 THEN 'due' ELSE 'scheduled' END AS state,
              count(*)::int AS jobs, min(run_at) AS oldest_run_at
         FROM jobs
        WHERE state IN ('queued', 'running')
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [now],
    );
    return parseRows(queueRow, result.rows, 'jobs (stats)').map((r) => ({
      kind: r.kind,
      state: r.state,
      jobs: r.jobs,
      oldestRunAt: r.oldest_run_at,
    }));
  }

  async openRoundDeliveries(): Promise<DeliveryStat[]> {
    const result = await this.db.query(
      `SELECT d.state, count(*)::int AS deliveries
         FROM checkin_rounds r
         JOIN checkin_deliveries d
           ON d.tenant_id = r.tenant_id AND d.team_id = r.team_id AND d.round_id = r.id
        WHERE r.state = 'open'
        GROUP BY d.state
        ORDER BY d.state`,
    );
    return parseRows(deliveryRow, result.rows, 'checkin_deliveries (stats)');
  }
}
