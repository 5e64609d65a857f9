/**
 * The real app (main.ts's `startApp`, configured from the environment like `npm start`) as a child process for the
 * crash and multi-instance tests, with a short job lease (`TEST_JOB_LEASE_MS`) so the jobs a killed process held are
 * claimed again within a test's time. Prints `ready <url>` once it listens.
 *
 *   node --import tsx tests/support/app-process.ts
 */
import pino from 'pino';

import { loadCheckInConfig, loadConfig, loadGraphConfig } from '../../src/config';
import { startApp } from '../../src/main';

async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await startApp({
    config,
    logger: pino({ level: config.logLevel }),
    graph: loadGraphConfig(process.env, config),
    checkIns: loadCheckInConfig(process.env),
    jobLeaseMs: Number(process.env.TEST_JOB_LEASE_MS ?? 60_000),
  });
  process.stdout.write(`ready ${app.url}\n`);
  process.on('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
