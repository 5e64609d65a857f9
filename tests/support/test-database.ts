/** A migrated PGlite database for one test file: a copy of globalSetup's template (fast), removed by `dispose`. */
import { cpSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';

import type { Database } from '../../src/adapters/storage/database';
import { openDatabase } from '../../src/adapters/storage/open-database';
import type { PgliteLoadOptions } from '../../src/adapters/storage/pglite-database';
import { PGLITE_TEMPLATE_ENV } from './global-setup';
import { copyPrefix } from './test-database-copies';

export interface TestDatabase extends Database {
  /** Empties every table but the migrations' own: the database is then as a new copy of the template is. */
  emptyTables(): Promise<void>;
  dispose(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(copyPrefix());
  const dataDir = path.join(dir, 'db');
  const template = process.env[PGLITE_TEMPLATE_ENV];
  let db: Database;
  try {
    // The template is about a thousand files: fs/promises' cp spends several times the CPU of the synchronous copy on
    // them.
    if (template) cpSync(template, dataDir, { recursive: true });
    db = await openDatabase({ dataDir, pglite: await pgliteOncePerWorker() });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return Object.assign(db, {
    async emptyTables() {
      const { rows } = await db.query(
        `SELECT format('%I', tablename) AS name FROM pg_tables
         WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
      );
      await db.query(`TRUNCATE ${(rows as { name: string }[]).map((r) => r.name).join(', ')}`);
    },
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  });
}

const PGLITE_LOADED = Symbol.for('team-charter.tests.pglite-loaded');

/** This realm's WebAssembly, which the server's TypeScript libraries (no DOM) do not declare. */
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<object>; Module: { prototype: object } };
};

/**
 * PGlite compiles its WebAssembly module (9 MB) again in every test file, since each one loads PGlite anew; and the
 * module's hot functions start slow each time. This compiles it once per jest worker and gives every test file's
 * PGlite that module, already warm. It is kept on `node:v8`'s module object: jest gives every test file of a worker
 * the same core modules, while each file has a global object of its own.
 */
async function pgliteOncePerWorker(): Promise<PgliteLoadOptions> {
  const holder = v8 as unknown as Record<symbol, Promise<Required<PgliteLoadOptions>> | undefined>;
  const loaded = await (holder[PGLITE_LOADED] ??= loadPglite());
  // PGlite's loader asks `instanceof WebAssembly.Module`, and each test file has a WebAssembly of its own; what makes
  // the object a module (for instantiating it) is not its prototype.
  Object.setPrototypeOf(loaded.pgliteWasmModule, wasm.Module.prototype);
  return loaded;
}

async function loadPglite(): Promise<Required<PgliteLoadOptions>> {
  const dist = path.dirname(require.resolve('@electric-sql/pglite'));
  const [module, bundle] = await Promise.all([
    readFile(path.join(dist, 'pglite.wasm')),
    readFile(path.join(dist, 'pglite.data')),
  ]);
  return { pgliteWasmModule: await wasm.compile(module), fsBundle: new Blob([bundle]) };
}
