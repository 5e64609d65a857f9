// Random SIGKILLs of the real app (a child process) while it books the review series of many teams through the Graph
// sandbox (in the jest process, so its calendar outlives every kill), with restarts: no team's series is lost and none
// is booked twice (the transactionId recorded before each create call; the sandbox honours it as Graph does); every
// series' meeting ends with the app installed and exactly one tab (each step recorded before the next).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { openDatabase } from '../../src/adapters/storage/open-database';
import { killStrayApps } from '../support/fan-out-fixture';
import { PGLITE_TEMPLATE_ENV } from '../support/global-setup';
import { runBookingUnderFaults } from './support/booking-under-faults';
import { pick, printFigures, SEED, seededRandom } from './support/fault-scale';
import { startRecordedGraph } from './support/recorded-servers';

const TEAMS = pick(10, 50);
const KILLS = pick(2, 4);
// A second per Graph request: each kill lands between a create call and its record.
const LATENCY_MS = 1_000;

let root: string;
let graph: Awaited<ReturnType<typeof startRecordedGraph>>;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'team-charter-faults-'));
  graph = await startRecordedGraph({ latencyMs: LATENCY_MS });
});
afterAll(async () => {
  await killStrayApps();
  await graph.close();
  await rm(root, { recursive: true, force: true });
});

it(`books each of ${TEAMS} teams' review series exactly once when the app is SIGKILLed ${KILLS} times (PGlite)`, async () => {
  const dataDir = path.join(root, 'db');
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (template) await cp(template, dataDir, { recursive: true });
  const outcome = await runBookingUnderFaults({
    teams: TEAMS,
    storage: { dataDir, open: () => openDatabase({ dataDir }), shared: false },
    graph,
    kills: KILLS,
    random: seededRandom(SEED + 1),
    leaseMs: 5_000,
    latencyMs: LATENCY_MS,
  });
  printFigures('SIGKILL during review booking, PGlite', outcome.figures);
  expect(outcome.lost).toBe(0);
  expect(outcome.doubleBooked).toBe(0);
  expect(outcome.meetingAppsMissing).toBe(0);
  expect(outcome.secondTabs).toBe(0);
  // The kills did catch creates the sandbox booked and the database had not recorded: the case that could double-book.
  expect(outcome.inFlightAtKills.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
}, 600_000);
