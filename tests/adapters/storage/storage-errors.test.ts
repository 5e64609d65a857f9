import { problemFor } from '../../../src/adapters/http/problem-details';
import type { Database } from '../../../src/adapters/storage/database';
import { storageError, withStorageErrors } from '../../../src/adapters/storage/storage-errors';
import { UpstreamError } from '../../../src/domain/errors';
import { openTestDatabase } from '../../support/test-database';

function dbError(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('storage errors', () => {
  it.each([
    ['53100', 'the database disk is full'],
    ['53200', 'the database is out of resources'],
    ['08006', 'the database connection was lost'],
    ['57P01', 'the database connection was lost'],
    ['ECONNREFUSED', 'the database connection was lost'],
  ])('turns %s into a retryable storage error saying %s', (code, reason) => {
    const cause = dbError(code);
    const mapped = storageError(cause);
    expect(mapped).toBeInstanceOf(UpstreamError);
    expect(mapped).toMatchObject({ service: 'database', retryable: true, cause });
    expect((mapped as Error).message).toContain(reason);
  });

  it.each(['23505', '22P02', '40001', 'ERR_SOMETHING'])(
    'passes %s through unchanged (the caller’s or our bug)',
    (code) => {
      const error = dbError(code);
      expect(storageError(error)).toBe(error);
    },
  );

  it('passes errors without a code through unchanged', () => {
    const error = new Error('plain');
    expect(storageError(error)).toBe(error);
    expect(storageError('text')).toBe('text');
  });

  it('makes an unavailable database a 503 that says nothing was saved, without internals', () => {
    const problem = problemFor(storageError(dbError('53100', 'could not extend file "base/5/16384"')));
    expect(problem.status).toBe(503);
    expect(problem.title).toBe('Storage is unavailable right now');
    expect(problem.detail).toContain('Nothing was saved');
    expect(JSON.stringify(problem)).not.toContain('base/5');
  });

  describe('on a real database', () => {
    let raw: Awaited<ReturnType<typeof openTestDatabase>>;
    let db: Database;
    beforeAll(async () => {
      raw = await openTestDatabase();
      db = withStorageErrors(raw);
    });
    afterAll(async () => {
      await raw.dispose();
    });

    it('keeps a real constraint violation as it is, code and all', async () => {
      await db.query('CREATE TEMP TABLE t (id int PRIMARY KEY)');
      await db.query('INSERT INTO t VALUES (1)');
      await expect(db.query('INSERT INTO t VALUES (1)')).rejects.toMatchObject({ code: '23505' });
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (2)');
          await tx.query('INSERT INTO t VALUES (2)');
        }),
      ).rejects.toMatchObject({ code: '23505' });
      expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 1 }]);
    });
  });
});
