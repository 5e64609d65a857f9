// `pause` and `resume` in the 1:1 chat from someone none of whose teams has the app: the bot says so instead of
// "Check-ins are paused in 0 teams".
import type { Database } from '../../../src/adapters/storage/database';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { nth } from '../../support/nth';
import { openTestDatabase } from '../../support/test-database';

let db: Database & { dispose(): Promise<void> };
let h: BotHarness;
beforeAll(async () => {
  db = await openTestDatabase();
  h = await startBotHarness(db);
});
afterAll(async () => {
  await h.close();
  await db.dispose();
});

it.each(['pause 2 weeks', 'resume'])(
  'answers “%s” with no team that has the app by saying so',
  async (text) => {
    const team = sandboxTeam(3); // in Teams, but the app was never added to it
    h.sandbox.addTeam(team);
    const member = nth(team.members, 1);
    expect(
      (
        await h.sandbox.memberMessage({
          teamsTeamId: team.teamsTeamId,
          aadObjectId: member.aadObjectId,
          text,
        })
      ).status,
    ).toBe(200);
    const replies = JSON.stringify(h.sandbox.activitiesIn(h.sandbox.personalConversationId(member.id)));
    expect(replies).toContain(
      'None of your teams has Team Charter yet, so there are no check-ins to pause or resume.',
    );
    expect(replies).not.toMatch(/paused in 0 teams|back on from the next round/);
  },
);
