import { randomUUID } from 'node:crypto';

import type { SqlExecutor } from '../../../../src/adapters/storage/database';
import { PostgresConnectorBudget } from '../../../../src/adapters/storage/postgres-connector-budget';
import type { SendSlots } from '../../../../src/app/checkins/checkin-ports';
import type { StorageHarness } from '../../../support/storage-harness';

const SPEC = { perSecond: 46, burst: 2 };
const SPACING_MS = 1000 / SPEC.perSecond;
const TOLERANCE_MS = (SPEC.burst - 1) * SPACING_MS;

/** Where a reservation's last slot ends (ms from when its answer came). */
const endOf = (slots: SendSlots) => slots.firstInMs + slots.count * slots.spacingMs;

/**
 * Reserves `total` slots of one tenant in `callers` concurrent loops of `count` at a time over `dbs` (connections or
 * pools, standing in for instances). Answers how far past the start the tenant's budget is booked (the furthest slot
 * end any answer reported, on this process's clock) and the wall time the whole took.
 */
export async function reserveConcurrently(
  dbs: readonly SqlExecutor[],
  tenantId: string,
  options: { callers: number; count: number; total: number },
): Promise<{ bookedMs: number; elapsedMs: number; reserved: number }> {
  const budgets = dbs.map((db) => new PostgresConnectorBudget(db, SPEC));
  let reserved = 0;
  let furthestEnd = -Infinity;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.callers }, async (_, i) => {
      const budget = budgets[i % budgets.length] as PostgresConnectorBudget;
      while (reserved < options.total) {
        reserved += options.count;
        const slots = await budget.reserve(tenantId, options.count);
        furthestEnd = Math.max(furthestEnd, performance.now() + endOf(slots));
      }
    }),
  );
  return { bookedMs: furthestEnd - started, elapsedMs: performance.now() - started, reserved };
}

/**
 * `reserved` slots, however they were reserved, span at least (reserved − burst) spacings from the start: the budget
 * never hands out more than `burst + perSecond × T` slots in T seconds. Nor does it hold back more than that: the
 * booking ends no later than one reservation of them all would (plus the answers' own latency).
 */
export function expectPaced(result: { bookedMs: number; elapsedMs: number; reserved: number }): void {
  const span = result.reserved * SPACING_MS;
  expect(result.bookedMs).toBeGreaterThanOrEqual(span - TOLERANCE_MS - 1);
  expect(result.bookedMs).toBeLessThanOrEqual(span + result.elapsedMs + 1);
}

export function connectorBudgetContract(h: StorageHarness): void {
  describe(`PostgresConnectorBudget on ${h.driverName}`, () => {
    const tenant = () => `tenant-${randomUUID()}`;

    it('gives an idle tenant its first slots at once, then one spacing apart', async () => {
      const budget = new PostgresConnectorBudget(h.db(), SPEC);
      const slots = await budget.reserve(tenant(), 4);
      expect(slots.count).toBe(4);
      expect(slots.spacingMs).toBeCloseTo(SPACING_MS, 6);
      // The burst: the first slot is a spacing before now, the second now, the rest one spacing apart.
      expect(slots.firstInMs).toBeGreaterThan(-TOLERANCE_MS - 1);
      expect(slots.firstInMs).toBeLessThanOrEqual(-TOLERANCE_MS + 1);
    });

    it('continues where the last reservation ended, so back-to-back reservations never overlap', async () => {
      const budget = new PostgresConnectorBudget(h.db(), SPEC);
      const id = tenant();
      const before = performance.now();
      const first = await budget.reserve(id, 8);
      const second = await budget.reserve(id, 8);
      // Each answer is relative to the server's clock when its statement ran; between the two statements at most the
      // time from sending the first to receiving the second passed (both round trips, however slow the machine is).
      const gapMs = performance.now() - before;
      // The second starts where the first ended, as seen from the second statement's own time.
      expect(second.firstInMs).toBeLessThanOrEqual(endOf(first) + 1);
      expect(second.firstInMs).toBeGreaterThanOrEqual(endOf(first) - gapMs - 1);
    });

    it('refills from the row’s time: after a pause longer than the booking, slots start at once again', async () => {
      const budget = new PostgresConnectorBudget(h.db(), SPEC);
      const id = tenant();
      const booked = await budget.reserve(id, 5);
      await new Promise((resolve) => setTimeout(resolve, endOf(booked) + 50));
      const again = await budget.reserve(id, 1);
      expect(again.firstInMs).toBeLessThanOrEqual(-TOLERANCE_MS + 1);
    });

    it('never hands out more than burst + perSecond × T slots, however concurrent callers interleave', async () => {
      const result = await reserveConcurrently([h.db()], tenant(), { callers: 6, count: 3, total: 240 });
      expectPaced(result);
    });

    it('holds a tenant back for a Retry-After, and only that tenant', async () => {
      const budget = new PostgresConnectorBudget(h.db(), SPEC);
      const [held, other] = [tenant(), tenant()];
      await budget.reserve(held, 2);
      await budget.reserve(other, 2);
      const before = performance.now();
      await budget.holdOff(held, 2_000);
      const heldSlots = await budget.reserve(held, 1);
      const tookMs = performance.now() - before;
      expect(heldSlots.firstInMs).toBeGreaterThan(2_000 - tookMs - 1);
      expect(heldSlots.firstInMs).toBeLessThanOrEqual(2_000 + 1);
      const otherSlots = await budget.reserve(other, 1);
      expect(otherSlots.firstInMs).toBeLessThan(2 * SPACING_MS);
      // A shorter hold-off never brings a longer one forward.
      await budget.holdOff(held, 10);
      expect((await budget.reserve(held, 1)).firstInMs).toBeGreaterThan(1_500);
    });

    it('refuses a reservation of no slots', async () => {
      const budget = new PostgresConnectorBudget(h.db(), SPEC);
      await expect(budget.reserve(tenant(), 0)).rejects.toThrow(RangeError);
    });
  });
}
