/** The stores, and each feature's use cases over them with their routes and job handlers. */
import { randomUUID } from 'node:crypto';

import type { Logger } from 'pino';

import { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics';
import type { Database } from '../adapters/storage/database';
import { postgresStores } from '../adapters/storage/postgres-stores';
import { TeamAccessCache } from '../adapters/storage/team-access-cache';
import type { CharterDeps } from '../app/charters/charter-deps';
import { JOB_KINDS } from '../app/jobs/job-kinds';
import type { JobHandlers, TenantPacing } from '../app/jobs/job-ports';
import type { CheckInConfig, GraphConfig } from '../config';
import { type CheckInWiring, connectorRateLimiter, wireCheckIns } from './check-ins';
import { jobHandlers } from './jobs';
import type { ModeWiring } from './mode-wiring';
import { type ReviewSessionWiring, wireReviewSessions } from './review-sessions';
import { type ReviewWiring, wireReviews } from './reviews';

export interface Features {
  /** The charter use cases' deps, which every feature's extend. */
  charters: CharterDeps;
  checkIns: CheckInWiring;
  reviews: ReviewWiring;
  reviewSessions: ReviewSessionWiring;
  handlers: JobHandlers;
  metrics: PrometheusMetrics;
  /** Which tenants' Bot Connector budget is spent for now, so the job workers take other tenants' jobs first. */
  pacing: TenantPacing;
}

export async function wireFeatures(options: {
  db: Database;
  mode: ModeWiring;
  graph: GraphConfig;
  checkIns: CheckInConfig;
  /** How this process reaches its own server (`http://127.0.0.1:<port>`). */
  selfUrl: string;
  logger: Logger;
}): Promise<Features> {
  const { mode, logger: log } = options;
  // Every team request's access read, kept in memory until a notification says the team changed.
  const access = await TeamAccessCache.listening(options.db, (live) => {
    if (live) log.info('storage.access_cache.live');
    else log.warn('storage.access_cache.paused');
  });
  const stores = postgresStores(options.db, { access });
  // A registry per app; the queue and delivery gauges are read from the database at each scrape.
  const metrics = new PrometheusMetrics({ stats: stores.stats, jobKinds: Object.values(JOB_KINDS), log });
  const charters: CharterDeps = {
    charters: stores.charters,
    installs: stores.installs,
    jobs: stores.jobs,
    clock: { now: () => new Date() },
    ids: { next: () => randomUUID() },
  };
  const limiter = connectorRateLimiter(options.db, metrics, log);
  const checkIns = wireCheckIns(charters, {
    checkins: stores.checkins,
    limiter,
    bot: mode.bot,
    charterLinks: mode.charterLinks,
    uninstallGraceMs: options.checkIns.uninstallGraceMs,
    metrics,
    log,
  });
  const reviews = wireReviews(charters, {
    reviews: stores.reviews,
    checkins: stores.checkins,
    graph: options.graph,
    selfUrl: options.selfUrl,
    metrics,
    log,
  });
  const reviewSessions = wireReviewSessions(reviews.deps, {
    sessions: stores.reviewSessions,
    messenger: checkIns.deps.messenger,
    charterLinks: mode.charterLinks,
  });
  return {
    charters,
    checkIns,
    reviews,
    reviewSessions,
    handlers: jobHandlers(checkIns.deps, reviews.deps, reviewSessions.deps),
    metrics,
    pacing: limiter,
  };
}
