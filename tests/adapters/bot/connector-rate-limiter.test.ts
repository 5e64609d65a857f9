// The per-tenant limiter over this process's budget (what PGlite uses; on PostgreSQL the same limiter draws from
// the shared budget, tests/adapters/storage): one tenant's pace and hold-offs never slow another tenant.
import { ConnectorRateLimiter } from '../../../src/adapters/bot/connector-rate-limiter';
import {
  InProcessConnectorBudget,
  TENANT_BUDGET,
} from '../../../src/adapters/bot/in-process-connector-budget';

const SPACING_MS = 1000 / TENANT_BUDGET.perSecond;

function limiter(): ConnectorRateLimiter {
  return new ConnectorRateLimiter({ budget: new InProcessConnectorBudget() });
}

/** Acquires once per conversation `a-0`, `a-1`, … (so only the tenant's budget paces them); each one's time. */
async function sendTimes(l: ConnectorRateLimiter, tenant: string, count: number): Promise<number[]> {
  const started = performance.now();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      await l.acquire(tenant, `${tenant}-${i}`);
      return performance.now() - started;
    }),
  );
}

it('paces one tenant at its budget: never more than burst + perSecond × T requests in T', async () => {
  const times = (await sendTimes(limiter(), 'tenant-a', 60)).sort((a, b) => a - b);
  // The n-th request (from 0) goes no sooner than (n − burst + 1) spacings after the first.
  times.forEach((t, n) => expect(t).toBeGreaterThanOrEqual((n - TENANT_BUDGET.burst + 1) * SPACING_MS - 2));
  // … and the whole takes about what the budget allows (60 requests ≈ 1.26 s), not much more.
  expect(times.at(-1)).toBeLessThan(60 * SPACING_MS + 600);
});

it('runs tenants side by side: two tenants together go twice as fast as one', async () => {
  const l = limiter();
  const [a, b] = await Promise.all([sendTimes(l, 'tenant-a', 46), sendTimes(l, 'tenant-b', 46)]);
  // Each tenant's 46 requests take about a second: the other tenant's did not queue in front of them.
  expect(Math.max(...a)).toBeLessThan(46 * SPACING_MS + 400);
  expect(Math.max(...b)).toBeLessThan(46 * SPACING_MS + 400);
});

it('holds back only the tenant a 429 was for, for its Retry-After, and names it busy meanwhile', async () => {
  const l = limiter();
  await l.throttled('tenant-a', 1_000);
  expect(l.busyTenants()).toEqual({ heldOff: ['tenant-a'], saturated: [] });
  expect(l.pacing()).toEqual({ heldOff: 1, waiting: 0 });
  const started = performance.now();
  const a = l.acquire('tenant-a', 'a-1').then(() => performance.now() - started);
  const b = l.acquire('tenant-b', 'b-1').then(() => performance.now() - started);
  expect(await b).toBeLessThan(200);
  expect(await a).toBeGreaterThanOrEqual(990);
  expect(l.busyTenants()).toEqual({ heldOff: [], saturated: [] });
});

it('keeps each conversation under 7 requests in 1 s and 8 in 2 s, however many are queued for it', async () => {
  const l = limiter();
  const started = performance.now();
  const times = await Promise.all(
    Array.from({ length: 10 }, () =>
      l.acquire('tenant-a', 'one-chat').then(() => performance.now() - started),
    ),
  );
  const inWindow = (from: number, ms: number) => times.filter((t) => t >= from && t < from + ms).length;
  for (const t of times) {
    expect(inWindow(t, 1_000)).toBeLessThanOrEqual(7);
    expect(inWindow(t, 2_000)).toBeLessThanOrEqual(8);
  }
});

it('refuses, rather than waits, a request of a tenant held back longer than it may step aside for', async () => {
  const l = new ConnectorRateLimiter({ budget: new InProcessConnectorBudget(), stepAsideAfterMs: 500 });
  await l.throttled('tenant-a', 2_000);
  await expect(l.acquire('tenant-a', 'a-1')).rejects.toMatchObject({
    name: 'ThrottledError',
    retryable: true,
  });
  await expect(l.acquire('tenant-a', 'a-1')).rejects.toHaveProperty('retryAfterMs', expect.any(Number));
  await expect(l.acquire('tenant-b', 'b-1')).resolves.toBeUndefined();
  // A short hold is waited out in place.
  await l.throttled('tenant-c', 300);
  await expect(l.acquire('tenant-c', 'c-1')).resolves.toBeUndefined();
});
