/** Check-ins and the bot: the Messenger on the Bot Connector, the check-in use cases, their API and `/api/messages`. */
import type { Router } from 'express';

import { botAuthentication, type BotIdentity, botMount, createMessenger } from '../adapters/bot/create-bot';
import { checkInRoutes } from '../adapters/http/routes/checkin-routes';
import type { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics';
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

export function wireCheckIns(
  core: CharterDeps,
  options: {
    checkins: CheckInStore;
    bot: BotIdentity | null;
    charterLinks: CharterLinkTarget;
    /** Uninstalled teams' data is deleted after this grace period. */
    uninstallGraceMs: number;
    metrics: PrometheusMetrics;
    log: Log;
  },
): CheckInWiring {
  const auth = botAuthentication(options.bot);
  const messenger = createMessenger(auth, options.bot, options.metrics);
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
