/**
 * Starts the app the way `npm start` does (the same npm script, so the tab is built first when stale) in a child
 * process with a fresh DATA_DIR on a free port, waits for /readyz, and stops it with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port';

export interface StartedApp {
  url: string;
  stop(): Promise<void>;
}

export async function startAppLikeNpmStart(timeoutMs = 180_000): Promise<StartedApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'team-charter-e2e-'));
  const repo = path.resolve(__dirname, '../../..');
  let output = '';
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: repo,
    detached: true, // its own process group: SIGTERM reaches npm and the app under it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DATA_DIR: path.join(dataDir, 'pg'), LOG_LEVEL: 'warn' },
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
