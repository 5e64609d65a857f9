import { randomUUID } from 'node:crypto';

import { PostgresCheckInStore } from '../../../../src/adapters/storage/postgres-checkin-store';
import { PostgresInstallStore } from '../../../../src/adapters/storage/postgres-install-store';
import type { CheckInStore, NewCheckInRound } from '../../../../src/app/checkins/checkin-ports';
import type { TeamScope } from '../../../../src/app/common-ports';
import type { CheckInAnswer } from '../../../../src/domain/checkin/check-in';
import type { StorageHarness } from '../../../support/storage-harness';
import { at, installedTeam } from './fixtures';

function newRound(scope: TeamScope, opensAt = at(0)): NewCheckInRound {
  return {
    ...scope,
    id: randomUUID(),
    charterVersion: 1,
    questions: { outcomes: [{ id: 'o1', title: 'Outcome' }], boundaries: [] },
    anonymityMinimum: 3,
    namedAnswersVisibleTo: 'team',
    opensAt,
    nudgeAt: new Date(opensAt.getTime() + 1_000),
    closesAt: new Date(opensAt.getTime() + 2_000),
  };
}

const answer = (score: 1 | 2 | 3 | 4 | 5): CheckInAnswer => ({
  progress: [{ outcomeId: 'o1', score }],
  boundary: null,
  support: null,
  shareWithName: false,
});

export function checkInStoreContract(h: StorageHarness): void {
  describe(`PostgresCheckInStore on ${h.driverName}`, () => {
    let store: CheckInStore;
    let scope: TeamScope;
    beforeEach(async () => {
      store = new PostgresCheckInStore(h.db());
      scope = await installedTeam(h.db());
      await new PostgresInstallStore(h.db()).upsertMembers(scope, [
        { aadObjectId: 'ada', teamsUserId: '29:ada', name: 'Ada', email: null, timeZone: null },
      ]);
    });

    it('opens one round per occurrence: the second create returns the first', async () => {
      const first = await store.createRound(newRound(scope));
      const again = await store.createRound(newRound(scope));
      expect(first.created).toBe(true);
      expect(again).toEqual({ round: first.round, created: false });
      expect(first.round.state).toBe('open');
    });

    it('upserts one answer per asked member while the round is open, and nothing after it closes', async () => {
      const { round } = await store.createRound(newRound(scope));
      await store.addDeliveries(scope, round.id, ['ada', 'ada']);
      expect(
        await store.saveResponse(scope, {
          roundId: round.id,
          aadObjectId: 'bo',
          answer: answer(3),
          at: at(1),
        }),
      ).toEqual({ result: 'not_asked', teamName: 'Checkout' });
      expect(
        await store.saveResponse(scope, {
          roundId: round.id,
          aadObjectId: 'ada',
          answer: answer(3),
          at: at(1),
        }),
      ).toEqual({ result: 'saved', teamName: 'Checkout' });
      expect(
        await store.saveResponse(scope, {
          roundId: round.id,
          aadObjectId: 'ada',
          answer: answer(5),
          at: at(2),
        }),
      ).toEqual({ result: 'saved', teamName: 'Checkout' });
      const [response] = await store.listResponses(scope, round.id);
      expect(response).toMatchObject({
        memberName: 'Ada',
        answer: answer(5),
        answeredAt: at(1),
        updatedAt: at(2),
      });
      expect(await store.closeRound(scope, round.id, at(3))).toBe(true);
      expect(await store.closeRound(scope, round.id, at(4))).toBe(false);
      expect(
        await store.saveResponse(scope, {
          roundId: round.id,
          aadObjectId: 'ada',
          answer: answer(1),
          at: at(5),
        }),
      ).toEqual({ result: 'round_closed', teamName: 'Checkout' });
      expect((await store.getResponse(scope, round.id, 'ada'))?.answer).toEqual(answer(5));
    });

    it('saves nothing for a round the team does not have, or once the app is gone from the team, and says so', async () => {
      const { round } = await store.createRound(newRound(scope));
      await store.addDeliveries(scope, round.id, ['ada']);
      const submit = (roundId: string, at5 = at(5)) =>
        store.saveResponse(scope, { roundId, aadObjectId: 'ada', answer: answer(4), at: at5 });
      expect(await submit(randomUUID())).toEqual({ result: 'unavailable', teamName: null });
      // Another tenant's team of the same id has no such round either.
      expect(
        await store.saveResponse(
          { tenantId: randomUUID(), teamId: scope.teamId },
          { roundId: round.id, aadObjectId: 'ada', answer: answer(4), at: at(5) },
        ),
      ).toEqual({ result: 'unavailable', teamName: null });

      // The installation is gone, the round's rows not yet (they are deleted with the team's data later).
      await h
        .db()
        .query('DELETE FROM installations WHERE tenant_id = $1 AND team_id = $2', [
          scope.tenantId,
          scope.teamId,
        ]);
      expect(await submit(round.id)).toEqual({ result: 'unavailable', teamName: null });
      expect(await store.getResponse(scope, round.id, 'ada')).toBeNull();
    });

    it('keeps a round’s definition once read, without its state, frozen, and only for its own tenant and team', async () => {
      const { round } = await store.createRound(newRound(scope));
      const definition = await store.getRoundDefinition(scope, round.id);
      expect(definition).toEqual({ ...newRound(scope), id: round.id });
      expect(definition).not.toHaveProperty('state');
      expect(Object.isFrozen(definition?.questions)).toBe(true);
      await store.closeRound(scope, round.id, at(3));
      expect(await store.getRoundDefinition(scope, round.id)).toBe(definition);
      expect(
        await store.getRoundDefinition({ tenantId: randomUUID(), teamId: scope.teamId }, round.id),
      ).toBeNull();
      expect(await store.getRoundDefinition(scope, randomUUID())).toBeNull();
    });

    it('records deliveries pending → sent, and a failure never overwrites a sent card', async () => {
      const { round } = await store.createRound(newRound(scope));
      await store.addDeliveries(scope, round.id, ['ada']);
      expect((await store.getDelivery(scope, round.id, 'ada'))?.state).toBe('pending');
      await store.markDeliverySent(scope, round.id, 'ada', {
        activityId: '1:1',
        conversationId: 'a:1',
        at: at(1),
      });
      await store.markDeliveryFailed(scope, round.id, 'ada', 'late failure');
      expect(await store.getDelivery(scope, round.id, 'ada')).toMatchObject({
        state: 'sent',
        activityId: '1:1',
      });
    });

    it('scopes every read by tenant and team, and deletes a team’s data', async () => {
      const { round } = await store.createRound(newRound(scope));
      const stranger = { tenantId: randomUUID(), teamId: scope.teamId };
      expect(await store.getRound(stranger, round.id)).toBeNull();
      expect(await store.listRounds(stranger, 5)).toEqual([]);
      await store.setPause(scope, 'ada', at(10_000));
      expect(await store.listPaused(scope, at(0))).toEqual([{ aadObjectId: 'ada', until: at(10_000) }]);
      expect(await store.listPaused(stranger, at(0))).toEqual([]);
      await store.deleteTeamData(scope);
      expect(await store.listRounds(scope, 5)).toEqual([]);
      expect(await store.listPaused(scope, at(0))).toEqual([]);
    });
  });
}
