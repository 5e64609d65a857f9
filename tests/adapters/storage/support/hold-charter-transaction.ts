/**
 * A child process for the PostgreSQL contract: saves a charter version through the real PostgresCharterStore, but
 * stops inside the transaction just before the head moves, prints `paused <versions visible to its transaction>`, and
 * waits to be SIGKILLed. Run with `node --import tsx hold-charter-transaction.ts <url> <tenant> <team> <expected>`.
 */
import { loadMigrations } from '../../../../src/adapters/storage/migrations';
import { PostgresCharterStore } from '../../../../src/adapters/storage/postgres-charter-store';
import { PostgresDatabase } from '../../../../src/adapters/storage/postgres-database';
import { charterContent } from '../contracts/fixtures';
import { CHARTER_HEAD_MOVE, injectFault } from './fault-injecting-database';

async function main(): Promise<void> {
  const [url, tenantId, teamId, expected] = process.argv.slice(2);
  if (!url || !tenantId || !teamId || !expected)
    throw new Error('usage: <url> <tenant> <team> <expectedVersion>');
  const db = await PostgresDatabase.open(url, await loadMigrations());
  const paused = injectFault(db, CHARTER_HEAD_MOVE, async (tx) => {
    const seen = await tx.query(
      'SELECT version FROM charter_versions WHERE tenant_id = $1 AND team_id = $2',
      [tenantId, teamId],
    );
    process.stdout.write(`paused ${seen.rowCount}\n`);
    await new Promise<never>(() => {
      setInterval(() => undefined, 60_000); // keep the event loop (and the open transaction) alive until killed
    });
  });
  await new PostgresCharterStore(paused).saveVersion(
    { tenantId, teamId },
    {
      expectedVersion: Number(expected),
      content: charterContent({ purpose: 'Written by a process that is killed before it commits.' }),
      author: { id: 'killed-author', name: 'Killed Author' },
      why: null,
      summary: 'never committed',
      at: new Date(),
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
