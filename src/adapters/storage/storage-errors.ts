import { UpstreamError } from '../../domain/errors';
import type { Database, Transaction } from './database';

/**
 * SQLSTATE classes that say "the database cannot serve right now" rather than "this statement is wrong": 53
 * insufficient resources (53100 disk full, 53200 out of memory, 53300 too many connections), 08 connection exceptions,
 * 57P01–57P03 (the server is shutting down, or not yet up). These become a retryable `UpstreamError`, so the API answers
 * 503 and jobs retry with backoff; everything else (constraint violations, bugs) passes through unchanged.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
const UNAVAILABLE = /^(53...|08...|57P0[123])$/;

/** Node's own socket errors when the server went away between queries (node-postgres passes them through). */
const CONNECTION_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

function sqlState(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** The error a caller should see: a retryable `UpstreamError` when the database is unavailable, else `error` itself. */
export function storageError(error: unknown): unknown {
  const code = sqlState(error);
  if (code === null || !(UNAVAILABLE.test(code) || CONNECTION_LOST.has(code))) return error;
  const reason =
    code === '53100'
      ? 'the database disk is full'
      : code.startsWith('53')
        ? 'the database is out of resources'
        : 'the database connection was lost';
  return new UpstreamError(
    'database',
    `Storage is unavailable: ${reason} (SQLSTATE/code ${code}).`,
    true,
    undefined,
    {
      cause: error,
    },
  );
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageError(error);
  }
}

/** Wraps a driver so every query and transaction reports an unavailable database as `storageError` says. */
export function withStorageErrors(db: Database): Database {
  return {
    driver: db.driver,
    query: (sql, params) => mapped(() => db.query(sql, params)),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) => mapped(() => db.transaction(fn)),
    listen: (channel, handlers) => mapped(() => db.listen(channel, handlers)),
    ping: () => mapped(() => db.ping()),
    migrationsApplied: () => mapped(() => db.migrationsApplied()),
    close: () => db.close(),
  };
}
