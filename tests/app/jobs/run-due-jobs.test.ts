import { PostgresJobQueue } from '../../../src/adapters/storage/postgres-job-queue';
import type { Log, TeamScope } from '../../../src/app/common-ports';
import type { ClaimedJob, JobHandler } from '../../../src/app/jobs/job-ports';
import { runDueJobs } from '../../../src/app/jobs/run-due-jobs';
import { ForbiddenError, ThrottledError, UpstreamError } from '../../../src/domain/errors';
import { openTestDatabase } from '../../support/test-database';

const silent: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let queue: PostgresJobQueue<string>;
let n = 0;
const now = new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  db = await openTestDatabase();
  queue = new PostgresJobQueue<string>(db, { random: () => 0.5 });
}, 60_000);
afterAll(() => db.dispose());

function freshScope(): TeamScope {
  n += 1;
  return { tenantId: `tenant-${n}`, teamId: `team-${n}` };
}

async function runWith(scope: TeamScope, kind: string, handler: JobHandler) {
  const { id } = await queue.enqueue({ scope, kind, key: 'k', runAt: now, payload: { n } });
  const ran = await runDueJobs(
    {
      queue,
      clock: { now: () => now },
      log: silent,
      handlers: { [kind]: handler },
      workerId: 'w',
      leaseMs: 30_000,
    },
    10,
  );
  return { ran, status: await queue.getJob(scope, id) };
}

describe('runDueJobs', () => {
  it('runs a due job once and marks it done', async () => {
    const seen: ClaimedJob[] = [];
    const { ran, status } = await runWith(freshScope(), 'test.ok', async (job) => {
      seen.push(job);
    });
    expect(ran).toBe(1);
    expect(seen).toHaveLength(1);
    expect(status).toMatchObject({ state: 'done', attempts: 1, lastError: null });
  });

  it('retries after the upstream’s Retry-After when the upstream says it may pass', async () => {
    const { status } = await runWith(freshScope(), 'test.throttled', () =>
      Promise.reject(new UpstreamError('graph', 'Too many requests', true, 7_000)),
    );
    expect(status).toMatchObject({ state: 'queued', attempts: 1, lastError: 'Too many requests' });
    expect(status?.runAt.getTime()).toBe(now.getTime() + 7_000);
  });

  it('puts a job whose tenant is throttled back for the Retry-After, without counting the attempt', async () => {
    const { ran, status } = await runWith(freshScope(), 'test.stepped.aside', () =>
      Promise.reject(new ThrottledError('bot-connector', 'Held back', 1_500)),
    );
    expect(ran).toBe(1);
    expect(status).toMatchObject({ state: 'queued', attempts: 0, runAt: new Date(now.getTime() + 1_500) });
  });

  it("claims other tenants' jobs first while a tenant is busy, and the busy tenant's when nothing else is due", async () => {
    const [busy, other] = [freshScope(), freshScope()];
    const kind = 'test.paced';
    await queue.enqueue({ scope: busy, kind, key: 'busy', runAt: new Date(now.getTime() - 1), payload: {} });
    await queue.enqueue({ scope: other, kind, key: 'other', runAt: now, payload: {} });
    const order: string[] = [];
    const pass = () =>
      runDueJobs(
        {
          queue,
          clock: { now: () => now },
          log: silent,
          handlers: { [kind]: async (job) => void order.push(job.key) },
          workerId: 'w',
          leaseMs: 30_000,
          pacing: { busyTenants: () => ({ heldOff: [], saturated: [busy.tenantId] }) },
        },
        1,
      );
    expect(await pass()).toBe(1);
    expect(await pass()).toBe(1);
    // The busy tenant's job was due first, yet the other tenant's ran first.
    expect(order).toEqual(['other', 'busy']);
  });

  it("does not claim a held-off tenant's jobs while its hold lasts, even with nothing else due", async () => {
    const held = freshScope();
    const kind = 'test.held';
    const { id } = await queue.enqueue({ scope: held, kind, key: 'held', runAt: now, payload: {} });
    const deps = {
      queue,
      clock: { now: () => now },
      log: silent,
      handlers: { [kind]: async () => undefined },
      workerId: 'w',
      leaseMs: 30_000,
    };
    const heldOff = { busyTenants: () => ({ heldOff: [held.tenantId], saturated: [] }) };
    expect(await runDueJobs({ ...deps, pacing: heldOff }, 5)).toBe(0);
    expect(await queue.getJob(held, id)).toMatchObject({ state: 'queued' });
    expect(await runDueJobs(deps, 5)).toBe(1);
  });

  it('retries an unexpected error with backoff', async () => {
    const { status } = await runWith(freshScope(), 'test.bug', () => Promise.reject(new Error('boom')));
    expect(status).toMatchObject({ state: 'queued', lastError: 'boom' });
    expect(status?.runAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it('dead-letters at once what cannot pass: a final upstream answer or a user error', async () => {
    const final = await runWith(freshScope(), 'test.final', () =>
      Promise.reject(new UpstreamError('graph', 'Mailbox not found', false)),
    );
    expect(final.status).toMatchObject({ state: 'dead', lastError: 'Mailbox not found' });
    const user = await runWith(freshScope(), 'test.user', () => Promise.reject(new ForbiddenError('no')));
    expect(user.status).toMatchObject({ state: 'dead', lastError: 'no' });
  });

  it('leaves jobs of kinds it has no handler for in the queue', async () => {
    const scope = freshScope();
    const { id } = await queue.enqueue({ scope, kind: 'test.unknown', key: 'k', runAt: now, payload: {} });
    const ran = await runDueJobs(
      {
        queue,
        clock: { now: () => now },
        log: silent,
        handlers: { 'test.other': async () => undefined },
        workerId: 'w',
        leaseMs: 1,
      },
      10,
    );
    expect(ran).toBe(0);
    expect(await queue.getJob(scope, id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('does not start a job another worker reclaimed while the earlier jobs of its batch ran', async () => {
    const scope = freshScope();
    let t = now.getTime();
    const clock = { now: () => new Date(t) };
    // due a moment earlier, so the batch runs it first
    await queue.enqueue({ scope, kind: 'test.first', key: 'a', runAt: new Date(t - 1), payload: {} });
    const { id: second } = await queue.enqueue({
      scope,
      kind: 'test.second',
      key: 'b',
      runAt: now,
      payload: {},
    });
    const ran: string[] = [];
    let reclaimed: ClaimedJob[] = [];
    await runDueJobs(
      {
        queue,
        clock,
        log: silent,
        handlers: {
          'test.first': async (job) => {
            ran.push(job.key);
            t += 31_000; // the first job outlasts the batch's lease; another worker takes the second job meanwhile
            reclaimed = await queue.claim({
              workerId: 'other',
              now: clock.now(),
              leaseMs: 30_000,
              limit: 5,
              kinds: ['test.second'],
            });
          },
          'test.second': async (job) => {
            ran.push(job.key);
          },
        },
        workerId: 'w',
        leaseMs: 30_000,
      },
      10,
    );
    expect(reclaimed.map((j) => j.id)).toEqual([second]);
    expect(ran).toEqual(['a']);
    expect(await queue.getJob(scope, second)).toMatchObject({ state: 'running', attempts: 2 });
  });

  it('renews the lease of a job while it runs, so no other worker can claim it meanwhile', async () => {
    const scope = freshScope();
    const clock = { now: () => new Date() };
    const { id } = await queue.enqueue({
      scope,
      kind: 'test.slow',
      key: 'k',
      runAt: new Date(),
      payload: {},
    });
    let claimedMeanwhile: ClaimedJob[] | undefined;
    await runDueJobs(
      {
        queue,
        clock,
        log: silent,
        handlers: {
          'test.slow': async () => {
            await new Promise((resolve) => setTimeout(resolve, 2_000)); // past the 1.5 s lease it was claimed with
            claimedMeanwhile = await queue.claim({
              workerId: 'other',
              now: clock.now(),
              leaseMs: 1_500,
              limit: 5,
              kinds: ['test.slow'],
            });
            await new Promise((resolve) => setTimeout(resolve, 1_000));
          },
        },
        workerId: 'w',
        leaseMs: 1_500,
      },
      10,
    );
    expect(claimedMeanwhile).toEqual([]);
    expect(await queue.getJob(scope, id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('gives back, unstarted and uncounted, the claimed jobs of a worker that is stopping', async () => {
    const scope = freshScope();
    const ids = [];
    for (const key of ['a', 'b', 'c'])
      ids.push((await queue.enqueue({ scope, kind: 'test.stop', key, runAt: now, payload: {} })).id);
    let started = 0;
    const ran = await runDueJobs(
      {
        queue,
        clock: { now: () => now },
        log: silent,
        handlers: { 'test.stop': async () => void (started += 1) },
        workerId: 'w',
        leaseMs: 30_000,
        stopping: () => started >= 1,
      },
      10,
    );
    expect(ran).toBe(3);
    expect(started).toBe(1);
    const states = await Promise.all(ids.map((id) => queue.getJob(scope, id)));
    // one ran (whichever was claimed first); the other two are back in the queue with their attempt uncounted
    expect(states.map((j) => `${j?.state}/${j?.attempts}`).sort()).toEqual([
      'done/1',
      'queued/0',
      'queued/0',
    ]);
    expect(
      await queue.claim({ workerId: 'next', now, leaseMs: 30_000, limit: 5, kinds: ['test.stop'] }),
    ).toHaveLength(2);
  });
});
