import { JobWorker } from '../../../src/adapters/scheduler/job-worker';
import { PostgresJobQueue } from '../../../src/adapters/storage/postgres-job-queue';
import type { Log } from '../../../src/app/common-ports';
import { openTestDatabase } from '../../support/test-database';

const silent: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

it('runs jobs as they come due and, once stopped, claims nothing more', async () => {
  const db = await openTestDatabase();
  try {
    const queue = new PostgresJobQueue<string>(db);
    const scope = { tenantId: 't', teamId: 'team' };
    const done: string[] = [];
    let resolveSecond: () => void = () => undefined;
    const second = new Promise<void>((r) => (resolveSecond = r));
    const worker = new JobWorker(
      {
        queue,
        clock: { now: () => new Date() },
        log: silent,
        handlers: {
          'test.note': async (job) => {
            done.push(job.key);
            if (done.length === 2) resolveSecond();
          },
        },
        workerId: 'w1',
        leaseMs: 10_000,
      },
      { idleMs: 60_000, batch: 5 },
    );
    await queue.enqueue({ scope, kind: 'test.note', key: 'first', runAt: new Date(), payload: {} });
    worker.start();
    await queue.enqueue({ scope, kind: 'test.note', key: 'second', runAt: new Date(), payload: {} });
    worker.poke(); // would otherwise sleep a minute
    await second;
    await worker.stop();
    const late = await queue.enqueue({
      scope,
      kind: 'test.note',
      key: 'late',
      runAt: new Date(),
      payload: {},
    });
    worker.poke();
    expect(done).toEqual(['first', 'second']);
    expect(await queue.getJob(scope, late.id)).toMatchObject({ state: 'queued' });
  } finally {
    await db.dispose();
  }
});
