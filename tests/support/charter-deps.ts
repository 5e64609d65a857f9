import { randomUUID } from 'node:crypto';

import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { CharterDeps } from '../../src/app/charters/charter-deps';
import type { CharterRecord, CharterStore } from '../../src/app/charters/charter-ports';
import type { Author, Clock, TeamScope } from '../../src/app/common-ports';
import type { CharterContent } from '../../src/domain/charter/charter';

/** The charter use cases' deps over a test database's stores, on the system clock unless the test brings its own. */
export function testCharterDeps(db: Database, clock: Clock = { now: () => new Date() }): CharterDeps {
  const { charters, installs, jobs } = postgresStores(db);
  return { charters, installs, jobs, clock, ids: { next: () => randomUUID() } };
}

/** Writes `content` as the team's first charter version, by `author`, as the first save of a charter stores it. */
export async function saveFirstVersion(
  charters: CharterStore,
  scope: TeamScope,
  content: CharterContent,
  author: Author,
  at: Date = new Date(),
): Promise<CharterRecord> {
  return charters.saveVersion(scope, {
    expectedVersion: 0,
    content,
    author,
    why: null,
    summary: 'Charter created',
    at,
  });
}
