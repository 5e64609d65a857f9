import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

import {
  type ChannelHandlers,
  type Database,
  type PreparedStatement,
  type QueryResult,
  sqlText,
  type Transaction,
} from './database';
import { type Migration, pendingMigrations } from './migrations';

interface PgliteResults {
  rows: unknown[];
  affectedRows?: number;
}

function toResult(results: PgliteResults): QueryResult {
  return { rows: results.rows, rowCount: Math.max(results.affectedRows ?? 0, results.rows.length) };
}

/**
 * What PGlite loads as it opens, when the caller already has it: its WebAssembly module, compiled, and the file bundle
 * it unpacks. Without them PGlite reads and compiles its own.
 */
export type PgliteLoadOptions = Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>;

/**
 * The embedded default: PostgreSQL in WASM, with its files in a data directory. One connection, so PGlite itself
 * serialises queries and transactions (a query outside a running transaction waits for it to finish).
 */
export class PgliteDatabase implements Database {
  readonly driver = 'pglite' as const;

  private constructor(
    private readonly pg: PGlite,
    private readonly migrations: readonly Migration[],
  ) {}

  /**
   * Opens (or, on first use, initialises: a few seconds) the database in `dataDir`, creating its parent directory
   * when missing. Does not migrate: `openDatabase` does.
   */
  static async open(
    dataDir: string,
    migrations: readonly Migration[],
    options: PgliteLoadOptions = {},
  ): Promise<PgliteDatabase> {
    const dir = path.resolve(dataDir);
    await mkdir(path.dirname(dir), { recursive: true });
    const pg = await PGlite.create(dir, options);
    return new PgliteDatabase(pg, migrations);
  }

  async query(sql: string | PreparedStatement, params: readonly unknown[] = []): Promise<QueryResult> {
    return toResult(await this.pg.query(sqlText(sql), [...params]));
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.pg.transaction(async (pgTx) => {
      const tx: Transaction = {
        query: async (sql, params = []) => toResult(await pgTx.query(sqlText(sql), [...params])),
        exec: async (sql) => {
          await pgTx.exec(sql);
        },
      };
      return fn(tx);
    });
  }

  async listen(channel: string, handlers: ChannelHandlers): Promise<void> {
    // One process owns the database: nothing is missed while it is open.
    await this.pg.listen(channel, (payload) => handlers.notified(payload));
    handlers.live(true);
  }

  async ping(): Promise<void> {
    await this.pg.query('SELECT 1');
  }

  async migrationsApplied(): Promise<boolean> {
    return (await pendingMigrations(this, this.migrations)).length === 0;
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}
