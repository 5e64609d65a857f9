// Random SIGKILLs of the real app (a child process) during a check-in round on PGlite, with restarts on the same data
// directory, while every member answers: no delivery or answer lost, duplicates ≤ the cards in flight at the kills,
// and PGlite's data directory survives each SIGKILL (the next process opens it and carries on).
import { openDatabase } from '../../src/adapters/storage/open-database';
import { pick, printFigures, SEED, seededRandom } from './support/fault-scale';
import { usePgliteFaultWorld } from './support/pglite-fault-world';
import { runRoundUnderFaults } from './support/round-under-faults';

const MEMBERS = pick(200, 1_000);
const KILLS = pick(2, 5);

const world = usePgliteFaultWorld();

it(`loses no card and no answer when the app is SIGKILLed ${KILLS} times during a ${MEMBERS}-member round (PGlite)`, async () => {
  const dataDir = await world.dataDir('db');
  const connector = world.connector();
  // The service answers after 40 ms, so kills are likely to catch cards it accepted that the app never heard of.
  connector.sandbox.latencyMs = 40;
  const outcome = await runRoundUnderFaults({
    members: MEMBERS,
    storage: { dataDir, open: () => openDatabase({ dataDir }), shared: false },
    connector,
    kills: KILLS,
    random: seededRandom(SEED),
    leaseMs: 8_000,
  });
  printFigures('SIGKILL during a check-in round, PGlite', outcome.figures);

  expect(outcome.deliveriesLost).toBe(0);
  expect(outcome.answersAcknowledged).toBe(MEMBERS);
  expect(outcome.answersLost).toBe(0);
  expect(outcome.inFlightAtKills).toHaveLength(KILLS);
  expect(outcome.duplicates).toBeLessThanOrEqual(outcome.inFlightAtKills.reduce((a, b) => a + b, 0));
}, 600_000);
