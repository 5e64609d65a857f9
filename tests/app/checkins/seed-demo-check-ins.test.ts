/**
 * The demo team's check-in history looks like a real team's: its past rounds open on the charter's check-in cadence
 * (weekly, Monday 10:00 Berlin) and close before the next one opens, and each round has at most one support request,
 * never the same text twice.
 */
import { randomUUID } from 'node:crypto';

import pino from 'pino';

import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import type { CheckInDeps } from '../../../src/app/checkins/checkin-deps';
import { seedDemoCheckIns } from '../../../src/app/checkins/seed-demo-check-ins';
import { DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { seedDemoTeam } from '../../../src/app/teams/seed-demo-team';
import { isOccurrence } from '../../../src/domain/checkin/round-schedule';
import { openTestDatabase, type TestDatabase } from '../../support/test-database';

const scope = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
const seedSendsNothing = (): never => {
  throw new Error('Seeding queues the cards; it sends nothing itself.');
};

// One database for the file; each case starts from it emptied, as from a new copy: each seeds the demo team anew.
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.dispose());
beforeEach(() => db.emptyTables());

it.each([
  ['on a Thursday afternoon', '2026-03-12T15:20:00Z'],
  ['on a Monday, half an hour after the round time', '2026-03-16T09:30:00Z'],
  ['on a Sunday night, across the change to summer time', '2026-03-29T21:00:00Z'],
])('seeds past rounds on the check-in cadence and no support request twice (%s)', async (_when, at) => {
  const now = new Date(at);
  const deps: CheckInDeps = {
    ...postgresStores(db),
    messenger: {
      createPersonalConversation: seedSendsNothing,
      sendCard: seedSendsNothing,
      sendText: seedSendsNothing,
      updateCard: seedSendsNothing,
    },
    directory: { listTeamMembers: seedSendsNothing },
    clock: { now: () => now },
    ids: { next: () => randomUUID() },
    log: pino({ level: 'silent' }),
    charterLinks: { kind: 'local', tabEndpoint: 'http://localhost:3978' },
    uninstallGraceMs: 7 * 86_400_000,
  };
  expect(await seedDemoTeam(deps, { serviceUrl: 'http://127.0.0.1:1/' })).toBe(true);
  expect(await seedDemoCheckIns(deps, scope)).toBe(true);

  const cadence = (await deps.charters.getCurrent(scope))?.content.checkIns?.cadence;
  if (!cadence) throw new Error('The demo charter has no check-in cadence.');
  const rounds = (await deps.checkins.listRounds(scope, 20)).reverse(); // oldest first
  const past = rounds.filter((r) => r.state === 'closed');
  const open = rounds.filter((r) => r.state === 'open');
  expect(past).toHaveLength(3);
  // The round to answer opens as the demo starts; the history before it follows the cadence.
  expect(open.map((r) => r.opensAt)).toEqual([now]);
  for (const [i, round] of past.entries()) {
    expect({ opensAt: round.opensAt, onCadence: isOccurrence(cadence, round.opensAt) }).toEqual({
      opensAt: round.opensAt,
      onCadence: true,
    });
    const nextOpens = (past[i + 1] ?? open[0])?.opensAt ?? now;
    expect(round.closesAt.getTime()).toBeLessThanOrEqual(nextOpens.getTime());
    expect(round.closedAt?.getTime()).toBe(round.closesAt.getTime());
  }

  const supportByRound: string[][] = [];
  for (const round of past) {
    const responses = await deps.checkins.listResponses(scope, round.id);
    for (const r of responses) {
      expect(r.answeredAt.getTime()).toBeGreaterThanOrEqual(round.opensAt.getTime());
      expect(r.answeredAt.getTime()).toBeLessThanOrEqual(round.closesAt.getTime());
    }
    supportByRound.push(responses.flatMap((r) => (r.answer.support === null ? [] : [r.answer.support])));
  }
  expect(supportByRound.map((texts) => texts.length)).toEqual([1, 1, 1]);
  const texts = supportByRound.flat();
  expect(new Set(texts).size).toBe(texts.length);
});
