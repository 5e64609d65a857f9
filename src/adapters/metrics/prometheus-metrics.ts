/**
 * The `Metrics` port and the adapters' call observers on prom-client, with a registry of its own per app (never the
 * global default), so two apps in one process — tests, the two-instance bench — keep their numbers apart.
 *
 * Two kinds of numbers, and the HELP text says which each is:
 * - read from the database at each scrape (deliveries by state, queue depth and age): every instance reports the same
 *   truth about the whole system — take one instance's value (max/avg), don't sum across instances;
 * - counted by this instance as things happen (upstream answers, 429s, job runs, round durations): sum across instances.
 * Labels are kinds, states, operations and status codes only: never a tenant, team or user id, nor user text.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { JobFailureReason, JobOutcome, Log, Metrics } from '../../app/common-ports';
import type { ConnectorCallObserver } from '../bot/bot-connector-messenger';
import type { ConnectorPacingObserver } from '../bot/connector-rate-limiter';
import type { GraphCallObserver } from '../graph/graph-transport';
import type { OperatorStats } from '../storage/postgres-operator-stats';

export interface PrometheusMetricsOptions {
  /** The database counts read at each scrape; none: those gauges are left out. */
  stats?: OperatorStats;
  /** Kinds reported even when none is queued (a steady 0 instead of a missing series). */
  jobKinds?: readonly string[];
  /** Node.js process metrics (CPU, memory, event-loop delay, GC). Default true. */
  processMetrics?: boolean;
  clock?: () => Date;
  /** Where a failed database read is reported. */
  log?: Log;
}

const PER_INSTANCE = 'Counted by this instance: sum across instances.';
const FROM_DATABASE = 'Read from the database at each scrape: the same on every instance, do not sum.';
const DELIVERY_STATES = ['pending', 'sent', 'failed'] as const;
const QUEUE_STATES = ['due', 'scheduled', 'running'] as const;
const FAILURE_REASONS = ['permanent', 'transient'] as const satisfies readonly JobFailureReason[];

export class PrometheusMetrics
  implements Metrics, ConnectorCallObserver, ConnectorPacingObserver, GraphCallObserver
{
  readonly registry = new Registry();
  private readonly connectorResponses: Counter<'operation' | 'status'>;
  private readonly graphResponses: Counter<'kind' | 'status'>;
  private readonly throttled: Counter<'upstream'>;
  private readonly jobRuns: Counter<'kind' | 'outcome'>;
  private readonly jobFailures: Counter<'kind' | 'reason'>;
  private readonly jobSeconds: Histogram<'kind'>;
  private readonly fanOutSeconds: Histogram;
  private readonly budgetWaitSeconds: Histogram;
  private readonly tenantHoldOffs: Counter;
  private connectorPacing: () => { heldOff: number; waiting: number } = () => ({ heldOff: 0, waiting: 0 });
  private readonly deliveries: Gauge<'state'> | null = null;
  private readonly queue: Gauge<'kind' | 'state'> | null = null;
  private readonly oldestDue: Gauge<'kind'> | null = null;
  private readonly statsUp: Gauge | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly options: PrometheusMetricsOptions = {}) {
    const registers = [this.registry];
    this.connectorResponses = new Counter({
      name: 'teamcharter_bot_connector_responses_total',
      help: `Bot Connector answers by operation and HTTP status, every try included (status "network": no answer). ${PER_INSTANCE}`,
      labelNames: ['operation', 'status'],
      registers,
    });
    this.graphResponses = new Counter({
      name: 'teamcharter_graph_responses_total',
      help: `Microsoft Graph answers by HTTP status, every try included; kind "http" is an HTTP response (a $batch counts once), "batch_item" each answer inside a $batch. ${PER_INSTANCE}`,
      labelNames: ['kind', 'status'],
      registers,
    });
    this.throttled = new Counter({
      name: 'teamcharter_throttled_total',
      help: `429 Too Many Requests received, by upstream (bot_connector, graph; $batch items included). ${PER_INSTANCE}`,
      labelNames: ['upstream'],
      registers,
    });
    this.jobRuns = new Counter({
      name: 'teamcharter_job_runs_total',
      help: `Job runs by kind and outcome (done; retry: failed, queued again; dead: dead-lettered; throttled: stepped aside while its tenant's Bot Connector budget is held back by a 429, queued again uncounted). ${PER_INSTANCE}`,
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.jobFailures = new Counter({
      name: 'teamcharter_job_failures_total',
      help: `Failed job runs by kind and reason: permanent (refused for good, e.g. a wrong client secret or a mailbox that refuses access: dead-lettered at once, an admin must act) or transient (throttling, 5xx, timeouts, network: retried with backoff). ${PER_INSTANCE}`,
      labelNames: ['kind', 'reason'],
      registers,
    });
    // Every kind starts at 0, so `increase(…{reason="permanent"}[1h]) > 0` alerts on the first failure too.
    for (const kind of options.jobKinds ?? [])
      for (const reason of FAILURE_REASONS) this.jobFailures.inc({ kind, reason }, 0);
    this.jobSeconds = new Histogram({
      name: 'teamcharter_job_run_duration_seconds',
      help: `How long a job's handler ran, by kind. ${PER_INSTANCE}`,
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.fanOutSeconds = new Histogram({
      name: 'teamcharter_checkin_round_fanout_seconds',
      help: `Check-in rounds: seconds from a round's opening to its last card sent (quiet hours included), observed when the round closes. ${PER_INSTANCE}`,
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 14_400, 43_200, 86_400],
      registers,
    });
    this.budgetWaitSeconds = new Histogram({
      name: 'teamcharter_bot_connector_budget_wait_seconds',
      help: `How long a Bot Connector request waited for a slot of its tenant's budget (50 requests/s per tenant, shared by every instance on PostgreSQL). ${PER_INSTANCE}`,
      buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.tenantHoldOffs = new Counter({
      name: 'teamcharter_bot_connector_tenant_holdoffs_total',
      help: `429s from the Bot Connector that held their tenant back for the Retry-After (that tenant only; the log line bot.connector.tenant.held_off names it). ${PER_INSTANCE}`,
      registers,
    });
    const pacing = () => this.connectorPacing();
    new Gauge({
      name: 'teamcharter_bot_connector_tenants',
      help: `Tenants this instance is sending for, by pacing state: held_off (by a 429, for its Retry-After), waiting (requests queued for the tenant's budget: it sends at its full rate). ${PER_INSTANCE}`,
      labelNames: ['state'],
      registers,
      collect() {
        const now = pacing();
        this.set({ state: 'held_off' }, now.heldOff);
        this.set({ state: 'waiting' }, now.waiting);
      },
    });
    if (options.stats) {
      this.deliveries = new Gauge({
        name: 'teamcharter_checkin_deliveries',
        help: `Check-in card deliveries of the rounds still open, by state (pending, sent, failed). ${FROM_DATABASE}`,
        labelNames: ['state'],
        registers,
      });
      this.queue = new Gauge({
        name: 'teamcharter_jobs',
        help: `Durable jobs by kind and state: due (queued, run time passed), scheduled (queued, later), running (leased). ${FROM_DATABASE}`,
        labelNames: ['kind', 'state'],
        registers,
      });
      this.oldestDue = new Gauge({
        name: 'teamcharter_jobs_oldest_due_age_seconds',
        help: `Seconds the oldest due, unclaimed job of a kind has waited past its run time (0: none waiting). ${FROM_DATABASE}`,
        labelNames: ['kind'],
        registers,
      });
      this.statsUp = new Gauge({
        name: 'teamcharter_database_stats_up',
        help: '1 when the database answered this scrape’s counts, 0 when it did not (those gauges then keep their last values).',
        registers,
      });
    }
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text: refreshes the database gauges first (one refresh at a time, shared by concurrent scrapes). */
  async render(): Promise<string> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
    return this.registry.metrics();
  }

  /** Where the `teamcharter_bot_connector_tenants` gauge reads its numbers at each scrape. */
  watchConnectorPacing(read: () => { heldOff: number; waiting: number }): void {
    this.connectorPacing = read;
  }

  budgetWait(seconds: number): void {
    this.budgetWaitSeconds.observe(seconds);
  }

  tenantHeldOff(): void {
    this.tenantHoldOffs.inc();
  }

  connectorResponse(operation: string, status: number): void {
    this.connectorResponses.inc({ operation, status: statusLabel(status) });
    if (status === 429) this.throttled.inc({ upstream: 'bot_connector' });
  }

  graphResponse(kind: 'http' | 'batch_item', status: number): void {
    this.graphResponses.inc({ kind, status: statusLabel(status) });
    if (status === 429) this.throttled.inc({ upstream: 'graph' });
  }

  jobFinished(kind: string, outcome: JobOutcome, seconds: number): void {
    this.jobRuns.inc({ kind, outcome });
    this.jobSeconds.observe({ kind }, seconds);
  }

  jobFailed(kind: string, reason: JobFailureReason): void {
    this.jobFailures.inc({ kind, reason });
  }

  checkInRoundClosed(fanOutSeconds: number | null): void {
    if (fanOutSeconds !== null) this.fanOutSeconds.observe(fanOutSeconds);
  }

  private async refresh(): Promise<void> {
    const { stats } = this.options;
    if (!stats || !this.deliveries || !this.queue || !this.oldestDue || !this.statsUp) return;
    const now = (this.options.clock ?? (() => new Date()))();
    let read: [
      Awaited<ReturnType<OperatorStats['jobQueue']>>,
      Awaited<ReturnType<OperatorStats['openRoundDeliveries']>>,
    ];
    try {
      read = await Promise.all([stats.jobQueue(now), stats.openRoundDeliveries()]);
    } catch (error) {
      // The scrape still answers with this instance's counters; the failure shows as database_stats_up 0.
      this.options.log?.warn({ err: error }, 'metrics.stats.failed');
      this.statsUp.set(0);
      return;
    }
    const [queue, deliveries] = read;
    this.statsUp.set(1);
    this.deliveries.reset();
    for (const state of DELIVERY_STATES)
      this.deliveries.set({ state }, deliveries.find((d) => d.state === state)?.deliveries ?? 0);
    this.queue.reset();
    this.oldestDue.reset();
    const kinds = new Set([...(this.options.jobKinds ?? []), ...queue.map((q) => q.kind)]);
    for (const kind of kinds) {
      for (const state of QUEUE_STATES)
        this.queue.set({ kind, state }, queue.find((q) => q.kind === kind && q.state === state)?.jobs ?? 0);
      const due = queue.find((q) => q.kind === kind && q.state === 'due');
      this.oldestDue.set({ kind }, due ? Math.max(0, (now.getTime() - due.oldestRunAt.getTime()) / 1000) : 0);
    }
  }
}

function statusLabel(status: number): string {
  return status > 0 ? String(status) : 'network';
}
