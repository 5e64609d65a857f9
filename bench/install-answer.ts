/**
 * How fast the bot answers a team install (`installationUpdate` add, posted by the Bot Connector sandbox as Teams
 * would), while the Connector is down: the answer must not wait for the roster or the welcome card, which are queued as
 * jobs. `teams` teams install, `concurrency` at a time, against the real bot (botbuilder CloudAdapter + TeamCharterBot:
 * store the installation and the installer, queue three jobs, plan check-ins) and, interleaved in the same run, against
 * a bare botbuilder handler that answers the same activity and does nothing. Prints p50/p99 of both, their ratio, and
 * our p99 against the 15 s Teams gives a bot to answer. PGlite (local mode's store) and, when TEST_DATABASE_URL is set,
 * PostgreSQL in a database of its own.
 *
 *   npx tsx bench/install-answer.ts [teams] [concurrency]
 */
import { randomUUID } from 'node:crypto';

import { ActivityHandler } from 'botbuilder';
import pino from 'pino';

import { BotConnectorMessenger } from '../src/adapters/bot/bot-connector-messenger';
import { botAuthentication, botMount } from '../src/adapters/bot/create-bot';
import type { Database } from '../src/adapters/storage/database';
import { BotConnectorSandbox } from '../src/sandbox/bot-connector/bot-connector-sandbox';
import { benchOnEachDatabase, closeServers, percentile, serveBareBot, serveBot } from './support/bench-bot';
import { benchCheckInDeps } from './support/bench-check-ins';

/** Teams' limit for a bot's answer to an activity. */
const TEAMS_ANSWER_LIMIT_MS = 15_000;

/** The baseline: botbuilder's own plumbing for the same activity, and nothing else. */
class DoNothingBot extends ActivityHandler {
  constructor() {
    super();
    this.onInstallationUpdateAdd(async (_context, next) => next());
  }
}

async function measure(driver: string, db: Database, teams: number, concurrency: number): Promise<void> {
  const sandbox = new BotConnectorSandbox({ enforceLimits: false });
  const connector = await sandbox.listen();
  const log = pino({ level: 'silent' });
  const auth = botAuthentication(null);
  const messenger = new BotConnectorMessenger({ auth, botAppId: '' });
  const deps = benchCheckInDeps(db, messenger, { now: () => new Date() }, log);
  const ours = await serveBot(botMount(auth, deps, log));
  const bare = await serveBareBot(auth, new DoNothingBot());

  const tenantId = randomUUID();
  const newTeam = (i: number) => {
    const team = {
      tenantId,
      teamsTeamId: `19:bench-install-${i}-${randomUUID()}@thread.tacv2`,
      aadGroupId: randomUUID(),
      name: `Team ${i}`,
      members: Array.from({ length: 5 }, (_, m) => ({
        id: `29:${i}-${m}`,
        aadObjectId: randomUUID(),
        name: `Member ${m}`,
      })),
    };
    sandbox.addTeam(team);
    return team;
  };
  let failures = 0;
  // `count` installs, `concurrency` at a time, each in a team of its own; the elapsed time of each answer.
  const installs = async (endpoint: string, count: number): Promise<number[]> => {
    sandbox.botEndpoint = endpoint;
    const elapsed: number[] = [];
    for (let start = 0; start < count; start += concurrency) {
      const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, k) =>
        newTeam(start + k),
      );
      elapsed.push(
        ...(await Promise.all(
          batch.map(async (team) => {
            const started = performance.now();
            const result = await sandbox.install(team.teamsTeamId, team.members[0]?.aadObjectId ?? '');
            if (result.status !== 200) failures += 1;
            return performance.now() - started;
          }),
        )),
      );
    }
    return elapsed;
  };

  sandbox.down(503); // the roster and the welcome card cannot be had: the answer must not wait for them
  await installs(bare.url, 20); // warm-up (JIT, the pool, the first rows)
  await installs(ours.url, 20);
  failures = 0;
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let round = 0; round < 5; round++) {
    bareMs.push(...(await installs(bare.url, Math.ceil(teams / 5))));
    oursMs.push(...(await installs(ours.url, Math.ceil(teams / 5))));
  }
  oursMs.sort((a, b) => a - b);
  bareMs.sort((a, b) => a - b);
  const queued = await db.query(
    "SELECT count(*)::int AS n FROM jobs WHERE tenant_id = $1 AND kind IN ('installs.roster.sync', 'installs.welcome')",
    [tenantId],
  );

  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(46)} ${value}\n`);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(`-- ${driver}\n`);
  line('installs (concurrency), Connector down', `${oursMs.length} (${concurrency} at a time)`);
  line(
    'bare botbuilder, same activity p50 / p99',
    `${ms(percentile(bareMs, 50))} / ${ms(percentile(bareMs, 99))}`,
  );
  line('install answered p50 / p99', `${ms(percentile(oursMs, 50))} / ${ms(percentile(oursMs, 99))}`);
  line(
    'ratio to bare p50 / p99',
    `${(percentile(oursMs, 50) / percentile(bareMs, 50)).toFixed(2)}× / ${(percentile(oursMs, 99) / percentile(bareMs, 99)).toFixed(2)}×`,
  );
  line(
    'p99 of the Teams limit (15 s)',
    `${((100 * percentile(oursMs, 99)) / TEAMS_ANSWER_LIMIT_MS).toFixed(2)} %`,
  );
  line(
    'failed answers / roster + welcome jobs queued',
    `${failures} / ${(queued.rows[0] as { n: number }).n}`,
  );

  closeServers(ours.server, bare.server);
  await connector.close();
}

benchOnEachDatabase('install', [200, 10], measure);
