/**
 * The data bench/load.ts puts under load, written straight through the stores and use cases before the app starts:
 * `size` teams of the local tenant with one member each (an editor of the team's charter, so every load connection
 * can read and write a charter of its own), and one team of `size` members with an open check-in round (so every
 * connection can answer as a different member). The start-up work (announcing every charter version, the check-in
 * schedule and review sync jobs) is run here too, so the app starts with an idle job queue.
 */
import { randomUUID } from 'node:crypto';

import { BotConnectorMessenger } from '../../src/adapters/bot/bot-connector-messenger';
import { botAuthentication } from '../../src/adapters/bot/create-bot';
import type { Database } from '../../src/adapters/storage/database';
import { PostgresReviewStore } from '../../src/adapters/storage/postgres-review-store';
import { announceAllCharterVersions } from '../../src/app/charters/announce-all-charter-versions';
import { checkInJobHandlers } from '../../src/app/checkins/check-in-job-handlers';
import type { CheckInDeps } from '../../src/app/checkins/checkin-deps';
import { openCheckInRound } from '../../src/app/checkins/open-check-in-round';
import type { Log, TeamScope } from '../../src/app/common-ports';
import { JOB_KINDS } from '../../src/app/jobs/job-kinds';
import { runDueJobs } from '../../src/app/jobs/run-due-jobs';
import { checkInReviewSignals } from '../../src/app/reviews/check-in-review-signals';
import type { ReviewMeetings } from '../../src/app/reviews/meeting-ports';
import { reviewJobHandlers } from '../../src/app/reviews/review-job-handlers';
import type { Calendar } from '../../src/app/reviews/review-ports';
import { LOCAL_TENANT_ID } from '../../src/config';
import type { CharterContent } from '../../src/domain/charter/charter';
import { saveFirstVersion } from '../../tests/support/charter-deps';
import { benchCheckInDeps } from './bench-check-ins';

export interface LoadTeam {
  teamId: string;
  /** The team's only member, an editor: the `X-Local-User` of the requests on this team. */
  userId: string;
  content: CharterContent;
}

export interface LoadFixture {
  tenantId: string;
  teams: LoadTeam[];
  round: {
    teamId: string;
    roundId: string;
    /** Everyone asked in the round: aadObjectId and Teams user id. */
    members: { aadObjectId: string; teamsUserId: string }[];
    outcomeIds: string[];
    boundaryId: string;
  };
}

/** The charter each single-member team starts with: no check-ins and no review, so a save queues only no-op jobs. */
function teamCharter(userId: string, i: number): CharterContent {
  return {
    purpose: `Load team ${i}: keep the charter readable under load.`,
    nonNegotiables: [{ id: randomUUID(), text: 'Every answer is kept.' }],
    outcomes: [{ id: randomUUID(), title: 'Fast charter saves', measure: 'p99 latency' }],
    boundaries: [{ id: randomUUID(), area: 'Tools', right: 'team_decides', note: null }],
    checkIns: null,
    review: null,
    timeZone: 'Europe/Berlin',
    editorIds: [userId],
  };
}

/** Fails the seed on any job that fails: the load must start from a clean queue. */
function failingOnErrors(): Log {
  const fail = (fields: object, event: string) => {
    throw new Error(`${event}: ${JSON.stringify(fields)}`);
  };
  return { debug: () => undefined, info: () => undefined, warn: fail, error: fail };
}

export async function seedLoad(db: Database, size: number): Promise<LoadFixture> {
  const tenantId = LOCAL_TENANT_ID;
  const log = failingOnErrors();
  const messenger = new BotConnectorMessenger({ auth: botAuthentication(null), botAppId: '' });
  const deps: CheckInDeps = benchCheckInDeps(db, messenger, { now: () => new Date() }, log);
  const now = new Date();
  const install = async (scope: TeamScope, name: string) =>
    deps.installs.saveInstallation({
      ...scope,
      teamsTeamId: `19:${scope.teamId}@thread.tacv2`,
      teamName: name,
      // Nothing is sent during the load: the round's cards count as delivered (below), charters have no check-ins.
      serviceUrl: 'http://127.0.0.1:9/',
      channelConversationId: `19:${scope.teamId}@thread.tacv2`,
      installedBy: null,
      installedAt: now,
      uninstalledAt: null,
    });

  const seedTeam = async (i: number): Promise<LoadTeam> => {
    const scope = { tenantId, teamId: randomUUID() };
    const userId = randomUUID();
    await install(scope, `Load team ${i}`);
    await deps.installs.upsertMembers(scope, [
      {
        aadObjectId: userId,
        teamsUserId: `29:load-team-${i}`,
        name: `Editor ${i}`,
        email: null,
        timeZone: null,
      },
    ]);
    const content = teamCharter(userId, i);
    await saveFirstVersion(deps.charters, scope, content, { id: userId, name: `Editor ${i}` }, now);
    return { teamId: scope.teamId, userId, content };
  };
  const teams: LoadTeam[] = [];
  // 25 teams at a time: PostgreSQL's pool writes them in parallel (PGlite queues them).
  for (let i = 0; i < size; i += 25)
    teams.push(
      ...(await Promise.all(Array.from({ length: Math.min(25, size - i) }, (_, k) => seedTeam(i + k)))),
    );

  // The round team: a daily check-in whose latest occurrence is a minute ago, so its round is open for a day.
  const scope = { tenantId, teamId: randomUUID() };
  const opensAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 60_000);
  const members = Array.from({ length: size }, (_, i) => ({
    aadObjectId: randomUUID(),
    teamsUserId: `29:load-member-${i}`,
  }));
  await install(scope, 'Load round');
  await deps.installs.upsertMembers(
    scope,
    members.map((m, i) => ({ ...m, name: `Member ${i}`, email: null, timeZone: null })),
  );
  const outcomeIds = [randomUUID(), randomUUID()];
  const boundaryId = randomUUID();
  const roundCharter: CharterContent = {
    purpose: 'Answer check-ins under load.',
    nonNegotiables: [{ id: randomUUID(), text: 'No lost answers.' }],
    outcomes: outcomeIds.map((id, i) => ({ id, title: `Outcome ${i + 1}`, measure: null })),
    boundaries: [{ id: boundaryId, area: 'Tools', right: 'team_decides', note: null }],
    checkIns: {
      cadence: {
        pattern: {
          kind: 'weekly',
          interval: 1,
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
        },
        startTime: opensAt.toISOString().slice(11, 16),
        durationMinutes: 15,
        timeZone: 'UTC',
        startDate: opensAt.toISOString().slice(0, 10),
        endDate: null,
      },
      anonymityMinimum: 3,
      quietHours: null,
      namedAnswersVisibleTo: 'team',
    },
    review: null,
    timeZone: 'UTC',
    editorIds: [],
  };
  await saveFirstVersion(deps.charters, scope, roundCharter, { id: 'load', name: 'Load' }, now);
  const round = await openCheckInRound(deps, scope, opensAt);
  if (!round) throw new Error('The load round did not open.');
  // The cards' fan-out is bench/checkin-fanout.ts's subject, not this one's: its delivery jobs are marked done.
  const worker = { workerId: 'load-seed', leaseMs: 60_000 };
  for (;;) {
    const claimed = await deps.jobs.claim({
      ...worker,
      now: new Date(),
      limit: 500,
      kinds: [JOB_KINDS.checkinsDeliver],
    });
    if (claimed.length === 0) break;
    for (const job of claimed) await deps.jobs.complete(job, new Date());
  }

  // What startApp's sweep would queue, run now with the real handlers (all no-ops but the round team's plan).
  await announceAllCharterVersions(deps, new Date());
  const noCalendar = new Proxy({} as Calendar, {
    get: () => () => Promise.reject(new Error('The load seed books no review series.')),
  });
  const noMeetings = new Proxy({} as ReviewMeetings, {
    get: () => () => Promise.reject(new Error('The load seed puts no app in a meeting.')),
  });
  const reviews = reviewJobHandlers({
    ...deps,
    reviews: new PostgresReviewStore(db),
    calendar: noCalendar,
    meetings: noMeetings,
    meetingApp: { manifestId: randomUUID(), catalogAppId: null, tabEndpoint: 'http://localhost:3978' },
    signals: checkInReviewSignals(deps),
    agendaLeadMs: 86_400_000,
  });
  const runner = {
    ...worker,
    queue: deps.jobs,
    clock: deps.clock,
    log,
    handlers: { ...checkInJobHandlers(deps), [JOB_KINDS.reviewsSync]: reviews[JOB_KINDS.reviewsSync] },
  };
  while ((await runDueJobs(runner, 200)) > 0);

  return {
    tenantId,
    teams,
    round: { teamId: scope.teamId, roundId: round.id, members, outcomeIds, boundaryId },
  };
}
