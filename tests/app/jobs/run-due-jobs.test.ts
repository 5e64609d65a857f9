import { runDueJobs, type JobHandler } from '../../../src/app/jobs/run-due-jobs';
import type { ClaimedJob, Log, TeamScope } from '../../../src/app/ports';
import { PostgresJobQueue } from '../../../src/adapters/storage/postgres-job-queue';
import { ForbiddenError, UpstreamError } from '../../../src/domain/errors';
import { openTestDatabase } from '../../support/test-database';

const silent: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let queue: PostgresJobQueue;
let n = 0;
const now = new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  db = await openTestDatabase();
  queue = new PostgresJobQueue(db, { random: () => 0.5 });
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
});
