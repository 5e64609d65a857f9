import type { ConnectorBudget, SendSlots } from '../../app/checkins/checkin-ports';

/** A tenant's pace: `perSecond` slots a second, at most `burst` of them at once. */
export interface BudgetSpec {
  perSecond: number;
  burst: number;
}

/**
 * Each tenant's budget (Teams: 50 requests per second per app per tenant): 2 at once + 46/s, i.e. at most 48 in any
 * second, the same 4 % margin the limiter always kept for timing jitter at the service.
 */
export const TENANT_BUDGET: BudgetSpec = { perSecond: 46, burst: 2 };

/**
 * Slots are handed out one `spacing` apart from the tenant's next free slot, never earlier than `burst − 1` spacings
 * before now (a "virtual scheduling" token bucket: however the reservations fall, at most `burst + perSecond × T`
 * slots start in any T seconds). Returns the reservation and the tenant's next free slot after it.
 */
function nextSlots(
  nextFreeAt: number,
  now: number,
  count: number,
  spec: BudgetSpec,
): { slots: SendSlots; nextFreeAt: number } {
  const spacingMs = 1000 / spec.perSecond;
  const start = Math.max(nextFreeAt, now - (spec.burst - 1) * spacingMs);
  return { slots: { count, firstInMs: start - now, spacingMs }, nextFreeAt: start + count * spacingMs };
}

/** The budget of one process (PGlite, local mode: one app process per data directory). */
export class InProcessConnectorBudget implements ConnectorBudget {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly spec: BudgetSpec = TENANT_BUDGET,
    private readonly now: () => number = () => performance.now(),
  ) {}

  reserve(tenantId: string, count: number): Promise<SendSlots> {
    const now = this.now();
    const { slots, nextFreeAt } = nextSlots(this.nextFree.get(tenantId) ?? -Infinity, now, count, this.spec);
    this.nextFree.set(tenantId, nextFreeAt);
    this.forgetIdle(now);
    return Promise.resolve(slots);
  }

  holdOff(tenantId: string, ms: number): Promise<void> {
    const until = this.now() + ms;
    this.nextFree.set(tenantId, Math.max(this.nextFree.get(tenantId) ?? -Infinity, until));
    return Promise.resolve();
  }

  /** A tenant whose next free slot is in the past is as good as new. */
  private forgetIdle(now: number): void {
    if (this.nextFree.size < 10_000) return;
    for (const [tenant, at] of this.nextFree) if (at < now) this.nextFree.delete(tenant);
  }
}
