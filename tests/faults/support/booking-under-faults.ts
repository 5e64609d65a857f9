/**
 * Review booking for `teams` teams by the real app as a child process, its Graph calls going to the Graph sandbox in
 * the jest process (`GRAPH_BASE_URL`, `GRAPH_TOKEN_ENDPOINT`), while faults happen: SIGKILLs at random points (then a
 * restart) and whatever `during` does (storms). Each team has its own organizer mailbox, so the sandbox's calendar
 * says per team how many review series are live. Counted from the sandbox and the database only:
 * - series lost: teams with no live series, or whose database record is not `booked` on the live series;
 * - series double-booked: teams with more than one live series;
 * - meeting apps missing: teams whose series' meeting chat does not end with the app installed and its tab pinned;
 * - second tabs: meeting chats with more than one tab of the app (the install itself cannot happen twice: Graph, and
 *   the sandbox, answer a second one with 409).
 */
import { randomUUID } from 'node:crypto';

import type { Database } from '../../../src/adapters/storage/database';
import { PostgresReviewStore } from '../../../src/adapters/storage/postgres-review-store';
import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import type { TeamScope } from '../../../src/app/common-ports';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { LOCAL_TEAMS_APP_ID } from '../../../src/config';
import type { GraphSandbox } from '../../../src/sandbox/graph/graph-sandbox';
import { type AppProcess, startAppProcess, waitFor } from '../../support/fan-out-fixture';
import { installReviewTeam, saveReviewTeamCharter } from '../../support/review-teams';
import type { Figures } from './fault-scale';
import type { RoundStorage } from './round-under-faults';

/** The local-mode tenant the app's Graph token is for (config.ts's default). */
const LOCAL_TENANT = '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b';

export interface BookingRun {
  teams: number;
  storage: RoundStorage;
  graph: { sandbox: GraphSandbox; graphBaseUrl: string; tokenEndpoint(tenant: string): string };
  kills: number;
  random: () => number;
  leaseMs: number;
  /** The sandbox's service time per request (kills land inside one). */
  latencyMs: number;
  during?: () => Promise<Figures>;
}

export interface BookingOutcome {
  inFlightAtKills: number[];
  lost: number;
  doubleBooked: number;
  meetingAppsMissing: number;
  secondTabs: number;
  figures: Figures;
}

const organizerMailbox = (tenant: string, t: number): string =>
  `organizer${t}.${tenant.slice(0, 8)}@contoso.example`;

/** `teams` installed teams whose charters ask for a fortnightly review, and their `reviews.sync` jobs, due now. */
async function seedTeams(db: Database, teams: number): Promise<{ tenantId: string; scopes: TeamScope[] }> {
  const tenantId = randomUUID();
  const { charters, installs, jobs } = postgresStores(db);
  const scopes: TeamScope[] = [];
  for (let t = 0; t < teams; t++) {
    const scope = { tenantId, teamId: randomUUID() };
    scopes.push(scope);
    const { organizerId } = await installReviewTeam(installs, scope, t, organizerMailbox(tenantId, t), [
      {
        aadObjectId: `m-${t}`,
        teamsUserId: null,
        name: `Member ${t}`,
        email: `member${t}@contoso.example`,
        timeZone: null,
      },
    ]);
    // far enough ahead that no agenda job falls due during the run
    await saveReviewTeamCharter(charters, scope, t, organizerId, '2027-06-07');
    await jobs.enqueue({ scope, kind: JOB_KINDS.reviewsSync, key: 'v1', runAt: new Date(), payload: {} });
  }
  return { tenantId, scopes };
}

export async function runBookingUnderFaults(run: BookingRun): Promise<BookingOutcome> {
  const { storage, teams, graph } = run;
  const started = Date.now();
  const env = {
    TEST_JOB_LEASE_MS: String(run.leaseMs),
    GRAPH_BASE_URL: graph.graphBaseUrl,
    GRAPH_TOKEN_ENDPOINT: graph.tokenEndpoint(LOCAL_TENANT),
  };
  const withDb = async <T>(fn: (d: Database) => Promise<T>): Promise<T> => {
    const d = await storage.open();
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };
  const { tenantId, scopes } = await withDb((d) => seedTeams(d, teams));
  // Published in the org catalog under the manifest id the app uses in local mode: each booking then puts the app and
  // its tab in the series' meeting, and the kills land in those steps too.
  if (![...graph.sandbox.store.catalog.values()].some((a) => a.externalId === LOCAL_TEAMS_APP_ID))
    graph.sandbox.store.publishApp({
      id: randomUUID(),
      externalId: LOCAL_TEAMS_APP_ID,
      displayName: 'Team Charter',
    });
  const mailboxes = new Set(scopes.map((_, t) => organizerMailbox(tenantId, t)));
  const liveByMailbox = (): Map<string, number> => {
    const live = new Map<string, number>();
    for (const e of graph.sandbox.store.liveEvents())
      if (mailboxes.has(e.mailbox)) live.set(e.mailbox, (live.get(e.mailbox) ?? 0) + 1);
    return live;
  };

  const meetingAppsReady = async (d: Database): Promise<number> =>
    (await Promise.all(scopes.map((s) => new PostgresReviewStore(d).getMeetingApp(s)))).filter(
      (p) => p?.state === 'ready',
    ).length;
  let meetingStepsOpenAtKill: number | null = null;
  let app: AppProcess = await startAppProcess(storage, env);
  const during = run.during?.();
  const inFlightAtKills: number[] = [];
  let lastKill = 0;
  for (let k = 0; k < run.kills; k++) {
    // The last kill waits for the meeting steps to have begun (an app installed in some meeting's chat), so it lands
    // among them: catalog and meeting look-ups, installs and tabs of the other teams.
    if (k === run.kills - 1 && run.kills > 1)
      await waitFor(
        'the meeting steps to begin',
        () => [...graph.sandbox.store.chats.values()].some((c) => c.installedApps.length > 0),
        180_000,
      );
    // Each kill lands inside a Graph request: after the next one arrives, at a random point of its service time.
    const seen = graph.sandbox.stats.operations;
    await waitFor('a Graph request before a kill', () => graph.sandbox.stats.operations > seen, 120_000);
    await new Promise((r) => setTimeout(r, run.random() * run.latencyMs));
    await app.kill();
    lastKill = Date.now();
    await new Promise((r) => setTimeout(r, run.latencyMs + 200));
    // Series the sandbox booked that the database does not hold as booked: the creates in flight at the kill.
    const records = await withDb((d) =>
      Promise.all(scopes.map((s) => new PostgresReviewStore(d).getSeries(s))),
    );
    const recorded = new Set(
      records.flatMap((r) => (r?.state === 'booked' && r.graphSeriesId ? [r.graphSeriesId] : [])),
    );
    inFlightAtKills.push(
      graph.sandbox.store.liveEvents().filter((e) => mailboxes.has(e.mailbox) && !recorded.has(e.id)).length,
    );
    if (k === run.kills - 1 && run.kills > 1)
      meetingStepsOpenAtKill = teams - (await withDb(meetingAppsReady));
    app = await startAppProcess(storage, env);
  }
  const duringFigures = (await during) ?? {};

  const syncStates = (d: Database) =>
    d.query(`SELECT state, count(*)::int AS n FROM jobs WHERE tenant_id = $1 AND kind = $2 GROUP BY state`, [
      tenantId,
      JOB_KINDS.reviewsSync,
    ]);
  let jobStates: Record<string, number> = {};
  let ready = 0;
  for (let round = 0; ; round++) {
    await waitFor('every team to have a live series', () => liveByMailbox().size === teams, 180_000);
    const leasesExpired = lastKill + run.leaseMs + 1_000;
    await waitFor('the killed processes’ leases to expire', () => Date.now() >= leasesExpired, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    await app.stop();
    const rows = (await withDb(syncStates)).rows as { state: string; n: number }[];
    jobStates = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    ready = await withDb(meetingAppsReady);
    if ((jobStates.done === teams && ready === teams) || round >= 10) break;
    app = await startAppProcess(storage, env);
    await new Promise((r) => setTimeout(r, 2_000));
  }

  const live = liveByMailbox();
  const liveIds = new Set(graph.sandbox.store.liveEvents().map((e) => e.id));
  const records = await withDb((d) =>
    Promise.all(scopes.map((s) => new PostgresReviewStore(d).getSeries(s))),
  );
  const lost = scopes.filter(
    (_, t) =>
      !live.has(organizerMailbox(tenantId, t)) ||
      records[t]?.state !== 'booked' ||
      !liveIds.has(records[t]?.graphSeriesId ?? ''),
  ).length;
  const doubleBooked = [...live.values()].filter((n) => n > 1).length;
  const chats = records.map((r) => graph.sandbox.store.chatByJoinUrl(r?.joinUrl ?? ''));
  const appId = [...graph.sandbox.store.catalog.values()].find(
    (a) => a.externalId === LOCAL_TEAMS_APP_ID,
  )?.id;
  const ours = (chat: (typeof chats)[number]) => chat?.tabs.filter((t) => t.teamsAppId === appId).length ?? 0;
  const meetingAppsMissing = chats.filter(
    (chat) => !chat?.installedApps.includes(appId ?? '') || ours(chat) === 0,
  ).length;
  const secondTabs = chats.filter((chat) => ours(chat) > 1).length;
  return {
    lost,
    doubleBooked,
    meetingAppsMissing,
    secondTabs,
    inFlightAtKills,
    figures: {
      teams,
      'SIGKILLs (then restarts)': run.kills,
      'creates in flight at each kill': inFlightAtKills.length ? inFlightAtKills.join(', ') : '—',
      'series lost': lost,
      'series double-booked': doubleBooked,
      'meeting apps missing (recorded ready)': `${meetingAppsMissing} (${ready}/${teams})`,
      'meeting chats with a second tab': secondTabs,
      'teams whose meeting steps were unfinished at the last kill': meetingStepsOpenAtKill ?? '—',
      'reviews.sync jobs by state': JSON.stringify(jobStates),
      'Graph requests (429s)': `${graph.sandbox.stats.httpRequests} (${graph.sandbox.stats.throttled} concurrency, ${graph.sandbox.stats.faultsInjected} injected)`,
      ...duringFigures,
      'duration (s)': ((Date.now() - started) / 1000).toFixed(1),
    },
  };
}
