// Local mode's demo teams live at this process's Bot Connector sandbox, whose port may differ from the last start's:
// seeding an installed demo team again seeds nothing, but points its installation at the connector it is given.
import { DEMO_TEAM, FRESH_DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { seedDemoTeam, seedFreshDemoTeam } from '../../../src/app/teams/seed-demo-team';
import { testCharterDeps } from '../../support/charter-deps';
import { openTestDatabase } from '../../support/test-database';

it('seeds the demo teams once, and on a later start points them at the Bot Connector of that start', async () => {
  const db = await openTestDatabase();
  try {
    const deps = testCharterDeps(db);
    const { charters, installs } = deps;
    const first = 'http://127.0.0.1:40001/sandbox/connector/';
    const next = 'http://127.0.0.1:40002/sandbox/connector/';
    expect(await seedDemoTeam(deps, { serviceUrl: first })).toBe(true);
    expect(await seedFreshDemoTeam(deps, { serviceUrl: first })).toBe(true);

    expect(await seedDemoTeam(deps, { serviceUrl: next })).toBe(false);
    expect(await seedFreshDemoTeam(deps, { serviceUrl: next })).toBe(false);

    for (const team of [DEMO_TEAM, FRESH_DEMO_TEAM]) {
      const installation = await installs.getInstallation({ tenantId: team.tenantId, teamId: team.teamId });
      expect(installation).toMatchObject({ serviceUrl: next, teamName: team.teamName, uninstalledAt: null });
    }
    // Seeded once: the demo team's charter still has its two versions.
    expect(
      (await charters.listVersions({ tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId })).length,
    ).toBe(2);
  } finally {
    await db.dispose();
  }
});
