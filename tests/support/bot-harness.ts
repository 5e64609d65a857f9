/**
 * The real bot (botbuilder CloudAdapter + TeamCharterBot) on a real HTTP server over PGlite, talking to the Bot
 * Connector sandbox running as its own server — the same wiring as main.ts, with a clock the test moves.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';

import express from 'express';
import pino from 'pino';

import {
  BotConnectorMessenger,
  type ConnectorCallObserver,
} from '../../src/adapters/bot/bot-connector-messenger';
import { botAuthentication, botMount } from '../../src/adapters/bot/create-bot';
import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import { checkInJobHandlers } from '../../src/app/checkins/check-in-job-handlers';
import type { CheckInDeps } from '../../src/app/checkins/checkin-deps';
import type { Author, Clock, Metrics, TeamScope } from '../../src/app/common-ports';
import type { InstallStore } from '../../src/app/installs/install-ports';
import { JOB_KINDS } from '../../src/app/jobs/job-kinds';
import { runDueJobs } from '../../src/app/jobs/run-due-jobs';
import type { CharterContent } from '../../src/domain/charter/charter';
import type { CharterLinkTarget } from '../../src/domain/links/charter-links';
import {
  BotConnectorSandbox,
  type SandboxMember,
  type SandboxTeam,
} from '../../src/sandbox/bot-connector/bot-connector-sandbox';
import { saveFirstVersion } from './charter-deps';

export class MovableClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date): void {
    this.at = at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface BotHarness {
  sandbox: BotConnectorSandbox;
  deps: CheckInDeps;
  messenger: BotConnectorMessenger;
  clock: MovableClock;
  db: Database;
  /** Runs every due job (and those they queue) until none is due at the clock's time. */
  drainJobs(): Promise<number>;
  /**
   * Adds `team` to the sandbox, installs the app there as `installer` (default: its first member) and drains the jobs
   * that queues (the roster and the welcome card). Throws when the bot does not answer the install with 200.
   */
  installTeam(team: SandboxTeam, installer?: string): Promise<void>;
  /**
   * Saves `content` as the team's first charter version, by `author`, queues the check-in planning that a save
   * queues, and drains the jobs.
   */
  saveFirstCharter(scope: TeamScope, content: CharterContent, author: Author): Promise<void>;
  close(): Promise<void>;
}

export async function startBotHarness(
  db: Database,
  options: {
    start?: Date;
    sandbox?: { enforceLimits?: boolean };
    /** Counted like main.ts does (the Messenger's answers, the job runs, the rounds). */
    metrics?: Metrics & ConnectorCallObserver;
    /** Tries per Connector call before the job's own backoff takes over (default: the Messenger's). */
    messengerMaxTries?: number;
    /** Where the cards and replies link: local mode's tab by default; `teams` as outside local mode. */
    charterLinks?: CharterLinkTarget;
  } = {},
): Promise<BotHarness> {
  const clock = new MovableClock(options.start ?? new Date('2026-01-05T08:00:00Z'));
  const sandbox = new BotConnectorSandbox({ enforceLimits: options.sandbox?.enforceLimits ?? true });
  const connector = await sandbox.listen();
  const auth = botAuthentication(null);
  // Faster backoff than production so a throttling storm passes in a test's time; same code path.
  const messenger = new BotConnectorMessenger({
    auth,
    botAppId: '',
    backoffBaseMs: 50,
    backoffCapMs: 2_000,
    ...(options.messengerMaxTries ? { maxTries: options.messengerMaxTries } : {}),
    metrics: options.metrics,
  });
  const log = pino({ level: 'silent' });
  const deps: CheckInDeps = {
    ...postgresStores(db, { jobs: { backoffBaseMs: 10, backoffCapMs: 50 } }),
    messenger,
    directory: messenger,
    clock,
    ids: { next: () => randomUUID() },
    log,
    charterLinks: options.charterLinks ?? { kind: 'local', tabEndpoint: 'http://localhost:3978' },
    uninstallGraceMs: 7 * 86_400_000,
    metrics: options.metrics,
  };
  const app = express();
  botMount(auth, deps, log)(app);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  sandbox.botEndpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/messages`;
  const handlers = checkInJobHandlers(deps);

  const drainJobs = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const ran = await runDueJobs(
        {
          queue: deps.jobs,
          clock,
          log,
          handlers,
          workerId: 'test',
          leaseMs: 60_000,
          metrics: options.metrics,
        },
        50,
      );
      if (ran === 0) return total;
      total += ran;
    }
  };

  return {
    sandbox,
    deps,
    messenger,
    clock,
    db,
    drainJobs,
    async installTeam(team, installer = team.members[0]?.aadObjectId ?? '') {
      sandbox.addTeam(team);
      const { status } = await sandbox.install(team.teamsTeamId, installer);
      if (status !== 200) throw new Error(`The install in ${team.name} was answered ${status}.`);
      await drainJobs();
    },
    async saveFirstCharter(scope, content, author) {
      await saveFirstVersion(deps.charters, scope, content, author, clock.now());
      await deps.jobs.enqueue({
        scope,
        kind: JOB_KINDS.checkinsSchedule,
        key: 'v1',
        runAt: clock.now(),
        payload: { version: 1 },
      });
      await drainJobs();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}

let seq = 0;

/**
 * Stores `team` as the install flow stores it: the installation, posting to `serviceUrl`, and every member of its
 * roster. Its scope is `{ tenantId, teamId: aadGroupId }`.
 */
export async function saveSandboxInstall(
  installs: InstallStore,
  team: SandboxTeam,
  serviceUrl: string,
  installedAt: Date,
): Promise<void> {
  const scope = { tenantId: team.tenantId, teamId: team.aadGroupId };
  await installs.saveInstallation({
    ...scope,
    teamsTeamId: team.teamsTeamId,
    teamName: team.name,
    serviceUrl,
    channelConversationId: team.teamsTeamId,
    installedBy: null,
    installedAt,
    uninstalledAt: null,
  });
  await installs.upsertMembers(
    scope,
    team.members.map((m) => ({
      aadObjectId: m.aadObjectId,
      teamsUserId: m.id,
      name: m.name,
      email: null,
      timeZone: null,
    })),
  );
}

/** A team in the sandbox with `size` members (Teams ids, AAD ids and names), not installed yet. */
export function sandboxTeam(
  size: number,
  tenantId: string = randomUUID(),
): SandboxTeam & { scope: TeamScope } {
  const n = ++seq;
  const aadGroupId = randomUUID();
  const members: SandboxMember[] = Array.from({ length: size }, (_, i) => ({
    id: `29:member-${n}-${i}`,
    aadObjectId: randomUUID(),
    name: `Member ${String(i).padStart(4, '0')}`,
    email: `member${i}@contoso.example`,
  }));
  return {
    tenantId,
    teamsTeamId: `19:team-${n}@thread.tacv2`,
    aadGroupId,
    name: `Team ${n}`,
    members,
    scope: { tenantId, teamId: aadGroupId },
  };
}
