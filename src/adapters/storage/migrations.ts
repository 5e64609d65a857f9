import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import type { Database, SqlExecutor } from './database';

/** A numbered SQL file from `migrations/`, e.g. `0001_init.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** sha256 of the file (line endings normalised), recorded so an edited, already-applied file is caught. */
  checksum: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Any constant shared by every process of the app; advisory locks are scoped to the current database. */
const MIGRATION_LOCK_KEY = 7_234_118_500_001;

/**
 * Where the SQL files live: `<package root>/src/adapters/storage/migrations`, found by walking up from this file.
 * One source of truth that works from `src/` (tsx, jest) and from `dist/` (tsc copies no .sql files), so a deployment
 * must ship that folder alongside `dist/`.
 */
function defaultMigrationsDir(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')))
      return path.join(dir, 'src', 'adapters', 'storage', 'migrations');
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`No package.json above ${__dirname}: cannot locate the SQL migrations.`);
    dir = parent;
  }
}

/** Reads and checks the migrations: numbered 1, 2, 3… without gaps or duplicates, in order. */
export async function loadMigrations(dir: string = defaultMigrationsDir()): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match?.[1] || !match[2]) {
      throw new Error(`Migration file ${file} in ${dir} is not named like 0001_what_it_does.sql.`);
    }
    const sql = (await readFile(path.join(dir, file), 'utf8')).replace(/\r\n/g, '\n');
    migrations.push({
      version: Number(match[1]),
      name: match[2],
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `Migrations in ${dir} must be numbered 0001, 0002, … without gaps; found ${fileName(m)}.`,
      );
    }
  });
  if (migrations.length === 0) throw new Error(`No migrations found in ${dir}.`);
  return migrations;
}

const appliedRow = z.object({ version: z.number().int(), name: z.string(), checksum: z.string() });
type AppliedMigration = z.infer<typeof appliedRow>;

async function readApplied(db: SqlExecutor): Promise<AppliedMigration[] | null> {
  const exists = await db.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  if (!z.object({ exists: z.boolean() }).parse(exists.rows[0]).exists) return null;
  const result = await db.query('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  return result.rows.map((row) => appliedRow.parse(row));
}

/** Versions known to this build but not recorded as applied (all of them on an empty database). */
export async function pendingMigrations(
  db: SqlExecutor,
  migrations: readonly Migration[],
): Promise<number[]> {
  const applied = new Set((await readApplied(db))?.map((m) => m.version) ?? []);
  return migrations.filter((m) => !applied.has(m.version)).map((m) => m.version);
}

/**
 * Applies the pending migrations in one transaction under a transaction-scoped advisory lock, so two processes
 * starting at once serialise: the second waits, then finds nothing to do. Refuses to run when a migration that was
 * already applied has changed since (add a new numbered file instead). Returns the versions it applied.
 */
export async function applyMigrations(db: Database, migrations: readonly Migration[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const applied = new Map(((await readApplied(tx)) ?? []).map((m) => [m.version, m]));
    for (const m of migrations) {
      const recorded = applied.get(m.version);
      if (recorded && recorded.checksum !== m.checksum) {
        throw new Error(
          `Migration ${fileName(m)} was changed after it was applied to this database. ` +
            'Applied migrations are immutable: revert the edit and add a new numbered migration.',
        );
      }
    }
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      done.push(m.version);
    }
    return done;
  });
}

function fileName(m: Migration): string {
  return `${String(m.version).padStart(4, '0')}_${m.name}.sql`;
}
