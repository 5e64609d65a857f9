import { type Database, sqlText, type Transaction } from '../../../../src/adapters/storage/database';

/**
 * Wraps a real database so that, inside a transaction, `fault(tx)` runs just before the first statement matching
 * `before` — to throw (a crash mid-transaction) or to hang (a process killed mid-transaction). Everything else is the
 * real driver, so the adapter under test runs its own code path unchanged.
 */
export function injectFault(
  db: Database,
  before: RegExp,
  fault: (tx: Transaction) => Promise<void>,
): Database {
  return {
    driver: db.driver,
    query: (sql, params) => db.query(sql, params),
    listen: (channel, handlers) => db.listen(channel, handlers),
    ping: () => db.ping(),
    migrationsApplied: () => db.migrationsApplied(),
    close: () => db.close(),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          exec: (sql) => tx.exec(sql),
          query: async (sql, params) => {
            if (before.test(sqlText(sql))) await fault(tx);
            return tx.query(sql, params);
          },
        }),
      ),
  };
}

/** Statements that move a charter's head (not the version insert, which goes to `charter_versions`). */
export const CHARTER_HEAD_MOVE = /^\s*(INSERT INTO|UPDATE)\s+charters\b/i;
