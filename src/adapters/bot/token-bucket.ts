/** A token bucket: `capacity` requests at once, refilled at `perSecond`. At most `capacity + perSecond` in any 1 s. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes a token and returns 0, or returns the ms until one is there (taking nothing). */
  take(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  /** Full and unused: safe to forget. */
  idle(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

export interface BucketSpec {
  capacity: number;
  perSecond: number;
}

/**
 * Keeps the bot under the Teams limits (Microsoft's bot rate-limiting page) by itself: one bucket per conversation (thread) and one for the
 * app as a whole. Waiters queue in order (per conversation, then for the app), so a busy conversation never holds up
 * the others, and nobody polls.
 *
 * Defaults, below the documented limits with room for timing jitter at the service:
 * - per thread 3 at once + 1.9/s: ≤ 4.9 in 1 s (limit 7), ≤ 6.8 in 2 s (8), ≤ 60 in 30 s (60);
 * - app 2 at once + 46/s: ≤ 48 in any second (limit 50 per app per tenant), 92 % of the ceiling.
 */
export class ConnectorRateLimiter {
  private readonly app: TokenBucket;
  private appQueue: Promise<void> = Promise.resolve();
  private readonly threads = new Map<string, { bucket: TokenBucket; queue: Promise<void> }>();

  constructor(
    private readonly options: { app: BucketSpec; thread: BucketSpec } = {
      app: { capacity: 2, perSecond: 46 },
      thread: { capacity: 3, perSecond: 1.9 },
    },
    private readonly now: () => number = () => performance.now(),
  ) {
    this.app = new TokenBucket(options.app.capacity, options.app.perSecond, now());
  }

  /** Resolves when a request to `thread` may go out. */
  async acquire(thread: string): Promise<void> {
    let entry = this.threads.get(thread);
    if (!entry) {
      entry = {
        bucket: new TokenBucket(this.options.thread.capacity, this.options.thread.perSecond, this.now()),
        queue: Promise.resolve(),
      };
      this.threads.set(thread, entry);
    }
    const bucket = entry.bucket;
    const mine = entry.queue.then(() => this.waitFor(bucket));
    entry.queue = mine;
    await mine;
    const app = this.appQueue.then(() => this.waitFor(this.app));
    this.appQueue = app;
    await app;
    this.forgetIdle();
  }

  private async waitFor(bucket: TokenBucket): Promise<void> {
    for (;;) {
      const wait = bucket.take(this.now());
      if (wait === 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private forgetIdle(): void {
    if (this.threads.size < 10_000) return;
    const now = this.now();
    for (const [key, entry] of this.threads) if (entry.bucket.idle(now)) this.threads.delete(key);
  }
}
