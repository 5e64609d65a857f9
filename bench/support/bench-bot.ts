/**
 * What the bot benchmarks share: a bot mounted on its own express server, percentiles, and running one measurement on
 * PGlite (local mode's store) and again on PostgreSQL (production's) in a database of its own when TEST_DATABASE_URL
 * is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { type ActivityHandler, CloudAdapter, type TurnContext } from 'botbuilder';
import express, { type Express } from 'express';

import type { Database } from '../../src/adapters/storage/database';
import { openDatabase } from '../../src/adapters/storage/open-database';
import { failBench, withServerDatabase } from './server-database';

/** `mount` on an express app of its own on a loopback port; `url` is its `/api/messages`. */
export async function serveBot(mount: (app: Express) => void): Promise<{ url: string; server: Server }> {
  const app = express();
  mount(app);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/api/messages`, server };
}

/**
 * `bot` on botbuilder's own CloudAdapter and nothing else, served as `serveBot` serves: the baseline the bot
 * benchmarks measure the real bot against.
 */
export function serveBareBot(
  auth: ConstructorParameters<typeof CloudAdapter>[0],
  bot: ActivityHandler,
): Promise<{ url: string; server: Server }> {
  const adapter = new CloudAdapter(auth);
  return serveBot((app) =>
    app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
      await adapter.process(req, res, (context: TurnContext) => bot.run(context));
    }),
  );
}

export function closeServers(...servers: Server[]): void {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
}

/** The `p`th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** Runs `measure` on a fresh PGlite, then on a fresh PostgreSQL database when TEST_DATABASE_URL is set. */
async function onEachDatabase(
  name: string,
  measure: (driver: string, db: Database) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-${name}-`));
  try {
    // BENCH_DATABASES=postgres: PostgreSQL only (production's store; PGlite takes the longer part of a run).
    if (process.env.BENCH_DATABASES !== 'postgres') {
      const pglite = await openDatabase({ dataDir: path.join(dir, 'db') });
      await measure('PGlite (local mode)', pglite);
      await pglite.close();
    }
    const ran = await withServerDatabase(name, async (databaseUrl) => {
      const pg = await openDatabase({ databaseUrl, dataDir: dir });
      await measure('PostgreSQL (production)', pg);
      await pg.close();
    });
    if (!ran) process.stdout.write('-- PostgreSQL: left out (set TEST_DATABASE_URL to include it)\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A bot benchmark's command line: its numeric arguments from argv (`defaults` for those not given), `measure` run with
 * them on each database (`onEachDatabase`), and a failure printed with exit code 1.
 */
export function benchOnEachDatabase<Args extends number[]>(
  name: string,
  defaults: Args,
  measure: (driver: string, db: Database, ...args: Args) => Promise<void>,
): void {
  const args = defaults.map((value, i) => Number(process.argv[2 + i] ?? value)) as Args;
  onEachDatabase(name, (driver, db) => measure(driver, db, ...args)).catch(failBench);
}
