/**
 * At every start the roster of each team that has the app is paged again (Teams' member events sent while the app was
 * down are lost): one roster-sync job per installed team, none for a team that removed the app, none twice per start.
 */
import { randomUUID } from 'node:crypto';

import { PostgresInstallStore } from '../../../src/adapters/storage/postgres-install-store';
import { PostgresJobQueue } from '../../../src/adapters/storage/postgres-job-queue';
import type { Installation } from '../../../src/app/installs/install-ports';
import { queueRosterSweep } from '../../../src/app/installs/reconcile-team-roster';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { openTestDatabase } from '../../support/test-database';

function installation(tenantId: string, uninstalledAt: Date | null): Installation {
  return {
    tenantId,
    teamId: randomUUID(),
    teamsTeamId: `19:${randomUUID()}@thread.tacv2`,
    teamName: 'Team',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelConversationId: `19:${randomUUID()}@thread.tacv2`,
    installedBy: null,
    installedAt: new Date('2026-11-01T09:00:00Z'),
    uninstalledAt,
  };
}

it('queues one roster sync per installed team at each start, none for a team that removed the app', async () => {
  const db = await openTestDatabase();
  try {
    const installs = new PostgresInstallStore(db);
    const jobs = new PostgresJobQueue(db);
    const tenantId = randomUUID();
    const installed = [installation(tenantId, null), installation(randomUUID(), null)];
    const removed = installation(tenantId, new Date('2026-11-20T09:00:00Z'));
    for (const i of [...installed, removed]) await installs.saveInstallation(i);

    const start = new Date('2026-12-02T08:00:00Z');
    await queueRosterSweep({ installs, jobs }, start);
    await queueRosterSweep({ installs, jobs }, start); // the same start, swept twice: nothing new

    const queued = await db.query(
      `SELECT tenant_id, team_id FROM jobs WHERE kind = $1 AND key = $2 ORDER BY team_id`,
      [JOB_KINDS.installsRosterSync, `start-${start.toISOString()}`],
    );
    const teams = queued.rows.map((r) => (r as { team_id: string }).team_id);
    expect(teams.sort()).toEqual(installed.map((i) => i.teamId).sort());
    expect(teams).not.toContain(removed.teamId);
  } finally {
    await db.dispose();
  }
});
