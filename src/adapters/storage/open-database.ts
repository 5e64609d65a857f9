import type { Database } from './database';
import { applyMigrations, loadMigrations, type Migration } from './migrations';
import { PgliteDatabase, type PgliteLoadOptions } from './pglite-database';
import { PostgresDatabase, type PostgresDatabaseOptions } from './postgres-database';
import { withStorageErrors } from './storage-errors';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; unset (or null) → PGlite in `dataDir`. */
  databaseUrl?: string | null;
  /** PGlite's data directory (created, with its parent, when missing). Ignored when `databaseUrl` is set. */
  dataDir: string;
  /** Default: the package's `src/adapters/storage/migrations`. */
  migrationsDir?: string;
  postgres?: PostgresDatabaseOptions;
  /** PGlite only: what it would otherwise read and compile as it opens (tests share one across test files). */
  pglite?: PgliteLoadOptions;
}

/**
 * Chooses the driver, connects, and applies pending migrations before anything else runs. An unavailable database
 * (disk full, connection lost) surfaces as a retryable `UpstreamError` (storage-errors.ts).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrations = await loadMigrations(options.migrationsDir);
  const db = await connectDatabase(options, migrations);
  try {
    await applyMigrations(db, migrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  return withStorageErrors(db);
}

/**
 * Chooses the driver and connects, without migrating; `migrations` is what `migrationsApplied()` checks against.
 * For tools and tests; the app uses `openDatabase`.
 */
export async function connectDatabase(
  options: Omit<OpenDatabaseOptions, 'migrationsDir'>,
  migrations: readonly Migration[],
): Promise<Database> {
  return options.databaseUrl
    ? PostgresDatabase.open(options.databaseUrl, migrations, options.postgres)
    : PgliteDatabase.open(options.dataDir, migrations, options.pglite);
}
