/**
 * The composition root: reads Config, binds the server, builds the adapters, wires the use cases and starts the jobs.
 * The only module that knows every adapter; each feature's wiring is in src/composition/.
 */
import type { Logger } from 'pino';

import { bindHttpServer } from './adapters/http/bind-http-server';
import { createLogger } from './adapters/logging/log-context';
import { terminalLog } from './adapters/logging/terminal-log';
import { openDatabase } from './adapters/storage/open-database';
import { announceAllCharterVersions } from './app/charters/announce-all-charter-versions';
import { queueRosterSweep } from './app/installs/reconcile-team-roster';
import { wireFeatures } from './composition/features';
import { wireHttpApp } from './composition/http-app';
import { startJobWorkers } from './composition/jobs';
import { localMode } from './composition/local-mode';
import { teamsMode } from './composition/teams-mode';
import {
  type CheckInConfig,
  type Config,
  ConfigError,
  type GraphConfig,
  loadCheckInConfig,
  loadConfig,
  loadGraphConfig,
} from './config';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Default: `loadGraphConfig({}, config)` (in local mode, the in-process Graph sandbox). */
  graph?: GraphConfig;
  /** Default: `loadCheckInConfig({})`. */
  checkIns?: CheckInConfig;
  /** Tests only: a short job lease so a killed process's jobs are claimed again within a test's time. */
  jobLeaseMs?: number;
}

/** Starts the whole app for a config; used by `npm start` and by tests that need the real thing. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const startedAt = performance.now();
  // The server binds first (answering 503 until the app is wired), so every URL built from its port is known below.
  const server = await bindHttpServer(config.host, config.port);
  const { storage } = config;
  const db = await openDatabase({
    databaseUrl: storage.databaseUrl ?? undefined,
    dataDir: storage.dataDir,
    postgres: {
      maxConnections: storage.poolSize,
      onListenError: (error) => logger.warn({ err: error }, 'storage.listen.lost'),
    },
  }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    const graph = options.graph ?? loadGraphConfig({}, config);
    const { port } = server;
    const selfUrl = `http://127.0.0.1:${port}`; // the server binds loopback (local mode) or every interface
    // What differs between local mode and a real tenant, decided here once.
    const mode =
      config.mode.kind === 'local'
        ? await localMode({ config, mode: config.mode, graph, port, selfUrl, logger })
        : teamsMode(config, config.mode, port);
    const checkIns = options.checkIns ?? loadCheckInConfig({});
    const features = await wireFeatures({ db, mode, graph, checkIns, selfUrl, logger });
    const { charters, metrics, pacing } = features;

    // Before the first request: local mode's demo teams, then what a stop may have lost (the jobs of the last charter
    // versions; Teams' member events sent while the app was down, so every installed team's roster is paged again).
    await mode.prepare(features.checkIns.deps);
    await announceAllCharterVersions(charters, charters.clock.now());
    await queueRosterSweep(charters, charters.clock.now());

    server.serve(wireHttpApp({ ...features, logger, db, mode }));
    const workers = startJobWorkers(
      features.handlers,
      { queue: charters.jobs, clock: charters.clock, log: logger, metrics, pacing },
      options.jobLeaseMs,
    );
    const listen = `${config.host}:${port}`;
    const startupMs = Math.round(performance.now() - startedAt);
    const stored = storage.databaseUrl ? 'postgresql' : `pglite (${storage.dataDir})`;
    logger.info(
      { mode: config.mode.kind, url: mode.url, listen, storage: stored, startupMs },
      mode.startedMessage,
    );
    return {
      url: mode.url,
      async close() {
        // Stop taking work first (the current job pass finishes and releases its leases), then requests, then storage.
        await workers.stop();
        await server.close();
        await mode.flush();
        await db.close();
      },
    };
  } catch (error) {
    await server.close();
    await db.close();
    throw error;
  }
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
  // A person at a terminal in local mode reads lines; everything else gets JSON lines for a log collector.
  const logger = createLogger(
    config.logLevel,
    config.mode.kind === 'local' && process.stdout.isTTY ? terminalLog() : undefined,
  );
  const running = await startApp({ config, logger, graph: graphConfig, checkIns: checkInConfig });
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
