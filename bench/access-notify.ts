/**
 * How long another instance may answer a team's access read from memory after the team changed: the time from a write
 * on instance A returning (committed) to instance B receiving its `team_access` notification, which is when B drops
 * the read (src/adapters/storage/team-access-cache.ts). Two connection pools on one PostgreSQL database stand for the
 * two instances, in this one process; B also listens as the app does, on a connection of its own. A alternately marks
 * a member left and back (each one write, as a roster event is), `NOTIFY_WRITES` times, one at a time. The baseline,
 * measured in the same run: one `SELECT 1` round trip on B's pool, which is what every request paid before the cache
 * to learn the same thing. Printed: p50, p99 and max of both, and their ratio.
 *
 *   TEST_DATABASE_URL=postgres://… NOTIFY_WRITES=500 npx tsx bench/access-notify.ts
 */
import type { Database } from '../src/adapters/storage/database';
import { openDatabase } from '../src/adapters/storage/open-database';
import { PostgresInstallStore } from '../src/adapters/storage/postgres-install-store';
import { TEAM_ACCESS_CHANNEL } from '../src/adapters/storage/team-access-cache';
import { percentile } from './support/bench-bot';
import { failBench, withServerDatabase } from './support/server-database';

const WRITES = Number(process.env.NOTIFY_WRITES ?? 500);
const scope = { tenantId: 'tenant-notify', teamId: 'team-notify' };
const member = {
  aadObjectId: 'aad-member',
  teamsUserId: null,
  name: 'Mia Member',
  email: null,
  timeZone: null,
};

const ms = (v: number) => `${v.toFixed(2)} ms`;

async function measure(dbA: Database, dbB: Database): Promise<void> {
  const a = new PostgresInstallStore(dbA);
  await a.saveInstallation({
    ...scope,
    teamsTeamId: '19:team-notify@thread.tacv2',
    teamName: 'Notify',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelConversationId: '19:team-notify-general@thread.tacv2',
    installedBy: null,
    installedAt: new Date(),
    uninstalledAt: null,
  });
  await a.upsertMembers(scope, [member]);

  let arrived: (() => void) | undefined;
  await dbB.listen(TEAM_ACCESS_CHANNEL, {
    notified: () => arrived?.(),
    live: () => undefined,
  });
  const writeReturned: number[] = [];
  const notifiedAt: number[] = [];
  const afterCommit: number[] = [];
  const roundTrips: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const notified = new Promise<number>((resolve) => {
      arrived = () => resolve(performance.now());
    });
    const started = performance.now();
    const write =
      i % 2 === 0
        ? a.markMemberLeft(scope, member.aadObjectId, new Date())
        : a.upsertMembers(scope, [member]);
    await write;
    const committed = performance.now();
    const received = await notified;
    writeReturned.push(committed - started);
    notifiedAt.push(received - started);
    // Often before the write has returned (the notification is sent at commit): counted as 0.
    afterCommit.push(Math.max(0, received - committed));

    const start = performance.now();
    await dbB.query('SELECT 1');
    roundTrips.push(performance.now() - start);
  }
  const line = (name: string, values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return `${name.padEnd(48)}${[50, 99, 100].map((p) => ms(percentile(sorted, p)).padStart(10)).join('')}`;
  };
  const at = (values: number[], p: number) =>
    percentile(
      [...values].sort((x, y) => x - y),
      p,
    );
  const late = afterCommit.filter((v) => v > 0).length;
  process.stdout.write(
    `PostgreSQL, ${WRITES} writes on instance A, one at a time; B listening.\n` +
      `${''.padEnd(48)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}\n` +
      `${line('A: write sent → write returned (committed)', writeReturned)}\n` +
      `${line('A: write sent → B notified', notifiedAt)}\n` +
      `${line('A’s write returned → B notified (0 if before)', afterCommit)}\n` +
      `${line('B: SELECT 1 round trip (the baseline)', roundTrips)}\n` +
      `B notified after A's write had returned: ${late} of ${WRITES}\n` +
      `the window (write returned → B notified) / one round trip: p99 ${(at(afterCommit, 99) / at(roundTrips, 99)).toFixed(2)}×, ` +
      `max ${(Math.max(...afterCommit) / at(roundTrips, 50)).toFixed(2)}× the median round trip\n`,
  );
}

async function main(): Promise<void> {
  const ran = await withServerDatabase('notify', async (databaseUrl, dir) => {
    const dbA = await openDatabase({ databaseUrl, dataDir: dir, postgres: { maxConnections: 2 } });
    const dbB = await openDatabase({ databaseUrl, dataDir: dir, postgres: { maxConnections: 2 } });
    try {
      await measure(dbA, dbB);
    } finally {
      await dbA.close();
      await dbB.close();
    }
  });
  if (!ran)
    process.stdout.write(
      'PostgreSQL: left out (set TEST_DATABASE_URL; notifications cross instances on a server)\n',
    );
}

main().catch(failBench);
