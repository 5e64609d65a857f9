import type { Express } from 'express';

import type { BotIdentity } from '../adapters/bot/create-bot';
import type { Authenticate } from '../adapters/http/authenticate';
import type { MetricsAccess } from '../adapters/http/routes/metrics-routes';
import type { MyChartersDeps } from '../app/charters/list-my-charters';
import type { CheckInDeps } from '../app/checkins/checkin-deps';
import type { CharterLinkTarget } from '../domain/links/charter-links';

/** A feature's part of the express app outside the authenticated API (see `HttpAppDeps.mounts` and `apiSiblings`). */
export type Mount = (app: Express) => void;

/**
 * What differs between local mode (`local-mode.ts`) and a real tenant (`teams-mode.ts`). startApp picks one, once;
 * nothing else asks which mode it is in.
 */
export interface ModeWiring {
  /** The app's address, as a person opens it. */
  url: string;
  /** The start-up log line. */
  startedMessage: string;
  /** How the API proves its caller: the local member picker, or the Teams SSO token. */
  authenticate: Authenticate;
  /** The bot's credentials; null in local mode, whose Bot Connector sandbox takes unauthenticated calls. */
  bot: BotIdentity | null;
  /** Where the links the bot sends open the charter: the tab in Teams, or the local tab. */
  charterLinks: CharterLinkTarget;
  /** Who may read /metrics. */
  metricsAccess: MetricsAccess;
  /**
   * Served after the features' own routes: the tab and what goes with it in this mode (sandboxes, sign-in pages). Local
   * mode embeds the first API answers in the pages, so it reads the charters (and the personal page's stores).
   */
  mounts(reads: MyChartersDeps): Mount[];
  /** Routes of this mode under `/api` that are not the tab's API (local mode's `/api/local/context`). */
  apiSiblings(reads: MyChartersDeps): Mount[];
  /** Run once the use cases are wired, before the app takes requests (local mode seeds its demo teams). */
  prepare(checkIns: CheckInDeps): Promise<void>;
  /** Run on close, once requests have stopped (local mode writes its sandboxes' files). */
  flush(): Promise<void>;
}
