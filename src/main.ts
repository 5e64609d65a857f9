/**
 * The composition root: reads Config, builds the adapters, wires the use cases and starts the server.
 * The only module that knows every adapter.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import type { Express, Router } from 'express';
import pino, { type Logger } from 'pino';
import { announceAllCharterVersions } from './app/charters/announce-all-charter-versions';
import type { CharterDeps } from './app/charters/charter-deps';
import type { JobHandler } from './app/jobs/run-due-jobs';
import type { Clock, Ids } from './app/ports';
import { DEMO_MEMBERS, DEMO_TEAM, seedDemoTeam } from './app/teams/seed-demo-team';
import { createEntraTokenVerifier } from './adapters/auth/entra-token-verifier';
import { bearerAuthenticate, localAuthenticate } from './adapters/http/authenticate';
import { createHttpApp } from './adapters/http/create-http-app';
import type { ReadinessCheck } from './adapters/http/routes/health-routes';
import { openDatabase } from './adapters/storage/open-database';
import { PostgresCharterStore } from './adapters/storage/postgres-charter-store';
import { PostgresInstallStore } from './adapters/storage/postgres-install-store';
import { PostgresJobQueue } from './adapters/storage/postgres-job-queue';
import { JobWorker } from './adapters/scheduler/job-worker';
import { ConfigError, loadConfig, type Config } from './config';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };
const uuidIds: Ids = { next: () => randomUUID() };

/** Starts the whole app for a config; used by `npm start` and by tests that need the real thing. */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const startedAt = performance.now();
  const db = await openDatabase({
    databaseUrl: config.storage.databaseUrl ?? undefined,
    dataDir: config.storage.dataDir,
  });
  const installs = new PostgresInstallStore(db);
  const jobs = new PostgresJobQueue(db);
  const charterDeps: CharterDeps = {
    charters: new PostgresCharterStore(db),
    installs,
    jobs,
    clock: systemClock,
    ids: uuidIds,
  };
  const handlers: Record<string, JobHandler> = {};

  const local = config.mode.kind === 'local';
  if (config.mode.kind === 'local') {
    const seeded = await seedDemoTeam(charterDeps, {
      serviceUrl: `http://127.0.0.1:${config.port}/sandbox/connector/`,
    });
    if (seeded) logger.info({ teamId: DEMO_TEAM.teamId }, 'demo.team.seeded');
  }
  await announceAllCharterVersions(charterDeps, systemClock.now());
  const worker = new JobWorker(
    {
      queue: jobs,
      clock: systemClock,
      log: logger,
      handlers,
      workerId: `${hostname()}:${process.pid}`,
      leaseMs: 60_000,
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

  // Features add their routers and mounts here (bot, sandboxes, tab files, check-in and review APIs).
  const apiRouters: Router[] = [];
  const mounts: ((app: Express) => void)[] = [];
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
  worker.start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
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
      await worker.stop();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await db.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = pino({
    level: config.logLevel,
    redact: ['*.MicrosoftAppPassword', '*.AAD_APP_CLIENT_SECRET', '*.clientSecret', '*.appPassword'],
  });
  const running = await startApp(config, logger);
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
