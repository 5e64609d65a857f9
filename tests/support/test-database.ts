/** A migrated PGlite database for one test file: a copy of globalSetup's template (fast), removed by `close`. */
import { cpSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Database } from '../../src/adapters/storage/database';
import { openDatabase } from '../../src/adapters/storage/open-database';
import { PGLITE_TEMPLATE_ENV } from './global-setup';

export async function openTestDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'team-charter-test-db-'));
  const dataDir = path.join(dir, 'db');
  const template = process.env[PGLITE_TEMPLATE_ENV];
  // The template is about a thousand files: fs/promises' cp spends several times the CPU of the synchronous copy on them.
  if (template) cpSync(template, dataDir, { recursive: true });
  const db = await openDatabase({ dataDir });
  return Object.assign(db, {
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  });
}
