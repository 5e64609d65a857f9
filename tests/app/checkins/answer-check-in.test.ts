// A member answers their check-in in the personal page: the card's own rules (every problem at its input id, nothing
// stored on bad input, a closed round refused), and their card in the 1:1 chat follows through a durable job — also
// when the Bot Connector fails for a while.
import { randomUUID } from 'node:crypto';

import type { Database } from '../../../src/adapters/storage/database';
import { answerCheckIn } from '../../../src/app/checkins/answer-check-in';
import type { CheckInRound } from '../../../src/app/checkins/checkin-ports';
import { openCheckInRound } from '../../../src/app/checkins/open-check-in-round';
import type { CharterContent } from '../../../src/domain/charter/charter';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/domain/errors';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { checkInContract } from '../../support/charter-fixtures';
import { openTestDatabase } from '../../support/test-database';

let db: Database & { dispose(): Promise<void> };
let h: BotHarness;
const team = sandboxTeam(3);
type Caller = { tenantId: string; userId: string; name: string };
const [asked, other] = team.members.map((m) => ({
  tenantId: team.tenantId,
  userId: m.aadObjectId,
  name: m.name,
})) as [Caller, Caller];
const outcome = randomUUID();
const boundary = randomUUID();
let round: CheckInRound;

beforeAll(async () => {
  db = await openTestDatabase();
  h = await startBotHarness(db, { start: new Date('2026-01-05T08:00:00Z') });
  await h.installTeam(team, asked.userId);
  const content: CharterContent = {
    purpose: 'Ship a checkout that works on every phone.',
    nonNegotiables: [{ id: randomUUID(), text: 'Customer data stays in the EU.' }],
    outcomes: [{ id: outcome, title: 'Checkout error rate below 0.5 %' }],
    boundaries: [{ id: boundary, area: 'Tools and libraries', right: 'team_decides' }],
    checkIns: checkInContract(),
    review: null,
    timeZone: 'Europe/Berlin',
    editorIds: [asked.userId],
  };
  await h.deps.charters.saveVersion(team.scope, {
    expectedVersion: 0,
    content,
    author: { id: asked.userId, name: asked.name },
    why: null,
    summary: 'Charter created',
    at: h.clock.now(),
  });
  // The cadence's Monday 09:00: the round opens and the cards go out.
  h.clock.set(new Date('2026-01-05T09:00:00Z'));
  await openCheckInRound(h.deps, team.scope, h.clock.now());
  await h.drainJobs();
  const [opened] = await h.deps.checkins.listRounds(team.scope, 1);
  if (!opened) throw new Error('The round did not open.');
  round = opened;
}, 60_000);
afterAll(async () => {
  await h.close();
  await db.dispose();
});

const answer = (caller: Caller, inputs: Record<string, string>, roundId = round.id) =>
  answerCheckIn(h.deps, caller, { teamId: team.scope.teamId, roundId, inputs });
const cardText = (caller: Caller) => JSON.stringify(h.sandbox.latestCard(caller.userId)?.card ?? null);

it('refuses bad input with every problem at its input id, and stores nothing', async () => {
  const error = await answer(asked, { boundaryNote: 'Approvals are slow', support: 'x'.repeat(2_000) }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).problems.map((p) => p.path).sort()).toEqual(
    [`progress_${outcome}`, 'boundary', 'support'].sort(),
  );
  expect(await h.deps.checkins.getResponse(team.scope, round.id, asked.userId)).toBeNull();
  expect(cardText(asked)).not.toContain('Thank you');
});

it('saves the answer, returns it as the card’s inputs, and the card in the 1:1 chat says thanks', async () => {
  expect(cardText(asked)).toContain(`progress_${outcome}`);
  const saved = await answer(asked, {
    [`progress_${outcome}`]: '4',
    boundary,
    boundaryEffect: 'helped',
    support: '  An hour with design  ',
    share: 'true',
  });
  expect(saved).toEqual({
    [`progress_${outcome}`]: '4',
    boundary,
    boundaryEffect: 'helped',
    support: 'An hour with design',
    share: 'true',
  });
  const stored = await h.deps.checkins.getResponse(team.scope, round.id, asked.userId);
  expect(stored?.answer.progress).toEqual([{ outcomeId: outcome, score: 4 }]);

  expect(await h.drainJobs()).toBe(1);
  expect(cardText(asked)).toContain('Thank you');
  expect(cardText(asked)).toContain('checkin.edit');
  expect(cardText(other)).not.toContain('Thank you'); // only the answerer's card
});

it('updates the card when the Bot Connector fails for a moment', async () => {
  h.sandbox.injectFault({ status: 503, times: 2, operations: ['update'] });
  await answer(other, { [`progress_${outcome}`]: '2', share: 'false' });
  await h.drainJobs();
  expect(h.sandbox.count(503)).toBe(2);
  expect(cardText(other)).toContain('Thank you');
});

it('refuses a member who was not asked, a round the team does not have, and a closed round', async () => {
  // A member added after the round opened was not asked in it.
  const late: Caller = { tenantId: team.tenantId, userId: randomUUID(), name: 'Late Joiner' };
  await h.deps.installs.upsertMembers(team.scope, [
    {
      aadObjectId: late.userId,
      teamsUserId: `29:${late.userId}`,
      name: late.name,
      email: null,
      timeZone: null,
    },
  ]);
  await expect(answer(late, { [`progress_${outcome}`]: '3', share: 'true' })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(answer(asked, {}, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  await expect(answer({ ...asked, tenantId: randomUUID() }, {})).rejects.toBeInstanceOf(NotFoundError);

  await h.deps.checkins.closeRound(team.scope, round.id, h.clock.now());
  await expect(answer(asked, { [`progress_${outcome}`]: '5', share: 'true' })).rejects.toBeInstanceOf(
    ConflictError,
  );
  // Bad input on a closed round: the round is closed, not the input wrong (the round as it is now decides).
  await expect(answer(asked, {})).rejects.toBeInstanceOf(ConflictError);
  await expect(answer(late, {})).rejects.toBeInstanceOf(ForbiddenError);
  expect((await h.deps.checkins.getResponse(team.scope, round.id, asked.userId))?.answer.progress).toEqual([
    { outcomeId: outcome, score: 4 },
  ]);
});
