// The real entry point (`node --import tsx src/main.ts`, as `npm start` runs it) with a malformed setting: it exits
// 78 (EX_CONFIG) with one line on stderr naming the setting, no stack trace, and before the database is opened, so no
// PGlite directory is created and no PostgreSQL table migrated.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import { freePort } from '../support/free-port';
import { PRODUCTION_SETTINGS } from '../support/production-settings';

const repo = path.resolve(__dirname, '../..');

const PRODUCTION = PRODUCTION_SETTINGS;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function start(env: Record<string, string>): Promise<Exit> {
  // A clean environment: nothing of the machine's may change the configuration. A free port, in case it started.
  const port = String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: port, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000); // a process that started must not outlive the test
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'team-charter-bad-setting-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Each start costs seconds (tsx compiles the app), so the other malformed values are checked on the loader alone
// (setting-validation.test.ts); these prove the entry point stops before storage whatever the setting.
it('exits 78 on a plain-http AAD_APP_OAUTH_AUTHORITY_HOST with one line naming it, before PGlite’s files exist', async () => {
  const dataDir = path.join(dir, 'data-authority');
  const exit = await start({
    ...PRODUCTION,
    AAD_APP_OAUTH_AUTHORITY_HOST: 'http://login.microsoftonline.com',
    DATA_DIR: dataDir,
  });
  expect(exit.code).toBe(78);
  const lines = exit.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toEqual([
    'Configuration is not valid: AAD_APP_OAUTH_AUTHORITY_HOST must be an https URL (plain http only on 127.0.0.1, ' +
      'localhost or ::1) (it is "http://login.microsoftonline.com"), e.g. https://login.microsoftonline.com.',
  ]);
  expect(exit.stdout).toBe(''); // nothing started, nothing logged
  expect(existsSync(dataDir)).toBe(false);
}, 40_000);

it('exits 78 in local mode too, on a token endpoint reached over plain http off this machine', async () => {
  const dataDir = path.join(dir, 'data-local');
  const exit = await start({ GRAPH_TOKEN_ENDPOINT: 'http://login.contoso.example/token', DATA_DIR: dataDir });
  expect(exit.code).toBe(78);
  expect(exit.stderr.trimEnd().split('\n')).toEqual([
    expect.stringMatching(/GRAPH_TOKEN_ENDPOINT must be an https URL/),
  ]);
  expect(existsSync(dataDir)).toBe(false);
}, 40_000);

// Like tests/adapters/storage/postgres.test.ts, the server run needs TEST_DATABASE_URL (.ci/run sets it).
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl)
  it('migrates nothing on the PostgreSQL server when the authority is malformed', async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    const name = `team_charter_bad_setting_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const exit = await start({
        ...PRODUCTION,
        AAD_APP_OAUTH_AUTHORITY_HOST: 'http://login.microsoftonline.com',
        DATABASE_URL: url.toString(),
      });
      expect(exit.code).toBe(78);
      const db = new Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const tables = await db.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(tables.rows).toEqual([]);
      } finally {
        await db.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 40_000);
