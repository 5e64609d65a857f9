import { randomUUID } from 'node:crypto';

import type { Database } from '../../../../src/adapters/storage/database';
import { postgresStores } from '../../../../src/adapters/storage/postgres-stores';
import { TeamAccessCache } from '../../../../src/adapters/storage/team-access-cache';
import type { CharterRecord, NewCharterVersion } from '../../../../src/app/charters/charter-ports';
import type { TeamScope } from '../../../../src/app/common-ports';
import { openRoundInStore } from '../../../support/open-round';
import type { StorageHarness } from '../../../support/storage-harness';
import { at, charterContent, installation, newScope } from './fixtures';

const editor = { id: 'aad-editor-1', name: 'Edda Editor' };
const member = (aadObjectId: string) => ({
  aadObjectId,
  teamsUserId: `29:${aadObjectId}`,
  name: aadObjectId,
  email: null,
  timeZone: null,
});

function version(
  expectedVersion: number,
  purpose: string,
  when = at(expectedVersion * 60_000),
): NewCharterVersion {
  return {
    expectedVersion,
    content: charterContent({ purpose }),
    author: editor,
    why: null,
    summary: 'Changed the purpose.',
    at: when,
  };
}

/**
 * The per-process read caches (read-cache.ts for charters, team-access-cache.ts for access reads) across two app
 * instances on one database: each instance is its own set of stores, with its own caches. On PostgreSQL each has its
 * own connection pool and listening connection, as two processes would.
 */
export function readCacheContract(h: StorageHarness): void {
  describe(`Reads across two instances on ${h.driverName}`, () => {
    let dbA: Database;
    let dbB: Database;
    let accessA: TeamAccessCache;
    let accessB: TeamAccessCache;
    beforeAll(async () => {
      if (h.driverName === 'PGlite') {
        // One PGlite is one process's database: the two instances share it, and still keep separate caches.
        dbA = h.db();
        dbB = h.db();
      } else {
        const target = await h.emptyTarget();
        dbA = await h.open({ ...target, postgres: { maxConnections: 2 } });
        dbB = await h.open({ ...target, postgres: { maxConnections: 2 } });
      }
      accessA = await TeamAccessCache.listening(dbA);
      accessB = await TeamAccessCache.listening(dbB);
    });

    /**
     * What B answers after A's change. On PGlite at once: one process, and the notification is delivered before A's
     * write returns. On PostgreSQL, once the notification has reached B's listening connection: B is asked again until
     * `seen` holds, for up to 5 s (normally the first or second ask).
     */
    async function onB<T>(read: () => Promise<T>, seen: (value: T) => boolean): Promise<T> {
      let value = await read();
      if (h.driverName === 'PGlite') return value;
      for (const deadline = Date.now() + 5_000; !seen(value) && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        value = await read();
      }
      return value;
    }

    /** B's read once B keeps it: asked until two answers in a row are the very same object (up to 5 s). */
    async function keptOnB<T>(read: () => Promise<T>): Promise<T> {
      let last: T = await read();
      return onB(read, (value) => {
        const same = value === last;
        last = value;
        return same;
      });
    }

    /** What a team route does: the access read, then the head it names (from the caches when they have them). */
    async function readAs(db: Database, stores: ReturnType<typeof postgresStores>, scope: TeamScope) {
      const access = await stores.installs.getTeamAccess(scope, 'aad-reader');
      const head = access.charterHead && (await stores.charters.getHead(scope, access.charterHead));
      const versions = access.charterHead
        ? await stores.charters.listVersions(scope, access.charterHead)
        : [];
      return { db, access, head, versions };
    }

    async function twoInstances() {
      const a = postgresStores(dbA, { access: accessA });
      const b = postgresStores(dbB, { access: accessB });
      const scope = newScope();
      await a.installs.saveInstallation(installation(scope));
      await a.installs.upsertMembers(scope, [member('aad-reader'), member(editor.id)]);
      return { a, b, scope };
    }

    it('a charter saved on instance A is what B answers next, though B had the older one cached', async () => {
      const { a, b, scope } = await twoInstances();
      await a.charters.saveVersion(scope, version(0, 'First.'));
      const before = await readAs(dbB, b, scope);
      expect(before.head?.content.purpose).toBe('First.');
      // B's cache now holds version 1: a second read finds it there.
      expect((await readAs(dbB, b, scope)).head).toBe(before.head);

      await a.charters.saveVersion(scope, version(1, 'Second.'));

      const after = await onB(
        () => readAs(dbB, b, scope),
        (read) => read.access.charterHead?.version === 2,
      );
      expect(after.access.charterHead?.version).toBe(2);
      expect(after.head).toMatchObject({ version: 2, content: { purpose: 'Second.' } });
      expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(
        (await b.charters.getVersion(scope, 2, after.access.charterHead ?? undefined))?.content.purpose,
      ).toBe('Second.');
    });

    it('a member removed on A is refused by A at once, by a fresh read on B at once, and by B’s kept read once notified', async () => {
      const { a, b, scope } = await twoInstances();
      await a.charters.saveVersion(scope, version(0, 'First.'));
      // Once A's writes have been announced to B (on PostgreSQL they may land after B's first read, which is then not
      // kept), B answers from memory: the very same (frozen) read.
      const kept = await keptOnB(() => b.installs.getTeamAccess(scope, 'aad-reader'));
      expect(kept.member?.aadObjectId).toBe('aad-reader');
      expect(await b.installs.getTeamAccess(scope, 'aad-reader')).toBe(kept);
      expect(Object.isFrozen(kept.member)).toBe(true);
      expect(await a.installs.getTeamAccess(scope, 'aad-reader')).toBe(
        await a.installs.getTeamAccess(scope, 'aad-reader'),
      );

      await a.installs.markMemberLeft(scope, 'aad-reader', at(1));

      expect((await a.installs.getTeamAccess(scope, 'aad-reader')).member).toBeNull();
      const fresh = await b.installs.getTeamAccess(scope, 'aad-reader', { fresh: true });
      expect(fresh.member).toBeNull();
      expect(fresh.installation?.teamId).toBe(scope.teamId);
      const after = await onB(
        () => b.installs.getTeamAccess(scope, 'aad-reader'),
        (read) => read.member === null,
      );
      expect(after.member).toBeNull();
    });

    it('recording a member’s 1:1 conversation or a charter seen on A leaves B’s kept read in place', async () => {
      const { a, b, scope } = await twoInstances();
      await a.charters.saveVersion(scope, version(0, 'First.'));
      const other = await twoInstances();
      const kept = await keptOnB(() => b.installs.getTeamAccess(scope, 'aad-reader'));
      await keptOnB(() => b.installs.getTeamAccess(other.scope, 'aad-reader'));
      expect(kept.member).not.toHaveProperty('conversationId');

      // (Once A too has heard its own writes' notifications.)
      const keptOnA = await keptOnB(() => a.installs.getTeamAccess(scope, 'aad-reader'));
      await a.installs.saveConversationId(scope, 'aad-reader', 'a:1reader');
      expect(await a.installs.getTeamAccess(scope, 'aad-reader')).toBe(keptOnA);
      await a.installs.markCharterSeen(scope, 'aad-reader', 1);
      // A change that is announced, to another team B keeps a read of, after those two: once B has dropped that read,
      // it has heard everything committed before (notifications arrive in commit order), so a kept read still in
      // place was not dropped.
      await other.a.installs.saveInstallation(installation(other.scope, { teamName: 'Renamed' }));
      const renamed = await onB(
        () => b.installs.getTeamAccess(other.scope, 'aad-reader'),
        (read) => read.installation?.teamName === 'Renamed',
      );
      expect(renamed.installation?.teamName).toBe('Renamed');
      expect(await b.installs.getTeamAccess(scope, 'aad-reader')).toBe(kept);
    });

    it('an uninstall and a rename on A are seen by B’s next access read', async () => {
      const { a, b, scope } = await twoInstances();
      expect((await b.installs.getTeamAccess(scope, 'aad-reader')).installation?.teamName).toBe('Checkout');

      await a.installs.saveInstallation(installation(scope, { teamName: 'Payments' }));
      const renamed = await onB(
        () => b.installs.getTeamAccess(scope, 'aad-reader'),
        (read) => read.installation?.teamName === 'Payments',
      );
      expect(renamed.installation?.teamName).toBe('Payments');

      await a.installs.saveInstallation(installation(scope, { teamName: 'Payments', uninstalledAt: at(5) }));
      const uninstalled = await onB(
        () => b.installs.getTeamAccess(scope, 'aad-reader'),
        (read) => read.installation?.uninstalledAt !== null,
      );
      expect(uninstalled.installation?.uninstalledAt).toEqual(at(5));
    });

    it('a team deleted and re-created on A is never answered with the old charter B cached at the same version', async () => {
      const { a, b, scope } = await twoInstances();
      await a.charters.saveVersion(scope, version(0, 'The old team’s charter.', at(0)));
      const old = await readAs(dbB, b, scope);
      await b.charters.getVersion(scope, 1, old.access.charterHead ?? undefined);
      expect(old.head?.content.purpose).toBe('The old team’s charter.');

      await a.installs.deleteTeam(scope);
      await a.installs.saveInstallation(installation(scope));
      await a.installs.upsertMembers(scope, [member('aad-reader')]);
      await a.charters.saveVersion(scope, version(0, 'The new team’s charter.', at(60_000)));

      const fresh = await onB(
        () => readAs(dbB, b, scope),
        (read) => read.head?.content.purpose === 'The new team’s charter.',
      );
      expect(fresh.access.charterHead?.version).toBe(1);
      expect(fresh.head?.content.purpose).toBe('The new team’s charter.');
      expect(fresh.versions.map((v) => v.createdAt)).toEqual([at(60_000)]);
      expect(
        (await b.charters.getVersion(scope, 1, fresh.access.charterHead ?? undefined))?.content.purpose,
      ).toBe('The new team’s charter.');
    });

    it('a team without a charter reads as no head, and its first charter on A is seen by B', async () => {
      const { a, b, scope } = await twoInstances();
      expect(await readAs(dbB, b, scope)).toMatchObject({ head: null, versions: [] });
      await a.charters.saveVersion(scope, version(0, 'First.'));
      const first = await onB(
        () => readAs(dbB, b, scope),
        (read) => read.head !== null,
      );
      expect(first.head?.content.purpose).toBe('First.');
    });

    it('hands out cached records frozen, so no reader can change what the next one gets', async () => {
      const { a, b, scope } = await twoInstances();
      await a.charters.saveVersion(scope, version(0, 'First.'));
      const { head } = await readAs(dbB, b, scope);
      expect(() => {
        (head as CharterRecord).content.purpose = 'Changed in place.';
      }).toThrow(TypeError);
      expect((await readAs(dbB, b, scope)).head?.content.purpose).toBe('First.');
    });

    it('reads a card action’s round, delivery and team name in one go, as they are after A’s changes', async () => {
      const { a, b, scope } = await twoInstances();
      const saved = await a.charters.saveVersion(scope, version(0, 'First.'));
      const round = await openRoundInStore(a.checkins, scope, saved, {
        id: randomUUID(),
        asked: ['aad-reader'],
      });

      expect(await b.checkins.getCardAction(scope, round.id, 'aad-reader')).toMatchObject({
        round: { id: round.id, state: 'open' },
        delivery: { aadObjectId: 'aad-reader', state: 'pending' },
        teamName: 'Checkout',
      });
      expect((await b.checkins.getCardAction(scope, round.id, 'aad-someone-else'))?.delivery).toBeNull();
      expect(await b.checkins.getCardAction(scope, randomUUID(), 'aad-reader')).toBeNull();

      await a.checkins.closeRound(scope, round.id, at(1));
      await a.installs.deleteTeam(scope);
      // The rounds outlive the installation (they are deleted with the team's other data later): no team name.
      expect(await b.checkins.getCardAction(scope, round.id, 'aad-reader')).toMatchObject({
        round: { state: 'closed' },
        teamName: null,
      });
    });
  });
}
