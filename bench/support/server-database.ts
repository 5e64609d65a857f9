import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

/**
 * Runs `use` with a database of its own on the `TEST_DATABASE_URL` server (created empty, dropped afterwards with
 * every connection to it) and a scratch directory. Returns false, having run nothing, when TEST_DATABASE_URL is unset.
 */
export async function withServerDatabase(
  name: string,
  use: (databaseUrl: string, scratchDir: string) => Promise<void>,
): Promise<boolean> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return false;
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-${name}-`));
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const database = `bench_${name.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    await use(Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString(), dir);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
  return true;
}

/** Prints a benchmark's failure and exits 1. */
export function failBench(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
