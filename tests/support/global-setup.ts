/**
 * jest globalSetup:
 * - says out loud when the PostgreSQL storage contract is left out of this run (jest.config.js drops
 *   tests/adapters/storage/postgres.test.ts when TEST_DATABASE_URL is unset), so a green run never hides it;
 * - prepares one migrated PGlite data directory that API tests copy (a new one costs seconds of initdb each).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { openDatabase } from '../../src/adapters/storage/open-database';

export const PGLITE_TEMPLATE_ENV = 'TEAM_CHARTER_TEST_PGLITE_TEMPLATE';

export default async function globalSetup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write(
      '\n[storage] TEST_DATABASE_URL is not set: the PostgreSQL storage contract ' +
        '(tests/adapters/storage/postgres.test.ts) is left out of this run; PGlite runs. ' +
        'So are the check-in fan-out crash and two-instance tests on PostgreSQL ' +
        '(tests/adapters/bot/fan-out-postgres.test.ts, fan-out-tenants-postgres.test.ts). ' +
        'Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test or use .ci/run to include it.\n',
    );
  }
  const root = await mkdtemp(path.join(os.tmpdir(), 'team-charter-template-'));
  const dataDir = path.join(root, 'db');
  await (await openDatabase({ dataDir })).close();
  process.env[PGLITE_TEMPLATE_ENV] = dataDir;
}
