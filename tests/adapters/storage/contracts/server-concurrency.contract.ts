/**
 * What only a real server can show (PGlite is a single connection): separate connection pools — standing in for
 * separate app instances — racing for the same rows, and a process killed while it holds a transaction open.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { applyMigrations, loadMigrations } from '../../../../src/adapters/storage/migrations';
import { openDatabase } from '../../../../src/adapters/storage/open-database';
import { PostgresCharterStore } from '../../../../src/adapters/storage/postgres-charter-store';
import { PostgresJobQueue } from '../../../../src/adapters/storage/postgres-job-queue';
import type { ClaimedJob } from '../../../../src/app/jobs/job-ports';
import { saveFirstVersion } from '../../../support/charter-deps';
import type { StorageHarness } from '../../../support/storage-harness';
import { expectPaced, reserveConcurrently } from './connector-budget.contract';
import { at, charterContent, newScope, T0 } from './fixtures';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CHILD = path.join(__dirname, '..', 'support', 'hold-charter-transaction.ts');

export function serverConcurrencyContract(h: StorageHarness): void {
  describe(`Concurrency across connections on ${h.driverName}`, () => {
    it('two workers with separate pools claim 200 jobs in parallel loops: each job exactly once, none left', async () => {
      const target = await h.emptyTarget();
      const poolA = await h.open({ ...target, postgres: { maxConnections: 4 } });
      const poolB = await h.open({ ...target, postgres: { maxConnections: 4 } });
      const scope = newScope();
      const kind = 'bench.claim';
      const enqueuer = new PostgresJobQueue<string>(poolA);
      const ids = new Set<string>();
      for (let i = 0; i < 200; i++) {
        ids.add(
          (await enqueuer.enqueue({ scope, kind, key: `job-${i}`, runAt: at(i % 7), payload: { i } })).id,
        );
      }

      const claimedBy = new Map<string, string[]>();
      async function loop(workerId: string, queue: PostgresJobQueue): Promise<number> {
        let claims = 0;
        for (;;) {
          const jobs: ClaimedJob[] = await queue.claim({
            workerId,
            now: at(60_000),
            leaseMs: 600_000,
            limit: 3,
            kinds: [kind],
          });
          if (jobs.length === 0) return claims;
          claims += jobs.length;
          for (const job of jobs) {
            claimedBy.set(job.id, [...(claimedBy.get(job.id) ?? []), workerId]);
            await queue.complete(job, at(60_001));
          }
        }
      }
      const workerA = new PostgresJobQueue(poolA);
      const workerB = new PostgresJobQueue(poolB);
      const counts = await Promise.all([
        ...[1, 2, 3, 4].map((n) => loop(`A${n}`, workerA)),
        ...[1, 2, 3, 4].map((n) => loop(`B${n}`, workerB)),
      ]);

      const doubles = [...claimedBy].filter(([, workers]) => workers.length > 1);
      expect(doubles).toEqual([]);
      expect(new Set(claimedBy.keys())).toEqual(ids);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
      // Both instances did real work (otherwise this proves nothing about their racing).
      const byA = [...claimedBy.values()].filter(([w]) => w?.startsWith('A')).length;
      expect(byA).toBeGreaterThan(0);
      expect(byA).toBeLessThan(200);
      const states = await poolB.query(
        `SELECT state, count(*)::int AS n FROM jobs WHERE kind = $1 GROUP BY state`,
        [kind],
      );
      expect(states.rows).toEqual([{ state: 'done', n: 200 }]);
    });

    it('two pools reserving one tenant’s Bot Connector budget together never exceed burst + perSecond × T', async () => {
      const target = await h.emptyTarget();
      const poolA = await h.open({ ...target, postgres: { maxConnections: 4 } });
      const poolB = await h.open({ ...target, postgres: { maxConnections: 4 } });
      const result = await reserveConcurrently([poolA, poolB], `tenant-${T0.getTime()}`, {
        callers: 8,
        count: 4,
        total: 400,
      });
      expectPaced(result);
    });

    it('two processes migrating a new database at the same time both start, and each migration is applied once', async () => {
      const target = await h.emptyTarget();
      const [a, b] = await Promise.all([h.open(target), h.open(target)]);
      const migrations = await loadMigrations();
      expect(await applyMigrations(a, migrations)).toEqual([]);
      const rows = await b.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.rows).toEqual(migrations.map((m) => ({ version: m.version })));
      expect(await a.migrationsApplied()).toBe(true);
      expect(await b.migrationsApplied()).toBe(true);
    });

    it('a connection the server drops in the middle of a transaction fails it as retryable, and nothing crashes', async () => {
      const target = await h.emptyTarget();
      const db = await openDatabase(target);
      const admin = await h.open(target);
      try {
        const attempt = db.transaction(async (tx) => {
          const { rows } = await tx.query('SELECT pg_backend_pid() AS pid');
          await admin.query('SELECT pg_terminate_backend($1)', [(rows[0] as { pid: number }).pid]);
          // idle in the transaction when the server's FATAL arrives: node-postgres emits it as an 'error' event
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.query('SELECT 1');
        });
        // a retryable storage error (the API answers 503, a job retries), not a process crash
        await expect(attempt).rejects.toMatchObject({ name: 'UpstreamError', retryable: true });
        await expect(attempt).rejects.toThrow(/connection was lost/);
        // the pool dropped the dead connection: the next transaction gets a new one
        await expect(db.transaction((tx) => tx.query('SELECT 1 AS one'))).resolves.toMatchObject({
          rows: [{ one: 1 }],
        });
      } finally {
        await admin.close();
        await db.close();
      }
    });

    it('a process SIGKILLed while its charter transaction is open leaves nothing half-written', async () => {
      const target = await h.emptyTarget();
      const db = await openDatabase(target);
      try {
        const store = new PostgresCharterStore(db);
        const scope = newScope();
        const v1 = await saveFirstVersion(
          store,
          scope,
          charterContent({ purpose: 'Version one.' }),
          { id: 'aad-ada', name: 'Ada' },
          T0,
        );

        const child = spawn(
          process.execPath,
          ['--import', 'tsx', CHILD, target.databaseUrl ?? '', scope.tenantId, scope.teamId, '1'],
          { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on('exit', (_code, signal) => resolve(signal)),
        );
        const paused = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const line = /paused \d+/.exec(out);
            if (line) resolve(line[0]);
          });
          child.on('exit', () => reject(new Error(`the child exited before pausing: ${stderr}`)));
        });
        // Inside its transaction the child had already written version 2 (it saw versions 1 and 2)...
        expect(paused).toBe('paused 2');

        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');

        // ...and after the kill none of it exists, and nothing stays locked: the same save goes through.
        expect(await store.getCurrent(scope)).toEqual(v1);
        expect((await store.listVersions(scope)).map((v) => v.version)).toEqual([1]);
        expect(await store.getVersion(scope, 2)).toBeNull();
        const v2 = await store.saveVersion(scope, {
          expectedVersion: 1,
          content: charterContent({ purpose: 'Version two, by a process that lived.' }),
          author: { id: 'aad-ada', name: 'Ada' },
          why: null,
          summary: 'Changed the purpose.',
          at: at(1),
        });
        expect(v2.version).toBe(2);
      } finally {
        await db.close();
      }
    }, 30_000);
  });
}
