import { prepared } from '../../../../src/adapters/storage/database';
import type { StorageHarness } from '../../../support/storage-harness';

/** Statements the PostgreSQL driver prepares once per connection answer exactly as their text does (PGlite runs the text). */
export function preparedStatementContract(h: StorageHarness): void {
  describe(`Prepared statements on ${h.driverName}`, () => {
    const echo = prepared('contract_echo', 'SELECT $1::int AS n, $2::text AS label');

    it('answers as its text does, on every pooled connection at once, each run with its own parameters', async () => {
      const db = h.db();
      const runs = Array.from({ length: 25 }, (_, i) => db.query(echo, [i, `row ${i}`]));
      const answers = await Promise.all(runs);
      expect(answers.map((a) => a.rows[0])).toEqual(
        Array.from({ length: 25 }, (_, i) => ({ n: i, label: `row ${i}` })),
      );
      expect((await db.query(echo.text, [7, 'text'])).rows).toEqual((await db.query(echo, [7, 'text'])).rows);
    });

    it('runs inside a transaction, on the transaction’s connection', async () => {
      const rows = await h
        .db()
        .transaction(async (tx) => [
          (await tx.query(echo, [1, 'a'])).rows[0],
          (await tx.query(echo, [2, 'b'])).rows[0],
        ]);
      expect(rows).toEqual([
        { n: 1, label: 'a' },
        { n: 2, label: 'b' },
      ]);
    });

    it('refuses a second text under a name already taken', () => {
      expect(prepared('contract_echo', echo.text)).toEqual(echo);
      expect(() => prepared('contract_echo', 'SELECT 2')).toThrow(
        'Two prepared statements are named contract_echo.',
      );
    });
  });
}
