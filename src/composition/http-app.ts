/** The express app: health and metrics, the charter API, each feature's routes, and what the mode serves. */
import type { Express } from 'express';
import type { Logger } from 'pino';

import { createHttpApp } from '../adapters/http/create-http-app';
import type { ReadinessCheck } from '../adapters/http/routes/health-routes';
import { metricsRoutes } from '../adapters/http/routes/metrics-routes';
import { myChartersRoutes } from '../adapters/http/routes/my-charters-routes';
import type { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics';
import type { Database } from '../adapters/storage/database';
import type { CharterDeps } from '../app/charters/charter-deps';
import type { CheckInWiring } from './check-ins';
import type { ModeWiring } from './mode-wiring';
import type { ReviewSessionWiring } from './review-sessions';
import type { ReviewWiring } from './reviews';

export function wireHttpApp(w: {
  logger: Logger;
  db: Database;
  mode: ModeWiring;
  charters: CharterDeps;
  checkIns: CheckInWiring;
  reviews: ReviewWiring;
  reviewSessions: ReviewSessionWiring;
  metrics: PrometheusMetrics;
}): Express {
  // The personal page reads every feature's stores for the caller's teams.
  const myCharters = { ...w.checkIns.deps, reviews: w.reviews.deps.reviews };
  return createHttpApp({
    logger: w.logger,
    authenticate: w.mode.authenticate,
    charters: w.charters,
    installs: w.charters.installs,
    readiness: () => readiness(w.db, w.logger),
    apiRouters: [myChartersRoutes(myCharters), w.checkIns.routes, w.reviews.routes, w.reviewSessions.routes],
    apiSiblings: [w.checkIns.bot, ...w.mode.apiSiblings(myCharters)],
    mounts: [(app) => app.use(metricsRoutes(w.metrics, w.mode.metricsAccess)), ...w.mode.mounts(myCharters)],
  });
}

async function readiness(db: Database, logger: Logger): Promise<ReadinessCheck> {
  try {
    await db.ping();
    const migrated = await db.migrationsApplied();
    return { ready: migrated, checks: { database: 'ok', migrations: migrated ? 'ok' : 'pending' } };
  } catch (error) {
    logger.warn({ err: error }, 'readiness.database.failed');
    return { ready: false, checks: { database: 'unreachable', migrations: 'unknown' } };
  }
}
