/**
 * jest globalSetup:
 * - says out loud when the PostgreSQL storage contract is left out of this run (jest.config.js drops
 *   tests/adapters/storage/postgres.test.ts when TEST_DATABASE_URL is unset), so a green run never hides it;
 * - prepares one migrated PGlite data directory that API tests copy (a new one costs seconds of initdb each). It is
 *   kept between runs in the system's temporary folder, under a hash of what makes it (the PGlite version, the
 *   migrations, the storage code that opens and migrates, the settings below), so a run pays for initdb only when one
 *   of those changed;
 * - removes the copies of that template left by test processes that ended without removing them (see
 *   test-database-copies.ts).
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { openDatabase } from '../../src/adapters/storage/open-database';
import { removeOrphanedCopies } from './test-database-copies';

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
  process.env[PGLITE_TEMPLATE_ENV] = await migratedTemplate();
  await removeOrphanedCopies();
}

/**
 * Written into the template's postgresql.conf. PostgreSQL zeroes its whole buffer pool as it starts, and in WASM that
 * was most of the second or so each test file's database took to open at PGlite's 128 MB: a test's few rows fit in
 * 16 MB. It changes no query's result, only how much PostgreSQL keeps in its own cache.
 */
const TEMPLATE_SETTINGS = 'shared_buffers = 16MB\n';

const TEMPLATES = path.join(os.tmpdir(), 'team-charter-test-pglite');
const STORAGE = path.join(__dirname, '..', '..', 'src', 'adapters', 'storage');
const A_WEEK_MS = 7 * 86_400_000;

/** The template's data directory: the kept one when its inputs are unchanged, else a new one (kept for next time). */
async function migratedTemplate(): Promise<string> {
  const dir = path.join(TEMPLATES, await templateKey());
  const dataDir = path.join(dir, 'db');
  if (await exists(dataDir)) {
    const now = new Date();
    await utimes(dir, now, now);
    return dataDir;
  }
  await mkdir(TEMPLATES, { recursive: true });
  // Built aside and renamed into place, so a directory under its key is always complete; another run building the
  // same one at the same time wins or loses the rename, and either copy will do.
  const building = await mkdtemp(path.join(TEMPLATES, 'building-'));
  await (await openDatabase({ dataDir: path.join(building, 'db') })).close();
  await appendFile(
    path.join(building, 'db', 'postgresql.conf'),
    `\n# Tests (tests/support/global-setup.ts)\n${TEMPLATE_SETTINGS}`,
  );
  try {
    await rename(building, dir);
  } catch (error) {
    if (!(await exists(dataDir))) throw error;
    await rm(building, { recursive: true, force: true });
  }
  await removeStaleTemplates(dir);
  return dataDir;
}

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  // The package exports no package.json: it sits above dist/, where the entry is.
  const manifest = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const pglite = JSON.parse(await readFile(manifest, 'utf8')) as { name: string; version: string };
  if (pglite.name !== '@electric-sql/pglite') throw new Error(`Not PGlite's package.json: ${manifest}`);
  hash.update(`pglite ${pglite.version}\n`).update(TEMPLATE_SETTINGS);
  const migrations = path.join(STORAGE, 'migrations');
  const files = [
    ...['migrations.ts', 'open-database.ts', 'pglite-database.ts'].map((f) => path.join(STORAGE, f)),
    ...(await readdir(migrations)).sort().map((f) => path.join(migrations, f)),
  ];
  for (const file of files) hash.update(`${path.relative(STORAGE, file)}\n`).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** Templates of other inputs (older migrations, other branches) unused for a week, and builds that never finished. */
async function removeStaleTemplates(current: string): Promise<void> {
  for (const name of await readdir(TEMPLATES)) {
    const dir = path.join(TEMPLATES, name);
    if (dir === current) continue;
    const { mtimeMs } = await stat(dir);
    if (Date.now() - mtimeMs > A_WEEK_MS) await rm(dir, { recursive: true, force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}
