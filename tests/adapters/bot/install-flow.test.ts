// Install → roster → welcome, member changes and uninstall, with the real botbuilder against the Bot Connector sandbox.
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import type { Database } from '../../../src/adapters/storage/database';
import { openTestDatabase } from '../../support/test-database';
import { parsesAsAdaptiveCard15 } from './support/adaptive-card-parser';
import { sandboxTeam, startBotHarness, type BotHarness } from './support/bot-harness';
import { nth } from './support/nth';

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

describe('installing the bot in a team', () => {
  it('stores the installation, pages the whole roster and posts a welcome card that opens the tab', async () => {
    const team = sandboxTeam(450);
    h.sandbox.addTeam(team);
    const response = await h.sandbox.install(team.teamsTeamId, nth(team.members, 0).aadObjectId);
    expect(response.status).toBe(200);

    const installation = await h.deps.installs.getInstallation(team.scope);
    expect(installation).toMatchObject({
      teamsTeamId: team.teamsTeamId,
      teamName: team.name,
      serviceUrl: h.sandbox.serviceUrl,
      channelConversationId: team.teamsTeamId,
      installedBy: nth(team.members, 0).aadObjectId,
      uninstalledAt: null,
    });
    const members = await h.deps.installs.listMembers(team.scope);
    expect(members).toHaveLength(450);
    expect(new Set(members.map((m) => m.teamsUserId))).toEqual(new Set(team.members.map((m) => m.id)));

    const posted = h.sandbox.activitiesIn(team.teamsTeamId);
    expect(posted).toHaveLength(1);
    const attachments = nth(posted, 0).activity.attachments as { contentType: string; content: unknown }[];
    const attachment = nth(attachments, 0);
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(parsesAsAdaptiveCard15(attachment.content)).toEqual([]);
    expect(JSON.stringify(attachment.content)).toContain('http://localhost:3978/tab');
  });

  it('keeps the roster and the team name in step with Teams events', async () => {
    const team = sandboxTeam(3);
    h.sandbox.addTeam(team);
    await h.sandbox.install(team.teamsTeamId, nth(team.members, 0).aadObjectId);

    await h.sandbox.addMember(team.teamsTeamId, {
      id: '29:newcomer',
      aadObjectId: 'aad-newcomer',
      name: 'Newcomer',
    });
    await h.sandbox.removeMember(team.teamsTeamId, nth(team.members, 1).aadObjectId);
    await h.sandbox.renameTeam(team.teamsTeamId, 'Renamed Team');

    const names = (await h.deps.installs.listMembers(team.scope)).map((m) => m.aadObjectId);
    expect(names).toContain('aad-newcomer');
    expect(names).not.toContain(nth(team.members, 1).aadObjectId);
    expect(names).toHaveLength(3);
    expect((await h.deps.installs.getInstallation(team.scope))?.teamName).toBe('Renamed Team');
  });

  it('on uninstall stops the team’s jobs, asks for the review series to be cancelled and deletes the data after the grace period', async () => {
    const team = sandboxTeam(2);
    h.sandbox.addTeam(team);
    await h.sandbox.install(team.teamsTeamId, nth(team.members, 0).aadObjectId);
    const queued = await h.deps.jobs.enqueue({
      scope: team.scope,
      kind: JOB_KINDS.checkinsRoundOpen,
      key: 'later',
      runAt: new Date(h.clock.now().getTime() + 86_400_000),
      payload: {},
    });

    await h.sandbox.uninstall(team.teamsTeamId, nth(team.members, 0).aadObjectId);
    expect((await h.deps.installs.getInstallation(team.scope))?.uninstalledAt).toEqual(h.clock.now());
    expect((await h.deps.jobs.getJob(team.scope, queued.id))?.state).toBe('cancelled');
    const cancelReview = await h.deps.jobs.enqueue({
      scope: team.scope,
      kind: JOB_KINDS.reviewsCancel,
      key: `uninstall-${h.clock.now().toISOString()}`,
      runAt: h.clock.now(),
      payload: {},
    });
    expect(cancelReview.created).toBe(false);

    h.clock.advance(h.deps.uninstallGraceMs - 60_000);
    await h.drainJobs();
    expect(await h.deps.installs.getInstallation(team.scope)).not.toBeNull();
    h.clock.advance(120_000);
    await h.drainJobs();
    expect(await h.deps.installs.getInstallation(team.scope)).toBeNull();
    expect(await h.deps.installs.listMembers(team.scope)).toEqual([]);
  });
});
