/**
 * The review-sync job as the app runs it (the review JobWorker with its `runReviewJobs` pass, real stores, the real
 * msal-node and graph-client against the Graph sandbox): a refusal that cannot heal stops the job after one try, shows
 * the team why in words an admin can act on, counts as permanent in /metrics and is logged once; a 503 is retried
 * and the booking goes through. On PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';

import { createAppTokenSource } from '../../../src/adapters/graph/app-token-provider';
import { GraphCalendar } from '../../../src/adapters/graph/graph-calendar';
import { GraphReviewMeetings } from '../../../src/adapters/graph/graph-review-meetings';
import { GraphTransport } from '../../../src/adapters/graph/graph-transport';
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics';
import { JobWorker } from '../../../src/adapters/scheduler/job-worker';
import type { Database } from '../../../src/adapters/storage/database';
import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import type { Log, TeamScope } from '../../../src/app/common-ports';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { getTeamReviews } from '../../../src/app/reviews/get-team-reviews';
import { NO_REVIEW_SIGNALS, type ReviewDeps } from '../../../src/app/reviews/review-deps';
import { reviewJobHandlers } from '../../../src/app/reviews/review-job-handlers';
import { runReviewJobs } from '../../../src/app/reviews/run-review-jobs';
import { type RunningGraphSandbox, startGraphSandbox } from '../../../src/sandbox/graph/graph-sandbox-router';
import { CLIENT_ID, CLIENT_SECRET, MEETING_APP, TENANT } from '../../adapters/graph/graph-harness';
import { parseExposition } from '../../support/exposition';
import { installReviewTeam, saveReviewTeamCharter } from '../../support/review-teams';
import { usePostgresHarness } from '../../support/storage-harness';
import { openTestDatabase } from '../../support/test-database';

const SYNC = JOB_KINDS.reviewsSync;

interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  event: string;
}

function capturingLog(): Log & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (fields: object, event: string): void => {
      lines.push({ level, fields: fields as Record<string, unknown>, event });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function until(what: string, done: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function reviewSyncFailureSuite(db: () => Database): void {
  let graph: RunningGraphSandbox;
  let t = 0;
  beforeAll(async () => {
    graph = await startGraphSandbox({ clients: { [CLIENT_ID]: CLIENT_SECRET } });
  });
  afterAll(() => graph.close());

  /**
   * Installs a team whose charter books a review on `organizer`'s mailbox, queues its `reviews.sync` job as saving
   * the charter does, and runs the review worker until the job is done or dead.
   */
  async function syncTeam(options: { organizer: string; clientSecret?: string; authorityHost?: string }) {
    t += 1;
    const scope: TeamScope = { tenantId: TENANT, teamId: randomUUID() };
    // A short backoff so a retry comes within the test; the app's is 2 s doubling.
    const { charters, installs, jobs, reviews } = postgresStores(db(), {
      jobs: { backoffBaseMs: 20, random: () => 0.5 },
    });
    const { organizerId } = await installReviewTeam(installs, scope, t, options.organizer, []);
    await saveReviewTeamCharter(charters, scope, t, organizerId, '2027-06-01');
    const local = options.authorityHost === undefined;
    const transport = new GraphTransport({
      graphBaseUrl: graph.graphBaseUrl,
      accessToken: createAppTokenSource({
        clientId: CLIENT_ID,
        clientSecret: options.clientSecret ?? CLIENT_SECRET,
        tenantId: TENANT,
        authorityHost: options.authorityHost ?? 'https://login.microsoftonline.com',
        tokenEndpoint: local ? graph.tokenEndpoint(TENANT) : null,
      }),
      // No retries inside the transport: what fails reaches the job queue, which decides.
      retryDelaySeconds: 0,
      maxRetries: 0,
    });
    const calendar = new GraphCalendar(transport);
    const log = capturingLog();
    const metrics = new PrometheusMetrics({ jobKinds: Object.values(JOB_KINDS), processMetrics: false });
    const deps: ReviewDeps = {
      charters,
      installs,
      jobs,
      reviews,
      calendar,
      meetings: new GraphReviewMeetings(transport),
      meetingApp: MEETING_APP,
      signals: NO_REVIEW_SIGNALS,
      clock: { now: () => new Date() },
      ids: { next: () => randomUUID() },
      log,
      agendaLeadMs: 86_400_000,
    };
    const { id } = await jobs.enqueue({ scope, kind: SYNC, key: 'v1', runAt: new Date(), payload: {} });
    const tokenRequests = graph.sandbox.stats.tokenRequests;
    const worker = new JobWorker(
      {
        queue: jobs,
        clock: deps.clock,
        log,
        metrics,
        handlers: reviewJobHandlers(deps),
        workerId: `reviews-${t}`,
        leaseMs: 60_000,
      },
      { idleMs: 20, batch: 40, pass: runReviewJobs },
    );
    worker.start();
    try {
      await until('the sync job settles', async () => {
        const state = (await jobs.getJob(scope, id))?.state;
        return state === 'done' || state === 'dead';
      });
      // Several more passes of the worker: a settled job is never claimed again.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await worker.stop();
    }
    const exposition = parseExposition(await metrics.render());
    return {
      job: await jobs.getJob(scope, id),
      view: await getTeamReviews(
        deps,
        { tenantId: TENANT, userId: organizerId, name: 'Organizer' },
        scope.teamId,
      ),
      series: await deps.reviews.getSeries(scope),
      failures: (reason: 'permanent' | 'transient') =>
        exposition.value('teamcharter_job_failures_total', { kind: SYNC, reason }),
      failedLines: log.lines.filter((l) => l.event === 'job.failed'),
      tokenRequests: graph.sandbox.stats.tokenRequests - tokenRequests,
    };
  }

  it('tries the job once on a wrong client secret (invalid_client), shows why, and counts it as permanent', async () => {
    const run = await syncTeam({ organizer: 'organizer.secret@contoso.example', clientSecret: 'expired' });
    expect(run.job).toMatchObject({ state: 'dead', attempts: 1 });
    expect(run.tokenRequests).toBe(1);
    expect(run.series).toMatchObject({
      state: 'failed',
      lastErrorReason: 'unauthorized',
      graphSeriesId: null,
    });
    expect(run.view.sync.status).toBe('failed');
    expect(run.view.sync.error?.message).toMatch(
      /Entra ID refused Team Charter’s sign-in .*an admin must check AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET/,
    );
    expect(run.failures('permanent')).toBe(1);
    expect(run.failures('transient')).toBe(0);
    // One line for the admin: what failed (AADSTS7000215) and what to do.
    expect(run.failedLines).toHaveLength(1);
    expect(run.failedLines[0]).toMatchObject({
      level: 'error',
      fields: { kind: SYNC, reason: 'permanent', willRetry: false, advice: run.view.sync.error?.message },
    });
    expect(String((run.failedLines[0]?.fields.err as Error).message)).toMatch(
      /invalid_client.*AADSTS7000215/,
    );
    expect(graph.sandbox.store.eventsOf('organizer.secret@contoso.example')).toHaveLength(0);
  });

  it('tries the job once on a plain-http authority (authority_uri_insecure)', async () => {
    const run = await syncTeam({
      organizer: 'organizer.authority@contoso.example',
      authorityHost: 'http://login.contoso.example',
    });
    expect(run.job).toMatchObject({ state: 'dead', attempts: 1 });
    expect(run.job?.lastError).toMatch(/authority_uri_insecure/);
    expect(run.series).toMatchObject({ state: 'failed', lastErrorReason: 'authority' });
    expect(run.view.sync.error?.message).toMatch(/an admin must correct AAD_APP_OAUTH_AUTHORITY_HOST/);
    expect(run.failures('permanent')).toBe(1);
    expect(run.failedLines).toHaveLength(1);
  });

  it('tries the job once when the organizer’s mailbox refuses access, and says an admin must grant Calendars.ReadWrite', async () => {
    graph.sandbox.setMailbox('organizer.denied@contoso.example', { denied: true });
    const run = await syncTeam({ organizer: 'organizer.denied@contoso.example' });
    expect(run.job).toMatchObject({ state: 'dead', attempts: 1 });
    expect(run.series).toMatchObject({ state: 'failed', lastErrorReason: 'access_denied' });
    expect(run.view.sync.error?.message).toMatch(
      /^The organizer’s mailbox refused access: an admin must grant Team Charter the Calendars\.ReadWrite/,
    );
    expect(run.failures('permanent')).toBe(1);
    expect(run.failedLines[0]?.fields.advice).toBe(run.view.sync.error?.message);
  });

  it('tries the job once when the organizer has no mailbox (404 ErrorInvalidUser)', async () => {
    graph.sandbox.setMailbox('organizer.gone@contoso.example', { missing: true });
    const run = await syncTeam({ organizer: 'organizer.gone@contoso.example' });
    expect(run.job).toMatchObject({ state: 'dead', attempts: 1 });
    expect(run.series).toMatchObject({ state: 'failed', lastErrorReason: 'mailbox_not_found' });
    expect(run.view.sync.error?.message).toMatch(/The organizer has no Exchange Online mailbox/);
    expect(run.failures('permanent')).toBe(1);
  });

  it('retries after a Graph 503 and then books the series (transient: counted, not permanent)', async () => {
    const organizer = 'organizer.busy@contoso.example';
    graph.sandbox.injectFault({
      status: 503,
      retryAfterSeconds: null,
      times: 1,
      pathIncludes: 'organizer.busy',
    });
    const run = await syncTeam({ organizer });
    expect(run.job).toMatchObject({ state: 'done', attempts: 2, lastError: null });
    expect(run.series).toMatchObject({ state: 'booked', lastError: null, lastErrorReason: null });
    expect(run.view.sync).toMatchObject({ status: 'in_step', error: null });
    expect(graph.sandbox.store.eventsOf(organizer)).toHaveLength(1);
    expect(run.failures('transient')).toBe(1);
    expect(run.failures('permanent')).toBe(0);
    expect(run.failedLines).toHaveLength(1);
    expect(run.failedLines[0]).toMatchObject({
      level: 'warn',
      fields: { reason: 'transient', willRetry: true },
    });
    expect(run.failedLines[0]?.fields).not.toHaveProperty('advice');
  });
}

describe('the review-sync job on PGlite', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    db = await openTestDatabase();
  }, 60_000);
  afterAll(() => db.dispose());
  reviewSyncFailureSuite(() => db);
});

// Like tests/adapters/storage/postgres.test.ts, the server run needs TEST_DATABASE_URL (.ci/run sets it).
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl)
  describe('the review-sync job on PostgreSQL', () => {
    const harness = usePostgresHarness(serverUrl);
    reviewSyncFailureSuite(() => harness.db());
  });
