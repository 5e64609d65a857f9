/**
 * Invoke latency of a check-in card submit: 100 members press "Submit" on their card at the same moment
 * (`adaptiveCard/action` invokes through /api/messages, posted by the Bot Connector sandbox playing the members), wave
 * after wave, against the real bot (botbuilder CloudAdapter + TeamCharterBot: validate, upsert the answer on PGlite,
 * render the thank-you card) and, interleaved in the same run, against a bare botbuilder handler that returns a static
 * card. Prints p50/p99 of both and their ratio (target on PostgreSQL: p99 ≤ 1.5× the bare handler's), overall and
 * per block of interleaved waves, with the median and spread over the blocks. Runs on PGlite (local mode's store) and,
 * when TEST_DATABASE_URL is set, again on PostgreSQL (production's) in a database of its own.
 *
 *   npx tsx bench/checkin-invoke.ts [members] [waves per block] [blocks]      (BENCH_DATABASES=postgres: PostgreSQL only)
 */
import { randomUUID } from 'node:crypto';

import { ActivityHandler, type AdaptiveCardInvokeResponse, CardFactory } from 'botbuilder';
import pino from 'pino';

import { BotConnectorMessenger } from '../src/adapters/bot/bot-connector-messenger';
import { botAuthentication, botMount } from '../src/adapters/bot/create-bot';
import type { Database } from '../src/adapters/storage/database';
import type { CheckInDeps } from '../src/app/checkins/checkin-deps';
import { BotConnectorSandbox } from '../src/sandbox/bot-connector/bot-connector-sandbox';
import { benchOnEachDatabase, closeServers, percentile, serveBareBot, serveBot } from './support/bench-bot';
import { benchCharter, benchCheckInDeps, openBenchRound } from './support/bench-check-ins';

const STATIC_CARD = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Thank you — your check-in is in.', wrap: true }],
});

/** The baseline: botbuilder's own invoke plumbing and nothing else. */
class StaticCardBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: STATIC_CARD.content };
  }
}

async function measure(
  driver: string,
  db: Database,
  size: number,
  waves: number,
  blocks: number,
): Promise<void> {
  const sandbox = new BotConnectorSandbox({ enforceLimits: false });
  const connector = await sandbox.listen();
  const tenantId = randomUUID();
  const scope = { tenantId, teamId: randomUUID() };
  const teamsTeamId = '19:bench-invoke@thread.tacv2';
  const members = Array.from({ length: size }, (_, i) => ({
    id: `29:invoke-${i}`,
    aadObjectId: randomUUID(),
    name: `Member ${i}`,
  }));
  const team = { tenantId, teamsTeamId, aadGroupId: scope.teamId, name: 'Bench', members };
  sandbox.addTeam(team);

  const opensAt = new Date('2026-01-05T09:00:00Z');
  const clock = { now: () => new Date(opensAt.getTime() + 60_000) };
  const log = pino({ level: 'silent' });
  const auth = botAuthentication(null);
  const messenger = new BotConnectorMessenger({ auth, botAppId: '' });
  const deps: CheckInDeps = benchCheckInDeps(db, messenger, clock, log);
  const [o1, o2, b1] = [randomUUID(), randomUUID(), randomUUID()];
  const content = benchCharter(
    [
      { id: o1, title: 'Fast submits' },
      { id: o2, title: 'No lost answers' },
    ],
    [{ id: b1, area: 'Tools', right: 'team_decides' }],
  );
  const round = await openBenchRound(deps, team, connector.url, content, opensAt);

  const ours = await serveBot(botMount(auth, deps, log));
  const bare = await serveBareBot(auth, new StaticCardBot());

  const ids = { roundId: round.id, teamId: scope.teamId, tenantId };
  let failures = 0;
  const wave = async (endpoint: string, n: number): Promise<number[]> => {
    sandbox.botEndpoint = endpoint;
    return Promise.all(
      members.map(async (m, i) => {
        const started = performance.now();
        const result = await sandbox.memberInvoke({
          teamsTeamId,
          aadObjectId: m.aadObjectId,
          verb: 'checkin.submit',
          data: {
            ...ids,
            [`progress_${o1}`]: String(1 + ((i + n) % 5)),
            [`progress_${o2}`]: String(1 + (i % 5)),
            boundary: b1,
            boundaryEffect: i % 2 ? 'helped' : 'hindered',
            support: i % 3 ? '' : `Pairing on the release, wave ${n}`,
            share: i % 4 ? 'false' : 'true',
          },
        });
        const elapsed = performance.now() - started;
        const body = result.body as { statusCode?: number } | null;
        if (result.status !== 200 || body?.statusCode !== 200) failures += 1;
        return elapsed;
      }),
    );
  };

  // Warm-up (JIT, connection pools, first answers inserted), then interleaved measured waves.
  for (let n = 0; n < 3; n++) {
    await wave(bare.url, n);
    await wave(ours.url, n);
  }
  failures = 0;
  // Blocks of interleaved waves: each block's p99 against the bare handler's in the same block, so a change in the
  // machine's load during the run moves both sides of a ratio, and the spread over the blocks shows the noise.
  const blockRatios: { p50: number; p99: number }[] = [];
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let block = 0; block < blocks; block++) {
    const oursBlock: number[] = [];
    const bareBlock: number[] = [];
    for (let n = 0; n < waves; n++) {
      bareBlock.push(...(await wave(bare.url, n)));
      oursBlock.push(...(await wave(ours.url, n)));
    }
    oursBlock.sort((a, b) => a - b);
    bareBlock.sort((a, b) => a - b);
    blockRatios.push({
      p50: percentile(oursBlock, 50) / percentile(bareBlock, 50),
      p99: percentile(oursBlock, 99) / percentile(bareBlock, 99),
    });
    oursMs.push(...oursBlock);
    bareMs.push(...bareBlock);
  }
  oursMs.sort((a, b) => a - b);
  bareMs.sort((a, b) => a - b);
  const stored = await deps.checkins.listResponses(scope, round.id);

  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(40)} ${value}\n`);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(`-- ${driver}\n`);
  line(
    'concurrent members × waves × blocks',
    `${size} × ${waves} × ${blocks} (${oursMs.length} submits each)`,
  );
  line(
    'bare botbuilder static card p50 / p99',
    `${ms(percentile(bareMs, 50))} / ${ms(percentile(bareMs, 99))}`,
  );
  line('check-in submit p50 / p99', `${ms(percentile(oursMs, 50))} / ${ms(percentile(oursMs, 99))}`);
  line('ratio p50', `${(percentile(oursMs, 50) / percentile(bareMs, 50)).toFixed(2)}×`);
  line('ratio p99', `${(percentile(oursMs, 99) / percentile(bareMs, 99)).toFixed(2)}× (target ≤ 1.5×)`);
  const ratios = (pick: (r: { p50: number; p99: number }) => number) => {
    const sorted = blockRatios.map(pick).sort((a, b) => a - b);
    return `median ${percentile(sorted, 50).toFixed(2)}× (${sorted.map((r) => `${r.toFixed(2)}×`).join(', ')})`;
  };
  line(
    `ratio p50 per block of ${waves} waves`,
    ratios((r) => r.p50),
  );
  line(
    `ratio p99 per block of ${waves} waves`,
    ratios((r) => r.p99),
  );
  line('failed submits / answers stored', `${failures} / ${stored.length} of ${size}`);

  closeServers(ours.server, bare.server);
  await connector.close();
}

benchOnEachDatabase('invoke', [100, 10, 5], measure);
