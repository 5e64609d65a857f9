// A whole check-in round for 25 members with the real botbuilder against the Bot Connector sandbox: throttling and
// faults during the fan-out, a pause, answers and an edit, bad inputs, the nudge, the close and the channel summary.
import { randomUUID } from 'node:crypto';

import type { Database } from '../../../src/adapters/storage/database';
import { listCheckInRounds } from '../../../src/app/checkins/list-check-in-rounds';
import type { CharterContent } from '../../../src/domain/charter/charter';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { checkInContract } from '../../support/charter-fixtures';
import { nth } from '../../support/nth';
import { openTestDatabase } from '../../support/test-database';
import { parsesAsAdaptiveCard15 } from './support/adaptive-card-parser';

let db: Database & { dispose(): Promise<void> };
let h: BotHarness;

beforeAll(async () => {
  db = await openTestDatabase();
  h = await startBotHarness(db, { start: new Date('2026-01-05T08:00:00Z') });
});
afterAll(async () => {
  await h.close();
  await db.dispose();
});

type Card = { body: unknown[]; actions?: { verb?: string; data?: Record<string, string> }[] };

function cardOf(activity: Record<string, unknown>): Card {
  const attachments = activity.attachments as { content: Card }[] | undefined;
  if (!attachments?.[0]) throw new Error(`No card in ${JSON.stringify(activity)}`);
  return attachments[0].content;
}

function inputValue(card: Card, id: string): unknown {
  const found = JSON.stringify(card.body);
  const inputs = JSON.parse(found) as { id?: string; value?: unknown }[];
  return inputs.find((i) => i.id === id)?.value;
}

it('runs a round for 25 members through throttling, answers, an edit, bad input, a pause, a nudge and the summary', async () => {
  const team = sandboxTeam(25);
  await h.installTeam(team);
  const [o1, o2, b1] = [randomUUID(), randomUUID(), randomUUID()];
  const content: CharterContent = {
    purpose: 'Ship a checkout that works on every phone.',
    nonNegotiables: [{ id: randomUUID(), text: 'Customer data stays in the EU.' }],
    outcomes: [
      { id: o1, title: 'Checkout error rate below 0.5 %' },
      { id: o2, title: 'First product in under 10 minutes' },
    ],
    boundaries: [{ id: b1, area: 'Tools and libraries', right: 'team_decides' }],
    checkIns: checkInContract(),
    review: null,
    timeZone: 'Europe/Berlin',
    editorIds: [nth(team.members, 0).aadObjectId],
  };
  await h.saveFirstCharter(team.scope, content, {
    id: nth(team.members, 0).aadObjectId,
    name: 'Member 0000',
  });

  // Member 24 pauses check-ins in the 1:1 chat.
  const paused = nth(team.members, 24);
  const pauseReply = await h.sandbox.memberMessage({
    teamsTeamId: team.teamsTeamId,
    aadObjectId: paused.aadObjectId,
    text: 'pause 2 weeks',
  });
  expect(pauseReply.status).toBe(200);
  expect(JSON.stringify(h.sandbox.activitiesIn(h.sandbox.personalConversationId(paused.id)))).toContain(
    'Check-ins are paused in 1 team',
  );

  // A throttling storm and transient faults during the fan-out.
  h.sandbox.injectFault({ status: 429, times: 6, retryAfterSeconds: 1, operations: ['send', 'create'] });
  h.sandbox.injectFault({ status: 502, times: 3, operations: ['send'] });
  h.sandbox.injectFault({ status: 412, times: 2, operations: ['create'] });
  h.sandbox.injectFault({ status: 504, times: 2, operations: ['send'] });
  h.clock.set(new Date('2026-01-05T09:00:00Z'));
  await h.drainJobs();

  const [round] = await h.deps.checkins.listRounds(team.scope, 1);
  if (!round) throw new Error('The round did not open.');
  const deliveries = await h.deps.checkins.listDeliveries(team.scope, round.id);
  expect(deliveries).toHaveLength(24);
  expect(deliveries.every((d) => d.state === 'sent' && d.activityId)).toBe(true);
  for (const member of team.members) {
    const cards = h.sandbox
      .activitiesIn(h.sandbox.personalConversationId(member.id))
      .filter((a) => a.activity.attachments);
    expect(cards).toHaveLength(member === paused ? 0 : 1);
    if (cards[0]) expect(parsesAsAdaptiveCard15(cardOf(cards[0].activity))).toEqual([]);
  }
  expect(h.sandbox.count(429)).toBeGreaterThanOrEqual(6);

  const ids = { roundId: round.id, teamId: team.scope.teamId, tenantId: team.scope.tenantId };
  const answer = (i: number, extra: Record<string, string>) =>
    h.sandbox.memberInvoke({
      teamsTeamId: team.teamsTeamId,
      aadObjectId: nth(team.members, i).aadObjectId,
      verb: 'checkin.submit',
      data: { ...ids, [`progress_${o1}`]: '4', [`progress_${o2}`]: '3', ...extra },
    });

  // Member 0 answers, then edits: one answer, the latest.
  const first = await answer(0, {
    boundary: b1,
    boundaryEffect: 'helped',
    support: 'A review of the API draft',
    share: 'true',
  });
  expect(first.status).toBe(200);
  const thanks = first.body as { statusCode: number; type: string; value: Card };
  expect(thanks.statusCode).toBe(200);
  expect(thanks.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(thanks.value)).toContain('Thank you');
  expect(thanks.value.actions?.[0]?.verb).toBe('checkin.edit');
  expect(parsesAsAdaptiveCard15(thanks.value)).toEqual([]);
  const edit = await h.sandbox.memberInvoke({
    teamsTeamId: team.teamsTeamId,
    aadObjectId: nth(team.members, 0).aadObjectId,
    verb: 'checkin.edit',
    data: ids,
  });
  expect(inputValue((edit.body as { value: Card }).value, `progress_${o1}`)).toBe('4');
  await answer(0, { [`progress_${o1}`]: '5', support: 'A review of the API draft', share: 'true' });
  const stored = await h.deps.checkins.listResponses(team.scope, round.id);
  expect(stored).toHaveLength(1);
  expect(nth(stored, 0).answer.progress.find((p) => p.outcomeId === o1)?.score).toBe(5);

  // Bad input: the same card back with the problems and every input kept; nothing stored.
  const longText = 'x'.repeat(501);
  const bad = await h.sandbox.memberInvoke({
    teamsTeamId: team.teamsTeamId,
    aadObjectId: nth(team.members, 1).aadObjectId,
    verb: 'checkin.submit',
    data: { ...ids, [`progress_${o1}`]: '9', support: longText, boundaryNote: 'about nothing' },
  });
  const badCard = (bad.body as { statusCode: number; value: Card }).value;
  expect((bad.body as { statusCode: number }).statusCode).toBe(200);
  expect(JSON.stringify(badCard)).toContain('can be at most 500 characters');
  expect(JSON.stringify(badCard)).toContain('Choose the boundary your note is about');
  expect(inputValue(badCard, 'support')).toBe(longText);
  expect(inputValue(badCard, 'boundaryNote')).toBe('about nothing');
  expect(parsesAsAdaptiveCard15(badCard)).toEqual([]);
  expect(
    await h.deps.checkins.getResponse(team.scope, round.id, nth(team.members, 1).aadObjectId),
  ).toBeNull();

  // Forged verb, another tenant's card, a stale round: refused, nothing stored.
  const forged = await h.sandbox.memberInvoke({
    teamsTeamId: team.teamsTeamId,
    aadObjectId: nth(team.members, 1).aadObjectId,
    verb: 'checkin.deleteEverything',
    data: { ...ids, [`progress_${o1}`]: '4', [`progress_${o2}`]: '4' },
  });
  expect((forged.body as { statusCode: number }).statusCode).toBe(400);
  const otherTenant = await answer(1, { tenantId: randomUUID() });
  expect(otherTenant.body).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
  const stale = await answer(1, { roundId: randomUUID() });
  expect(stale.body).toMatchObject({ statusCode: 404 });
  const pausedAnswer = await answer(24, {});
  expect(pausedAnswer.body).toMatchObject({ statusCode: 403 });
  expect(await h.deps.checkins.listResponses(team.scope, round.id)).toHaveLength(1);

  await answer(2, {});
  await answer(3, { boundary: b1, boundaryEffect: 'hindered' });

  // Halfway: one nudge for each member who got the card and has not answered, with counts and no names.
  h.clock.set(round.nudgeAt);
  await h.drainJobs();
  const nudges = h.sandbox.activities.filter(
    (a) => typeof a.activity.text === 'string' && /teammates have checked in/.test(a.activity.text as string),
  );
  expect(nudges).toHaveLength(21);
  expect(new Set(nudges.map((n) => n.activity.text))).toEqual(
    new Set(['3 of 24 teammates have checked in. Your check-in is still open: it takes about two minutes.']),
  );

  // Close: the summary in the channel, and a late answer gets the closed card.
  h.clock.set(round.closesAt);
  await h.drainJobs();
  const channel = h.sandbox.activitiesIn(team.teamsTeamId);
  const summary = cardOf(nth(channel, channel.length - 1).activity);
  expect(parsesAsAdaptiveCard15(summary)).toEqual([]);
  const summaryText = JSON.stringify(summary);
  expect(summaryText).toContain('3 of 24 answered (13 %)');
  // Member 0's edit dropped the boundary: only member 3's "got in the way" remains.
  expect(summaryText).toContain('helped 0 · got in the way 1');
  expect(summaryText).toContain('A review of the API draft');
  expect(summaryText).not.toContain(nth(team.members, 5).name);
  const late = await answer(5, {});
  expect(JSON.stringify((late.body as { value: Card }).value)).toContain('has closed');
  expect(await h.deps.checkins.listResponses(team.scope, round.id)).toHaveLength(3);

  const [listed] = await listCheckInRounds(
    h.deps,
    { tenantId: team.scope.tenantId, userId: nth(team.members, 1).aadObjectId, name: 'M' },
    team.scope.teamId,
    5,
  );
  expect(listed).toMatchObject({
    id: round.id,
    state: 'closed',
    aggregate: { responses: 3, asked: 24, shown: true },
  });
  expect(listed?.aggregate.outcomes[0]).toMatchObject({
    outcomeId: o1,
    distribution: [0, 0, 0, 2, 1],
    average: 4.3,
  });
  expect(listed?.aggregate.namedQuotes).toEqual([{ name: 'Member 0000', text: 'A review of the API draft' }]);
}, 60_000);
