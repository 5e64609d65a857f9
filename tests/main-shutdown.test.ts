// Graceful shutdown of the real process (`tsx src/main.ts`, local mode, as `npm start` runs it): on SIGTERM it logs
// app.stopping, stops claiming jobs and lets the running ones finish (no job is left holding a lease), answers a request
// that was in flight, closes idle keep-alive connections instead of waiting for them, and exits 0.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openDatabase } from '../src/adapters/storage/open-database';
import { freePort } from './support/free-port';
import { PGLITE_TEMPLATE_ENV } from './support/global-setup';

const repo = path.resolve(__dirname, '..');
const TEAM = '8e6f1d2c-3b4a-4c5d-9e8f-1a2b3c4d5e6f';
const ADELE = 'a1f0e1d2-0001-4c3b-8a9f-000000000001';

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'team-charter-shutdown-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('on SIGTERM finishes in-flight work, holds no job lease, drops idle keep-alive connections and exits 0', async () => {
  const dataDir = path.join(dir, 'db');
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (template) await cp(template, dataDir, { recursive: true });
  const port = await freePort();
  // A clean environment: no credential of the machine's may turn local mode off.
  // `node --import tsx`: one process (tsx's cli would run the app in a child of its own), so SIGTERM reaches the app.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repo,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const agent = new http.Agent({ keepAlive: true });
  try {
    const base = `http://127.0.0.1:${port}`;
    await until(
      'the app to be ready',
      async () => (await fetch(`${base}/readyz`).catch(() => null))?.ok === true,
      30_000,
    );

    // An idle keep-alive connection: it must not hold the shutdown up.
    const keptAlive = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(`${base}/healthz`, { agent }, resolve).on('error', reject),
    );
    const idleSocket = keptAlive.socket;
    const idleClosed = new Promise<void>((resolve) => idleSocket.once('close', () => resolve()));
    keptAlive.resume();
    await new Promise((resolve) => keptAlive.once('end', resolve));
    expect(keptAlive.headers.connection).toBe('keep-alive');

    // A request in flight: headers and half of the body sent before SIGTERM, the rest after.
    const body = JSON.stringify({ content: {}, why: 'in flight during shutdown' });
    const inFlight = http.request(`${base}/api/teams/${TEAM}/charter`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-local-user': ADELE,
      },
    });
    const answered = new Promise<number>((resolve, reject) => {
      inFlight.once('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      inFlight.once('error', reject);
    });
    inFlight.write(body.slice(0, 10));
    inFlight.flushHeaders();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server has the headers and is reading the body

    const stopAt = performance.now();
    child.kill('SIGTERM');
    await until('app.stopping', () => output.includes('"msg":"app.stopping"'), 5_000);
    inFlight.end(body.slice(10));

    // The request gets its answer (428: no If-Match), not a reset connection.
    expect(await answered).toBe(428);
    await idleClosed;
    const exit = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(performance.now() - stopAt).toBeLessThan(10_000);
  } finally {
    agent.destroy();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    child.stdout.destroy();
    child.stderr.destroy();
  }

  // The database the process left behind: jobs exist (the demo team's), none is left running under a lease.
  const db = await openDatabase({ dataDir });
  try {
    const jobs = await db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE state = 'running')::int AS running FROM jobs`,
    );
    expect(jobs.rows[0]).toEqual({ total: expect.any(Number), running: 0 });
    expect((jobs.rows[0] as { total: number }).total).toBeGreaterThan(0);
  } finally {
    await db.close();
  }
}, 90_000);
