/**
 * The live review's use cases as the app wires them, for tests and the benchmark: a fresh test database with the demo
 * team seeded, the PostgreSQL stores, a clock the test moves, and an in-memory Messenger that keeps the cards posted.
 * The calendar is not used by the live review: any call to it fails the test.
 */
import pino from 'pino';

import { localAuthenticate } from '../../src/adapters/http/authenticate';
import type { HttpAppDeps } from '../../src/adapters/http/create-http-app';
import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { ConversationTarget, Messenger, OutboundCard } from '../../src/app/checkins/checkin-ports';
import type { Clock } from '../../src/app/common-ports';
import { runDueJobs } from '../../src/app/jobs/run-due-jobs';
import type { ReviewMeetings } from '../../src/app/reviews/meeting-ports';
import { NO_REVIEW_SIGNALS } from '../../src/app/reviews/review-deps';
import type { Calendar } from '../../src/app/reviews/review-ports';
import type { ReviewSessionDeps } from '../../src/app/reviews/review-session-deps';
import { reviewSessionJobHandlers } from '../../src/app/reviews/review-session-job-handlers';
import { DEMO_TEAM } from '../../src/app/teams/demo-teams';
import { seedDemoTeam } from '../../src/app/teams/seed-demo-team';
import { LOCAL_TEAMS_APP_ID } from '../../src/config';
import { testCharterDeps } from './charter-deps';
import { openTestDatabase } from './test-database';

export class SettableClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface ReviewSessionWiring {
  deps: ReviewSessionDeps;
  clock: SettableClock;
  /** Every card the Messenger was asked to post, in order. */
  posted: { target: ConversationTarget; card: OutboundCard }[];
  /** What the HTTP app needs besides its routers: the demo tenant's local-mode callers (`X-Local-User`). */
  http: Omit<HttpAppDeps, 'apiRouters'>;
  /** Runs the live review's due jobs once, as the worker would; returns how many ran. */
  runJobs(): Promise<number>;
}

export interface ReviewSessionHarness extends ReviewSessionWiring {
  db: Awaited<ReturnType<typeof openTestDatabase>>;
  close(): Promise<void>;
}

const notUsed = (): Promise<never> => Promise.reject(new Error('The live review does not use this.'));

/** A fresh test database (PGlite) with the demo team, and the live review wired over it. */
export async function openReviewSessionHarness(): Promise<ReviewSessionHarness> {
  const db = await openTestDatabase();
  return { ...(await wireReviewSessionOn(db)), db, close: () => db.dispose() };
}

/** The live review wired over `db` (migrated), with the demo team seeded in it. */
export async function wireReviewSessionOn(db: Database): Promise<ReviewSessionWiring> {
  const clock = new SettableClock(new Date());
  const charterDeps = testCharterDeps(db, clock);
  await seedDemoTeam(charterDeps, { serviceUrl: 'http://127.0.0.1:1/' });
  const { reviews, reviewSessions } = postgresStores(db);
  const posted: ReviewSessionHarness['posted'] = [];
  const messenger: Messenger = {
    sendCard(target, card) {
      posted.push({ target, card });
      return Promise.resolve({ activityId: `activity-${posted.length}` });
    },
    createPersonalConversation: notUsed,
    sendText: notUsed,
    updateCard: notUsed,
  };
  const calendar: Calendar = {
    createSeries: notUsed,
    updateSeries: notUsed,
    cancelSeries: notUsed,
    listOccurrences: notUsed,
    rewriteOccurrenceBody: notUsed,
    getFreeBusy: notUsed,
  };
  const meetings: ReviewMeetings = {
    findCatalogApp: notUsed,
    findMeetingChat: notUsed,
    installApp: notUsed,
    findTab: notUsed,
    addTab: notUsed,
  };
  const log = pino({ level: 'silent' });
  const deps: ReviewSessionDeps = {
    ...charterDeps,
    reviews,
    calendar,
    meetings,
    meetingApp: { manifestId: LOCAL_TEAMS_APP_ID, catalogAppId: null, tabEndpoint: 'http://localhost:3978' },
    signals: NO_REVIEW_SIGNALS,
    log,
    agendaLeadMs: 86_400_000,
    sessions: reviewSessions,
    messenger,
    charterLinks: { kind: 'local', tabEndpoint: 'http://localhost:3978' },
  };
  const handlers = reviewSessionJobHandlers(deps);
  return {
    deps,
    clock,
    posted,
    http: {
      charters: deps,
      installs: deps.installs,
      authenticate: localAuthenticate(DEMO_TEAM.tenantId),
      logger: log,
      readiness: () => Promise.resolve({ ready: true, checks: {} }),
    },
    runJobs: () =>
      runDueJobs({ queue: deps.jobs, clock, log, handlers, workerId: 'test', leaseMs: 60_000 }, 20),
  };
}
