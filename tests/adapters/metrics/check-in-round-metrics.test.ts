// A real check-in round through the real botbuilder and the Bot Connector sandbox, with a 429 storm injected: the
// counters and gauges of /metrics follow what happened, and name no team, tenant or member.
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics';
import type { Database } from '../../../src/adapters/storage/database';
import { PostgresOperatorStats } from '../../../src/adapters/storage/postgres-operator-stats';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { type BotHarness, sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { validCharter, weeklyCadence } from '../../support/charter-fixtures';
import { parseExposition } from '../../support/exposition';
import { nth } from '../../support/nth';
import { openTestDatabase } from '../../support/test-database';

let db: Database & { dispose(): Promise<void> };
let h: BotHarness;
let metrics: PrometheusMetrics;

beforeAll(async () => {
  db = await openTestDatabase();
  metrics = new PrometheusMetrics({
    stats: new PostgresOperatorStats(db),
    jobKinds: Object.values(JOB_KINDS),
    processMetrics: false,
    clock: () => h.clock.now(),
  });
  h = await startBotHarness(db, {
    start: new Date('2026-01-05T08:00:00Z'),
    sandbox: { enforceLimits: false },
    metrics,
  });
});
afterAll(async () => {
  await h.close();
  await db.dispose();
});

const scrape = async () => parseExposition(await metrics.render());

it('counts the 429s, the cards sent, the job runs, the deliveries by state and the round’s fan-out time', async () => {
  const team = sandboxTeam(6);
  const editor = nth(team.members, 0).aadObjectId;
  await h.installTeam(team, editor);
  // Weekly on Monday 10:00 Berlin, no quiet hours: every card goes out at the opening.
  const content = validCharter({
    checkIns: {
      cadence: weeklyCadence(),
      anonymityMinimum: 3,
      quietHours: null,
      namedAnswersVisibleTo: 'team',
    },
    review: null,
    editorIds: [editor],
  });
  await h.saveFirstCharter(team.scope, content, { id: editor, name: 'Member 0000' });
  const before = await scrape();
  expect(before.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsRoundOpen, state: 'scheduled' })).toBe(1);

  // The round opens at 10:00 Berlin; the Bot Connector throttles the first sends.
  h.sandbox.injectFault({ status: 429, times: 4, retryAfterSeconds: 0, operations: ['send'] });
  h.sandbox.injectFault({ status: 502, times: 1, operations: ['create'] });
  h.clock.set(new Date('2026-01-05T09:00:00Z'));
  await h.drainJobs();
  const [round] = await h.deps.checkins.listRounds(team.scope, 1);
  if (!round) throw new Error('The round did not open.');
  expect((await h.deps.checkins.listDeliveries(team.scope, round.id)).every((d) => d.state === 'sent')).toBe(
    true,
  );

  const open = await scrape();
  const delta = (name: string, labels: Record<string, string>) =>
    open.value(name, labels) - before.value(name, labels);
  expect(delta('teamcharter_throttled_total', { upstream: 'bot_connector' })).toBe(4);
  // The Connector's answers by operation and status: the four 429s, the one 502, and a 201 for each member.
  const answers = (operation: string, status: string) =>
    delta('teamcharter_bot_connector_responses_total', { operation, status });
  expect(answers('send_activity', '429')).toBe(4);
  expect(answers('send_activity', '201')).toBe(6);
  expect(answers('create_conversation', '502')).toBe(1);
  expect(answers('create_conversation', '201')).toBe(6);
  expect(delta('teamcharter_job_runs_total', { kind: JOB_KINDS.checkinsDeliver, outcome: 'done' })).toBe(6);
  expect(open.value('teamcharter_job_runs_total', { kind: JOB_KINDS.checkinsDeliver, outcome: 'dead' })).toBe(
    0,
  );
  expect(open.value('teamcharter_checkin_deliveries', { state: 'sent' })).toBe(6);
  expect(open.value('teamcharter_checkin_deliveries', { state: 'pending' })).toBe(0);
  expect(open.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsDeliver, state: 'due' })).toBe(0);
  expect(open.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsRoundClose, state: 'scheduled' })).toBe(1);
  expect(open.value('teamcharter_checkin_round_fanout_seconds_count')).toBe(0);

  // The close: the round's fan-out is observed once (the cards went out at the opening: 0 s on this clock), and its
  // deliveries leave the open-round gauge.
  h.clock.set(new Date(round.closesAt.getTime() + 1_000));
  await h.drainJobs();
  const closed = await scrape();
  expect(closed.value('teamcharter_checkin_round_fanout_seconds_count')).toBe(1);
  expect(closed.value('teamcharter_checkin_round_fanout_seconds_sum')).toBe(0);
  expect(closed.value('teamcharter_checkin_deliveries', { state: 'sent' })).toBe(0);
  expect(
    closed.value('teamcharter_job_runs_total', { kind: JOB_KINDS.checkinsRoundClose, outcome: 'done' }),
  ).toBe(1);

  const text = await metrics.render();
  for (const id of [
    team.scope.tenantId,
    team.scope.teamId,
    round.id,
    ...team.members.map((m) => m.aadObjectId),
  ])
    expect(text).not.toContain(id);
});
