/**
 * Start-up of `npm start` in local mode: time until /readyz answers 200, on an empty DATA_DIR (PGlite's initdb,
 * migrations, demo seed) and again on the same DATA_DIR (reopen only). The baseline, measured in the same run, is
 * what the platform costs before any of our code runs: a bare PGlite on a new directory and on an existing one.
 *
 *   npm run bench            (all benchmarks)
 *   npx tsx bench/startup.ts
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';

const root = path.resolve(__dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the app as `npm start` does (tsx src/main.ts), waits for /readyz, stops it; returns ms to ready. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the app exited with ${child.exitCode} before it was ready`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error('not ready after 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function timePglite(dataDir: string): Promise<number> {
  const started = performance.now();
  const pg = await PGlite.create(dataDir);
  await pg.query('SELECT 1');
  const ms = performance.now() - started;
  await pg.close();
  return ms;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'team-charter-bench-startup-'));
  try {
    const baselineCold = await timePglite(path.join(dir, 'baseline'));
    const baselineWarm = await timePglite(path.join(dir, 'baseline'));
    const first = await timeStart(path.join(dir, 'app'));
    const second = await timeStart(path.join(dir, 'app'));
    const row = (name: string, ms: number, base: number) =>
      `  ${name.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s   ${(ms / base).toFixed(2)}× bare PGlite`;
    console.log('startup (npm start, local mode, time to /readyz 200)');
    console.log(row('first start, empty DATA_DIR', first, baselineCold));
    console.log(row('second start, same DATA_DIR', second, baselineWarm));
    console.log(
      `  baseline: bare PGlite new dir ${(baselineCold / 1000).toFixed(2)} s, reopen ${(baselineWarm / 1000).toFixed(2)} s`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
