/**
 * Read ratios: the tab's charter read, answered 200 (no If-None-Match) and answered 304 (If-None-Match with the ETag
 * the reader holds), each against the `/healthz` floor of the same instance, measured in the same round. One app
 * instance in a process of its own on PostgreSQL (bench/support/load-app.ts), seeded with `READS_TEAMS` teams of one
 * editor each. Each round runs the three scenarios back to back, `READS_DURATION_S` seconds each at the same connection
 * count, in an order that rotates from round to round (so a drift of the machine's load falls on each scenario in
 * turn); a round's ratios divide by that round's floor. Printed: each round, then the median and the spread of each
 * ratio over the rounds. On a busy machine compare ratios, not req/s.
 *
 * Each run also measures the CPU time per answered request of the app, of its PostgreSQL backends and of the load
 * generator (from /proc): on a machine others are using, that says more than req/s.
 *
 * The 304 scenario reads every team's ETag once before it starts and sends it on every request: its answers must all
 * be 304 (a 200 there is counted and printed, as is every answer that is neither).
 *
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/reads.ts
 *   READS_ROUNDS=6 READS_DURATION_S=6 READS_CONNECTIONS=100 READS_TEAMS=500 READS_LOG_LEVEL=warn \
 *   READS_APP_ENV='DATABASE_POOL_SIZE=20' READS_CPU_PROF_DIR=/tmp/prof npx tsx bench/reads.ts
 */
import path from 'node:path';

import type { Result } from 'autocannon';
import { Client } from 'pg';

import { openDatabase } from '../src/adapters/storage/open-database';
import {
  cpuMsOf,
  drain,
  type Instance,
  Leases,
  runAutocannon,
  startInstance,
  stopInstance,
} from './support/load-instances';
import { type LoadTeam, seedLoad } from './support/load-seed';
import { failBench, withServerDatabase } from './support/server-database';

const ROUNDS = Number(process.env.READS_ROUNDS ?? 6);
const DURATION_S = Number(process.env.READS_DURATION_S ?? 6);
const CONNECTIONS = Number(process.env.READS_CONNECTIONS ?? 100);
const TEAMS = Number(process.env.READS_TEAMS ?? 500);
const WARM_UP_S = 3;
/** Extra environment for the app instance, `NAME=value` pairs separated by spaces. */
const APP_ENV = Object.fromEntries(
  (process.env.READS_APP_ENV ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);

type ScenarioName = '/healthz' | 'charter GET' | 'charter 304';
const ORDER: readonly ScenarioName[] = ['/healthz', 'charter GET', 'charter 304'];

interface Run {
  rps: number;
  /** Answered requests: what the CPU figures are divided by. */
  total: number;
  p50: number;
  p99: number;
  /** Answers with the status the scenario expects (200, or 304). */
  expected: number;
  /** Everything else: other statuses, socket errors, timeouts. */
  unexpected: string;
}

function summarize(result: Result, expectedStatus: number): Run {
  const stats = result.statusCodeStats as Record<string, { count: number } | undefined>;
  const expected = stats[String(expectedStatus)]?.count ?? 0;
  const others = Object.entries(stats)
    .filter(([code]) => code !== String(expectedStatus))
    .map(([code, s]) => `${code}×${s?.count ?? 0}`);
  if (result.errors > 0) others.push(`errors ${result.errors} (timeouts ${result.timeouts})`);
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    expected,
    unexpected: others.join(', '),
  };
}

/** GET of each team's charter as its editor; with `etags`, If-None-Match with the one that team's reader holds. */
async function charterRun(
  url: string,
  teams: readonly LoadTeam[],
  duration: number,
  etags?: ReadonlyMap<LoadTeam, string>,
): Promise<Run> {
  const leases = new Leases(teams);
  type Ctx = { team?: LoadTeam };
  const result = await runAutocannon([url], {
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        setupRequest: (req, context: Ctx) => {
          const team = (context.team = leases.take());
          const etag = etags?.get(team);
          return {
            ...req,
            method: 'GET',
            path: `/api/teams/${team.teamId}/charter`,
            headers: { 'x-local-user': team.userId, ...(etag ? { 'if-none-match': etag } : {}) },
          };
        },
        onResponse: (_status, _body, context: Ctx) => {
          if (context.team) leases.give(context.team);
        },
      },
    ],
  });
  return summarize(result, etags ? 304 : 200);
}

async function healthzRun(url: string, duration: number): Promise<Run> {
  return summarize(await runAutocannon([`${url}/healthz`], { connections: CONNECTIONS, duration }), 200);
}

/** Each team's current ETag, as its reader would hold it after one GET. */
async function currentEtags(url: string, teams: readonly LoadTeam[]): Promise<Map<LoadTeam, string>> {
  const etags = new Map<LoadTeam, string>();
  for (const team of teams) {
    const res = await fetch(`${url}/api/teams/${team.teamId}/charter`, {
      headers: { 'x-local-user': team.userId },
    });
    const etag = res.headers.get('etag');
    if (res.status !== 200 || !etag) throw new Error(`GET charter of a seeded team answered ${res.status}.`);
    await res.arrayBuffer();
    etags.set(team, etag);
  }
  return etags;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};
const pct = (v: number) => `${(100 * v).toFixed(0)} %`;
const ms = (v: number) => `${v.toFixed(0)} ms`;

/** CPU time per answered request (µs): the app, its PostgreSQL backends, and this process (the load generator). */
interface CpuPerRequest {
  app: number;
  db: number;
  load: number;
}

/** Runs `work` and measures the CPU the app, the database's backends and the load generator used meanwhile. */
async function withCpu(
  appPid: number,
  backends: () => Promise<number[]>,
  work: () => Promise<Run>,
): Promise<Run & { cpu: CpuPerRequest }> {
  const before = await cpuMsOf([appPid, ...(await backends())]);
  const load = process.cpuUsage();
  const run = await work();
  const loadMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(load));
  const after = await cpuMsOf([appPid, ...(await backends())]);
  const used = (pid: number) => (after.get(pid) ?? 0) - (before.get(pid) ?? 0);
  const dbMs = [...after.keys()].filter((pid) => pid !== appPid).reduce((sum, pid) => sum + used(pid), 0);
  const perRequest = (msUsed: number) => (1000 * msUsed) / Math.max(1, run.total);
  return { ...run, cpu: { app: perRequest(used(appPid)), db: perRequest(dbMs), load: perRequest(loadMs) } };
}

async function measure(
  instance: Instance,
  teams: readonly LoadTeam[],
  backends: () => Promise<number[]>,
): Promise<void> {
  const { url } = instance;
  const appPid = instance.child.pid ?? 0;
  const etags = await currentEtags(url, teams);
  const scenarios: Record<ScenarioName, (duration: number) => Promise<Run & { cpu: CpuPerRequest }>> = {
    '/healthz': (d) => withCpu(appPid, backends, () => healthzRun(url, d)),
    'charter GET': (d) => withCpu(appPid, backends, () => charterRun(url, teams, d)),
    'charter 304': (d) => withCpu(appPid, backends, () => charterRun(url, teams, d, etags)),
  };
  const cpu: Record<ScenarioName, CpuPerRequest[]> = { '/healthz': [], 'charter GET': [], 'charter 304': [] };
  // Warm-up: JIT, the pool's connections, the read cache; not measured.
  for (const name of ORDER) {
    await scenarios[name](WARM_UP_S);
    await drain([url]);
  }
  const ratios = {
    get: [] as number[],
    notModified: [] as number[],
    getP50: [] as number[],
    nmP50: [] as number[],
  };
  const floors: number[] = [];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `${'round'.padEnd(6)}${'order'.padEnd(36)}${'hz req/s'.padStart(9)}${'GET req/s'.padStart(10)}` +
      `${'304 req/s'.padStart(10)}${'GET/hz'.padStart(8)}${'304/hz'.padStart(8)}` +
      `${'p50 hz·GET·304'.padStart(26)}${'p99 hz·GET·304'.padStart(28)}`,
  );
  let problems = '';
  for (let round = 0; round < ROUNDS; round++) {
    const order = ORDER.map((_, i) => ORDER[(i + round) % ORDER.length] as ScenarioName);
    const runs = {} as Record<ScenarioName, Run>;
    for (const name of order) {
      const run = await scenarios[name](DURATION_S);
      runs[name] = run;
      cpu[name].push(run.cpu);
      await drain([url]);
      if (runs[name].unexpected) problems += `\n   round ${round + 1} ${name}: ${runs[name].unexpected}`;
    }
    const hz = runs['/healthz'];
    const get = runs['charter GET'];
    const nm = runs['charter 304'];
    floors.push(hz.rps);
    ratios.get.push(get.rps / hz.rps);
    ratios.notModified.push(nm.rps / hz.rps);
    ratios.getP50.push(get.p50 / Math.max(1, hz.p50));
    ratios.nmP50.push(nm.p50 / Math.max(1, hz.p50));
    out(
      `${String(round + 1).padEnd(6)}${order.join(' → ').padEnd(36)}${hz.rps.toFixed(0).padStart(9)}` +
        `${get.rps.toFixed(0).padStart(10)}${nm.rps.toFixed(0).padStart(10)}` +
        `${pct(get.rps / hz.rps).padStart(8)}${pct(nm.rps / hz.rps).padStart(8)}` +
        `${[hz.p50, get.p50, nm.p50].map(ms).join(' · ').padStart(26)}` +
        `${[hz.p99, get.p99, nm.p99].map(ms).join(' · ').padStart(28)}`,
    );
  }
  const spread = (values: number[]) =>
    `median ${pct(median(values))} (min ${pct(Math.min(...values))}, max ${pct(Math.max(...values))})`;
  out(
    `\n/healthz floor: median ${median(floors).toFixed(0)} req/s (${Math.min(...floors).toFixed(0)}–${Math.max(...floors).toFixed(0)})`,
  );
  out(`charter GET req/s of the floor: ${spread(ratios.get)}   (target ≥ 60 %)`);
  out(`charter 304 req/s of the floor: ${spread(ratios.notModified)}   (target ≥ 80 %)`);
  out(
    `p50 / floor p50: GET median ${median(ratios.getP50).toFixed(2)}×, 304 median ${median(ratios.nmP50).toFixed(2)}×`,
  );
  out('CPU per answered request, median over the rounds (app · its PostgreSQL backends · load generator):');
  for (const name of ORDER) {
    const of = (f: (c: CpuPerRequest) => number) => `${median(cpu[name].map(f)).toFixed(0)} µs`;
    out(`   ${name.padEnd(12)} ${of((c) => c.app)} · ${of((c) => c.db)} · ${of((c) => c.load)}`);
  }
  out(`answers other than the expected status: ${problems || 'none'}`);
}

async function main(): Promise<void> {
  const ran = await withServerDatabase('reads', async (databaseUrl, dir) => {
    process.stdout.write(
      `PostgreSQL, 1 instance, ${CONNECTIONS} connections, ${TEAMS} teams; ${ROUNDS} rounds of ${DURATION_S} s per ` +
        `scenario after a ${WARM_UP_S} s warm-up each${Object.keys(APP_ENV).length ? `; app env ${process.env.READS_APP_ENV}` : ''}. ` +
        `The load generator shares the machine's cores with the app.\n`,
    );
    const db = await openDatabase({ databaseUrl, dataDir: dir });
    const fixture = await seedLoad(db, TEAMS).finally(() => db.close());
    const instance = await startInstance(
      { DATABASE_URL: databaseUrl, ...APP_ENV },
      path.join(dir, 'app.log'),
      {
        logLevel: process.env.READS_LOG_LEVEL ?? 'warn',
        ...(process.env.READS_CPU_PROF_DIR ? { cpuProfDir: process.env.READS_CPU_PROF_DIR } : {}),
      },
    );
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const backends = async () =>
        (
          await admin.query<{ pid: number }>(
            'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          )
        ).rows.map((r) => r.pid);
      await measure(instance, fixture.teams, backends);
    } finally {
      await admin.end();
      await stopInstance(instance);
    }
  });
  if (!ran)
    process.stdout.write(
      'PostgreSQL: left out (set TEST_DATABASE_URL; this bench runs the app on PostgreSQL only)\n',
    );
}

main().catch(failBench);
