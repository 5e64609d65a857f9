import { Pool, type PoolClient, type QueryConfig, type QueryResult as PgQueryResult } from 'pg';

import type { ChannelHandlers, Database, PreparedStatement, QueryResult, Transaction } from './database';
import { type Migration, pendingMigrations } from './migrations';
import { PostgresListener } from './postgres-listener';

export interface PostgresDatabaseOptions {
  /** Pool size. Default 10. */
  maxConnections?: number;
  /**
   * An idle pooled connection failed (e.g. the server restarted). The pool has already dropped it and the next query
   * opens a new one, so this is for logging only. Default: ignore (the next query reports any lasting failure).
   */
  onIdleClientError?: (error: Error) => void;
  /** A listening connection (`listen`) was lost; it reconnects by itself. For logging. Default: ignore. */
  onListenError?: (error: Error) => void;
}

/** node-postgres prepares a named statement on each connection the first time that connection runs it. */
function queryConfig(sql: string | PreparedStatement, params: readonly unknown[]): QueryConfig {
  return typeof sql === 'string'
    ? { text: sql, values: [...params] }
    : { name: sql.name, text: sql.text, values: [...params] };
}

function toResult(result: PgQueryResult): QueryResult {
  return { rows: result.rows as unknown[], rowCount: result.rowCount ?? result.rows.length };
}

/** A PostgreSQL server through a node-postgres connection pool (`DATABASE_URL`). */
export class PostgresDatabase implements Database {
  readonly driver = 'postgres' as const;

  private readonly listeners: PostgresListener[] = [];

  private constructor(
    private readonly pool: Pool,
    private readonly migrations: readonly Migration[],
    private readonly connectionString: string,
    private readonly onListenError: (error: Error) => void,
  ) {}

  /** Opens a pool and checks that the server answers. Does not migrate: `openDatabase` does. */
  static async open(
    connectionString: string,
    migrations: readonly Migration[],
    options: PostgresDatabaseOptions = {},
  ): Promise<PostgresDatabase> {
    const pool = new Pool({
      connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 10_000,
    });
    pool.on('error', options.onIdleClientError ?? (() => undefined));
    const db = new PostgresDatabase(
      pool,
      migrations,
      connectionString,
      options.onListenError ?? (() => undefined),
    );
    try {
      await db.ping();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return db;
  }

  async query(sql: string | PreparedStatement, params: readonly unknown[] = []): Promise<QueryResult> {
    return toResult(await this.pool.query(queryConfig(sql, params)));
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // The server can drop a checked-out connection between two of the transaction's queries (a restart,
    // pg_terminate_backend). node-postgres reports that as an 'error' event, and its pool listens only while a
    // connection sits idle in the pool: unheard here, the event would crash the process.
    let lost: Error | undefined;
    const onLost = (error: Error): void => {
      lost = error;
    };
    client.on('error', onLost);
    try {
      await client.query('BEGIN');
      const result = await fn(transactionOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable: destroy it rather than return it to the pool. The original error is the story.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      if (lost) throw connectionLost(lost);
      throw error;
    } finally {
      client.removeListener('error', onLost);
      client.release(lost ?? broken);
    }
  }

  async listen(channel: string, handlers: ChannelHandlers): Promise<void> {
    const listener = new PostgresListener(this.connectionString, channel, handlers, this.onListenError);
    await listener.start();
    this.listeners.push(listener);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async migrationsApplied(): Promise<boolean> {
    return (await pendingMigrations(this, this.migrations)).length === 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.listeners.splice(0).map((listener) => listener.close()));
    if (!this.pool.ended) await this.pool.end();
  }
}

/**
 * The error for a transaction whose connection the server dropped: SQLSTATE 08006 (connection failure) unless the
 * driver's error carries one, so storage-errors.ts reports it as a retryable outage (node-postgres's own "Connection
 * terminated unexpectedly" has no code).
 */
function connectionLost(cause: Error): Error {
  const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : '08006';
  return Object.assign(new Error(`The database connection was lost: ${cause.message}`, { cause }), { code });
}

function transactionOn(client: PoolClient): Transaction {
  return {
    query: async (sql, params = []) => toResult(await client.query(queryConfig(sql, params))),
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}
