import type { Database } from '../../../../src/adapters/storage/database';
import {
  applyMigrations,
  loadMigrations,
  type Migration,
  pendingMigrations,
} from '../../../../src/adapters/storage/migrations';
import type { OpenDatabaseOptions } from '../../../../src/adapters/storage/open-database';
import type { StorageHarness } from '../../../support/storage-harness';

async function recorded(db: Database): Promise<number[]> {
  const result = await db.query('SELECT version FROM schema_migrations ORDER BY version');
  return result.rows.map((r) => (r as { version: number }).version);
}

async function tables(db: Database): Promise<string[]> {
  const result = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return result.rows.map((r) => (r as { table_name: string }).table_name);
}

export function migrationsContract(h: StorageHarness): void {
  describe(`SQL migrations on ${h.driverName}`, () => {
    let migrations: Migration[];
    let target: OpenDatabaseOptions;
    beforeAll(async () => {
      migrations = await loadMigrations();
      target = await h.emptyTarget();
    });

    it('finds the numbered SQL files, starting at 0001_init', () => {
      expect(migrations[0]).toMatchObject({ version: 1, name: 'init' });
      expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    });

    it('reports an empty database as not ready, then migrates it once even when two runs race', async () => {
      const db = await h.connect(target);
      expect(await tables(db)).toEqual([]);
      expect(await db.migrationsApplied()).toBe(false);
      expect(await pendingMigrations(db, migrations)).toEqual(migrations.map((m) => m.version));

      // Two runs at once: the advisory lock makes the second wait and then find nothing to do.
      const runs = await Promise.all([applyMigrations(db, migrations), applyMigrations(db, migrations)]);
      expect(runs.map((applied) => applied.length).sort()).toEqual([0, migrations.length]);

      expect(await recorded(db)).toEqual(migrations.map((m) => m.version));
      expect(await db.migrationsApplied()).toBe(true);
      await db.ping();
      expect(await tables(db)).toEqual(
        expect.arrayContaining([
          'installations',
          'members',
          'charters',
          'charter_versions',
          'jobs',
          'schema_migrations',
        ]),
      );
      await db.close();
    });

    it('is idempotent: running again or reopening applies nothing and keeps the data', async () => {
      const db = await h.open(target);
      await db.query(
        `INSERT INTO installations (tenant_id, team_id, teams_team_id, team_name, service_url, channel_conversation_id,
                                    installed_by, installed_at)
         VALUES ('t', 'kept', '19:kept', 'Kept', 'https://example.test/', '19:kept-general', NULL, now())`,
      );
      expect(await applyMigrations(db, migrations)).toEqual([]);
      await db.close();

      const reopened = await h.open(target);
      expect(await applyMigrations(reopened, migrations)).toEqual([]);
      expect(await recorded(reopened)).toEqual(migrations.map((m) => m.version));
      const kept = await reopened.query(`SELECT team_name FROM installations WHERE team_id = 'kept'`);
      expect(kept.rows).toEqual([{ team_name: 'Kept' }]);
      await reopened.close();
    });

    it('refuses to run when an applied migration was edited afterwards', async () => {
      const db = await h.connect(target);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: `${m.checksum}-edited` } : m));
      await expect(applyMigrations(db, edited)).rejects.toThrow(
        /0001_init\.sql was changed after it was applied/,
      );
      expect(await recorded(db)).toEqual(migrations.map((m) => m.version));
      await db.close();
    });
  });
}
