/**
 * The review use cases as the app wires them, for tests: a fresh test database with the demo team seeded, the
 * PostgreSQL stores, and the real Graph adapter talking to the Graph sandbox.
 */
import pino from 'pino';

import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { Caller } from '../../src/app/caller';
import type { CharterDeps } from '../../src/app/charters/charter-deps';
import type { Clock } from '../../src/app/common-ports';
import type { TeamScope } from '../../src/app/common-ports';
import { NO_REVIEW_SIGNALS, type ReviewDeps } from '../../src/app/reviews/review-deps';
import type {
  Calendar,
  CalendarOccurrence,
  ReviewSeriesRecord,
  ReviewSignals,
} from '../../src/app/reviews/review-ports';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../src/app/teams/demo-teams';
import { seedDemoTeam } from '../../src/app/teams/seed-demo-team';
import { type GraphHarness, MEETING_APP, startGraphHarness } from '../adapters/graph/graph-harness';
import { testCharterDeps } from './charter-deps';
import { openTestDatabase } from './test-database';

/** The demo team the harness seeds, and Adele Vance, its first member and an editor. */
export const DEMO_SCOPE: TeamScope = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
export const ADELE: Caller = {
  tenantId: DEMO_TEAM.tenantId,
  userId: DEMO_MEMBERS[0]?.aadObjectId as string,
  name: 'Adele Vance',
};

export interface ReviewHarness {
  db: Awaited<ReturnType<typeof openTestDatabase>>;
  graph: GraphHarness;
  charterDeps: CharterDeps;
  deps: ReviewDeps;
  close(): Promise<void>;
}

export async function openReviewHarness(
  options: {
    clock?: Clock;
    /** What the agenda says the check-ins said (default: nothing). */
    signals?: (db: ReviewHarness['db']) => ReviewSignals;
  } = {},
): Promise<ReviewHarness> {
  const db = await openTestDatabase();
  const graph = await startGraphHarness();
  const charterDeps = testCharterDeps(db, options.clock);
  const { reviews } = postgresStores(db);
  await seedDemoTeam(charterDeps, { serviceUrl: 'http://127.0.0.1:1/' });
  const deps: ReviewDeps = {
    ...charterDeps,
    reviews,
    calendar: graph.calendar,
    meetings: graph.meetings,
    meetingApp: MEETING_APP,
    signals: options.signals?.(db) ?? NO_REVIEW_SIGNALS,
    log: pino({ level: 'silent' }),
    agendaLeadMs: 86_400_000,
  };
  return {
    db,
    graph,
    charterDeps,
    deps,
    async close() {
      await graph.close();
      await db.dispose();
    },
  };
}

/**
 * `openReviewHarness` for the tests of one file or `describe` block: opened before them (ahead of the caller's own
 * `beforeAll`), closed after. Read its parts inside tests and hooks.
 */
export function useReviewHarness(
  options: Parameters<typeof openReviewHarness>[0] = {},
): Omit<ReviewHarness, 'close'> {
  let harness: ReviewHarness | undefined;
  beforeAll(async () => {
    harness = await openReviewHarness(options);
  }, 60_000);
  afterAll(() => harness?.close());
  const opened = (): ReviewHarness => {
    if (!harness) throw new Error('The review harness opens in beforeAll.');
    return harness;
  };
  return {
    get db() {
      return opened().db;
    },
    get graph() {
      return opened().graph;
    },
    get charterDeps() {
      return opened().charterDeps;
    },
    get deps() {
      return opened().deps;
    },
  };
}

/** The occurrence of the booked `series` that starts at `start`, as the organizer's calendar has it. */
export async function occurrenceAt(
  calendar: Calendar,
  series: Pick<ReviewSeriesRecord, 'organizerMailbox' | 'graphSeriesId'>,
  start: Date,
): Promise<CalendarOccurrence | undefined> {
  const [occurrence] = await calendar.listOccurrences(
    series.organizerMailbox,
    series.graphSeriesId ?? '',
    new Date(start.getTime() - 1000),
    new Date(start.getTime() + 1000),
  );
  return occurrence;
}
