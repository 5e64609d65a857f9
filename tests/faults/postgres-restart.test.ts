// A throwaway PostgreSQL cluster (its own port; never the shared server) is stopped — as a crash, then cleanly — and
// started again in the middle of a check-in round the real app (a child process) is running on it: the app's pool
// reconnects by itself, and the round finishes with no card or answer lost, duplicates ≤ the cards in flight.
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import { openDatabase } from '../../src/adapters/storage/open-database';
import { killStrayApps, waitFor } from '../support/fan-out-fixture';
import { pick, printFigures, SEED, seededRandom } from './support/fault-scale';
import { startRecordedConnector } from './support/recorded-servers';
import { runRoundUnderFaults } from './support/round-under-faults';
import { postgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './support/throwaway-postgres';

const MEMBERS = pick(200, 1_000);
const bin = postgresBin();
// Without server binaries the test is skipped where anyone sees it; in CI (CI=true) it runs and fails, since CI must
// prove this.
const itWithServer = bin || process.env.CI === 'true' ? it : it.skip;
let server: ThrowawayPostgres | null = null;
let connector: Awaited<ReturnType<typeof startRecordedConnector>>;

beforeAll(async () => {
  connector = await startRecordedConnector();
  if (bin) server = await startThrowawayPostgres(bin);
}, 120_000);
afterAll(async () => {
  await killStrayApps();
  await connector.close();
  await server?.destroy();
});

itWithServer(
  `finishes a ${MEMBERS}-member round with 0 lost when PostgreSQL restarts twice under it`,
  async () => {
    if (!server)
      throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql/*/bin: CI must install them.');
    const pg = server;
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE faults');
    await admin.end();
    const databaseUrl = pg.url.replace(/\/postgres$/, '/faults');
    const storage = {
      databaseUrl,
      dataDir: path.join(os.tmpdir(), 'unused-with-postgres'),
      // The test's own pool must survive the restarts as the app's does.
      open: () => openDatabase({ databaseUrl, dataDir: '' }),
      shared: true,
    };
    connector.sandbox.latencyMs = 20;
    const inFlight: number[] = [];
    const outcome = await runRoundUnderFaults({
      members: MEMBERS,
      storage,
      connector,
      kills: 0,
      random: seededRandom(SEED + 4),
      leaseMs: 10_000,
      during: async ({ cards, unrecorded }) => {
        const downtimes: number[] = [];
        for (const [share, mode] of [
          [0.3, 'immediate'],
          [0.6, 'fast'],
        ] as const) {
          await waitFor(`${share * 100} % of the cards`, () => cards() >= share * MEMBERS, 180_000);
          const down = Date.now();
          await pg.stop(mode);
          await new Promise((r) => setTimeout(r, 1_500));
          await pg.start();
          downtimes.push(Date.now() - down);
          // Cards the sandbox accepted that the database does not hold as sent, once it answers again: the most a
          // retry can send twice.
          inFlight.push(await unrecorded());
        }
        return {
          'restarts (stop mode)': 'immediate, fast',
          'downtime per restart (ms)': downtimes.join(', '),
          'in flight at each restart': inFlight.join(', '),
        };
      },
    });
    const allowed = inFlight.reduce((a, b) => a + b, 0);
    printFigures('PostgreSQL restarted under a check-in round', {
      ...outcome.figures,
      duplicates: `${outcome.duplicates} (allowed ≤ ${allowed}, the cards in flight at the restarts)`,
    });
    expect(outcome.deliveriesLost).toBe(0);
    expect(outcome.answersAcknowledged).toBe(MEMBERS);
    expect(outcome.answersLost).toBe(0);
    expect(outcome.duplicates).toBeLessThanOrEqual(allowed);
  },
  600_000,
);
