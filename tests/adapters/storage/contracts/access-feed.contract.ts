/**
 * The access cache's notification feed on a real server (PGlite has no connection to lose): what an instance does
 * while its listening connection is down, and that it keeps reads again once it listens again.
 */
import type { Database } from '../../../../src/adapters/storage/database';
import { postgresStores } from '../../../../src/adapters/storage/postgres-stores';
import { TeamAccessCache } from '../../../../src/adapters/storage/team-access-cache';
import type { StorageHarness } from '../../../support/storage-harness';
import { at, installation, newScope } from './fixtures';

const reader = {
  aadObjectId: 'aad-reader',
  teamsUserId: null,
  name: 'Rea Reader',
  email: null,
  timeZone: null,
};

/** Resolves at the feed's next `live(expected)`, or fails after 10 s. */
function liveEvents() {
  const waiting: { expected: boolean; resolve: () => void }[] = [];
  const onLive = (isLive: boolean) => {
    for (const [i, w] of [...waiting.entries()].reverse())
      if (w.expected === isLive) {
        waiting.splice(i, 1);
        w.resolve();
      }
  };
  const next = (expected: boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The feed did not report live=${expected} within 10 s.`)),
        10_000,
      );
      waiting.push({
        expected,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  return { onLive, next };
}

export function accessFeedContract(h: StorageHarness): void {
  describe(`The access cache's notification feed on ${h.driverName}`, () => {
    let dbA: Database;
    let dbB: Database;
    beforeAll(async () => {
      const target = await h.emptyTarget();
      dbA = await h.open({ ...target, postgres: { maxConnections: 2 } });
      dbB = await h.open({ ...target, postgres: { maxConnections: 2 } });
    });

    it('while B’s listening connection is down B answers from the database, and keeps reads again once it is back', async () => {
      const events = liveEvents();
      const accessB = await TeamAccessCache.listening(dbB, events.onLive);
      const a = postgresStores(dbA);
      const b = postgresStores(dbB, { access: accessB });
      const scope = newScope();
      await a.installs.saveInstallation(installation(scope));
      await a.installs.upsertMembers(scope, [reader]);

      // Every listening backend of this database is terminated, as a server restart or a network cut would.
      const down = events.next(false);
      const back = events.next(true);
      await dbA.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'`,
      );
      await down;

      const whileDown = await b.installs.getTeamAccess(scope, reader.aadObjectId);
      expect(whileDown.member?.aadObjectId).toBe(reader.aadObjectId);
      // Not kept: the next read is another one from the database, and it sees A's change without any notification.
      await a.installs.markMemberLeft(scope, reader.aadObjectId, at(1));
      expect((await b.installs.getTeamAccess(scope, reader.aadObjectId)).member).toBeNull();

      await back;
      const kept = await b.installs.getTeamAccess(scope, reader.aadObjectId);
      expect(await b.installs.getTeamAccess(scope, reader.aadObjectId)).toBe(kept);
      // And notified again: A's next change drops it.
      await a.installs.upsertMembers(scope, [reader]);
      const start = Date.now();
      let after = await b.installs.getTeamAccess(scope, reader.aadObjectId);
      while (after.member === null && Date.now() - start < 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        after = await b.installs.getTeamAccess(scope, reader.aadObjectId);
      }
      expect(after.member?.aadObjectId).toBe(reader.aadObjectId);
    });
  });
}
