// A member's check-in card is recorded as failed only when the Bot Connector refuses it: a storage error after the
// card went out (the database restarting) fails the job instead, and its retry records the card as sent.
import type { Database } from '../../../src/adapters/storage/database';
import type { CheckInStore } from '../../../src/app/checkins/checkin-ports';
import { deliverCheckInCard } from '../../../src/app/checkins/deliver-check-in-card';
import { openCheckInRound } from '../../../src/app/checkins/open-check-in-round';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { validCharter } from '../../support/charter-fixtures';
import { nth } from '../../support/nth';
import { openTestDatabase } from '../../support/test-database';

let db: Database & { dispose(): Promise<void> };
let h: BotHarness;
const team = sandboxTeam(2);
const member = nth(team.members, 0);

beforeAll(async () => {
  db = await openTestDatabase();
  h = await startBotHarness(db, { start: new Date('2026-01-05T08:00:00Z') });
  await h.installTeam(team, member.aadObjectId);
}, 60_000);
afterAll(async () => {
  await h.close();
  await db.dispose();
});

it('leaves the delivery pending when recording the sent card fails, and records it sent on the retry', async () => {
  await h.saveFirstCharter(team.scope, validCharter({ editorIds: [member.aadObjectId] }), {
    id: member.aadObjectId,
    name: member.name,
  });
  h.clock.set(new Date('2026-01-05T09:00:00Z'));
  const round = await openCheckInRound(h.deps, team.scope, h.clock.now());
  if (!round) throw new Error('The round did not open.');
  const restarting = new Error('terminating connection due to administrator command');
  let failOnce = true;
  const checkins: CheckInStore = Object.create(h.deps.checkins) as CheckInStore;
  checkins.markDeliverySent = async (...args) => {
    if (failOnce) {
      failOnce = false;
      throw restarting;
    }
    return h.deps.checkins.markDeliverySent(...args);
  };
  const deps = { ...h.deps, checkins };
  const input = { roundId: round.id, aadObjectId: member.aadObjectId, lastAttempt: false };

  await expect(deliverCheckInCard(deps, team.scope, input)).rejects.toBe(restarting);
  expect((await h.deps.checkins.getDelivery(team.scope, round.id, member.aadObjectId))?.state).toBe(
    'pending',
  );

  await expect(deliverCheckInCard(deps, team.scope, input)).resolves.toBe('sent');
  const delivery = await h.deps.checkins.getDelivery(team.scope, round.id, member.aadObjectId);
  expect(delivery?.state).toBe('sent');
  expect(delivery?.activityId).toBeTruthy();
});
