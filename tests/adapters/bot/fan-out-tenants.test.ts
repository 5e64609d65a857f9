// Tenants fan out side by side: the real app (as a child process, PGlite) against the Bot Connector sandbox (its own
// server), with one tenant under a 429 storm for the whole of another tenant's round. The other tenant's round takes
// no longer than when it ran alone (within 10 %), and the stormed tenant loses nothing once the storm passes.
import { randomUUID } from 'node:crypto';

import type { Database } from '../../../src/adapters/storage/database';
import { openDatabase } from '../../../src/adapters/storage/open-database';
import {
  cardsByMember,
  cardSpanSeconds,
  type FanOutTeam,
  type FanOutTeamWithCadence,
  openDueRound,
  seedFanOutTeam,
  startAppProcess,
  usePgliteFanOut,
  waitFor,
} from '../../support/fan-out-fixture';

const MEMBERS = 300;
const STORMED_MEMBERS = 60;
/** Each card needs a 1:1 created and the card sent: 2 requests, at most 50 per second per tenant. */
const MINIMUM_S = (2 * MEMBERS) / 50;

const fanOut = usePgliteFanOut();

/** Runs `work` on the database while no app process has it (PGlite: the test and the app take turns). */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(fanOut.storage);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const everyCard = (team: FanOutTeam) => () =>
  cardsByMember(fanOut.sandbox, team).size === team.members.length;

it('a tenant under a 429 storm does not slow another tenant’s round, and loses nothing itself', async () => {
  const { sandbox, storage } = fanOut;
  const calm = randomUUID();
  const stormed = randomUUID();

  // Every team is installed before the first start, so both starts page the same rosters (the app does at start).
  const [alone, beside, underStorm] = await withDatabase(async (db) => [
    await seedFanOutTeam(db, sandbox, MEMBERS, calm),
    await seedFanOutTeam(db, sandbox, MEMBERS, calm),
    await seedFanOutTeam(db, sandbox, STORMED_MEMBERS, stormed),
  ]);
  const open = (...teams: FanOutTeamWithCadence[]) =>
    withDatabase(async (db) => {
      for (const team of teams) await openDueRound(db, team.scope, team.cadence);
    });

  // The calm tenant's round alone.
  await open(alone);
  let app = await startAppProcess(storage);
  await waitFor('the round alone', everyCard(alone), 90_000);
  await app.stop();
  const aloneS = cardSpanSeconds(sandbox, alone);

  // A round of the same size again, while every request of the other tenant is answered 429 (Retry-After 1 s).
  await open(beside, underStorm);
  sandbox.injectFault({ status: 429, times: 1_000_000, retryAfterSeconds: 1, tenantId: stormed });
  app = await startAppProcess(storage);
  await waitFor('the round beside the storm', everyCard(beside), 90_000);
  const besideS = cardSpanSeconds(sandbox, beside);
  const stormed429s = sandbox.count(429, stormed);
  sandbox.clearFaults();
  await waitFor('the stormed tenant’s round after the storm', everyCard(underStorm), 90_000);
  await app.stop();

  process.stdout.write(
    `calm tenant, ${MEMBERS} members: alone ${aloneS.toFixed(1)} s, beside a 429 storm ${besideS.toFixed(1)} s ` +
      `(rate-limit minimum ${MINIMUM_S.toFixed(1)} s; ${stormed429s} × 429 to the stormed tenant)\n`,
  );
  // The storm was real, and it hit only its tenant.
  expect(stormed429s).toBeGreaterThan(10);
  expect(sandbox.count(429, calm)).toBe(0);
  // Each round's figure as a ratio of the rate-limit minimum: beside the storm within 10 % of alone.
  expect(besideS / MINIMUM_S).toBeLessThanOrEqual((aloneS / MINIMUM_S) * 1.1);
  // Nobody lost a card or got two.
  for (const team of [alone, beside, underStorm])
    expect([...cardsByMember(sandbox, team).values()].filter((n) => n !== 1)).toEqual([]);
}, 240_000);
