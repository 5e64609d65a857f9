/**
 * At most N requests in flight per mailbox (Outlook's limit is 4 per app per mailbox, per Microsoft's Graph throttling page). A `$batch` takes
 * one permit per inner request of each mailbox it holds; permits of several mailboxes are taken in name order, so two
 * batches never wait on each other in a cycle.
 */
export class MailboxLimiter {
  private readonly inUse = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly perMailbox = 4) {}

  /** Resolves when `counts` permits (mailbox → n, each ≤ perMailbox) are held; returns the release function. */
  async acquire(counts: ReadonlyMap<string, number>): Promise<() => void> {
    const taken: [string, number][] = [];
    for (const mailbox of [...counts.keys()].sort()) {
      const n = Math.min(counts.get(mailbox) ?? 0, this.perMailbox);
      for (let i = 0; i < n; i += 1) await this.takeOne(mailbox);
      taken.push([mailbox, n]);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [mailbox, n] of taken) for (let i = 0; i < n; i += 1) this.releaseOne(mailbox);
    };
  }

  private takeOne(mailbox: string): Promise<void> {
    const used = this.inUse.get(mailbox) ?? 0;
    if (used < this.perMailbox) {
      this.inUse.set(mailbox, used + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(mailbox) ?? [];
      queue.push(resolve);
      this.waiting.set(mailbox, queue);
    });
  }

  private releaseOne(mailbox: string): void {
    const next = this.waiting.get(mailbox)?.shift();
    if (next)
      next(); // hand the permit straight on
    else this.inUse.set(mailbox, (this.inUse.get(mailbox) ?? 1) - 1);
  }
}
