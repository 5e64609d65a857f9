// The exposition and the database-derived gauges: queue depth and age from the jobs table, a scrape that survives an
// unreachable database, and registries that do not share numbers between two apps in one process.
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics';
import { PostgresJobQueue } from '../../../src/adapters/storage/postgres-job-queue';
import { PostgresOperatorStats } from '../../../src/adapters/storage/postgres-operator-stats';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { parseExposition } from '../../support/exposition';
import { openTestDatabase } from '../../support/test-database';

const NOW = new Date('2026-03-02T10:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

it('reports queued jobs by kind as due, scheduled and running, and the age of the oldest due one', async () => {
  const db = await openTestDatabase();
  try {
    const queue = new PostgresJobQueue(db);
    const metrics = new PrometheusMetrics({
      stats: new PostgresOperatorStats(db),
      jobKinds: Object.values(JOB_KINDS),
      processMetrics: false,
      clock: () => NOW,
    });
    const scope = { tenantId: 'tenant-a', teamId: 'team-a' };
    const other = { tenantId: 'tenant-b', teamId: 'team-b' };
    for (const [s, key, runAt] of [
      [scope, 'm1', at(-90)],
      [scope, 'm2', at(-60)],
      [other, 'm3', at(-30)],
      [scope, 'later-1', at(3600)],
      [other, 'later-2', at(7200)],
    ] as const)
      await queue.enqueue({ scope: s, kind: JOB_KINDS.checkinsDeliver, key, runAt, payload: {} });
    await queue.enqueue({ scope, kind: JOB_KINDS.reviewsSync, key: 'v1', runAt: at(-5), payload: {} });

    const before = parseExposition(await metrics.render());
    expect(before.types.get('teamcharter_jobs')).toBe('gauge');
    expect(before.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsDeliver, state: 'due' })).toBe(3);
    expect(before.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsDeliver, state: 'scheduled' })).toBe(2);
    expect(before.value('teamcharter_jobs_oldest_due_age_seconds', { kind: JOB_KINDS.checkinsDeliver })).toBe(
      90,
    );
    expect(before.value('teamcharter_jobs', { kind: JOB_KINDS.reviewsSync, state: 'due' })).toBe(1);
    // A kind with nothing queued still reports 0 (a steady series, not a missing one).
    expect(before.samples).toContainEqual({
      name: 'teamcharter_jobs',
      labels: { kind: JOB_KINDS.installsDeleteTeam, state: 'due' },
      value: 0,
    });
    expect(before.value('teamcharter_database_stats_up')).toBe(1);

    // A worker claims the oldest: one running, two due, and the oldest due one waited 60 s.
    const [claimed] = await queue.claim({
      workerId: 'w',
      now: NOW,
      leaseMs: 60_000,
      limit: 1,
      kinds: [JOB_KINDS.checkinsDeliver],
    });
    expect(claimed?.key).toBe('m1');
    const after = parseExposition(await metrics.render());
    expect(after.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsDeliver, state: 'running' })).toBe(1);
    expect(after.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsDeliver, state: 'due' })).toBe(2);
    expect(after.value('teamcharter_jobs_oldest_due_age_seconds', { kind: JOB_KINDS.checkinsDeliver })).toBe(
      60,
    );

    // Done jobs leave the gauges.
    if (claimed) await queue.complete(claimed, NOW);
    const done = parseExposition(await metrics.render());
    expect(done.value('teamcharter_jobs', { kind: JOB_KINDS.checkinsDeliver, state: 'running' })).toBe(0);
    // No tenant or team id in any label.
    expect(await metrics.render()).not.toMatch(/tenant-|team-a|team-b/);
  } finally {
    await db.dispose();
  }
});

it('writes valid exposition text with HELP and TYPE for every family, process metrics included', async () => {
  const metrics = new PrometheusMetrics();
  metrics.connectorResponse('send_activity', 201);
  metrics.connectorResponse('send_activity', 429);
  metrics.connectorResponse('create_conversation', 0);
  metrics.graphResponse('http', 429);
  metrics.jobFinished(JOB_KINDS.checkinsDeliver, 'done', 0.02);
  metrics.jobFinished(JOB_KINDS.checkinsDeliver, 'retry', 0.5);
  metrics.checkInRoundClosed(42);
  metrics.checkInRoundClosed(null);
  const text = await metrics.render();
  const m = parseExposition(text);
  for (const family of m.types.keys()) expect(m.help.get(family)).toBeTruthy();
  expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(m.types.get('teamcharter_bot_connector_responses_total')).toBe('counter');
  expect(
    m.value('teamcharter_bot_connector_responses_total', { operation: 'send_activity', status: '201' }),
  ).toBe(1);
  expect(
    m.value('teamcharter_bot_connector_responses_total', {
      operation: 'create_conversation',
      status: 'network',
    }),
  ).toBe(1);
  expect(m.value('teamcharter_throttled_total', { upstream: 'bot_connector' })).toBe(1);
  expect(m.value('teamcharter_throttled_total', { upstream: 'graph' })).toBe(1);
  expect(m.value('teamcharter_job_runs_total', { kind: JOB_KINDS.checkinsDeliver, outcome: 'retry' })).toBe(
    1,
  );
  expect(m.value('teamcharter_job_run_duration_seconds_count', { kind: JOB_KINDS.checkinsDeliver })).toBe(2);
  expect(m.value('teamcharter_checkin_round_fanout_seconds_count')).toBe(1);
  expect(m.value('teamcharter_checkin_round_fanout_seconds_bucket', { le: '60' })).toBe(1);
  expect(m.value('teamcharter_checkin_round_fanout_seconds_bucket', { le: '30' })).toBe(0);
  expect(m.types.get('process_cpu_user_seconds_total')).toBe('counter');
  // Without a database source the database gauges are not offered (rather than reported as 0).
  expect(m.types.has('teamcharter_jobs')).toBe(false);
});

it('keeps two apps in one process apart: each has its own registry', async () => {
  const first = new PrometheusMetrics({ processMetrics: false });
  const second = new PrometheusMetrics({ processMetrics: false });
  first.graphResponse('http', 200);
  first.graphResponse('http', 200);
  second.graphResponse('http', 200);
  expect(
    parseExposition(await first.render()).value('teamcharter_graph_responses_total', {
      kind: 'http',
      status: '200',
    }),
  ).toBe(2);
  expect(
    parseExposition(await second.render()).value('teamcharter_graph_responses_total', {
      kind: 'http',
      status: '200',
    }),
  ).toBe(1);
});

it('still answers when the database does not, and says so in teamcharter_database_stats_up', async () => {
  const db = await openTestDatabase();
  const warnings: string[] = [];
  const metrics = new PrometheusMetrics({
    stats: new PostgresOperatorStats(db),
    processMetrics: false,
    log: {
      debug: () => undefined,
      info: () => undefined,
      error: () => undefined,
      warn: (_f, e) => warnings.push(e),
    },
  });
  metrics.connectorResponse('send_activity', 201);
  expect(parseExposition(await metrics.render()).value('teamcharter_database_stats_up')).toBe(1);
  await db.dispose();
  const m = parseExposition(await metrics.render());
  expect(m.value('teamcharter_database_stats_up')).toBe(0);
  expect(
    m.value('teamcharter_bot_connector_responses_total', { operation: 'send_activity', status: '201' }),
  ).toBe(1);
  expect(warnings).toEqual(['metrics.stats.failed']);
});
