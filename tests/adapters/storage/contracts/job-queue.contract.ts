import { PostgresJobQueue, retryDelayMs } from '../../../../src/adapters/storage/postgres-job-queue';
import type { TeamScope } from '../../../../src/app/common-ports';
import type { ClaimedJob, JobSpec } from '../../../../src/app/jobs/job-ports';
import { ConflictError } from '../../../../src/domain/errors';
import type { StorageHarness } from '../../../support/storage-harness';
import { at, newScope, T0 } from './fixtures';

const LEASE_MS = 30_000;

export function jobQueueContract(h: StorageHarness): void {
  describe(`PostgresJobQueue on ${h.driverName}`, () => {
    // Jitter pinned to the middle: a retry after attempt n waits exactly 0.75 × 2 s × 2^(n−1).
    let queue: PostgresJobQueue<string>;
    let scope: TeamScope;
    beforeEach(async () => {
      // Claims look at every tenant's jobs, so each test starts from an empty queue.
      await h.db().query('DELETE FROM jobs');
      queue = new PostgresJobQueue<string>(h.db(), { random: () => 0.5 });
      scope = newScope();
    });

    function spec(key: string, overrides: Partial<JobSpec<string>> = {}): JobSpec<string> {
      return { scope, kind: 'checkin.card.deliver', key, runAt: T0, payload: { key }, ...overrides };
    }

    async function claimOne(workerId: string, now: Date): Promise<ClaimedJob> {
      const [job, ...more] = await queue.claim({ workerId, now, leaseMs: LEASE_MS, limit: 1 });
      expect(more).toEqual([]);
      if (!job) throw new Error(`${workerId} claimed nothing at ${now.toISOString()}`);
      return job;
    }

    /** Job `id` is dead after `attempts` with `lastError`, and an hour later nothing is left to claim. */
    async function expectDead(id: string, attempts: number, lastError: string): Promise<void> {
      expect(await queue.getJob(scope, id)).toMatchObject({ state: 'dead', attempts, lastError });
      expect(await queue.claim({ workerId: 'w1', now: at(3_600_000), leaseMs: LEASE_MS, limit: 10 })).toEqual(
        [],
      );
    }

    it('enqueues once per team, kind and key: the same key again is a no-op', async () => {
      const first = await queue.enqueue(spec('round-1/aad-ada', { payload: { memberId: 'aad-ada' } }));
      const again = await queue.enqueue(
        spec('round-1/aad-ada', { payload: { memberId: 'changed' }, runAt: at(9) }),
      );
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });

      const otherKind = await queue.enqueue(spec('round-1/aad-ada', { kind: 'checkin.nudge' }));
      const otherTeam = await queue.enqueue(spec('round-1/aad-ada', { scope: newScope() }));
      expect(otherKind.created && otherTeam.created).toBe(true);
      expect(new Set([first.id, otherKind.id, otherTeam.id]).size).toBe(3);

      const claimed = await queue.claim({ workerId: 'w1', now: at(10), leaseMs: LEASE_MS, limit: 10 });
      expect(claimed.map((j) => j.id).sort()).toEqual([first.id, otherKind.id, otherTeam.id].sort());
      const job = claimed.find((j) => j.id === first.id);
      expect(job?.payload).toEqual({ memberId: 'aad-ada' });
      expect(job?.runAt).toEqual(T0);
    });

    it('renews a lease only for the worker that holds it, and takes back an unstarted job uncounted', async () => {
      const { id } = await queue.enqueue(spec('renew'));
      const job = await claimOne('w1', at(0));
      expect(await queue.renewLease(job, at(LEASE_MS - 1), LEASE_MS)).toBe(true);
      // the renewed lease runs to 2 × LEASE_MS − 1: nobody can claim it at the first lease's end
      expect(await queue.claim({ workerId: 'w2', now: at(LEASE_MS), leaseMs: LEASE_MS, limit: 1 })).toEqual(
        [],
      );
      const reclaimed = await claimOne('w2', at(2 * LEASE_MS));
      expect(await queue.renewLease(job, at(2 * LEASE_MS), LEASE_MS)).toBe(false);
      await queue.release(job, at(2 * LEASE_MS)); // w1's stale lease: no effect
      expect(await queue.getJob(scope, id)).toMatchObject({ state: 'running', attempts: 2 });

      await queue.release(reclaimed, at(2 * LEASE_MS + 1));
      expect(await queue.getJob(scope, id)).toMatchObject({ state: 'queued', attempts: 1 });
      expect((await claimOne('w3', at(2 * LEASE_MS + 2))).attempts).toBe(2);
    });

    it('puts a job that stepped aside back for later, uncounted: not claimable before then', async () => {
      const { id } = await queue.enqueue(spec('throttled'));
      const job = await claimOne('w1', at(0));
      await queue.release(job, at(10), at(1_010));
      expect(await queue.getJob(scope, id)).toMatchObject({ state: 'queued', attempts: 0, runAt: at(1_010) });
      expect(await queue.claim({ workerId: 'w2', now: at(1_009), leaseMs: LEASE_MS, limit: 1 })).toEqual([]);
      expect((await claimOne('w2', at(1_010))).attempts).toBe(1);
    });

    it('claims a job only once its runAt has come, with a lease, and not again while leased', async () => {
      const { id } = await queue.enqueue(
        spec('later', { runAt: at(60_000), payload: { n: 1, nested: { ok: true } } }),
      );
      expect(await queue.claim({ workerId: 'w1', now: at(59_999), leaseMs: LEASE_MS, limit: 10 })).toEqual(
        [],
      );

      const job = await claimOne('w1', at(60_000));
      expect(job).toEqual({
        id,
        scope,
        kind: 'checkin.card.deliver',
        key: 'later',
        payload: { n: 1, nested: { ok: true } },
        runAt: at(60_000),
        attempts: 1,
        maxAttempts: 5,
        leaseToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
        leaseExpiresAt: at(60_000 + LEASE_MS),
      });
      expect(await queue.getJob(scope, id)).toMatchObject({ state: 'running', attempts: 1 });
      expect(
        await queue.claim({ workerId: 'w2', now: at(60_000 + LEASE_MS - 1), leaseMs: LEASE_MS, limit: 10 }),
      ).toEqual([]);
    });

    it('claims due jobs oldest first, up to the limit, and only of the kinds asked for', async () => {
      await queue.enqueue(spec('c', { runAt: at(3) }));
      await queue.enqueue(spec('a', { runAt: at(1) }));
      await queue.enqueue(spec('b', { runAt: at(2) }));
      await queue.enqueue(spec('n', { runAt: at(0), kind: 'checkin.nudge' }));

      const deliveries = await queue.claim({
        workerId: 'w1',
        now: at(10),
        leaseMs: LEASE_MS,
        limit: 2,
        kinds: ['checkin.card.deliver'],
      });
      expect(deliveries.map((j) => j.key)).toEqual(['a', 'b']);
      const rest = await queue.claim({ workerId: 'w1', now: at(10), leaseMs: LEASE_MS, limit: 10 });
      expect(rest.map((j) => j.key)).toEqual(['n', 'c']);
    });

    it("leaves skipped tenants' jobs for later and claims the other tenants' due jobs instead", async () => {
      const busy = newScope();
      const also = newScope();
      await queue.enqueue(spec('busy-1', { scope: busy, runAt: at(1) }));
      await queue.enqueue(spec('busy-2', { scope: busy, runAt: at(2) }));
      await queue.enqueue(spec('mine', { runAt: at(3) }));
      await queue.enqueue(spec('also-busy', { scope: also, runAt: at(4) }));

      const claim = (skipTenants?: string[]) =>
        queue.claim({
          workerId: 'w1',
          now: at(10),
          leaseMs: LEASE_MS,
          limit: 10,
          ...(skipTenants ? { skipTenants } : {}),
        });
      expect((await claim([busy.tenantId, also.tenantId])).map((j) => j.key)).toEqual(['mine']);
      expect(await claim([busy.tenantId, also.tenantId])).toEqual([]);
      // An empty list skips nothing; without it, the skipped tenants' jobs are claimed oldest first.
      expect((await claim([])).map((j) => j.key)).toEqual(['busy-1', 'busy-2', 'also-busy']);
    });

    it('lets another worker reclaim a job whose lease expired; the first worker has lost it', async () => {
      const { id } = await queue.enqueue(spec('slow'));
      const first = await claimOne('w1', T0);
      const second = await claimOne('w2', at(LEASE_MS));

      expect(second.id).toBe(id);
      expect(second.attempts).toBe(2);
      expect(second.leaseToken).not.toBe(first.leaseToken);

      await expect(queue.complete(first, at(LEASE_MS + 1))).rejects.toBeInstanceOf(ConflictError);
      await expect(
        queue.fail(first, { now: at(LEASE_MS + 1), error: 'late', retryable: true }),
      ).rejects.toBeInstanceOf(ConflictError);

      await queue.complete(second, at(LEASE_MS + 2));
      expect(await queue.getJob(scope, id)).toMatchObject({ state: 'done', attempts: 2, lastError: null });
    });

    it('completes a job once; completing it again is a conflict', async () => {
      const { id } = await queue.enqueue(spec('once'));
      const job = await claimOne('w1', T0);
      await queue.complete(job, at(1));
      expect(await queue.getJob(scope, id)).toMatchObject({ state: 'done' });
      await expect(queue.complete(job, at(2))).rejects.toBeInstanceOf(ConflictError);
      expect(
        await queue.claim({ workerId: 'w1', now: at(LEASE_MS * 10), leaseMs: LEASE_MS, limit: 10 }),
      ).toEqual([]);
    });

    it('retries a retryable failure with exponential backoff, then dead-letters it after maxAttempts', async () => {
      const { id } = await queue.enqueue(spec('flaky', { maxAttempts: 3 }));
      let now = T0;

      for (const attempt of [1, 2]) {
        const job = await claimOne('w1', now);
        expect(job.attempts).toBe(attempt);
        await queue.fail(job, { now, error: `503 on attempt ${attempt}`, retryable: true });
        const delay = 0.75 * 2_000 * 2 ** (attempt - 1); // 1.5 s, then 3 s
        const status = await queue.getJob(scope, id);
        expect(status).toMatchObject({
          state: 'queued',
          attempts: attempt,
          lastError: `503 on attempt ${attempt}`,
        });
        expect(status?.runAt).toEqual(new Date(now.getTime() + delay));
        expect(
          await queue.claim({
            workerId: 'w1',
            now: new Date(now.getTime() + delay - 1),
            leaseMs: LEASE_MS,
            limit: 1,
          }),
        ).toEqual([]);
        now = new Date(now.getTime() + delay);
      }

      const last = await claimOne('w1', now);
      expect(last.attempts).toBe(3);
      await queue.fail(last, { now, error: '503 again', retryable: true });
      await expectDead(id, 3, '503 again (gave up after 3 attempts)');
    });

    it('waits retryAfterMs when the failure says so (e.g. an upstream Retry-After)', async () => {
      const { id } = await queue.enqueue(spec('throttled'));
      const job = await claimOne('w1', T0);
      await queue.fail(job, { now: at(100), error: '429', retryable: true, retryAfterMs: 42_000 });
      expect((await queue.getJob(scope, id))?.runAt).toEqual(at(42_100));
    });

    it('dead-letters a non-retryable failure at once', async () => {
      const { id } = await queue.enqueue(spec('bad-input', { maxAttempts: 5 }));
      const job = await claimOne('w1', T0);
      await queue.fail(job, { now: at(1), error: 'The member no longer exists.', retryable: false });
      await expectDead(id, 1, 'The member no longer exists.');
    });

    it('dead-letters, instead of running again, a job whose lease expired on its last attempt', async () => {
      const { id } = await queue.enqueue(spec('crashes-the-worker', { maxAttempts: 2 }));
      await claimOne('w1', T0);
      await claimOne('w2', at(LEASE_MS)); // attempt 2 of 2; w2 dies too

      expect(
        await queue.claim({ workerId: 'w3', now: at(2 * LEASE_MS), leaseMs: LEASE_MS, limit: 10 }),
      ).toEqual([]);
      const status = await queue.getJob(scope, id);
      expect(status).toMatchObject({ state: 'dead', attempts: 2 });
      expect(status?.lastError).toMatch(/lease of attempt 2 of 2 \(w2\) expired/);
    });

    it('cancels the queued and running jobs of one team only, and the running worker loses its lease', async () => {
      const otherTeam = newScope();
      await queue.enqueue(spec('queued'));
      await queue.enqueue(spec('running'));
      const done = await queue.enqueue(spec('done', { runAt: at(-1) }));
      const theirs = await queue.enqueue(spec('theirs', { scope: otherTeam, runAt: at(1) }));
      const finished = await claimOne('w1', T0); // 'done' (oldest)
      expect(finished.id).toBe(done.id);
      await queue.complete(finished, T0);
      const running = await claimOne('w1', T0);

      expect(await queue.cancelTeamJobs(scope)).toBe(2);
      expect(await queue.cancelTeamJobs(scope)).toBe(0);
      expect(await queue.getJob(scope, running.id)).toMatchObject({ state: 'cancelled' });
      expect(await queue.getJob(scope, done.id)).toMatchObject({ state: 'done' });
      await expect(queue.complete(running, at(1))).rejects.toBeInstanceOf(ConflictError);

      const left = await queue.claim({
        workerId: 'w1',
        now: at(LEASE_MS * 10),
        leaseMs: LEASE_MS,
        limit: 10,
      });
      expect(left.map((j) => j.id)).toEqual([theirs.id]);
    });

    it("never shows another team's job", async () => {
      const { id } = await queue.enqueue(spec('mine'));
      expect(await queue.getJob(scope, id)).toMatchObject({ id, key: 'mine', state: 'queued', attempts: 0 });
      expect(
        await queue.getJob({ tenantId: `${scope.tenantId}-other`, teamId: scope.teamId }, id),
      ).toBeNull();
      expect(
        await queue.getJob({ tenantId: scope.tenantId, teamId: `${scope.teamId}-other` }, id),
      ).toBeNull();
      expect(await queue.getJob(scope, '00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await queue.getJob(scope, 'not-a-uuid')).toBeNull();
    });

    it('backs off exponentially with jitter and a 15 minute cap', () => {
      const options = { backoffBaseMs: 2_000, backoffCapMs: 15 * 60_000 };
      expect(retryDelayMs(1, { ...options, random: () => 0 })).toBe(1_000);
      expect(retryDelayMs(1, { ...options, random: () => 0.999999 })).toBe(2_000);
      expect(retryDelayMs(4, { ...options, random: () => 0.5 })).toBe(12_000);
      expect(retryDelayMs(30, { ...options, random: () => 0.999999 })).toBe(15 * 60_000);
    });
  });
}
