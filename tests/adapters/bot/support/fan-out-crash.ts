/**
 * The crash scenario of issue 4 §8, for any database: a round for 200 members is due; the real app starts fanning out
 * the cards, is SIGKILLed a third of the way in, and restarts on the same database. What must hold:
 * - every member gets their card (and the database records every delivery as sent, every delivery job done);
 * - duplicates ≤ the cards in flight at the kill: those the sandbox had accepted (its activity record) but the
 *   database had not recorded as sent — the only cards a retry can send again;
 * - in flight ≤ the app's concurrent job loops (4 fan-out workers + the main worker).
 */
import type { Database } from '../../../../src/adapters/storage/database';
import type { BotConnectorSandbox } from '../../../../src/sandbox/bot-connector/bot-connector-sandbox';
import {
  cardsByMember,
  deliveriesSent,
  deliveryJobStates,
  openDueRound,
  seedFanOutTeam,
  startAppProcess,
  TEST_JOB_LEASE_MS,
  totalCards,
  waitFor,
} from '../../../support/fan-out-fixture';

const MEMBERS = 200;
const JOB_LOOPS = 5;

export interface CrashOutcome {
  sentBeforeKill: number;
  inFlight: number;
  duplicates: number;
}

export async function killMidFanOut(input: {
  sandbox: BotConnectorSandbox;
  storage: { databaseUrl?: string | null; dataDir: string };
  /** Opens the database the app uses (PGlite: only while no app process has it open). */
  open(): Promise<Database>;
}): Promise<CrashOutcome> {
  const { sandbox, storage } = input;

  let db = await input.open();
  const team = await seedFanOutTeam(db, sandbox, MEMBERS);
  const roundId = await openDueRound(db, team.scope, team.cadence);
  await db.close();

  // The service answers after 40 ms, so the kill is likely to catch cards it accepted that the app never heard of.
  sandbox.latencyMs = 40;
  try {
    const first = await startAppProcess(storage);
    await waitFor('a third of the cards', () => totalCards(sandbox, team) >= MEMBERS / 3, 60_000);
    await first.kill();
    const killedAt = Date.now();
    // Requests that reached the sandbox before the kill are answered (and recorded) after its latency.
    await new Promise((r) => setTimeout(r, 200));
    const atKill = cardsByMember(sandbox, team);

    db = await input.open();
    const sent = await deliveriesSent(db, team.scope, roundId);
    await db.close();
    expect(sent.size).toBeLessThan(MEMBERS);
    // The database never records a card the service did not accept.
    for (const member of sent) expect(atKill.get(member)).toBe(1);
    const inFlight = team.members.filter((m) => atKill.has(m.aadObjectId) && !sent.has(m.aadObjectId)).length;
    expect(inFlight).toBeLessThanOrEqual(JOB_LOOPS);

    const second = await startAppProcess(storage);
    await waitFor(
      'every member to have a card',
      () => team.members.every((m) => cardsByMember(sandbox, team).has(m.aadObjectId)),
      60_000,
    );
    // The jobs the killed process held are claimed again when their leases expire; let that happen, then stop.
    const leasesExpired = killedAt + TEST_JOB_LEASE_MS + 1_000;
    await waitFor(
      'the cards in flight to be retried',
      () => Date.now() >= leasesExpired && totalCards(sandbox, team) >= MEMBERS + inFlight,
      60_000,
    );
    await second.stop();

    const final = cardsByMember(sandbox, team);
    const missed = team.members.filter((m) => !final.has(m.aadObjectId)).length;
    const duplicates = [...final.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(missed).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);

    db = await input.open();
    expect((await deliveriesSent(db, team.scope, roundId)).size).toBe(MEMBERS);
    expect(await deliveryJobStates(db, team.scope)).toEqual({ done: MEMBERS });
    await db.close();
    return { sentBeforeKill: sent.size, inFlight, duplicates };
  } finally {
    sandbox.latencyMs = 0;
  }
}
