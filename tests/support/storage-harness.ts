/**
 * What the storage contract needs from a driver: the test file's shared, migrated database, and new empty databases
 * for the migration tests. One harness per driver; each registers its own beforeAll/afterAll.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import type { Database } from '../../src/adapters/storage/database';
import { loadMigrations } from '../../src/adapters/storage/migrations';
import {
  connectDatabase,
  openDatabase,
  type OpenDatabaseOptions,
} from '../../src/adapters/storage/open-database';
import { PgliteDatabase } from '../../src/adapters/storage/pglite-database';

export interface StorageHarness {
  /** As shown in the describe titles: `… on PGlite`, `… on PostgreSQL`. */
  readonly driverName: 'PGlite' | 'PostgreSQL';
  /** The test file's shared database, migrated. Tests isolate themselves with fresh tenant/team ids. */
  db(): Database;
  /** A new, empty database (no tables yet); removed after the file. */
  emptyTarget(): Promise<OpenDatabaseOptions>;
  /** `openDatabase` (connect + migrate); closed after the file if the test does not close it. */
  open(target: OpenDatabaseOptions): Promise<Database>;
  /** Connect without migrating; `migrationsApplied()` checks against the real migrations. */
  connect(target: OpenDatabaseOptions): Promise<Database>;
}

abstract class BaseHarness implements StorageHarness {
  abstract readonly driverName: 'PGlite' | 'PostgreSQL';
  protected shared: Database | undefined;
  private readonly opened: Database[] = [];

  db(): Database {
    if (!this.shared) throw new Error('The storage harness is not set up yet (use it inside tests).');
    return this.shared;
  }

  abstract emptyTarget(): Promise<OpenDatabaseOptions>;

  async open(target: OpenDatabaseOptions): Promise<Database> {
    return this.track(await openDatabase(target));
  }

  async connect(target: OpenDatabaseOptions): Promise<Database> {
    return this.track(await connectDatabase(target, await loadMigrations()));
  }

  protected track(db: Database): Database {
    this.opened.push(db);
    return db;
  }

  protected async closeAll(): Promise<void> {
    for (const db of this.opened.splice(0)) await db.close();
  }
}

/**
 * PGlite: creating a data directory costs seconds (initdb), reopening one well under a second. So initdb runs once per
 * file, into a template directory whose parent does not exist yet (which the driver must create), and every database
 * the file needs is a copy of that template.
 */
class PgliteHarness extends BaseHarness {
  readonly driverName = 'PGlite' as const;
  private root = '';
  private template = '';
  private copies = 0;

  async setUp(): Promise<void> {
    this.root = await mkdtemp(path.join(os.tmpdir(), 'team-charter-pglite-'));
    this.template = path.join(this.root, 'parent-not-created-yet', 'template');
    await (await PgliteDatabase.open(this.template, [])).close();
    this.shared = await this.open(await this.emptyTarget());
  }

  async tearDown(): Promise<void> {
    await this.closeAll();
    if (this.root) await rm(this.root, { recursive: true, force: true });
  }

  async emptyTarget(): Promise<OpenDatabaseOptions> {
    const dataDir = path.join(this.root, `db-${++this.copies}`);
    await cp(this.template, dataDir, { recursive: true });
    return { dataDir };
  }
}

/**
 * PostgreSQL: jest runs test files in parallel, so each file works in databases of its own, created on the
 * `TEST_DATABASE_URL` server with random names and dropped afterwards.
 */
class PostgresHarness extends BaseHarness {
  readonly driverName = 'PostgreSQL' as const;
  private readonly created: string[] = [];
  private admin: Client | undefined;

  constructor(private readonly serverUrl: string) {
    super();
  }

  async setUp(): Promise<void> {
    this.admin = new Client({ connectionString: this.serverUrl });
    await this.admin.connect();
    this.shared = await this.open(await this.emptyTarget());
  }

  async tearDown(): Promise<void> {
    await this.closeAll();
    for (const name of this.created.splice(0)) {
      await this.admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await this.admin?.end();
  }

  async emptyTarget(): Promise<OpenDatabaseOptions> {
    if (!this.admin) throw new Error('The PostgreSQL harness is not set up yet.');
    const name = `team_charter_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await this.admin.query(`CREATE DATABASE ${name}`);
    this.created.push(name);
    const url = new URL(this.serverUrl);
    url.pathname = `/${name}`;
    return { databaseUrl: url.toString(), dataDir: path.join(os.tmpdir(), 'unused-with-postgres') };
  }
}

export function usePgliteHarness(): StorageHarness {
  const harness = new PgliteHarness();
  beforeAll(() => harness.setUp(), 60_000);
  afterAll(() => harness.tearDown(), 60_000);
  return harness;
}

export function usePostgresHarness(serverUrl: string): StorageHarness {
  const harness = new PostgresHarness(serverUrl);
  beforeAll(() => harness.setUp(), 60_000);
  afterAll(() => harness.tearDown(), 60_000);
  return harness;
}
