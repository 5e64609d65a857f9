/**
 * A check-in round whose cards are due now, for a team of `size` members at a Bot Connector sandbox running as its own
 * server, written straight into a database the app processes then share; and the app as a child process
 * (support/app-process.ts) that can be killed with SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';
import pino from 'pino';

import type { Database } from '../../src/adapters/storage/database';
import { openDatabase } from '../../src/adapters/storage/open-database';
import { PostgresCheckInStore } from '../../src/adapters/storage/postgres-checkin-store';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { CheckInDeps } from '../../src/app/checkins/checkin-deps';
import { openCheckInRound } from '../../src/app/checkins/open-check-in-round';
import type { TeamScope } from '../../src/app/common-ports';
import type { Cadence } from '../../src/domain/cadence/cadence';
import { nextOccurrences } from '../../src/domain/cadence/next-occurrences';
import { BotConnectorSandbox } from '../../src/sandbox/bot-connector/bot-connector-sandbox';
import { sandboxTeam, saveSandboxInstall } from './bot-harness';
import { freePort } from './free-port';
import { PGLITE_TEMPLATE_ENV } from './global-setup';

export type FanOutTeamWithCadence = FanOutTeam & { cadence: Cadence };

export interface FanOutTeam {
  scope: TeamScope;
  /** The team's Teams id in the sandbox (for "play a member"). */
  teamsTeamId: string;
  /** Each member and their 1:1 conversation id in the sandbox. */
  members: { aadObjectId: string; conversationId: string }[];
}

function storeDeps(db: Database): CheckInDeps {
  const unused = (): Promise<never> => Promise.reject(new Error('Not used when seeding.'));
  return {
    ...postgresStores(db),
    messenger: { createPersonalConversation: unused, sendCard: unused, sendText: unused, updateCard: unused },
    directory: { listTeamMembers: unused },
    clock: { now: () => new Date() },
    ids: { next: () => randomUUID() },
    log: pino({ level: 'silent' }),
    charterLinks: { kind: 'local', tabEndpoint: 'http://localhost:3978' },
    uninstallGraceMs: 0,
  };
}

/**
 * Installs a team of `size` at the sandbox (stored as the install flow stores it) with a daily check-in charter, in
 * `tenantId` (default: a tenant of its own).
 */
export async function seedFanOutTeam(
  db: Database,
  sandbox: BotConnectorSandbox,
  size: number,
  tenantId?: string,
): Promise<FanOutTeamWithCadence> {
  const team = sandboxTeam(size, tenantId);
  sandbox.addTeam(team);
  const deps = storeDeps(db);
  const now = new Date();
  // Daily at the last full UTC hour: the round that opened then is open now, its nudge and close are hours away.
  const hour = (now.getUTCHours() + 23) % 24;
  const cadence: Cadence = {
    pattern: {
      kind: 'weekly',
      interval: 1,
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    },
    startTime: `${String(hour).padStart(2, '0')}:00`,
    durationMinutes: 15,
    timeZone: 'UTC',
    startDate: '2026-01-01',
    endDate: null,
  };
  await saveSandboxInstall(deps.installs, team, sandbox.serviceUrl, now);
  await deps.charters.saveVersion(team.scope, {
    expectedVersion: 0,
    content: {
      purpose: 'Every member gets their card once.',
      nonNegotiables: [{ id: randomUUID(), text: 'No card lost.' }],
      outcomes: [{ id: randomUUID(), title: 'Crash-proof fan-out' }],
      boundaries: [],
      checkIns: { cadence, anonymityMinimum: 3, quietHours: null, namedAnswersVisibleTo: 'team' },
      review: null,
      timeZone: 'UTC',
      editorIds: [],
    },
    author: { id: 'test', name: 'Test' },
    why: null,
    summary: 'Charter created',
    at: now,
  });
  return {
    scope: team.scope,
    teamsTeamId: team.teamsTeamId,
    cadence,
    members: team.members.map((m) => ({
      aadObjectId: m.aadObjectId,
      conversationId: sandbox.personalConversationId(m.id),
    })),
  };
}

/** Opens the round that opened at the cadence's last occurrence: one delivery job per member, due now. */
export async function openDueRound(db: Database, scope: TeamScope, cadence: Cadence): Promise<string> {
  const now = new Date();
  const [opensAt] = nextOccurrences(cadence, new Date(now.getTime() - 86_400_000), 1);
  if (!opensAt || opensAt.start > now) throw new Error('No occurrence in the last day.');
  const round = await openCheckInRound(storeDeps(db), scope, opensAt.start);
  if (!round) throw new Error('The round did not open.');
  return round.id;
}

export async function deliveriesSent(db: Database, scope: TeamScope, roundId: string): Promise<Set<string>> {
  const deliveries = await new PostgresCheckInStore(db).listDeliveries(scope, roundId);
  return new Set(deliveries.filter((d) => d.state === 'sent').map((d) => d.aadObjectId));
}

/** Cards the sandbox accepted for the team's members, by member (aadObjectId). */
export function cardsByMember(sandbox: BotConnectorSandbox, team: FanOutTeam): Map<string, number> {
  const byConversation = new Map(team.members.map((m) => [m.conversationId, m.aadObjectId]));
  const cards = new Map<string, number>();
  for (const a of sandbox.activities) {
    const member = byConversation.get(a.conversationId);
    if (member && a.operation === 'send' && a.activity.attachments)
      cards.set(member, (cards.get(member) ?? 0) + 1);
  }
  return cards;
}

/** Seconds from the team's first card the sandbox accepted to its last. */
export function cardSpanSeconds(sandbox: BotConnectorSandbox, team: FanOutTeam): number {
  const mine = new Set(team.members.map((m) => m.conversationId));
  const times = sandbox.activities
    .filter((a) => mine.has(a.conversationId) && a.operation === 'send' && a.activity.attachments)
    .map((a) => a.at);
  if (times.length === 0) throw new Error('The team has no card yet.');
  return (Math.max(...times) - Math.min(...times)) / 1000;
}

/** Opens each team's due round and resolves once the sandbox has a card for every member of every team. */
export async function deliverDueRounds(
  db: Database,
  sandbox: BotConnectorSandbox,
  teams: readonly FanOutTeamWithCadence[],
  timeoutMs: number,
): Promise<string[]> {
  const roundIds = await Promise.all(teams.map((team) => openDueRound(db, team.scope, team.cadence)));
  await waitFor(
    'every member of every team to have a card',
    () => teams.every((team) => cardsByMember(sandbox, team).size === team.members.length),
    timeoutMs,
  );
  return roundIds;
}

export function totalCards(sandbox: BotConnectorSandbox, team: FanOutTeam): number {
  return [...cardsByMember(sandbox, team).values()].reduce((a, b) => a + b, 0);
}

export async function deliveryJobStates(db: Database, scope: TeamScope): Promise<Record<string, number>> {
  const result = await db.query(
    `SELECT state, count(*)::int AS n FROM jobs
      WHERE tenant_id = $1 AND team_id = $2 AND kind = 'checkins.deliver' GROUP BY state`,
    [scope.tenantId, scope.teamId],
  );
  return Object.fromEntries((result.rows as { state: string; n: number }[]).map((r) => [r.state, r.n]));
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface AppProcess {
  pid: number;
  url: string;
  /** Everything the process wrote so far (stdout: `ready` and its pino log; stderr). */
  output(): string;
  /** SIGKILL: no clean-up of any kind. */
  kill(): Promise<void>;
  /** SIGTERM: the app finishes its current job passes and closes. */
  stop(): Promise<void>;
}

export const TEST_JOB_LEASE_MS = 10_000;

const running = new Set<ChildProcess>();

/** SIGKILLs every app process a test started and did not stop (a failed or timed-out test); for afterAll. */
export async function killStrayApps(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          if (!child.kill('SIGKILL')) resolve();
        }),
    ),
  );
  running.clear();
}

/**
 * Starts the real app (local mode) as a child process on `storage` and waits until it listens. `env` adds to (or
 * overrides) its environment, e.g. a Graph sandbox's URLs or another `TEST_JOB_LEASE_MS` (the fault suite).
 */
export async function startAppProcess(
  storage: { databaseUrl?: string | null; dataDir: string },
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const script = path.join(__dirname, 'app-process.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: path.join(__dirname, '../..'),
    env: {
      ...process.env,
      PORT: String(await freePort()),
      DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl ?? '',
      LOG_LEVEL: 'error',
      TEST_JOB_LEASE_MS: String(TEST_JOB_LEASE_MS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready?.[1]) resolve(ready[1]);
    });
    void exited.then((code) => reject(new Error(`The app exited (${code}) before it was ready:\n${stderr}`)));
    setTimeout(() => reject(new Error(`The app was not ready within 90 s:\n${stderr}`)), 90_000).unref();
  });
  return {
    pid: child.pid ?? 0,
    url,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`The app stopped with ${code}:\n${stderr}`);
    },
  };
}

export interface FanOutSetting<S> {
  /** The app's storage: a database of the test file's own. */
  storage: S;
  /** The Bot Connector sandbox, as its own server. */
  sandbox: BotConnectorSandbox;
}

/**
 * For a test file on PGlite: a data directory of its own (a copy of the migrated template jest's global setup made)
 * and a Bot Connector sandbox as its own server; afterwards every app process it left is killed and the directory
 * removed. PGlite is one connection per data directory: the test and the app take turns on it.
 */
export function usePgliteFanOut(): FanOutSetting<{ dataDir: string }> {
  const context = { storage: { dataDir: '' } } as FanOutSetting<{ dataDir: string }>;
  let root = '';
  let connector: { close(): Promise<void> };
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'team-charter-fan-out-'));
    context.storage.dataDir = path.join(root, 'db');
    const template = process.env[PGLITE_TEMPLATE_ENV];
    if (template) await cp(template, context.storage.dataDir, { recursive: true });
    context.sandbox = new BotConnectorSandbox();
    connector = await context.sandbox.listen();
  });
  afterAll(async () => {
    await killStrayApps();
    await connector.close();
    await rm(root, { recursive: true, force: true });
  });
  return context;
}

type PostgresFanOut = FanOutSetting<{ databaseUrl: string; dataDir: string }>;

/**
 * For a test file on a PostgreSQL server (TEST_DATABASE_URL): a database of its own, migrated, and a Bot Connector
 * sandbox as its own server; afterwards every app process it left is killed and the database dropped.
 */
export function usePostgresFanOut(): PostgresFanOut {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `team_charter_fanout_${process.pid}_${randomBytes(4).toString('hex')}`;
  const context = {
    storage: { databaseUrl: '', dataDir: path.join(os.tmpdir(), 'unused-with-postgres') },
  } as PostgresFanOut;
  let admin: Client;
  let connector: { close(): Promise<void> };
  beforeAll(async () => {
    admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    context.storage.databaseUrl = url.toString();
    await (await openDatabase(context.storage)).close();
    context.sandbox = new BotConnectorSandbox();
    connector = await context.sandbox.listen();
  });
  afterAll(async () => {
    await killStrayApps();
    await connector.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return context;
}
