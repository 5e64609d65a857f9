import type { ConnectorBudget } from '../../app/checkins/checkin-ports';
import type { Log } from '../../app/common-ports';
import { ThrottledError } from '../../domain/errors';
import { type BucketSpec, TokenBucket } from './token-bucket';

/** Told how the pacing goes, for operators (`PrometheusMetrics`); never which tenant (that is in the log). */
export interface ConnectorPacingObserver {
  /** A request waited this long for its tenant's budget. */
  budgetWait(seconds: number): void;
  /** A 429 held a tenant back. */
  tenantHeldOff(): void;
}

export interface ConnectorRateLimiterOptions {
  /** Each tenant's budget: in this process (PGlite) or shared through the database by every instance (PostgreSQL). */
  budget: ConnectorBudget;
  /** Per conversation (thread). Default 3 at once + 1.9/s. */
  thread?: BucketSpec;
  /** Slots reserved at most per round trip to the budget. Default 8. */
  maxReserve?: number;
  /**
   * A slot used more than this after its time goes unused instead. Every instance's requests start no earlier than
   * their slots, so in any second at most the slots of that second and of the `lateSlotMs` before it go out: with 2 +
   * 46/s and 20 ms, ≤ 48.9, leaving room for the requests' own transit jitter against the 50/s limit. Default 20 ms.
   * Measured: late slots always used (paced by a local bucket) gave one 429 with two instances; 40 ms gave one 429
   * with one; 20 ms none, at the cost of unused budget when the event loop lags (see docs/benchmarks.md).
   */
  lateSlotMs?: number;
  observer?: ConnectorPacingObserver;
  /**
   * A request whose tenant is held back by a 429 for longer than this is refused with `ThrottledError` instead of
   * waiting, so its job steps aside and the worker serves other tenants. Unset: it waits (callers without a queue).
   */
  stepAsideAfterMs?: number;
  /** Where a tenant held back by a 429 is reported (one line per 429, with the tenant). */
  log?: Log;
  now?: () => number;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface TenantLane {
  waiters: Waiter[];
  pumping: boolean;
  heldUntil: number;
}

/**
 * Keeps the bot under the Teams limits (Microsoft's bot rate-limiting page) by itself:
 * - per conversation (thread), in this process (a member's conversation is used by one job at a time): a bucket of 3
 *   at once + 1.9/s, i.e. ≤ 4.9 in 1 s (limit 7), ≤ 6.8 in 2 s (8), ≤ 60 in 30 s (60);
 * - per tenant: slots of the tenant's `ConnectorBudget` (50 requests per second per app per tenant), reserved a few
 *   at a time for the requests waiting, so one tenant's pace never holds up another's.
 * A 429 holds back its tenant only, for its Retry-After, on every instance that shares the budget. Waiters queue in
 * order (per conversation, then per tenant), and nobody polls.
 */
export class ConnectorRateLimiter {
  private readonly budget: ConnectorBudget;
  private readonly threadSpec: BucketSpec;
  private readonly maxReserve: number;
  private readonly lateSlotMs: number;
  private readonly now: () => number;
  private readonly threads = new Map<string, { bucket: TokenBucket; queue: Promise<void> }>();
  private readonly tenants = new Map<string, TenantLane>();

  constructor(private readonly options: ConnectorRateLimiterOptions) {
    this.budget = options.budget;
    this.threadSpec = options.thread ?? { capacity: 3, perSecond: 1.9 };
    this.maxReserve = options.maxReserve ?? 8;
    this.lateSlotMs = options.lateSlotMs ?? 20;
    this.now = options.now ?? (() => performance.now());
  }

  /** Resolves when a request of `tenantId` to `thread` may go out. */
  async acquire(tenantId: string, thread: string): Promise<void> {
    const lane = this.lane(tenantId);
    const heldMs = lane.heldUntil - this.now();
    const stepAside = this.options.stepAsideAfterMs;
    if (stepAside !== undefined && heldMs > stepAside)
      throw new ThrottledError(
        'bot-connector',
        'The tenant is held back by a 429 from the Bot Connector.',
        heldMs,
      );
    await this.threadTurn(thread);
    const since = this.now();
    await new Promise<void>((resolve, reject) => {
      lane.waiters.push({ resolve, reject });
      void this.pump(tenantId, lane);
    });
    this.options.observer?.budgetWait((this.now() - since) / 1000);
    this.forgetIdle();
  }

  /** The service answered 429 for this tenant: none of its requests goes out for `retryAfterMs`, on any instance. */
  async throttled(tenantId: string, retryAfterMs: number): Promise<void> {
    const lane = this.lane(tenantId);
    lane.heldUntil = Math.max(lane.heldUntil, this.now() + retryAfterMs);
    this.options.observer?.tenantHeldOff();
    this.options.log?.warn(
      { tenantId, retryAfterMs: Math.round(retryAfterMs) },
      'bot.connector.tenant.held_off',
    );
    await this.budget.holdOff(tenantId, retryAfterMs);
  }

  /**
   * Tenants whose budget is spent for now: held off by a 429, or saturated (requests already queued for slots). A
   * worker claims other tenants' jobs first (`JobQueue.claim`'s `skipTenants`).
   */
  busyTenants(): { heldOff: string[]; saturated: string[] } {
    const now = this.now();
    const heldOff: string[] = [];
    const saturated: string[] = [];
    for (const [tenant, lane] of this.tenants)
      if (lane.heldUntil > now) heldOff.push(tenant);
      else if (lane.waiters.length > 1) saturated.push(tenant);
    return { heldOff, saturated };
  }

  /** How many tenants are held back by a 429 now, and how many have requests waiting for slots (for /metrics). */
  pacing(): { heldOff: number; waiting: number } {
    const now = this.now();
    let heldOff = 0;
    let waiting = 0;
    for (const lane of this.tenants.values()) {
      if (lane.heldUntil > now) heldOff += 1;
      if (lane.waiters.length > 0) waiting += 1;
    }
    return { heldOff, waiting };
  }

  private async threadTurn(key: string): Promise<void> {
    let entry = this.threads.get(key);
    if (!entry) {
      entry = {
        bucket: new TokenBucket(this.threadSpec.capacity, this.threadSpec.perSecond, this.now()),
        queue: Promise.resolve(),
      };
      this.threads.set(key, entry);
    }
    const bucket = entry.bucket;
    const mine = entry.queue.then(() => this.waitFor(bucket));
    entry.queue = mine;
    await mine;
  }

  private async waitFor(bucket: TokenBucket): Promise<void> {
    for (;;) {
      const wait = bucket.take(this.now());
      if (wait === 0) return;
      await sleep(wait);
    }
  }

  private lane(tenantId: string): TenantLane {
    let lane = this.tenants.get(tenantId);
    if (!lane) {
      lane = {
        waiters: [],
        pumping: false,
        heldUntil: 0,
      };
      this.tenants.set(tenantId, lane);
    }
    return lane;
  }

  /** One pump per tenant: reserves slots for the requests waiting and lets each go at its slot's time. */
  private async pump(tenantId: string, lane: TenantLane): Promise<void> {
    if (lane.pumping) return;
    lane.pumping = true;
    try {
      while (lane.waiters.length > 0) {
        const held = lane.heldUntil - this.now();
        if (held > 0) {
          await sleep(held);
          continue;
        }
        let slots;
        try {
          slots = await this.budget.reserve(tenantId, Math.min(lane.waiters.length, this.maxReserve));
        } catch (error) {
          // The budget could not be read (the database is down): these requests fail, and their jobs retry.
          for (const waiter of lane.waiters.splice(0)) waiter.reject(error);
          return;
        }
        const base = this.now();
        for (let i = 0; i < slots.count; i++) {
          const due = base + slots.firstInMs + i * slots.spacingMs;
          const wait = due - this.now();
          if (wait > 0) await sleep(wait);
          // Too late, or held back meanwhile: the slot goes unused (the budget has moved on past it).
          if (this.now() - due > this.lateSlotMs || lane.heldUntil > this.now()) continue;
          lane.waiters.shift()?.resolve();
        }
      }
    } finally {
      lane.pumping = false;
    }
  }

  private forgetIdle(): void {
    if (this.threads.size < 10_000 && this.tenants.size < 10_000) return;
    const now = this.now();
    for (const [key, entry] of this.threads) if (entry.bucket.idle(now)) this.threads.delete(key);
    for (const [tenant, lane] of this.tenants)
      if (!lane.pumping && lane.waiters.length === 0 && lane.heldUntil <= now) this.tenants.delete(tenant);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
