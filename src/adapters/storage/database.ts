/**
 * The one interface both storage drivers (PGlite, node-postgres) implement. Adapters write plain PostgreSQL against it.
 *
 * Rows come back as `unknown`: every adapter checks what it reads (see `rows.ts`) before it maps it to a port's types.
 */

export type DatabaseDriver = 'pglite' | 'postgres';

export interface QueryResult {
  rows: unknown[];
  /** Rows returned, or rows changed by an INSERT/UPDATE/DELETE without RETURNING. */
  rowCount: number;
}

/**
 * A statement the PostgreSQL driver prepares once per pooled connection and then only binds and executes: the server
 * skips parsing and planning it on every later run (the access check went from 200–560 µs of server CPU per run to
 * about 50). For the hot paths, and only with named columns: a prepared `SELECT *` or `RETURNING *` fails on a
 * connection that prepared it before a migration added a column (named columns fail only when one they read is dropped
 * or retyped). PGlite runs its text as any other query.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const preparedTexts = new Map<string, string>();

/** Declares a prepared statement (at module load); two texts under one name are a programming error. */
export function prepared(name: string, text: string): PreparedStatement {
  const known = preparedTexts.get(name);
  if (known !== undefined && known !== text) throw new Error(`Two prepared statements are named ${name}.`);
  preparedTexts.set(name, text);
  return { name, text };
}

/** The SQL text of a query, prepared or not. */
export function sqlText(sql: string | PreparedStatement): string {
  return typeof sql === 'string' ? sql : sql.text;
}

export interface SqlExecutor {
  /** One statement with `$1…$n` parameters. Pass jsonb values as `JSON.stringify(…)` with a `::jsonb` cast. */
  query(sql: string | PreparedStatement, params?: readonly unknown[]): Promise<QueryResult>;
}

export interface Transaction extends SqlExecutor {
  /** A script of several statements without parameters (a migration). */
  exec(sql: string): Promise<void>;
}

/** What a subscriber to a notification channel is told (`Database.listen`). */
export interface ChannelHandlers {
  /** A NOTIFY on the channel, with its payload, delivered after the notifying transaction committed. */
  notified(payload: string): void;
  /**
   * Whether every notification is being delivered: true once listening starts (again), false as soon as the listening
   * connection is lost. While false, notifications are missed, so anything kept because no notification said otherwise
   * may be stale.
   */
  live(isLive: boolean): void;
}

export interface Database extends SqlExecutor {
  readonly driver: DatabaseDriver;
  /**
   * LISTEN on `channel` for as long as the database is open; resolves once listening. On PostgreSQL a connection of
   * its own, reconnected when lost; on PGlite, notifications arrive before the notifying statement's promise resolves.
   */
  listen(channel: string, handlers: ChannelHandlers): Promise<void>;
  /**
   * Runs `fn` in one transaction (READ COMMITTED): COMMIT when it resolves, ROLLBACK when it throws (the error is
   * rethrown). Use only `tx` inside `fn`: on PGlite, a query on the database itself would wait for this transaction.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Resolves when the database answers; throws otherwise. For `/readyz`. */
  ping(): Promise<void>;
  /** True when every migration this build knows is recorded as applied. For `/readyz`. */
  migrationsApplied(): Promise<boolean>;
  close(): Promise<void>;
}
