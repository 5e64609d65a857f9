// The sandboxes inject storms of 429/412/502/503/504 (with and without Retry-After) and latency while the real app (a
// child process) runs a check-in round and books review series: nothing is lost, nothing duplicated or double-booked,
// and every 429 that carried a Retry-After was waited out (the sandboxes' own request logs say when the app came back).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { openDatabase } from '../../src/adapters/storage/open-database';
import { killStrayApps, waitFor } from '../support/fan-out-fixture';
import { PGLITE_TEMPLATE_ENV } from '../support/global-setup';
import { runBookingUnderFaults } from './support/booking-under-faults';
import { type Figures, pick, printFigures, SEED, seededRandom } from './support/fault-scale';
import { retryAfterCheck, startRecordedConnector, startRecordedGraph } from './support/recorded-servers';
import { runRoundUnderFaults } from './support/round-under-faults';

const MEMBERS = pick(100, 400);
const TEAMS = pick(10, 50);

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'team-charter-faults-'));
});
afterAll(async () => {
  await killStrayApps();
  await rm(root, { recursive: true, force: true });
});

async function pglite(
  name: string,
): Promise<{ dataDir: string; open: () => ReturnType<typeof openDatabase>; shared: false }> {
  const dataDir = path.join(root, name);
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (template) await cp(template, dataDir, { recursive: true });
  return { dataDir, open: () => openDatabase({ dataDir }), shared: false };
}

function retryAfterFigures(check: ReturnType<typeof retryAfterCheck>): Figures {
  return {
    '429s with Retry-After': check.throttledWithRetryAfter,
    '…came back for the same thing': check.retried,
    '…after Retry-After ran out': check.respected,
    'Retry-After violations': check.violations.length,
  };
}

it(`loses and duplicates no card or answer in a ${MEMBERS}-member round through Bot Connector storms`, async () => {
  const connector = await startRecordedConnector();
  try {
    const outcome = await runRoundUnderFaults({
      members: MEMBERS,
      storage: await pglite('round'),
      connector,
      kills: 0,
      random: seededRandom(SEED + 2),
      leaseMs: 60_000,
      during: async ({ sandbox, cards }) => {
        const at = async (share: number) =>
          waitFor(`${share * 100} % of the cards`, () => cards() >= share * MEMBERS, 180_000);
        sandbox.latencyMs = 30;
        sandbox.injectFault({ status: 429, times: 30, retryAfterSeconds: 1 });
        await at(0.2);
        sandbox.injectFault({ status: 412, times: 15 });
        sandbox.injectFault({ status: 502, times: 15 });
        sandbox.latencyMs = 120;
        await at(0.45);
        sandbox.injectFault({ status: 503, times: 15 });
        sandbox.injectFault({ status: 504, times: 15, retryAfterSeconds: 1 });
        sandbox.injectFault({ status: 429, times: 10, retryAfterSeconds: 2, operations: ['send'] });
        await at(0.7);
        sandbox.latencyMs = 10;
        return {};
      },
    });
    const check = retryAfterCheck(connector.log);
    const statuses = [412, 429, 502, 503, 504].map((s) => `${s}×${connector.sandbox.count(s)}`).join(', ');
    printFigures('Bot Connector storms during a check-in round, PGlite', {
      ...outcome.figures,
      'faults answered': statuses,
      ...retryAfterFigures(check),
    });
    expect(outcome.deliveriesLost).toBe(0);
    expect(outcome.duplicates).toBe(0);
    expect(outcome.answersAcknowledged).toBe(MEMBERS);
    expect(outcome.answersLost).toBe(0);
    for (const s of [412, 429, 502, 503, 504]) expect(connector.sandbox.count(s)).toBeGreaterThan(0);
    expect(check.retried).toBeGreaterThan(0);
    expect(check.violations).toEqual([]);
  } finally {
    await connector.close();
  }
}, 600_000);

it(`books each of ${TEAMS} teams' review series exactly once through Graph storms`, async () => {
  const graph = await startRecordedGraph({ latencyMs: 50 });
  try {
    const outcome = await runBookingUnderFaults({
      teams: TEAMS,
      storage: await pglite('booking'),
      graph,
      kills: 0,
      random: seededRandom(SEED + 3),
      leaseMs: 60_000,
      latencyMs: 50,
      during: () => {
        graph.sandbox.injectFault({ status: 429, times: 6, retryAfterSeconds: 1 });
        graph.sandbox.injectFault({ status: 503, times: 4, retryAfterSeconds: null });
        graph.sandbox.injectFault({ status: 504, times: 4, retryAfterSeconds: 1 });
        graph.sandbox.injectFault({ status: 429, times: 3, retryAfterSeconds: null });
        return Promise.resolve({});
      },
    });
    const check = retryAfterCheck(graph.log);
    printFigures('Graph storms during review booking, PGlite', {
      ...outcome.figures,
      ...retryAfterFigures(check),
    });
    expect(outcome.lost).toBe(0);
    expect(outcome.doubleBooked).toBe(0);
    expect(outcome.meetingAppsMissing).toBe(0);
    expect(outcome.secondTabs).toBe(0);
    expect(graph.sandbox.stats.faultsInjected).toBe(17);
    expect(check.retried).toBeGreaterThan(0);
    expect(check.violations).toEqual([]);
  } finally {
    await graph.close();
  }
}, 600_000);
