import { randomUUID } from 'node:crypto';

import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { CharterDeps } from '../../src/app/charters/charter-deps';
import type { Clock } from '../../src/app/common-ports';

/** The charter use cases' deps over a test database's stores, on the system clock unless the test brings its own. */
export function testCharterDeps(db: Database, clock: Clock = { now: () => new Date() }): CharterDeps {
  const { charters, installs, jobs } = postgresStores(db);
  return { charters, installs, jobs, clock, ids: { next: () => randomUUID() } };
}
