// Two app instances on one PostgreSQL database share one tenant's Bot Connector budget (a row per tenant they both
// draw from), so together they stay under Teams' 50 requests per second per tenant: a 1,000-member round against the
// sandbox, which enforces that limit, gets no 429 and every card exactly once. TEST_DATABASE_URL only
// (jest.config.js leaves this file out without it, and globalSetup says so).
import type { Database } from '../../../src/adapters/storage/database';
import { openDatabase } from '../../../src/adapters/storage/open-database';
import {
  cardsByMember,
  cardSpanSeconds,
  deliverDueRounds,
  deliveriesSent,
  seedFanOutTeam,
  startAppProcess,
  usePostgresFanOut,
} from '../../support/fan-out-fixture';

const MEMBERS = 1_000;
const fanOut = usePostgresFanOut();

it('two instances deliver a 1,000-member round with no 429, each card once, at the tenant’s pace', async () => {
  const { sandbox, storage } = fanOut;
  const db: Database = await openDatabase(storage);
  try {
    const team = await seedFanOutTeam(db, sandbox, MEMBERS);
    const a = await startAppProcess(storage);
    const b = await startAppProcess(storage);
    const [roundId = ''] = await deliverDueRounds(db, sandbox, [team], 150_000);
    await Promise.all([a.stop(), b.stop()]);

    const seconds = cardSpanSeconds(sandbox, team);
    const perSecond = (2 * MEMBERS) / seconds;
    process.stdout.write(
      `two instances, one tenant, ${MEMBERS} members: ${seconds.toFixed(1)} s from first to last card, ` +
        `${perSecond.toFixed(1)} requests/s (${((perSecond / 50) * 100).toFixed(1)} % of 50/s)\n`,
    );
    expect(sandbox.count(429, team.scope.tenantId)).toBe(0);
    expect([...cardsByMember(sandbox, team).values()].filter((n) => n !== 1)).toEqual([]);
    expect((await deliveriesSent(db, team.scope, roundId)).size).toBe(MEMBERS);
    // Both instances sent cards (else this says nothing about sharing the budget).
    const byProcess = await db.query(
      `SELECT split_part(locked_by, ':', 2) AS pid, count(*)::int AS n FROM jobs
        WHERE tenant_id = $1 AND kind = 'checkins.deliver' AND state = 'done' GROUP BY 1`,
      [team.scope.tenantId],
    );
    expect((byProcess.rows as { pid: string }[]).map((r) => Number(r.pid)).sort()).toEqual(
      [a.pid, b.pid].sort(),
    );
  } finally {
    await db.close();
  }
}, 240_000);
