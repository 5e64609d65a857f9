import { PostgresCharterStore } from '../../../../src/adapters/storage/postgres-charter-store';
import type { CharterStore, NewCharterVersion } from '../../../../src/app/charters/charter-ports';
import type { TeamScope } from '../../../../src/app/common-ports';
import { ConflictError } from '../../../../src/domain/errors';
import type { StorageHarness } from '../../../support/storage-harness';
import { CHARTER_HEAD_MOVE, injectFault } from '../support/fault-injecting-database';
import { at, charterContent, newScope, T0 } from './fixtures';

const editor = { id: 'aad-editor-1', name: 'Edda Editor' };
const other = { id: 'aad-editor-2', name: 'Otto Other' };

function version(expectedVersion: number, overrides: Partial<NewCharterVersion> = {}): NewCharterVersion {
  return {
    expectedVersion,
    content: charterContent({ purpose: `Purpose as of version ${expectedVersion + 1}.` }),
    author: editor,
    why: expectedVersion === 0 ? null : `Refined after review ${expectedVersion}.`,
    summary: expectedVersion === 0 ? 'Created the charter.' : 'Changed the purpose.',
    at: at(expectedVersion * 60_000),
    ...overrides,
  };
}

async function conflictOf(promise: Promise<unknown>): Promise<ConflictError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

export function charterStoreContract(h: StorageHarness): void {
  describe(`PostgresCharterStore on ${h.driverName}`, () => {
    let store: CharterStore;
    let scope: TeamScope;
    beforeEach(() => {
      store = new PostgresCharterStore(h.db());
      scope = newScope();
    });

    it('answers null and an empty history for a team without a charter', async () => {
      expect(await store.getCurrent(scope)).toBeNull();
      expect(await store.listVersions(scope)).toEqual([]);
      expect(await store.getVersion(scope, 1)).toBeNull();
    });

    it('creates version 1 from expectedVersion 0, then version 2, and keeps both in the history', async () => {
      const first = version(0);
      const created = await store.saveVersion(scope, first);
      expect(created).toEqual({ content: first.content, version: 1, updatedAt: first.at, updatedBy: editor });

      const second = version(1, {
        author: other,
        content: charterContent({ purpose: 'A sharper purpose.' }),
      });
      const updated = await store.saveVersion(scope, second);
      expect(updated.version).toBe(2);
      expect(updated.updatedBy).toEqual(other);

      expect(await store.getCurrent(scope)).toEqual({
        content: second.content,
        version: 2,
        updatedAt: second.at,
        updatedBy: other,
      });
      expect(await store.listVersions(scope)).toEqual([
        { version: 2, author: other, createdAt: second.at, why: second.why, summary: second.summary },
        { version: 1, author: editor, createdAt: first.at, why: null, summary: first.summary },
      ]);
      expect(await store.getVersion(scope, 1)).toEqual({
        version: 1,
        author: editor,
        createdAt: first.at,
        why: null,
        summary: first.summary,
        content: first.content,
      });
      expect((await store.getVersion(scope, 2))?.content).toEqual(second.content);
      expect(await store.getVersion(scope, 3)).toBeNull();
    });

    it('returns Dates and keeps keys the storage schema does not know about', async () => {
      const content = { ...charterContent(), futureField: { nested: [1, 2] } };
      await store.saveVersion(scope, version(0, { content }));
      const current = await store.getCurrent(scope);
      expect(current?.updatedAt).toBeInstanceOf(Date);
      expect(current?.content).toEqual(content);
    });

    it('rejects a stale expectedVersion with ConflictError carrying the current version and keeps the newer version', async () => {
      await store.saveVersion(scope, version(0));
      const newer = version(1, { content: charterContent({ purpose: 'The newer purpose.' }) });
      await store.saveVersion(scope, newer);

      const error = await conflictOf(
        store.saveVersion(scope, version(1, { content: charterContent({ purpose: 'A lost update.' }) })),
      );
      expect(error.currentVersion).toBe(2);

      expect(await store.getCurrent(scope)).toMatchObject({ version: 2, content: newer.content });
      expect((await store.listVersions(scope)).map((v) => v.version)).toEqual([2, 1]);
      expect(await store.getVersion(scope, 3)).toBeNull();
    });

    it('rejects creating a charter that exists, and updating one that does not', async () => {
      expect((await conflictOf(store.saveVersion(scope, version(1)))).currentVersion).toBe(0);
      expect(await store.listVersions(scope)).toEqual([]);

      await store.saveVersion(scope, version(0));
      expect((await conflictOf(store.saveVersion(scope, version(0)))).currentVersion).toBe(1);
      expect((await conflictOf(store.saveVersion(scope, version(5)))).currentVersion).toBe(1);
      expect((await store.listVersions(scope)).map((v) => v.version)).toEqual([1]);
    });

    it.each([
      ['creating the first version', 0],
      ['updating version 1', 1],
    ])('lets exactly one of five concurrent saves win when %s', async (_what, from) => {
      if (from === 1) await store.saveVersion(scope, version(0));
      const attempts = Array.from({ length: 5 }, (_, i) =>
        store.saveVersion(scope, version(from, { content: charterContent({ purpose: `Contender ${i}` }) })),
      );
      const results = await Promise.allSettled(attempts);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(4);
      for (const r of lost) {
        expect(r.reason).toBeInstanceOf(ConflictError);
        expect((r.reason as ConflictError).currentVersion).toBe(from + 1);
      }
      const winner = won[0]?.status === 'fulfilled' ? won[0].value : null;
      expect(await store.getCurrent(scope)).toEqual(winner);
      expect((await store.listVersions(scope)).map((v) => v.version)).toEqual(from === 1 ? [2, 1] : [1]);
    });

    it('never shows or changes a charter across tenants or teams', async () => {
      const mine = version(0, { content: charterContent({ purpose: 'Mine.' }) });
      await store.saveVersion(scope, mine);
      const otherTenant = { tenantId: `${scope.tenantId}-other`, teamId: scope.teamId };
      const otherTeam = { tenantId: scope.tenantId, teamId: `${scope.teamId}-other` };

      for (const elsewhere of [otherTenant, otherTeam]) {
        expect(await store.getCurrent(elsewhere)).toBeNull();
        expect(await store.listVersions(elsewhere)).toEqual([]);
        expect(await store.getVersion(elsewhere, 1)).toBeNull();
        // Version 1 exists only in `scope`: elsewhere there is nothing to update...
        expect((await conflictOf(store.saveVersion(elsewhere, version(1)))).currentVersion).toBe(0);
        // ...and creating a charter there is independent of `scope`.
        const theirs = await store.saveVersion(
          elsewhere,
          version(0, { content: charterContent({ purpose: 'Theirs.' }) }),
        );
        expect(theirs.version).toBe(1);
      }

      expect(await store.getCurrent(scope)).toMatchObject({ version: 1, content: mine.content });
      expect(await store.listVersions(scope)).toHaveLength(1);
      expect((await store.getVersion(scope, 1))?.content.purpose).toBe('Mine.');
    });

    it('leaves nothing behind when the save fails after the version insert but before the head moves', async () => {
      await store.saveVersion(scope, version(0));
      let versionsInsideTheTransaction: number[] = [];
      const crashing = new PostgresCharterStore(
        injectFault(h.db(), CHARTER_HEAD_MOVE, async (tx) => {
          const seen = await tx.query(
            'SELECT version FROM charter_versions WHERE tenant_id = $1 AND team_id = $2 ORDER BY version',
            [scope.tenantId, scope.teamId],
          );
          versionsInsideTheTransaction = seen.rows.map((r) => (r as { version: number }).version);
          throw new Error('simulated crash before the head move');
        }),
      );

      await expect(crashing.saveVersion(scope, version(1))).rejects.toThrow('simulated crash');

      expect(versionsInsideTheTransaction).toEqual([1, 2]); // the fault really came after the version insert
      expect(await store.getCurrent(scope)).toMatchObject({ version: 1 });
      expect(await store.listVersions(scope)).toHaveLength(1);
      expect(await store.getVersion(scope, 2)).toBeNull();
      // Nothing is left locked or half-written: the same save now goes through.
      expect((await store.saveVersion(scope, version(1))).version).toBe(2);
    });

    it('keeps the history append-only: a stored version cannot be rewritten', async () => {
      await store.saveVersion(scope, version(0));
      await expect(
        h
          .db()
          .query(`UPDATE charter_versions SET summary = 'rewritten' WHERE tenant_id = $1 AND team_id = $2`, [
            scope.tenantId,
            scope.teamId,
          ]),
      ).rejects.toThrow(/append-only/);
      expect((await store.getVersion(scope, 1))?.summary).toBe('Created the charter.');
    });

    it('refuses to hand out a stored charter whose content is malformed', async () => {
      await h.db().transaction(async (tx) => {
        const row = [scope.tenantId, scope.teamId, '{"purpose": 42}', T0];
        await tx.query(
          `INSERT INTO charter_versions (tenant_id, team_id, version, content, author_id, author_name, created_at, summary)
           VALUES ($1, $2, 1, $3::jsonb, 'a', 'A', $4, 'bad')`,
          row,
        );
        await tx.query(
          `INSERT INTO charters (tenant_id, team_id, version, content, updated_at, updated_by_id, updated_by_name)
           VALUES ($1, $2, 1, $3::jsonb, $4, 'a', 'A')`,
          row,
        );
      });
      await expect(store.getCurrent(scope)).rejects.toThrow(/content of team .* is malformed/);
      await expect(store.getVersion(scope, 1)).rejects.toThrow(/malformed/);
    });

    it('answers null for version numbers that cannot exist', async () => {
      await store.saveVersion(scope, version(0));
      for (const n of [0, -1, 1.5, Number.NaN, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
        expect(await store.getVersion(scope, n)).toBeNull();
      }
    });
  });
}
