// Replies in the 1:1 chat. `pause 2 weeks`: the reply gives the last paused day in the member's own time zone and language
// (Teams sends `localTimezone` and `locale` with each message), and says "UTC" when the client sent no zone it knows.
// `checkin` with no open round and `help` point to the personal page, where all of a person's teams are.
import type { Database } from '../../../src/adapters/storage/database';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { nth } from '../../support/nth';
import { openTestDatabase } from '../../support/test-database';

let db: Database & { dispose(): Promise<void> };
let h: BotHarness;
const team = sandboxTeam(4);

beforeAll(async () => {
  db = await openTestDatabase();
  // Sunday 1 March 2026, 23:30 UTC: already Monday 2 March in Auckland (UTC+13), still Sunday in Los Angeles.
  h = await startBotHarness(db, { start: new Date('2026-03-01T23:30:00Z') });
  await h.installTeam(team);
});
afterAll(async () => {
  await h.close();
  await db.dispose();
});

async function pauseReplyFor(
  memberIndex: number,
  client: { localTimezone?: string; locale?: string },
): Promise<string> {
  const member = nth(team.members, memberIndex);
  const sent = await h.sandbox.memberMessage({
    teamsTeamId: team.teamsTeamId,
    aadObjectId: member.aadObjectId,
    text: 'pause 2 weeks',
    ...client,
  });
  expect(sent.status).toBe(200);
  const texts = h.sandbox
    .activitiesIn(h.sandbox.personalConversationId(member.id))
    .map((a) => a.activity.text)
    .filter((text): text is string => typeof text === 'string' && text.startsWith('Check-ins are paused'));
  expect(texts).toHaveLength(1);
  return nth(texts, 0);
}

it('gives the end of the pause as the date in the member’s time zone and language', async () => {
  expect(await pauseReplyFor(1, { localTimezone: 'Pacific/Auckland', locale: 'en-NZ' })).toBe(
    'Check-ins are paused in 1 team until Monday, 16 March 2026. Say **resume** to start again sooner.',
  );
  expect(await pauseReplyFor(2, { localTimezone: 'America/Los_Angeles', locale: 'en-US' })).toBe(
    'Check-ins are paused in 1 team until Sunday, March 15, 2026. Say **resume** to start again sooner.',
  );
});

it('says the date is in UTC when the client sent no time zone it knows', async () => {
  expect(await pauseReplyFor(3, { localTimezone: 'Mars/Olympus_Mons' })).toBe(
    'Check-ins are paused in 1 team until Sunday, March 15, 2026 (UTC). Say **resume** to start again sooner.',
  );
});

it.each(['checkin', 'help'])('answers “%s” with no open round by pointing to My charters', async (text) => {
  const member = nth(team.members, 0);
  const before = h.sandbox.activitiesIn(h.sandbox.personalConversationId(member.id)).length;
  expect(
    (await h.sandbox.memberMessage({ teamsTeamId: team.teamsTeamId, aadObjectId: member.aadObjectId, text }))
      .status,
  ).toBe(200);
  const replies = h.sandbox.activitiesIn(h.sandbox.personalConversationId(member.id)).slice(before);
  expect(replies).toHaveLength(1);
  expect(nth(replies, 0).activity.text).toContain('**My charters**');
});
