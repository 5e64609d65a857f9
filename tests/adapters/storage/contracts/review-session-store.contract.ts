import { PostgresInstallStore } from '../../../../src/adapters/storage/postgres-install-store';
import { PostgresReviewSessionStore } from '../../../../src/adapters/storage/postgres-review-session-store';
import type { TeamScope } from '../../../../src/app/common-ports';
import type {
  ReviewSessionStore,
  StoredReviewSession,
} from '../../../../src/app/reviews/review-session-ports';
import { ConflictError, NotFoundError, ValidationError } from '../../../../src/domain/errors';
import {
  endReviewSession,
  reactToClause,
  recordDecision,
  startReviewSession,
} from '../../../../src/domain/review/review-session';
import type { StorageHarness } from '../../../support/storage-harness';
import { at, charterContent, installedTeam } from './fixtures';

const ADA = { id: 'aad-ada', name: 'Ada' };
const content = charterContent();

function newSession(scope: TeamScope, id: string, startedAt = at(0)): StoredReviewSession {
  const started = startReviewSession({ id, charterVersion: 3, by: ADA, now: startedAt });
  if (!started.ok) throw new Error('The fixture session is valid.');
  return { ...scope, ...started.session };
}

/** A session that has been through every kind of change, so every field round-trips with a value. */
function busySession(scope: TeamScope, id: string): StoredReviewSession {
  let s = newSession(scope, id);
  const step = (r: ReturnType<typeof recordDecision>) => {
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    s = { ...s, ...r.session };
  };
  step(
    recordDecision(
      s,
      content,
      { clauseId: 'out-2', decision: 'revise', text: 'Half the carts' },
      ADA,
      at(60_000),
    ),
  );
  step(recordDecision(s, content, { clauseId: 'b-2', decision: 'drop' }, ADA, at(61_000)));
  step(
    reactToClause(
      s,
      content,
      'aad-bo',
      { clauseId: 'purpose', plusOne: true, note: 'Still true' },
      at(62_000),
    ),
  );
  return { ...s, ...endReviewSession(s, ADA, at(600_000), 'proposal-1') };
}

export function reviewSessionStoreContract(h: StorageHarness): void {
  describe(`PostgresReviewSessionStore on ${h.driverName}`, () => {
    let store: ReviewSessionStore;
    let scope: TeamScope;
    beforeEach(async () => {
      [store, scope] = [new PostgresReviewSessionStore(h.db()), await installedTeam(h.db())];
    });

    it('stores a session and reads it back unchanged, dates inside the walk included', async () => {
      const session = newSession(scope, 's-1');
      expect(await store.startSession(session)).toEqual({ session, started: true });
      expect(await store.getLatest(scope)).toEqual(session);
    });

    it('round-trips decisions, reactions, timeboxes and the end of a session', async () => {
      const busy = busySession(scope, 's-busy');
      await store.startSession(busy);
      expect(await store.getLatest(scope)).toEqual(busy);
    });

    it('keeps one open session per team: a second start, even a concurrent one, gets the first', async () => {
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((id) => store.startSession(newSession(scope, `s-${id}`))),
      );
      expect(results.filter((r) => r.started)).toHaveLength(1);
      expect(new Set(results.map((r) => r.session.id)).size).toBe(1);
      // Another team is not affected.
      const other = await installedTeam(h.db());
      expect((await store.startSession(newSession(other, 's-a'))).started).toBe(true);
    });

    it('gives the open session as the latest, else the latest ended one', async () => {
      expect(await store.getLatest(scope)).toBeNull();
      await store.startSession(busySession(scope, 's-old'));
      await store.startSession(newSession(scope, 's-new', at(86_400_000)));
      expect((await store.getLatest(scope))?.id).toBe('s-new');
      await store.updateOpenSession(scope, 's-new', (s) => ({
        ...s,
        ...endReviewSession(s, ADA, at(90_000_000), null),
      }));
      expect(await store.getLatest(scope)).toMatchObject({ id: 's-new', state: 'ended', proposalId: null });
    });

    it('loses none of many concurrent changes to one session', async () => {
      await store.startSession(newSession(scope, 's-1'));
      const members = Array.from({ length: 12 }, (_, i) => `aad-member-${i}`);
      await Promise.all(
        members.map((member) =>
          store.updateOpenSession(scope, 's-1', (s) => {
            const r = reactToClause(s, content, member, { clauseId: 'out-1', plusOne: true }, at(1000));
            if (!r.ok) throw new Error('valid');
            return { ...s, ...r.session };
          }),
        ),
      );
      const latest = await store.getLatest(scope);
      expect(latest?.revision).toBe(13);
      expect(latest?.reactions.map((r) => r.memberId).sort()).toEqual([...members].sort());
    });

    it('refuses to change an ended session, an unknown one and another tenant’s, and keeps what a failed change left', async () => {
      await store.startSession(newSession(scope, 's-1'));
      await expect(
        store.updateOpenSession(scope, 's-1', () => {
          throw new ValidationError([{ path: 'text', message: 'no' }]);
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect((await store.getLatest(scope))?.revision).toBe(1);
      const stranger = { tenantId: `${scope.tenantId}-other`, teamId: scope.teamId };
      expect(await store.getLatest(stranger)).toBeNull();
      await expect(store.updateOpenSession(stranger, 's-1', (s) => s)).rejects.toBeInstanceOf(NotFoundError);
      await store.updateOpenSession(scope, 's-1', (s) => ({
        ...s,
        ...endReviewSession(s, ADA, at(5000), null),
      }));
      await expect(store.updateOpenSession(scope, 's-1', (s) => s)).rejects.toBeInstanceOf(ConflictError);
    });

    it('goes with the team when its data is deleted', async () => {
      await store.startSession(newSession(scope, 's-1'));
      await new PostgresInstallStore(h.db()).deleteTeam(scope);
      expect(await store.getLatest(scope)).toBeNull();
    });
  });
}
