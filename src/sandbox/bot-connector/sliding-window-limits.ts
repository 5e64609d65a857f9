/**
 * The Teams rate limits as the service applies them: several sliding windows per key (e.g. 7 requests in any 1 s,
 * 8 in any 2 s, 60 in any 30 s for one bot in one thread). A request passes only when every window of every key it
 * touches has room; only passed requests count.
 */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** The per-thread and global limits of Microsoft's Teams "rate limiting" page. */
export const TEAMS_LIMITS = {
  /** Per bot per thread: send (and update) activity, create conversation. */
  botThreadSend: [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1_800, windowMs: 3_600_000 },
  ],
  /** Per bot per thread: get (paged) members. */
  botThreadMembers: [
    { limit: 14, windowMs: 1_000 },
    { limit: 16, windowMs: 2_000 },
    { limit: 120, windowMs: 30_000 },
  ],
  /** Per thread, all bots together. */
  threadAllBots: [
    { limit: 14, windowMs: 1_000 },
    { limit: 16, windowMs: 2_000 },
  ],
  /** Per app per tenant. */
  global: [{ limit: 50, windowMs: 1_000 }],
} as const satisfies Record<string, readonly WindowLimit[]>;

export interface LimitCheck {
  key: string;
  limits: readonly WindowLimit[];
}

export class SlidingWindowLimits {
  /** Accepted request times per key, oldest first. */
  private readonly history = new Map<string, number[]>();

  /** Takes one slot in every check, or none: returns 0 when it passed, else ms until it would. */
  tryTake(checks: readonly LimitCheck[], now: number): number {
    let waitMs = 0;
    for (const check of checks) {
      const times = this.prune(check.key, check.limits, now);
      for (const { limit, windowMs } of check.limits) {
        let inWindow = 0;
        for (let i = times.length - 1; i >= 0 && (times[i] as number) > now - windowMs; i--) inWindow++;
        if (inWindow >= limit) {
          // The window has room again when its oldest request inside it slides out.
          const oldest = times[times.length - limit] as number;
          waitMs = Math.max(waitMs, oldest + windowMs - now);
        }
      }
    }
    if (waitMs > 0) return waitMs;
    for (const check of checks) this.history.get(check.key)?.push(now);
    return 0;
  }

  private prune(key: string, limits: readonly WindowLimit[], now: number): number[] {
    let times = this.history.get(key);
    if (!times) {
      times = [];
      this.history.set(key, times);
    }
    const longest = Math.max(...limits.map((l) => l.windowMs));
    let drop = 0;
    while (drop < times.length && (times[drop] as number) <= now - longest) drop++;
    if (drop > 0) times.splice(0, drop);
    return times;
  }
}
