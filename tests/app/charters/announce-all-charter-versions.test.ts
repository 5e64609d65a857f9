import { announceAllCharterVersions } from '../../../src/app/charters/announce-all-charter-versions';
import { DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { seedDemoTeam } from '../../../src/app/teams/seed-demo-team';
import { testCharterDeps } from '../../support/charter-deps';
import { openTestDatabase } from '../../support/test-database';

it('re-announces every head version at start-up without queueing anything twice', async () => {
  const db = await openTestDatabase();
  try {
    const deps = testCharterDeps(db);
    await seedDemoTeam(deps, { serviceUrl: 'http://127.0.0.1:1/' });
    // Simulate a crash between saving version 2 and queueing its follow-up work.
    await db.query('DELETE FROM jobs');
    expect(await announceAllCharterVersions(deps, new Date())).toBe(1);
    expect(await announceAllCharterVersions(deps, new Date())).toBe(1);
    const rows = await db.query('SELECT tenant_id, team_id, kind, key FROM jobs ORDER BY kind');
    expect(rows.rows).toEqual([
      { tenant_id: DEMO_TEAM.tenantId, team_id: DEMO_TEAM.teamId, kind: 'checkins.schedule', key: 'v2' },
      { tenant_id: DEMO_TEAM.tenantId, team_id: DEMO_TEAM.teamId, kind: 'reviews.sync', key: 'v2' },
    ]);
  } finally {
    await db.dispose();
  }
});
