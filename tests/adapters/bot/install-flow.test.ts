// Install → roster → welcome, member changes and uninstall, with the real botbuilder against the Bot Connector sandbox.
import type { Database } from '../../../src/adapters/storage/database';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { nth } from '../../support/nth';
import { openTestDatabase } from '../../support/test-database';
import { parsesAsAdaptiveCard15 } from './support/adaptive-card-parser';

let db: Database & { dispose(): Promise<void> };
let h: BotHarness;

beforeAll(async () => {
  db = await openTestDatabase();
  h = await startBotHarness(db, { messengerMaxTries: 1 });
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
    // Answered before the roster: the installer is a member at once, so the tab opens for them.
    const installer = nth(team.members, 0);
    expect((await h.deps.installs.listMembers(team.scope)).map((m) => m.aadObjectId)).toEqual([
      installer.aadObjectId,
    ]);
    expect(h.sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(0);

    await h.drainJobs();
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

    await h.drainJobs();
    await h.sandbox.addMember(team.teamsTeamId, {
      id: '29:newcomer',
      aadObjectId: 'aad-newcomer',
      name: 'Newcomer',
    });
    await h.drainJobs(); // the members-added event queues a roster sync
    await h.sandbox.removeMember(team.teamsTeamId, nth(team.members, 1).aadObjectId);
    await h.sandbox.renameTeam(team.teamsTeamId, 'Renamed Team');

    const names = (await h.deps.installs.listMembers(team.scope)).map((m) => m.aadObjectId);
    expect(names).toContain('aad-newcomer');
    expect(names).not.toContain(nth(team.members, 1).aadObjectId);
    expect(names).toHaveLength(3);
    expect((await h.deps.installs.getInstallation(team.scope))?.teamName).toBe('Renamed Team');
  });

  it.each([
    [
      'an app upgrade (add-upgrade)',
      (h: BotHarness, teamsTeamId: string, by: string) => h.sandbox.upgrade(teamsTeamId, by),
    ],
    [
      'a repeated add',
      (h: BotHarness, teamsTeamId: string, by: string) => h.sandbox.install(teamsTeamId, by),
    ],
  ])('after %s refreshes the roster but posts no second welcome card', async (_event, addAgain) => {
    const team = sandboxTeam(4);
    h.sandbox.addTeam(team);
    const installer = nth(team.members, 0).aadObjectId;
    await h.sandbox.install(team.teamsTeamId, installer);
    await h.drainJobs();
    const first = await h.deps.installs.getInstallation(team.scope);
    h.sandbox
      .team(team.teamsTeamId)
      .members.push({ id: '29:late', aadObjectId: `aad-late-${team.scope.teamId}`, name: 'Late' });

    h.clock.advance(3_600_000); // an hour later
    expect((await addAgain(h, team.teamsTeamId, nth(team.members, 2).aadObjectId)).status).toBe(200);
    await h.drainJobs();
    expect(h.sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(1);
    expect(await h.deps.installs.listMembers(team.scope)).toHaveLength(5);
    // still the installation the first add made: who added it and when
    expect(await h.deps.installs.getInstallation(team.scope)).toMatchObject({
      installedBy: installer,
      installedAt: first?.installedAt,
      uninstalledAt: null,
    });
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

describe('an install during a Bot Connector outage', () => {
  const advance = async (ms: number) => {
    h.clock.advance(ms);
    await h.drainJobs();
  };

  it('is answered at once; after a 60 s outage the roster arrives by itself, with one welcome card', async () => {
    const team = sandboxTeam(30);
    h.sandbox.addTeam(team);
    h.sandbox.down(503);
    try {
      const response = await h.sandbox.install(team.teamsTeamId, nth(team.members, 0).aadObjectId);
      expect(response.status).toBe(200);
      expect(await h.deps.installs.getInstallation(team.scope)).toMatchObject({ uninstalledAt: null });
      // the minute of the outage: the jobs fail and wait their backoff (each try also goes through the Connector
      // client's own retries, which take real seconds: hence few steps)
      await h.drainJobs();
      await advance(30_000);
      await advance(30_000);
      expect(await h.deps.installs.listMembers(team.scope)).toHaveLength(1);
      expect(h.sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(0);
    } finally {
      h.sandbox.up();
    }
    // the Connector answers again: within the backoff, both jobs succeed
    await advance(60_000);
    expect(await h.deps.installs.listMembers(team.scope)).toHaveLength(30);
    expect(h.sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(1);
    // and never again
    await advance(3_600_000);
    expect(h.sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(1);
  }, 180_000);

  it('a restart between the answer and the roster: the next process pages the roster from the stored jobs', async () => {
    const team = sandboxTeam(12);
    h.sandbox.addTeam(team);
    await h.sandbox.install(team.teamsTeamId, nth(team.members, 0).aadObjectId);
    // The process dies here: nothing ran the jobs. A new one on the same database carries on.
    const next = await startBotHarness(db, { start: h.clock.now() });
    next.sandbox.addTeam(team);
    try {
      const queued = await db.query(
        "SELECT kind FROM jobs WHERE tenant_id = $1 AND team_id = $2 AND state = 'queued' ORDER BY kind",
        [team.scope.tenantId, team.scope.teamId],
      );
      expect(queued.rows.map((r) => (r as { kind: string }).kind)).toEqual(
        expect.arrayContaining([JOB_KINDS.installsRosterSync, JOB_KINDS.installsWelcome]),
      );
      // the stored installation names the old Connector; the new process follows the next inbound activity
      await next.deps.installs.refreshServiceUrl(team.scope.tenantId, next.sandbox.serviceUrl);
      await next.drainJobs();
      expect(await next.deps.installs.listMembers(team.scope)).toHaveLength(12);
      expect(next.sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(1);
    } finally {
      await next.close();
    }
  });

  it('the daily reconciliation catches a member Teams never told us about, and queues the next one', async () => {
    const team = sandboxTeam(4);
    h.sandbox.addTeam(team);
    await h.sandbox.install(team.teamsTeamId, nth(team.members, 0).aadObjectId);
    await h.drainJobs();
    // a member added while the app was down: no event reached the bot
    h.sandbox.team(team.teamsTeamId).members.push({
      id: '29:quiet-arrival',
      aadObjectId: `aad-quiet-${team.scope.teamId}`,
      name: 'Quiet Arrival',
    });
    await advance(86_400_000);
    expect((await h.deps.installs.listMembers(team.scope)).map((m) => m.name)).toContain('Quiet Arrival');
    const next = await db.query(
      "SELECT count(*)::int AS n FROM jobs WHERE tenant_id = $1 AND team_id = $2 AND kind = $3 AND state = 'queued'",
      [team.scope.tenantId, team.scope.teamId, JOB_KINDS.installsRosterReconcile],
    );
    expect((next.rows[0] as { n: number }).n).toBe(1);
  });
});
