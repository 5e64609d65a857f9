/**
 * At most N requests in flight per mailbox (Outlook's limit is 4 per app per mailbox, per Microsoft's Graph throttling page). A `$batch` takes
 * one permit per inner request of each mailbox it holds; permits of several mailboxes are taken in name order, so two
 * batches never wait on each other in a cycle. A batch takes its permits of one mailbox all at once: taking them one
 * by one, five batches of four calls to one mailbox would each hold one and wait for the rest for ever.
 */
export class MailboxLimiter {
  private readonly inUse = new Map<string, number>();
  private readonly waiting = new Map<string, { n: number; resolve: () => void }[]>();

  constructor(readonly perMailbox = 4) {}

  /** Resolves when `counts` permits (mailbox → n, each ≤ perMailbox) are held; returns the release function. */
  async acquire(counts: ReadonlyMap<string, number>): Promise<() => void> {
    const taken: [string, number][] = [];
    for (const mailbox of [...counts.keys()].sort()) {
      const n = Math.min(counts.get(mailbox) ?? 0, this.perMailbox);
      if (n > 0) await this.take(mailbox, n);
      taken.push([mailbox, n]);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [mailbox, n] of taken) if (n > 0) this.release(mailbox, n);
    };
  }

  /** `n` permits of one mailbox, together; waiters are served in order, so a large one is not passed over for ever. */
  private take(mailbox: string, n: number): Promise<void> {
    const used = this.inUse.get(mailbox) ?? 0;
    const queue = this.waiting.get(mailbox) ?? [];
    if (queue.length === 0 && used + n <= this.perMailbox) {
      this.inUse.set(mailbox, used + n);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      queue.push({ n, resolve });
      this.waiting.set(mailbox, queue);
    });
  }

  private release(mailbox: string, n: number): void {
    let used = (this.inUse.get(mailbox) ?? n) - n;
    const queue = this.waiting.get(mailbox) ?? [];
    while (queue[0] && used + queue[0].n <= this.perMailbox) {
      const next = queue.shift() as { n: number; resolve: () => void };
      used += next.n;
      next.resolve(); // hand the permits straight on
    }
    if (queue.length === 0) this.waiting.delete(mailbox);
    this.inUse.set(mailbox, used);
  }
}
