// The fan-out on a PostgreSQL server (TEST_DATABASE_URL; jest.config.js leaves this file out without it, and
// globalSetup says so): the real app SIGKILLed mid fan-out and restarted, and two app instances sharing one database
// delivering each card exactly once. The file works in a database of its own, dropped afterwards.
import type { Database } from '../../../src/adapters/storage/database';
import { openDatabase } from '../../../src/adapters/storage/open-database';
import {
  cardsByMember,
  deliveriesSent,
  openDueRound,
  seedFanOutTeam,
  startAppProcess,
  usePostgresFanOut,
  waitFor,
} from '../../support/fan-out-fixture';
import { killMidFanOut } from './support/fan-out-crash';

const fanOut = usePostgresFanOut();

it('loses no card and duplicates at most those in flight when the app is killed mid fan-out (PostgreSQL)', async () => {
  const { sandbox, storage } = fanOut;
  await killMidFanOut({ sandbox, storage, open: () => openDatabase(storage) });
}, 120_000);

it('delivers each card exactly once with two app instances on one PostgreSQL database', async () => {
  const { sandbox, storage } = fanOut;
  const db: Database = await openDatabase(storage);
  try {
    const team = await seedFanOutTeam(db, sandbox, 200);
    // Both instances are up (one after the other: each seeds the local demo team) before the round opens.
    const a = await startAppProcess(storage);
    const b = await startAppProcess(storage);
    const roundId = await openDueRound(db, team.scope, team.cadence);
    await waitFor(
      'every member to have a card',
      () => cardsByMember(sandbox, team).size === team.members.length,
      60_000,
    );
    await Promise.all([a.stop(), b.stop()]);

    const cards = cardsByMember(sandbox, team);
    expect([...cards.values()].filter((n) => n !== 1)).toEqual([]);
    expect((await deliveriesSent(db, team.scope, roundId)).size).toBe(200);
    // Both instances took part: the jobs record which process ran them.
    const byProcess = await db.query(
      `SELECT split_part(locked_by, ':', 2) AS pid, count(*)::int AS n FROM jobs
        WHERE tenant_id = $1 AND team_id = $2 AND kind = 'checkins.deliver' AND state = 'done'
        GROUP BY 1`,
      [team.scope.tenantId, team.scope.teamId],
    );
    const rows = byProcess.rows as { pid: string; n: number }[];
    expect(rows.map((r) => Number(r.pid)).sort()).toEqual([a.pid, b.pid].sort());
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(200);
  } finally {
    await db.close();
  }
}, 120_000);
