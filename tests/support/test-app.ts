/**
 * The real HTTP app over real PGlite storage, for API tests: one database per test file, the demo team seeded. It
 * serves the charter API, the personal page's and the check-in routes (links to the local tab at `TEST_TAB_ENDPOINT`).
 * The caller is proven by whatever `authenticate` the test passes (local mode's X-Local-User by default).
 */
import type { Express } from 'express';
import pino from 'pino';

import { type Authenticate, localAuthenticate } from '../../src/adapters/http/authenticate';
import { createHttpApp } from '../../src/adapters/http/create-http-app';
import { checkInRoutes } from '../../src/adapters/http/routes/checkin-routes';
import { myChartersRoutes } from '../../src/adapters/http/routes/my-charters-routes';
import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { CharterDeps } from '../../src/app/charters/charter-deps';
import type { TeamScope } from '../../src/app/common-ports';
import type { MemberInput } from '../../src/app/installs/install-ports';
import { DEMO_TEAM } from '../../src/app/teams/demo-teams';
import { seedDemoTeam } from '../../src/app/teams/seed-demo-team';
import { testCharterDeps } from './charter-deps';
import { installTeam } from './install-team';
import { openTestDatabase } from './test-database';

export const TEST_TAB_ENDPOINT = 'http://localhost:3978';

export interface TestApp {
  app: Express;
  db: Database;
  deps: CharterDeps;
  /** Installs the app in another team of `tenantId` with these members; the first member installed it. */
  addTeam(scope: TeamScope, members: readonly MemberInput[], name?: string): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApp(
  authenticate: Authenticate = localAuthenticate(DEMO_TEAM.tenantId),
): Promise<TestApp> {
  const db = await openTestDatabase();
  const deps = testCharterDeps(db);
  const { installs } = deps;
  await seedDemoTeam(deps, { serviceUrl: 'http://127.0.0.1:1/' });
  const logger = pino({ level: 'silent' });
  const { checkins, reviews } = postgresStores(db);
  const featureDeps = { ...deps, checkins, reviews, log: logger };
  const app = createHttpApp({
    logger,
    authenticate,
    charters: deps,
    installs,
    apiRouters: [
      myChartersRoutes({ ...featureDeps, charterLinks: { kind: 'local', tabEndpoint: TEST_TAB_ENDPOINT } }),
      checkInRoutes(featureDeps),
    ],
    readiness: async () => {
      await db.ping();
      return { ready: await db.migrationsApplied(), checks: { database: 'ok' } };
    },
  });
  return {
    app,
    db,
    deps,
    addTeam: (scope, members, name = 'Another Team') => installTeam(installs, scope, name, members),
    async close() {
      await db.dispose();
    },
  };
}

export function testMember(aadObjectId: string, name: string): MemberInput {
  return { aadObjectId, teamsUserId: `29:${aadObjectId}`, name, email: null, timeZone: null };
}
