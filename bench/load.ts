/**
 * Load: autocannon against the real app (startApp in local mode, in child processes of its own) on the tab's charter
 * GET and PUT and on check-in card submits (`adaptiveCard/action` invokes to /api/messages), at 100 and 500 concurrent
 * connections, on PGlite (local mode's store), on PostgreSQL (production's) and with two app instances sharing one
 * PostgreSQL database (the connections split across both). Each (configuration, connections) also loads `/healthz`
 * with the same settings: the HTTP floor of the same server in the same run, so every figure is printed as a ratio too.
 *
 * - GET: each request reads the charter of a team its caller (X-Local-User) is a member of.
 * - 304: the same, with If-None-Match: the ETag that team's reader was last sent (the tab's repeat read).
 * - PUT: each request saves a changed charter with If-Match of the team's current version. A team is never written by
 *   two requests at once (each request takes a team no other request in flight holds), so 412 is not expected; any
 *   412 is counted apart ("expected conflicts": a real client reloads and retries) and the version it names is kept.
 * - submit: each request answers the open round as a member no other request in flight answers as (an upsert).
 * Errors = socket errors + timeouts + non-2xx (for PUT: other than 412) + invokes whose card answer is not 200.
 * After each configuration the instances stop and the database is checked: every answer the bot thanked for is stored,
 * and no team's stored charter is older than the last version a PUT was answered 200 with. The warnings and errors the
 * instances logged are printed by event.
 *
 *   npx tsx bench/load.ts            (PostgreSQL too when TEST_DATABASE_URL is set)
 *   LOAD_DURATION_S=10 LOAD_REPEAT=2 LOAD_CONNECTIONS=100,500 LOAD_CONFIGS=pglite,postgres,postgres-2 \
 *   LOAD_SCENARIOS='charter GET,charter 304,card submit' LOAD_LOG_LEVEL=warn LOAD_CPU_PROF_DIR=/tmp/prof npx tsx bench/load.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Request, Result } from 'autocannon';
import { Client } from 'pg';

import type { Database } from '../src/adapters/storage/database';
import { openDatabase } from '../src/adapters/storage/open-database';
import { PostgresCharterStore } from '../src/adapters/storage/postgres-charter-store';
import { PostgresCheckInStore } from '../src/adapters/storage/postgres-checkin-store';
import {
  drain,
  type Instance,
  Leases,
  runAutocannon,
  startInstance,
  stopInstance,
} from './support/load-instances';
import { type LoadFixture, type LoadTeam, seedLoad } from './support/load-seed';

const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 5);
const CONNECTIONS = (process.env.LOAD_CONNECTIONS ?? '100,500').split(',').map(Number);
const REPEAT = Number(process.env.LOAD_REPEAT ?? 1);
const LOG_LEVEL = process.env.LOAD_LOG_LEVEL ?? 'warn';
const WARM_UP_S = Math.min(2, DURATION_S);
/** Which configurations: `pglite`, `postgres` (one instance), `postgres-2` (two instances on one database). */
const CONFIGS = (process.env.LOAD_CONFIGS ?? 'pglite,postgres,postgres-2').split(',').map((s) => s.trim());
/** Writes a V8 CPU profile of each app instance there (open it in Chrome DevTools), to see where the time goes. */
const CPU_PROF_DIR = process.env.LOAD_CPU_PROF_DIR;
/** e.g. `charter GET,card submit`: only these scenarios (and the /healthz floor). */
const ONLY = process.env.LOAD_SCENARIOS?.split(',').map((s) => s.trim());

interface Row {
  config: string;
  connections: number;
  rep: number;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  /** Requests sent but not answered when the run stopped (their latency is in no percentile). */
  cutOff: number;
  conflicts: number;
  errors: number;
  /** What the non-2xx and errors were. */
  detail: string;
}

const instanceOptions = { logLevel: LOG_LEVEL, ...(CPU_PROF_DIR ? { cpuProfDir: CPU_PROF_DIR } : {}) };

/** One kind of request, built per request by `setupRequest` (autocannon's per-connection context carries it to `onResponse`). */
function runEach(urls: string[], connections: number, duration: number, request: Request): Promise<Result> {
  return runAutocannon(urls, { connections, duration, requests: [request] });
}

type Scenario = (
  urls: string[],
  connections: number,
  duration: number,
) => Promise<Omit<Row, 'config' | 'rep'>>;

function summary(
  scenario: string,
  connections: number,
  result: Result,
  extra: { conflicts?: number; cardErrors?: number; notModifiedOk?: boolean } = {},
) {
  const conflicts = extra.conflicts ?? 0;
  const cardErrors = extra.cardErrors ?? 0;
  const stats = result.statusCodeStats as Record<string, { count: number } | undefined>;
  // A conditional GET's 304 is its success (autocannon counts it in `non2xx`).
  const notModified = extra.notModifiedOk ? (stats['304']?.count ?? 0) : 0;
  // autocannon's `errors` are socket errors and timeouts together; `non2xx` includes the 412s counted apart.
  const codes = Object.entries(stats)
    .filter(([code]) => !code.startsWith('2') && !(notModified > 0 && code === '304'))
    .map(([code, s]) => `${code}×${s?.count ?? 0}`);
  const detail = [
    ...codes,
    result.errors > result.timeouts ? `socket errors ${result.errors - result.timeouts}` : '',
    result.timeouts > 0 ? `timeouts ${result.timeouts}` : '',
    cardErrors > 0 ? `card answers not 200: ${cardErrors}` : '',
  ].filter(Boolean);
  return {
    scenario,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'] + notModified,
    cutOff: Math.max(0, result.requests.sent - result.requests.total - result.errors),
    conflicts,
    errors: result.errors + result.non2xx - conflicts - notModified + cardErrors,
    detail: detail.join(', '),
  };
}

/** What the app acknowledged: answers it thanked for (by member), charter versions it answered 200 with (by team). */
interface Acknowledged {
  answers: Set<string>;
  versions: Map<LoadTeam, number>;
}

function scenarios(fixture: LoadFixture, ack: Acknowledged): Record<string, Scenario> {
  // Leases are per run: requests still in flight when a run stops never give theirs back.
  let teams = new Leases(fixture.teams);
  const versions = new Map<LoadTeam, number>(fixture.teams.map((t) => [t, 1]));
  /** PUTs whose answer a run's end cut off: their team's version is read again before the next PUT run. */
  const unsettled = new Set<LoadTeam>();
  let saves = 0;
  const round = fixture.round;
  let members = new Leases(round.members);
  let submits = 0;
  /** The ETag each team's charter GET last answered (its reader is always the same member): for `charter 304`. */
  const etags = new Map<LoadTeam, string>();
  type Ctx = { team?: LoadTeam; member?: (typeof round.members)[number] };
  const charterGet = (conditional: boolean): Request =>
    ({
      setupRequest: (req, context: Ctx) => {
        const team = (context.team = teams.take());
        const etag = conditional ? etags.get(team) : undefined;
        return {
          ...req,
          method: 'GET',
          path: `/api/teams/${team.teamId}/charter`,
          headers: { 'x-local-user': team.userId, ...(etag ? { 'if-none-match': etag } : {}) },
        };
      },
      onResponse: (status, _body, context: Ctx, headers) => {
        const etag: unknown = headers?.ETag ?? headers?.etag;
        if (context.team && status === 200 && typeof etag === 'string') etags.set(context.team, etag);
        if (context.team) teams.give(context.team);
      },
    }) satisfies Request;

  return {
    '/healthz': async (urls, connections, duration) =>
      summary(
        '/healthz',
        connections,
        await runAutocannon(
          urls.map((u) => `${u}/healthz`),
          { connections, duration },
        ),
      ),

    'charter GET': async (urls, connections, duration) => {
      teams = new Leases(fixture.teams);
      const result = await runEach(urls, connections, duration, charterGet(false));
      return summary('charter GET', connections, result);
    },

    // The tab's repeat read: If-None-Match with the ETag the team's reader was last sent (after a PUT run, the first
    // GET of a changed team answers 200 with the new ETag, and its next one 304).
    'charter 304': async (urls, connections, duration) => {
      teams = new Leases(fixture.teams);
      const result = await runEach(urls, connections, duration, charterGet(true));
      return summary('charter 304', connections, result, { notModifiedOk: true });
    },

    'card submit': async (urls, connections, duration) => {
      members = new Leases(round.members);
      // The bot stores each activity's serviceUrl for the whole tenant (Teams' is per tenant): send the one local
      // mode's demo team uses (the first instance's Bot Connector sandbox), so the demo round keeps working.
      const serviceUrl = `${urls[0]}/sandbox/connector/`;
      let cardErrors = 0;
      const result = await runEach(urls, connections, duration, {
        setupRequest: (req, context: Ctx) => {
          const member = (context.member = members.take());
          const n = ++submits;
          const [o1, o2] = round.outcomeIds as [string, string];
          const conversationId = `a:load-${member.teamsUserId}`;
          const activity = {
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `load-${n}`,
            timestamp: new Date().toISOString(),
            channelId: 'msteams',
            serviceUrl,
            from: { id: member.teamsUserId, aadObjectId: member.aadObjectId, name: 'Member' },
            conversation: {
              conversationType: 'personal',
              tenantId: fixture.tenantId,
              id: conversationId,
            },
            recipient: { id: '28:team-charter', name: 'Team Charter' },
            channelData: { tenant: { id: fixture.tenantId }, source: { name: 'message' } },
            locale: 'en-US',
            value: {
              action: {
                type: 'Action.Execute',
                verb: 'checkin.submit',
                data: {
                  roundId: round.roundId,
                  teamId: round.teamId,
                  tenantId: fixture.tenantId,
                  [`progress_${o1}`]: String(1 + (n % 5)),
                  [`progress_${o2}`]: String(1 + ((n >> 1) % 5)),
                  boundary: round.boundaryId,
                  boundaryEffect: n % 2 ? 'helped' : 'hindered',
                  support: n % 3 ? '' : `Pairing on the release, submit ${n}`,
                  share: n % 4 ? 'false' : 'true',
                },
              },
              trigger: 'manual',
            },
          };
          return {
            ...req,
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(activity),
          };
        },
        onResponse: (status, body, context: Ctx) => {
          const member = context.member;
          if (!member) return;
          if (status === 200) {
            if ((JSON.parse(body) as { statusCode?: number }).statusCode === 200)
              ack.answers.add(member.aadObjectId);
            else cardErrors += 1;
          }
          members.give(member);
        },
      });
      return summary('card submit', connections, result, { cardErrors });
    },
    'charter PUT': async (urls, connections, duration) => {
      teams = new Leases(fixture.teams);
      await settle(urls[0] as string, unsettled, versions);
      let conflicts = 0;
      const result = await runEach(urls, connections, duration, {
        setupRequest: (req, context: Ctx) => {
          const team = (context.team = teams.take());
          unsettled.add(team);
          const body = JSON.stringify({
            content: { ...team.content, purpose: `${team.content.purpose} Save ${++saves}.` },
            why: 'Load test',
          });
          return {
            ...req,
            method: 'PUT',
            path: `/api/teams/${team.teamId}/charter`,
            headers: {
              'x-local-user': team.userId,
              'content-type': 'application/json',
              'if-match': `"${versions.get(team)}"`,
            },
            body,
          };
        },
        onResponse: (status, body, context: Ctx, headers) => {
          const team = context.team;
          if (!team) return;
          if (status === 200) {
            const version = etagVersion(headers?.ETag ?? headers?.etag);
            versions.set(team, version);
            ack.versions.set(team, Math.max(version, ack.versions.get(team) ?? 0));
          }
          if (status === 412) {
            conflicts += 1;
            versions.set(team, (JSON.parse(body) as { currentVersion: number }).currentVersion);
          }
          unsettled.delete(team);
          teams.give(team);
        },
      });
      return summary('charter PUT', connections, result, { conflicts });
    },
  };
}

/** `"7-<digest>"` → 7; throws on anything else, so a changed header shows up as a failed bench, not as 400s. */
function etagVersion(etag: unknown): number {
  const m = typeof etag === 'string' ? /^"(\d+)-[\w-]+"$/.exec(etag) : null;
  if (!m) throw new Error(`Not a charter ETag: ${String(etag)}`);
  return Number(m[1]);
}

/** Reads the current version of the teams whose last PUT's answer was cut off by the end of a run. */
async function settle(url: string, unsettled: Set<LoadTeam>, versions: Map<LoadTeam, number>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // the server finishes what was in flight
  for (const team of unsettled) {
    const res = await fetch(`${url}/api/teams/${team.teamId}/charter`, {
      headers: { 'x-local-user': team.userId },
    });
    if (!res.ok) throw new Error(`GET charter of a load team answered ${res.status}.`);
    versions.set(team, etagVersion(res.headers.get('etag')));
  }
  unsettled.clear();
}

/** The instances' warn and error lines (5xx are logged as errors), counted by event, with the first line of each. */
async function loggedProblems(instances: Instance[]): Promise<string> {
  const events = new Map<string, { count: number; first: string }>();
  for (const i of instances)
    for (const line of (await readFile(i.logPath, 'utf8')).split('\n')) {
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
      if (level < 40) continue;
      const event = `${level >= 50 ? 'error' : 'warn'} ${/"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 80)}`;
      const seen = events.get(event);
      if (seen) seen.count += 1;
      else events.set(event, { count: 1, first: line.slice(0, 400) });
    }
  if (events.size === 0) return 'none';
  return [...events].map(([e, { count, first }]) => `\n     ${e} ×${count}, first: ${first}`).join('');
}

const fmt = {
  ms: (v: number) => `${v.toFixed(0)} ms`,
  ratio: (v: number) => `${v.toFixed(1)}×`,
};

function printRow(r: Row, floor: Row | undefined): void {
  const cells = [
    r.config.padEnd(22),
    String(r.connections).padStart(5),
    String(r.rep).padStart(3),
    r.scenario.padEnd(12),
    r.rps.toFixed(0).padStart(7),
    (r.ok ? fmt.ms(r.p50) : '—').padStart(8),
    (r.ok ? fmt.ms(r.p99) : '—').padStart(8),
    String(r.ok).padStart(7),
    String(r.cutOff).padStart(6),
    String(r.conflicts).padStart(6),
    String(r.errors).padStart(6),
    (floor?.ok && r.ok ? fmt.ratio(r.p50 / Math.max(1, floor.p50)) : '—').padStart(7),
    (floor?.ok && r.ok ? fmt.ratio(r.p99 / Math.max(1, floor.p99)) : '—').padStart(7),
    (floor?.ok ? `${((100 * r.rps) / floor.rps).toFixed(0)} %` : '—').padStart(7),
  ];
  process.stdout.write(`${cells.join(' ')}${r.detail ? `  (${r.detail})` : ''}\n`);
}

function printHeader(): void {
  process.stdout.write(
    `${[
      'configuration'.padEnd(22),
      'conns'.padStart(5),
      'rep'.padStart(3),
      'scenario'.padEnd(12),
      'req/s'.padStart(7),
      'p50'.padStart(8),
      'p99'.padStart(8),
      '2xx'.padStart(7),
      'cutoff'.padStart(6),
      '412'.padStart(6),
      'errors'.padStart(6),
      'p50/hz'.padStart(7),
      'p99/hz'.padStart(7),
      'rps/hz'.padStart(7),
    ].join(' ')}\n`,
  );
}

async function measure(
  config: string,
  instances: Instance[],
  fixture: LoadFixture,
  rows: Row[],
): Promise<Acknowledged> {
  const urls = instances.map((i) => i.url);
  const ack: Acknowledged = { answers: new Set(), versions: new Map() };
  const all = scenarios(fixture, ack);
  // Warm-up: JIT, pools, the first versions and answers; not measured.
  for (const name of ['charter GET', 'charter 304', 'card submit', 'charter PUT']) {
    await all[name]?.(urls, Math.min(100, Math.max(...CONNECTIONS)), WARM_UP_S);
    await drain(urls);
  }
  for (let rep = 1; rep <= REPEAT; rep++)
    for (const connections of CONNECTIONS) {
      let floor: Row | undefined;
      for (const [name, scenario] of Object.entries(all).filter(
        ([n]) => n === '/healthz' || !ONLY || ONLY.includes(n),
      )) {
        const row: Row = { config, rep, ...(await scenario(urls, connections, DURATION_S)) };
        await drain(urls);
        if (name === '/healthz') floor = row;
        rows.push(row);
        printRow(row, floor);
      }
    }
  const logged = await loggedProblems(instances);
  process.stdout.write(`   ${config}: warnings and errors the instances logged: ${logged}\n`);
  return ack;
}

/** After the instances stopped: every acknowledged answer and charter version must be in the database. */
async function verify(config: string, db: Database, fixture: LoadFixture, ack: Acknowledged): Promise<void> {
  const scope = { tenantId: fixture.tenantId, teamId: fixture.round.teamId };
  const stored = new Set(
    (await new PostgresCheckInStore(db).listResponses(scope, fixture.round.roundId)).map(
      (r) => r.aadObjectId,
    ),
  );
  const answersLost = [...ack.answers].filter((m) => !stored.has(m)).length;
  const charters = new PostgresCharterStore(db);
  let versionsLost = 0;
  for (const [team, version] of ack.versions) {
    const current = await charters.getCurrent({ tenantId: fixture.tenantId, teamId: team.teamId });
    if (!current || current.version < version) versionsLost += 1;
  }
  process.stdout.write(
    `   ${config}: answers acknowledged ${ack.answers.size} (distinct members), lost ${answersLost}; ` +
      `teams with an acknowledged save ${ack.versions.size}, whose stored version is older: ${versionsLost}\n`,
  );
}

/** Starts `count` instances on the store (seeded), measures, stops them. */
async function configuration(
  config: string,
  count: number,
  store: { env: Record<string, string>; fixture: LoadFixture; open: () => Promise<Database> },
  dir: string,
  rows: Row[],
): Promise<void> {
  const instances: Instance[] = [];
  let ack: Acknowledged;
  try {
    const started = performance.now();
    // One after the other: each start seeds the demo team if missing (local mode), which two at once would race on.
    for (let i = 0; i < count; i++)
      instances.push(
        await startInstance(
          store.env,
          path.join(dir, `${config.replace(/\W+/g, '-')}-${i}.log`),
          instanceOptions,
        ),
      );
    process.stdout.write(`   ${config}: started in ${seconds(started)}\n`);
    ack = await measure(config, instances, store.fixture, rows);
  } finally {
    for (const i of instances) await stopInstance(i);
  }
  const db = await store.open();
  try {
    await verify(config, db, store.fixture, ack);
  } finally {
    await db.close();
  }
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function seeded(
  options: { databaseUrl?: string; dataDir: string },
  size: number,
): Promise<LoadFixture> {
  const started = performance.now();
  const db = await openDatabase(options);
  try {
    return await seedLoad(db, size);
  } finally {
    await db.close();
    process.stdout.write(
      `   seeded ${options.databaseUrl ? 'PostgreSQL' : 'PGlite'} in ${seconds(started)}\n`,
    );
  }
}

function printSpread(rows: Row[]): void {
  if (REPEAT < 2) return;
  process.stdout.write(
    '\nSpread over repetitions (min – max; latency over the runs that completed requests):\n',
  );
  const keys = [...new Set(rows.map((r) => `${r.config}|${r.connections}|${r.scenario}`))];
  for (const key of keys) {
    const same = rows.filter((r) => `${r.config}|${r.connections}|${r.scenario}` === key);
    const answered = same.filter((r) => r.ok > 0);
    const range = (of: Row[], f: (r: Row) => number, unit: string) =>
      of.length === 0
        ? '—'
        : `${Math.min(...of.map(f)).toFixed(0)}–${Math.max(...of.map(f)).toFixed(0)}${unit}`;
    const [config, connections, scenario] = key.split('|') as [string, string, string];
    const empty = same.length - answered.length;
    process.stdout.write(
      `${config.padEnd(22)} ${connections.padStart(5)} ${scenario.padEnd(12)} req/s ${range(same, (r) => r.rps, '')}  ` +
        `p50 ${range(answered, (r) => r.p50, ' ms')}  p99 ${range(answered, (r) => r.p99, ' ms')}  ` +
        `errors ${range(same, (r) => r.errors, '')}${empty ? `  (${empty} of ${same.length} runs completed no request)` : ''}\n`,
    );
  }
}

async function main(): Promise<void> {
  const size = Math.max(...CONNECTIONS);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-load-'));
  const rows: Row[] = [];
  process.stdout.write(
    `${DURATION_S} s per scenario, ${REPEAT} repetition(s), ${size} teams and a ${size}-member round; ` +
      `hz = /healthz on the same instances with the same settings (the HTTP floor). Figures from a shared 2-core machine ` +
      `include the load generator's own CPU.\n`,
  );
  printHeader();
  try {
    if (CONFIGS.includes('pglite')) {
      const dataDir = path.join(dir, 'pglite');
      const fixture = await seeded({ dataDir }, size);
      const pglite = { env: { DATA_DIR: dataDir }, fixture, open: () => openDatabase({ dataDir }) };
      await configuration('PGlite, 1 instance', 1, pglite, dir, rows);
    }

    const serverUrl = process.env.TEST_DATABASE_URL;
    const counts = [1, 2].filter((n) => CONFIGS.includes(n === 1 ? 'postgres' : 'postgres-2'));
    if (counts.length === 0) {
      // PostgreSQL configurations not asked for.
    } else if (!serverUrl) {
      process.stdout.write('PostgreSQL: left out (set TEST_DATABASE_URL to include it)\n');
    } else {
      // Seeded once into a template; each configuration runs on a fresh copy of it.
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      const prefix = `bench_load_${randomBytes(4).toString('hex')}`;
      const databaseUrl = (name: string) =>
        Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
      const names = [`${prefix}_template`, `${prefix}_1`, `${prefix}_2`];
      try {
        await admin.query(`CREATE DATABASE ${prefix}_template`);
        const pgFixture = await seeded(
          { databaseUrl: databaseUrl(`${prefix}_template`), dataDir: dir },
          size,
        );
        for (const count of counts) {
          await admin.query(`CREATE DATABASE ${prefix}_${count} TEMPLATE ${prefix}_template`);
          const url = databaseUrl(`${prefix}_${count}`);
          const store = {
            env: { DATABASE_URL: url },
            fixture: pgFixture,
            open: () => openDatabase({ databaseUrl: url, dataDir: dir }),
          };
          await configuration(`PostgreSQL, ${count} inst.`, count, store, dir, rows);
        }
      } finally {
        for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
    printSpread(rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
