/**
 * The composition root: reads Config, builds the adapters, wires the use cases and starts the server.
 * The only module that knows every adapter.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Express, Router } from 'express';
import type { Logger } from 'pino';
import { announceAllCharterVersions } from './app/charters/announce-all-charter-versions';
import type { CharterDeps } from './app/charters/charter-deps';
import type { Clock, Ids } from './app/shared-ports';
import { DEMO_MEMBERS, DEMO_TEAM, FRESH_DEMO_MEMBERS, FRESH_DEMO_TEAM } from './app/teams/demo-teams';
import { seedDemoTeam, seedFreshDemoTeam } from './app/teams/seed-demo-team';
import { charterAppLink, type CharterLinkTarget } from './domain/links/charter-links';
import { createEntraTokenVerifier } from './adapters/auth/entra-token-verifier';
import { bearerAuthenticate, localAuthenticate } from './adapters/http/authenticate';
import { createHttpApp } from './adapters/http/create-http-app';
import { localContext, localTabBoot } from './adapters/http/local-context';
import { tabFiles } from './adapters/http/tab-files';
import { signInPages } from './adapters/http/sign-in-pages';
import type { ReadinessCheck } from './adapters/http/routes/health-routes';
import { openDatabase } from './adapters/storage/open-database';
import { PostgresCharterStore } from './adapters/storage/postgres-charter-store';
import { PostgresInstallStore } from './adapters/storage/postgres-install-store';
import { PostgresJobQueue } from './adapters/storage/postgres-job-queue';
import { JobWorker } from './adapters/scheduler/job-worker';
import { PrometheusMetrics } from './adapters/metrics/prometheus-metrics';
import { PostgresOperatorStats } from './adapters/storage/postgres-operator-stats';
import { metricsAccess, metricsRoutes } from './adapters/http/routes/metrics-routes';
import { createLogger } from './adapters/logging/log-context';
import { checkInJobHandlers } from './app/checkins/check-in-job-handlers';
import { queueRosterSweep } from './app/installs/reconcile-team-roster';
import { seedDemoCheckIns } from './app/checkins/seed-demo-check-ins';
import type { CheckInDeps } from './app/checkins/checkin-deps';
import { JOB_KINDS } from './app/jobs/job-kinds';
import { botAuthentication, botMount, createMessenger } from './adapters/bot/create-bot';
import { checkInRoutes } from './adapters/http/routes/checkin-routes';
import { PostgresCheckInStore } from './adapters/storage/postgres-checkin-store';
import { BotConnectorSandbox } from './sandbox/bot-connector/bot-connector-sandbox';
import { persistBotConnectorSandbox } from './sandbox/bot-connector/bot-connector-sandbox-file';
import type { PersistedSandbox } from './sandbox/sandbox-file';
import {
  ConfigError,
  loadCheckInConfig,
  loadConfig,
  loadGraphConfig,
  type CheckInConfig,
  type Config,
  type GraphConfig,
} from './config';
import { cancelReviewSeriesBeforeDeletion, reviewJobHandlers } from './app/reviews/review-job-handlers';
import type { ReviewDeps } from './app/reviews/review-deps';
import { checkInReviewSignals } from './app/reviews/check-in-review-signals';
import { runReviewJobs } from './app/reviews/run-review-jobs';
import { createGraphCalendar, DeferredCalendar } from './adapters/graph/create-graph-calendar';
import { reviewRoutes } from './adapters/http/routes/review-routes';
import { PostgresReviewStore } from './adapters/storage/postgres-review-store';
import { GraphSandbox } from './sandbox/graph/graph-sandbox';
import { graphSandboxRouter, graphSandboxTokenRouter } from './sandbox/graph/graph-sandbox-router';
import { demoWorkingHours } from './sandbox/graph/sandbox-store';
import { persistGraphSandbox } from './sandbox/graph/graph-sandbox-file';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };
/** How long a Graph call waits for the review worker's other jobs' calls, to share a `$batch` (bench/review-booking.ts). */
const REVIEW_BATCH_WINDOW_MS = 10;
const uuidIds: Ids = { next: () => randomUUID() };

/** Starts the whole app for a config; used by `npm start` and by tests that need the real thing. */
export async function startApp(
  config: Config,
  logger: Logger,
  graphConfig: GraphConfig = loadGraphConfig({}, config),
  checkInConfig: CheckInConfig = loadCheckInConfig({}),
  /** Tests only: a short job lease so a killed process's jobs are claimed again within a test's time. */
  options: { jobLeaseMs?: number } = {},
): Promise<RunningApp> {
  const leaseMs = options.jobLeaseMs ?? 60_000;
  const startedAt = performance.now();
  const db = await openDatabase({
    databaseUrl: config.storage.databaseUrl ?? undefined,
    dataDir: config.storage.dataDir,
  });
  const installs = new PostgresInstallStore(db);
  const jobs = new PostgresJobQueue(db);
  // Metrics (issue 7): a registry per app; the queue and delivery gauges are read from the database at each scrape.
  const metrics = new PrometheusMetrics({
    stats: new PostgresOperatorStats(db),
    jobKinds: Object.values(JOB_KINDS),
    log: logger,
  });
  const charterDeps: CharterDeps = {
    charters: new PostgresCharterStore(db),
    installs,
    jobs,
    clock: systemClock,
    ids: uuidIds,
  };
  // Check-ins and the bot (issue 4). Uninstalled teams' data is deleted after this grace period.
  const checkins = new PostgresCheckInStore(db);
  const botIdentity = config.mode.kind === 'local' ? null : config.mode.bot;
  const botAuth = botAuthentication(botIdentity);
  const messenger = createMessenger(botAuth, botIdentity, metrics);
  // Links open the charter tab in Teams; in local mode the local tab.
  const charterLinks: CharterLinkTarget =
    config.mode.kind === 'local'
      ? { kind: 'local', tabEndpoint: config.tabEndpoint }
      : { kind: 'teams', appId: config.mode.teamsAppId };
  const checkInDeps: CheckInDeps = {
    ...charterDeps,
    checkins,
    messenger,
    directory: messenger,
    log: logger,
    charterLinks,
    uninstallGraceMs: checkInConfig.uninstallGraceMs,
    metrics,
  };
  const checkInHandlers = checkInJobHandlers(checkInDeps);
  // Review cycles (issue 5): the Graph calendar (the in-process sandbox in local mode), jobs, API.
  const calendar = new DeferredCalendar();
  const graphSandbox = graphConfig.sandbox ? new GraphSandbox() : null;
  for (const m of graphSandbox ? [...DEMO_MEMBERS, ...FRESH_DEMO_MEMBERS] : [])
    // the demo mailboxes work 09:00–17:00 in their own zones
    if (m.email && m.timeZone)
      graphSandbox?.setMailbox(m.email, { workingHours: demoWorkingHours(m.timeZone) });
  // With PGlite, the sandbox's calendars are kept beside its data, so a restart still shows the booked reviews.
  const sandboxFile =
    graphSandbox && !config.storage.databaseUrl
      ? await persistGraphSandbox(
          graphSandbox,
          path.join(config.storage.dataDir, 'graph-sandbox.json'),
          logger,
        )
      : null;
  const reviewDeps: ReviewDeps = {
    ...charterDeps,
    reviews: new PostgresReviewStore(db),
    calendar,
    signals: checkInReviewSignals({ checkins }),
    log: logger,
    agendaLeadMs: graphConfig.agendaLeadMs,
  };
  // The team-deletion job is wrapped: the review series is cancelled before the team's data goes. The reviews.* jobs
  // run on their own worker, many teams at once, so their Graph calls share `$batch` requests.
  const reviewHandlers = reviewJobHandlers(reviewDeps);
  const handlers = {
    ...checkInHandlers,
    [JOB_KINDS.installsDeleteTeam]: cancelReviewSeriesBeforeDeletion(
      reviewDeps,
      checkInHandlers[JOB_KINDS.installsDeleteTeam],
    ),
  };
  const reviewWorker = new JobWorker(
    {
      queue: jobs,
      clock: systemClock,
      log: logger,
      metrics,
      handlers: reviewHandlers,
      workerId: `${hostname()}:${process.pid}:reviews`,
      leaseMs: options.jobLeaseMs ?? 120_000,
    },
    { idleMs: 1_000, batch: 40, pass: runReviewJobs },
  );

  const local = config.mode.kind === 'local';
  if (config.mode.kind === 'local') {
    const seeded = await seedDemoTeam(charterDeps, {
      serviceUrl: `http://127.0.0.1:${config.port}/sandbox/connector/`,
    });
    if (seeded) logger.info({ teamId: DEMO_TEAM.teamId }, 'demo.team.seeded');
    // A second demo team with no charter yet, for trying (and testing) a first charter.
    const seededFresh = await seedFreshDemoTeam(charterDeps, {
      serviceUrl: `http://127.0.0.1:${config.port}/sandbox/connector/`,
    });
    if (seededFresh) logger.info({ teamId: FRESH_DEMO_TEAM.teamId }, 'demo.team.seeded');
  }
  await announceAllCharterVersions(charterDeps, systemClock.now());
  // Teams' member events sent while the app was down are lost: every installed team's roster is paged again.
  await queueRosterSweep({ installs, jobs }, systemClock.now());
  // Card fan-out: a few workers for delivery jobs alone, so a round's cards go out as fast as the Teams limits allow
  // (the Messenger's limiter is the pace) while the main worker carries on with everything else.
  const fanOutWorkers = Array.from(
    { length: 4 },
    (_, i) =>
      new JobWorker(
        {
          queue: jobs,
          clock: systemClock,
          log: logger,
          metrics,
          handlers: {
            [JOB_KINDS.checkinsDeliver]: checkInHandlers[JOB_KINDS.checkinsDeliver],
            [JOB_KINDS.checkinsNudgeMember]: checkInHandlers[JOB_KINDS.checkinsNudgeMember],
          },
          workerId: `${hostname()}:${process.pid}:fan-out-${i}`,
          leaseMs,
        },
        { idleMs: 1_000, batch: 5 },
      ),
  );
  const worker = new JobWorker(
    {
      queue: jobs,
      clock: systemClock,
      log: logger,
      metrics,
      handlers,
      workerId: `${hostname()}:${process.pid}`,
      leaseMs,
    },
    { idleMs: 1_000, batch: 10 },
  );

  const authenticate =
    config.mode.kind === 'local'
      ? localAuthenticate(config.mode.tenantId)
      : bearerAuthenticate(
          createEntraTokenVerifier({
            authorityHost: config.mode.aad.authorityHost,
            clientId: config.mode.aad.clientId,
            appIdUri: config.mode.aad.appIdUri,
          }),
        );

  const readiness = async (): Promise<ReadinessCheck> => {
    try {
      await db.ping();
      const migrated = await db.migrationsApplied();
      return { ready: migrated, checks: { database: 'ok', migrations: migrated ? 'ok' : 'pending' } };
    } catch (error) {
      logger.warn({ err: error }, 'readiness.database.failed');
      return { ready: false, checks: { database: 'unreachable', migrations: 'unknown' } };
    }
  };

  let localConnector: BotConnectorSandbox | null = null;
  let connectorFile: PersistedSandbox | null = null;
  // Features add their routers and mounts here (bot, sandboxes, tab files, check-in and review APIs).
  const apiRouters: Router[] = [];
  const mounts: ((app: Express) => void)[] = [];
  mounts.push((app) => app.use(metricsRoutes(metrics, metricsAccess(local, config.metricsToken))));
  apiRouters.push(checkInRoutes(checkInDeps));
  mounts.push(botMount(botAuth, checkInDeps, logger));
  if (config.mode.kind === 'local') {
    // The demo teams' Bot Connector: the sandbox, in-process, at the serviceUrl the seeds stored.
    const connector = (localConnector = new BotConnectorSandbox({
      serviceUrl: `http://127.0.0.1:${config.port}/sandbox/connector/`,
      botEndpoint: `http://127.0.0.1:${config.port}/api/messages`,
    }));
    for (const [team, members] of [
      [DEMO_TEAM, DEMO_MEMBERS],
      [FRESH_DEMO_TEAM, FRESH_DEMO_MEMBERS],
    ] as const)
      connector.addTeam({
        tenantId: team.tenantId,
        teamsTeamId: team.teamsTeamId,
        aadGroupId: team.teamId,
        name: team.teamName,
        channelIds: [team.channelConversationId],
        members: members.map((m) => ({
          id: m.teamsUserId ?? '',
          aadObjectId: m.aadObjectId,
          name: m.name,
          email: m.email ?? undefined,
        })),
      });
    // With PGlite, the cards the bot sent are kept beside its data, so the open round can be answered after a restart.
    if (!config.storage.databaseUrl)
      connectorFile = await persistBotConnectorSandbox(
        connector,
        path.join(config.storage.dataDir, 'bot-connector-sandbox.json'),
        logger,
      );
    mounts.push((app) => app.use('/sandbox/connector', connector.router()));
  }
  apiRouters.push(reviewRoutes(reviewDeps, charterDeps));
  if (graphSandbox)
    mounts.push((app) => {
      app.use('/sandbox/graph', graphSandboxRouter(graphSandbox));
      app.use(`/${graphConfig.tenantId}/oauth2`, graphSandboxTokenRouter(graphSandbox));
    });
  // The tab (issue 3): its built files at /tab/, and in local mode `/` → the tab plus the sandbox's member list
  // (also embedded in the tab's page, with the first member's charter, so it starts without a round trip). Outside
  // local mode a browser opening `/` or `/tab/` by itself gets a page pointing to the app in Teams.
  const demoTeams = { installs, tenantId: DEMO_TEAM.tenantId, teams: [DEMO_TEAM, FRESH_DEMO_TEAM] };
  mounts.push(
    tabFiles({
      host: local
        ? { kind: 'local', boot: localTabBoot({ ...demoTeams, charters: charterDeps }) }
        : { kind: 'teams', appUrl: charterAppLink(charterLinks) },
    }),
  );
  if (local) mounts.push(localContext(demoTeams));
  // The window Teams opens when SSO needs consent or a fresh sign-in at Entra (nobody signs in in local mode).
  if (config.mode.kind === 'production') {
    const { aad } = config.mode;
    mounts.push(
      signInPages({
        authorityHost: aad.authorityHost,
        tenantId: aad.tenantId,
        clientId: aad.clientId,
        appIdUri: aad.appIdUri,
        tabEndpoint: config.tabEndpoint,
      }),
    );
  }
  const app = createHttpApp({
    logger,
    authenticate,
    charters: charterDeps,
    installs,
    readiness,
    apiRouters,
    mounts,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // The sandbox's URL is known once the server listens (port 0 in tests).
  const graphUrl = (u: string | null) => (graphSandbox && u ? u.replace(`:${config.port}/`, `:${port}/`) : u);
  calendar.bind(
    createGraphCalendar({
      ...graphConfig,
      graphBaseUrl: graphUrl(graphConfig.baseUrl) as string,
      tokenEndpoint: graphUrl(graphConfig.tokenEndpoint),
      batchWindowMs: REVIEW_BATCH_WINDOW_MS,
      metrics,
    }),
  );
  if (localConnector) {
    // The Bot Connector sandbox and the demo teams' serviceUrl follow the port actually bound (tests listen on 0);
    // then the demo team gets its check-in history and an open round (local mode, first start only).
    const connectorUrl = `http://127.0.0.1:${port}/sandbox/connector/`;
    localConnector.serviceUrl = connectorUrl;
    localConnector.botEndpoint = `http://127.0.0.1:${port}/api/messages`;
    for (const team of [DEMO_TEAM, FRESH_DEMO_TEAM]) {
      const installation = await installs.getInstallation({ tenantId: team.tenantId, teamId: team.teamId });
      if (installation && installation.serviceUrl !== connectorUrl)
        await installs.saveInstallation({ ...installation, serviceUrl: connectorUrl });
    }
    await seedDemoCheckIns(checkInDeps, { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId });
  }
  worker.start();
  reviewWorker.start();
  for (const w of fanOutWorkers) w.start();
  const url = `http://${local ? 'localhost' : config.host}:${port}`;
  logger.info(
    {
      mode: config.mode.kind,
      url,
      listen: `${config.host}:${port}`,
      storage: config.storage.databaseUrl ? 'postgresql' : `pglite (${config.storage.dataDir})`,
      startupMs: Math.round(performance.now() - startedAt),
    },
    local
      ? `Team Charter is running in local mode at ${url}. Try: curl -H 'X-Local-User: ${DEMO_MEMBERS[0]?.aadObjectId}' ${url}/api/teams/${DEMO_TEAM.teamId}/charter`
      : 'Team Charter is running.',
  );

  return {
    url,
    async close() {
      // Stop taking work first (the current job pass finishes and releases its leases), then requests, then storage.
      await Promise.all([worker.stop(), reviewWorker.stop(), ...fanOutWorkers.map((w) => w.stop())]);
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await sandboxFile?.flush();
      await connectorFile?.flush();
      await db.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  let graphConfig: GraphConfig;
  let checkInConfig: CheckInConfig;
  try {
    config = loadConfig(process.env);
    graphConfig = loadGraphConfig(process.env, config);
    checkInConfig = loadCheckInConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const running = await startApp(config, logger, graphConfig, checkInConfig);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'app.stopping');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'app.stop.failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Team Charter failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
