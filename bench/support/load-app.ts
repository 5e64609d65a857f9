/**
 * One app instance for bench/load.ts, in a process of its own (as in production, and so the load generator does not
 * share its event loop): `startApp` in local mode on a free port, configured from the environment the bench passes
 * (DATA_DIR or DATABASE_URL, LOG_LEVEL). Sends `{ url }` to the parent once it listens; SIGTERM closes it cleanly.
 */
import pino from 'pino';

import { loadConfig } from '../../src/config';
import { startApp } from '../../src/main';

async function main(): Promise<void> {
  const config = { ...loadConfig(process.env), port: 0 };
  const logger = pino({ level: config.logLevel });
  const app = await startApp({ config, logger });
  process.send?.({ url: app.url.replace('//localhost:', '//127.0.0.1:') });
  process.once('SIGTERM', () => {
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'load.app.close.failed');
        process.exit(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
