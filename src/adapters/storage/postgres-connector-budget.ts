import { z } from 'zod';

import type { ConnectorBudget, SendSlots } from '../../app/checkins/checkin-ports';
import type { SqlExecutor } from './database';
import { parseRow } from './rows';

const reservedRow = z.object({ ends_in_ms: z.number() });

/**
 * Each tenant's Bot Connector budget in the `connector_budgets` table, shared by every instance on one PostgreSQL
 * server. A row holds the tenant's next free slot; a reservation of `count` slots moves it on by `count` spacings in
 * one statement, starting no earlier than `burst − 1` spacings before now (the refill, computed from the row's time).
 * However the instances' reservations interleave, at most `burst + perSecond × T` slots start in any T seconds.
 *
 * Time is the database server's clock (`clock_timestamp()`), the one every instance shares; the answer is relative
 * ("the first slot in so many ms"), so the instances' own clocks never need to agree.
 */
export class PostgresConnectorBudget implements ConnectorBudget {
  private readonly spacingMs: number;
  private readonly toleranceMs: number;

  constructor(
    private readonly db: SqlExecutor,
    spec: { perSecond: number; burst: number },
  ) {
    if (!(spec.perSecond > 0) || !(spec.burst >= 1))
      throw new RangeError(`A budget needs perSecond > 0 and burst ≥ 1, not ${JSON.stringify(spec)}.`);
    this.spacingMs = 1000 / spec.perSecond;
    this.toleranceMs = (spec.burst - 1) * this.spacingMs;
  }

  async reserve(tenantId: string, count: number): Promise<SendSlots> {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`count must be a whole number ≥ 1, not ${count}.`);
    const result = await this.db.query(
      `INSERT INTO connector_budgets AS b (tenant_id, next_slot_at, updated_at)
       SELECT $1, t.now - $2::float8 * interval '1 millisecond' + $3::float8 * interval '1 millisecond', t.now
         FROM (SELECT clock_timestamp() AS now) t
       ON CONFLICT (tenant_id) DO UPDATE
          SET next_slot_at = GREATEST(b.next_slot_at, EXCLUDED.updated_at - $2::float8 * interval '1 millisecond')
                             + $3::float8 * interval '1 millisecond',
              updated_at = EXCLUDED.updated_at
       RETURNING (extract(epoch FROM b.next_slot_at - b.updated_at) * 1000)::float8 AS ends_in_ms`,
      [tenantId, this.toleranceMs, count * this.spacingMs],
    );
    const { ends_in_ms } = parseRow(reservedRow, result.rows[0], 'connector_budgets');
    return { count, firstInMs: ends_in_ms - count * this.spacingMs, spacingMs: this.spacingMs };
  }

  async holdOff(tenantId: string, ms: number): Promise<void> {
    await this.db.query(
      `INSERT INTO connector_budgets AS b (tenant_id, next_slot_at, updated_at)
       SELECT $1, t.now + $2::float8 * interval '1 millisecond', t.now FROM (SELECT clock_timestamp() AS now) t
       ON CONFLICT (tenant_id) DO UPDATE
          SET next_slot_at = GREATEST(b.next_slot_at, EXCLUDED.next_slot_at), updated_at = EXCLUDED.updated_at`,
      [tenantId, Math.max(0, ms)],
    );
  }
}
