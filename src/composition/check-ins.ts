/** Check-ins and the bot: the Messenger on the Bot Connector, the check-in use cases, their API and `/api/messages`. */
import type { Router } from 'express';

import { ConnectorRateLimiter } from '../adapters/bot/connector-rate-limiter';
import { botAuthentication, type BotIdentity, botMount, createMessenger } from '../adapters/bot/create-bot';
import { InProcessConnectorBudget, TENANT_BUDGET } from '../adapters/bot/in-process-connector-budget';
import { checkInRoutes } from '../adapters/http/routes/checkin-routes';
import type { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics';
import type { Database } from '../adapters/storage/database';
import { PostgresConnectorBudget } from '../adapters/storage/postgres-connector-budget';
import type { CharterDeps } from '../app/charters/charter-deps';
import type { CheckInDeps } from '../app/checkins/checkin-deps';
import type { CheckInStore } from '../app/checkins/checkin-ports';
import type { Log } from '../app/common-ports';
import type { CharterLinkTarget } from '../domain/links/charter-links';
import type { Mount } from './mode-wiring';

export interface CheckInWiring {
  deps: CheckInDeps;
  routes: Router;
  /** `POST /api/messages`. */
  bot: Mount;
}

/**
 * The pace of every Bot Connector call: per conversation in this process, per tenant from the tenant's budget. On
 * PostgreSQL the budget is a row per tenant that every instance on the database draws from, so together they stay
 * under Teams' 50 requests per second per tenant; on PGlite (one process per data directory) it is this process's.
 */
export function connectorRateLimiter(
  db: Database,
  metrics: PrometheusMetrics,
  log: Log,
): ConnectorRateLimiter {
  const budget =
    db.driver === 'postgres'
      ? new PostgresConnectorBudget(db, TENANT_BUDGET)
      : new InProcessConnectorBudget(TENANT_BUDGET);
  // A job whose tenant is held back for more than half a second steps aside (run-due-jobs.ts) rather than waits.
  const limiter = new ConnectorRateLimiter({ budget, observer: metrics, log, stepAsideAfterMs: 500 });
  metrics.watchConnectorPacing(() => limiter.pacing());
  return limiter;
}

export function wireCheckIns(
  core: CharterDeps,
  options: {
    checkins: CheckInStore;
    limiter: ConnectorRateLimiter;
    bot: BotIdentity | null;
    charterLinks: CharterLinkTarget;
    /** Uninstalled teams' data is deleted after this grace period. */
    uninstallGraceMs: number;
    metrics: PrometheusMetrics;
    log: Log;
  },
): CheckInWiring {
  const auth = botAuthentication(options.bot);
  const messenger = createMessenger(auth, options.bot, {
    limiter: options.limiter,
    metrics: options.metrics,
  });
  const deps: CheckInDeps = {
    ...core,
    checkins: options.checkins,
    messenger,
    directory: messenger,
    log: options.log,
    charterLinks: options.charterLinks,
    uninstallGraceMs: options.uninstallGraceMs,
    metrics: options.metrics,
  };
  return { deps, routes: checkInRoutes(deps), bot: botMount(auth, deps, options.log) };
}
