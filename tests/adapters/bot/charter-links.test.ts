// Every link the bot sends opens the charter tab: outside local mode a Teams deep link to the channel tab (and the app
// in Teams where the tab may not be pinned yet), in local mode the local tab on the team. The real botbuilder against
// the Bot Connector sandbox: the welcome card, the channel summary card and the 1:1 `charter` reply.
import { randomUUID } from 'node:crypto';

import type { Database } from '../../../src/adapters/storage/database';
import { closeCheckInRound } from '../../../src/app/checkins/close-check-in-round';
import { questionsFromCharter } from '../../../src/domain/checkin/questions-from-charter';
import type { CharterLinkTarget } from '../../../src/domain/links/charter-links';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { saveFirstVersion } from '../../support/charter-deps';
import { validCharter } from '../../support/charter-fixtures';
import { nth } from '../../support/nth';
import { openTestDatabase } from '../../support/test-database';
import { parsesAsAdaptiveCard15 } from './support/adaptive-card-parser';

const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TEAMS: CharterLinkTarget = { kind: 'teams', appId: APP_ID };
const LOCAL: CharterLinkTarget = { kind: 'local', tabEndpoint: 'http://localhost:3978' };

/** The deep link to the charter tab (entity `team-charter`) in a channel, as Teams documents it. */
const tabDeepLink = (channelId: string) =>
  `https://teams.microsoft.com/l/entity/${APP_ID}/team-charter?context=` +
  encodeURIComponent(JSON.stringify({ channelId }));
const appLink = (tenantId: string) => `https://teams.microsoft.com/l/app/${APP_ID}?tenantId=${tenantId}`;

type SandboxTeam = ReturnType<typeof sandboxTeam>;
interface Card {
  body: { type: string; text?: string }[];
  actions: { type: string; title: string; url: string }[];
}

let db: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.dispose());

function useHarness(charterLinks: CharterLinkTarget): () => BotHarness {
  let h: BotHarness | undefined;
  beforeAll(async () => {
    h = await startBotHarness(db, { charterLinks });
  });
  afterAll(() => h?.close());
  return () => {
    if (!h) throw new Error('The harness did not start.');
    return h;
  };
}

function cardIn(activity: Record<string, unknown>): Card {
  const attachments = activity.attachments as { content: Card }[] | undefined;
  if (!attachments?.[0]) throw new Error(`No card in ${JSON.stringify(activity)}`);
  expect(parsesAsAdaptiveCard15(attachments[0].content)).toEqual([]);
  return attachments[0].content;
}

async function installed(h: BotHarness, team: SandboxTeam): Promise<Card> {
  await h.installTeam(team);
  const posted = h.sandbox.activitiesIn(team.teamsTeamId);
  expect(posted).toHaveLength(1);
  return cardIn(nth(posted, 0).activity);
}

async function writeCharter(h: BotHarness, team: SandboxTeam): Promise<void> {
  const editor = nth(team.members, 0);
  await saveFirstVersion(
    h.deps.charters,
    team.scope,
    validCharter({ editorIds: [editor.aadObjectId], review: null }),
    { id: editor.aadObjectId, name: editor.name },
    h.clock.now(),
  );
}

/** Opens a round on the team's charter, closes it, and returns the summary card posted in the channel. */
async function summaryCard(h: BotHarness, team: SandboxTeam): Promise<Card> {
  const charter = await h.deps.charters.getCurrent(team.scope);
  if (!charter) throw new Error('No charter');
  const now = h.clock.now().getTime();
  const { round } = await h.deps.checkins.createRound({
    ...team.scope,
    id: randomUUID(),
    charterVersion: charter.version,
    questions: questionsFromCharter(charter.content),
    anonymityMinimum: 3,
    namedAnswersVisibleTo: 'team',
    opensAt: new Date(now - 86_400_000),
    nudgeAt: new Date(now - 43_200_000),
    closesAt: new Date(now),
  });
  expect(await closeCheckInRound(h.deps, team.scope, round.id)).toBe(true);
  const posted = h.sandbox.activitiesIn(team.teamsTeamId);
  const card = cardIn(nth(posted, posted.length - 1).activity);
  expect(JSON.stringify(card.body)).toContain('Check-in summary');
  return card;
}

/** What the bot answers `charter` in the member's 1:1 chat. */
async function charterReply(h: BotHarness, team: SandboxTeam, aadObjectId: string): Promise<string> {
  const member = team.members.find((m) => m.aadObjectId === aadObjectId);
  if (!member) throw new Error('Not a member');
  const chat = h.sandbox.personalConversationId(member.id);
  const before = h.sandbox.activitiesIn(chat).length;
  const reply = await h.sandbox.memberMessage({
    teamsTeamId: team.teamsTeamId,
    aadObjectId,
    text: 'charter',
  });
  expect(reply.status).toBe(200);
  const sent = h.sandbox.activitiesIn(chat).slice(before);
  expect(sent).toHaveLength(1);
  return String(nth(sent, 0).activity.text);
}

describe('outside local mode, the links open the charter in Teams', () => {
  const harness = useHarness(TEAMS);

  it('the welcome card opens the charter tab in the channel, and says how to add the tab, with the app in Teams', async () => {
    const team = sandboxTeam(3);
    const card = await installed(harness(), team);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the charter', url: tabDeepLink(team.teamsTeamId) },
      { type: 'Action.OpenUrl', title: 'Team Charter in Teams', url: appLink(team.tenantId) },
    ]);
    expect(card.body.map((b) => b.text).join('\n')).toMatch(
      /No \*\*Team Charter\*\* tab .* Select \*\*\+\*\*/,
    );
    expect(JSON.stringify(card)).not.toContain('localhost');
  });

  it('the channel summary card opens the charter tab in the channel', async () => {
    const h = harness();
    const team = sandboxTeam(3);
    await installed(h, team);
    await writeCharter(h, team);
    const card = await summaryCard(h, team);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'See the trends', url: tabDeepLink(team.teamsTeamId) },
    ]);
  });

  it('the `charter` reply links each of the member’s teams: the tab, plus the app in Teams where there is no charter yet', async () => {
    const h = harness();
    const first = sandboxTeam(2);
    const second = sandboxTeam(2, first.tenantId);
    const member = nth(first.members, 0);
    second.members.push(member);
    // A name people typed, with Markdown in it: shown as typed, not as a link of its own.
    second.name = 'Ops [on call](https://evil.example)';
    await installed(h, first);
    await installed(h, second);
    await writeCharter(h, first);

    const reply = await charterReply(h, first, member.aadObjectId);
    expect(reply).toContain(`[${first.name}](${tabDeepLink(first.teamsTeamId)})`);
    expect(reply).toContain(
      `[Ops \\[on call\\]\\(https://evil.example\\)](${tabDeepLink(second.teamsTeamId)}) (no charter yet: write it in the tab)`,
    );
    expect(reply).toContain(`[Team Charter in Teams](${appLink(first.tenantId)})`);
    // The app link goes with the team without a charter only.
    expect(reply.split('\n').filter((line) => line.includes('/l/app/'))).toHaveLength(1);
    expect(reply.split('\n').find((line) => line.includes('/l/app/'))).toContain('Ops');
    expect(reply).not.toContain('localhost');
  });

  it('the `charter` reply to someone in no team with the app points to the app in Teams', async () => {
    const h = harness();
    const team = sandboxTeam(1);
    h.sandbox.addTeam(team); // the member's team, without the app
    const reply = await charterReply(h, team, nth(team.members, 0).aadObjectId);
    expect(reply).toContain(`[Team Charter in Teams](${appLink(team.tenantId)})`);
    expect(reply).not.toContain('/l/entity/');
  });
});

describe('in local mode, the links open the local tab on the team', () => {
  const harness = useHarness(LOCAL);
  const localTab = (team: SandboxTeam) => `http://localhost:3978/tab/?team=${team.aadGroupId}`;

  it('in the welcome card, the summary card and the `charter` reply', async () => {
    const h = harness();
    const team = sandboxTeam(3);
    const welcome = await installed(h, team);
    expect(welcome.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the charter', url: localTab(team) },
    ]);
    expect(JSON.stringify(welcome)).not.toContain('teams.microsoft.com');

    await writeCharter(h, team);
    expect((await summaryCard(h, team)).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'See the trends', url: localTab(team) },
    ]);
    const reply = await charterReply(h, team, nth(team.members, 1).aadObjectId);
    expect(reply).toBe(`Your team’s charter: [${team.name}](${localTab(team)})`);
  });
});
