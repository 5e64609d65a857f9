/**
 * Starts the app the way `npm start` does (the same npm script, so the tab is built first when stale) in a child
 * process with a fresh DATA_DIR (PGlite) on a free port, waits for /readyz, and stops it with SIGTERM. By default in
 * local mode; `env` gives it other settings (production mode against local fakes).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from '../../support/free-port';

export interface StartedApp {
  url: string;
  /** What the app printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Settings over the inherited environment. */
  env?: Record<string, string>;
  /** Runs on the app's PGlite data directory before the app starts (to seed what an installed app would hold). */
  prepare?(dataDir: string): Promise<void>;
  timeoutMs?: number;
}

export async function startAppLikeNpmStart(options: StartOptions = {}): Promise<StartedApp> {
  const { timeoutMs = 180_000 } = options;
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'team-charter-e2e-'));
  const repo = path.resolve(__dirname, '../../..');
  await options.prepare?.(path.join(dataDir, 'pg'));
  let output = '';
  // Always its own PGlite: a DATABASE_URL in the environment (CI's server) is not this app's.
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: repo,
    detached: true, // its own process group: SIGTERM reaches npm and the app under it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      PORT: String(port),
      DATA_DIR: path.join(dataDir, 'pg'),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('npm start did not start.');
  const url = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-pid, 'SIGKILL');
      throw new Error(`npm start was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) process.kill(-pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-pid, 'SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
