/**
 * Fan-out of one check-in round to 1,000 members against the Bot Connector sandbox enforcing the Teams limits
 * (Microsoft's Teams rate-limiting page): each member needs a 1:1 conversation created and a card sent, 2,000 requests under the 50 requests/s
 * per-tenant ceiling, so the rate-limit minimum is 40 s. Prints wall time as a ratio of that minimum (target ≤ 1.11×),
 * cards lost and duplicated, and the 429s the service answered.
 *
 *   npx tsx bench/checkin-fanout.ts [members]
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pino from 'pino';

import { BotConnectorMessenger } from '../src/adapters/bot/bot-connector-messenger';
import { botAuthentication } from '../src/adapters/bot/create-bot';
import { openDatabase } from '../src/adapters/storage/open-database';
import { checkInJobHandlers } from '../src/app/checkins/check-in-job-handlers';
import type { CheckInDeps } from '../src/app/checkins/checkin-deps';
import { JOB_KINDS } from '../src/app/jobs/job-kinds';
import { runDueJobs } from '../src/app/jobs/run-due-jobs';
import { BotConnectorSandbox } from '../src/sandbox/bot-connector/bot-connector-sandbox';
import { benchCharter, benchCheckInDeps, openBenchRound } from './support/bench-check-ins';

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 1000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-fanout-'));
  const db = await openDatabase({ dataDir: path.join(dir, 'db') });
  const sandbox = new BotConnectorSandbox();
  const connector = await sandbox.listen();
  const tenantId = randomUUID();
  const members = Array.from({ length: size }, (_, i) => ({
    id: `29:bench-${i}`,
    aadObjectId: randomUUID(),
    name: `Member ${i}`,
  }));
  const team = {
    tenantId,
    teamsTeamId: '19:bench@thread.tacv2',
    aadGroupId: randomUUID(),
    name: 'Bench',
    members,
  };
  sandbox.addTeam(team);
  const auth = botAuthentication(null);
  const messenger = new BotConnectorMessenger({ auth, botAppId: '' });
  const opensAt = new Date('2026-01-05T09:00:00Z');
  const clock = { now: () => opensAt };
  const log = pino({ level: 'silent' });
  const deps: CheckInDeps = benchCheckInDeps(db, messenger, clock, log);
  await openBenchRound(
    deps,
    team,
    connector.url,
    benchCharter([{ id: randomUUID(), title: 'Fast fan-out' }]),
    opensAt,
  );

  const handlers = checkInJobHandlers(deps);
  const deliverOnly = { [JOB_KINDS.checkinsDeliver]: handlers[JOB_KINDS.checkinsDeliver] };
  const started = performance.now();
  // Eight workers claim delivery jobs as the app's fan-out workers do; the Messenger's limiter sets the pace.
  await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      for (;;) {
        const ran = await runDueJobs(
          { queue: deps.jobs, clock, log, handlers: deliverOnly, workerId: `w${i}`, leaseMs: 120_000 },
          5,
        );
        if (ran === 0) return;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const cardsPerMember = new Map<string, number>();
  for (const a of sandbox.activities)
    cardsPerMember.set(a.conversationId, (cardsPerMember.get(a.conversationId) ?? 0) + 1);
  const lost = members.filter((m) => !cardsPerMember.has(sandbox.personalConversationId(m.id))).length;
  const duplicated = [...cardsPerMember.values()].filter((n) => n > 1).length;
  const requests = size * 2;
  const minimum = requests / 50;
  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(34)} ${value}\n`);
  line('members', String(size));
  line('requests (create + send)', String(requests));
  line('rate-limit minimum (50 req/s)', `${minimum.toFixed(1)} s`);
  line('wall time', `${seconds.toFixed(1)} s`);
  line('ratio to the minimum', `${(seconds / minimum).toFixed(3)}× (target ≤ 1.11×)`);
  line('throughput / ceiling', `${((requests / seconds / 50) * 100).toFixed(1)} %`);
  line('lost / duplicated', `${lost} / ${duplicated}`);
  line('429 answered by the service', String(sandbox.count(429)));
  await connector.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
