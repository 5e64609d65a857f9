import { MailboxLimiter } from '../../../src/adapters/graph/mailbox-limiter';

describe('the per-mailbox limiter', () => {
  it('lets five batches of four calls to one mailbox through one after the other, never more than four in flight', async () => {
    const limiter = new MailboxLimiter(4);
    let inFlight = 0;
    let most = 0;
    const batch = async (): Promise<void> => {
      const release = await limiter.acquire(new Map([['organizer@contoso.example', 4]]));
      inFlight += 4;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 4;
      release();
    };
    // Taking the permits one by one, each batch held one and waited for the others' for ever.
    const done = await Promise.race([
      Promise.all(Array.from({ length: 5 }, batch)).then(() => 'done'),
      new Promise((r) => setTimeout(() => r('stuck'), 2_000)),
    ]);
    expect(done).toBe('done');
    expect(most).toBe(4);
  });

  it('serves waiters in order: a batch of four is not passed over by single calls that keep coming', async () => {
    const limiter = new MailboxLimiter(4);
    const order: string[] = [];
    const first = await limiter.acquire(new Map([['m', 1]]));
    const big = limiter.acquire(new Map([['m', 4]])).then((release) => {
      order.push('batch of four');
      release();
    });
    const single = limiter.acquire(new Map([['m', 1]])).then((release) => {
      order.push('single');
      release();
    });
    first();
    await Promise.all([big, single]);
    expect(order).toEqual(['batch of four', 'single']);
  });
});
