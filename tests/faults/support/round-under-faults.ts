/**
 * A check-in round for `members` members run by the real app as a child process (tests/adapters/bot/support), against
 * the Bot Connector sandbox in the jest process, while every member answers their card as soon as it arrives — and
 * faults happen: SIGKILLs at random points (then a restart), and whatever `during` does (storms, a database restart).
 *
 * Everything counted comes from the sandbox's records and the database, never from the app:
 * - deliveries lost: members the sandbox never accepted a card for, or whose delivery the database does not hold as
 *   sent (or whose delivery job is not done);
 * - duplicates: cards the sandbox accepted beyond one per member;
 * - in flight at a kill: members with a card the sandbox accepted that the database had not recorded, counted anew
 *   at each kill (a member still unrecorded from an earlier kill counts again only if a new card went out since);
 * - answers lost: answers the bot acknowledged (a 200 with the thank-you card) that the database does not hold.
 */
import type { Database } from '../../../src/adapters/storage/database';
import { PostgresCheckInStore } from '../../../src/adapters/storage/postgres-checkin-store';
import type { BotConnectorSandbox } from '../../../src/sandbox/bot-connector/bot-connector-sandbox';
import {
  type AppProcess,
  cardsByMember,
  deliveriesSent,
  deliveryJobStates,
  type FanOutTeam,
  openDueRound,
  seedFanOutTeam,
  startAppProcess,
  waitFor,
} from '../../support/fan-out-fixture';
import { type Figures, randomPoints } from './fault-scale';

export interface RoundStorage {
  databaseUrl?: string | null;
  dataDir: string;
  /** Opens the app's database from the test. PGlite: only while no app process has it open. */
  open(): Promise<Database>;
  /** Whether the test may keep it open while the app runs (PostgreSQL). */
  shared: boolean;
}

export interface RoundContext {
  sandbox: BotConnectorSandbox;
  team: FanOutTeam;
  /** Cards the sandbox has accepted for the team so far. */
  cards(): number;
  /** Members unrecorded in the database with a card in the sandbox, now (PostgreSQL only). */
  unrecorded(): Promise<number>;
}

export interface RoundRun {
  members: number;
  storage: RoundStorage;
  connector: { sandbox: BotConnectorSandbox; quiet(ms: number): Promise<void> };
  /** SIGKILLs at random points between 10 % and 85 % of the cards. */
  kills: number;
  random: () => number;
  /** The app's job lease: how soon the jobs a killed process held are claimed again. */
  leaseMs: number;
  /** Runs alongside the round (injects faults); its figures are added to the result. */
  during?: (context: RoundContext) => Promise<Figures>;
  env?: Record<string, string>;
}

export interface RoundOutcome {
  deliveriesLost: number;
  duplicates: number;
  answersAcknowledged: number;
  answersLost: number;
  inFlightAtKills: number[];
  figures: Figures;
}

interface Answers {
  acknowledged: Set<string>;
  attempts: number;
  refused: number;
  stop(): Promise<void>;
}

/** Every member answers the card in the sandbox as soon as it is there, retrying until the bot acknowledges it. */
function answerEveryCard(
  sandbox: BotConnectorSandbox,
  team: FanOutTeam,
  roundId: string,
  concurrency: number,
): Answers {
  const acknowledged = new Set<string>();
  const pending = new Set<string>();
  let stopped = false;
  const state = { attempts: 0, refused: 0 };
  const byConversation = new Map(team.members.map((m) => [m.conversationId, m.aadObjectId]));

  const answerOne = async (aadObjectId: string, card: string): Promise<void> => {
    const inputs = [...card.matchAll(/"id":"(progress_[^"]+)"/g)].map((m) => m[1] as string);
    state.attempts += 1;
    try {
      const result = await sandbox.memberInvoke({
        teamsTeamId: team.teamsTeamId,
        aadObjectId,
        verb: 'checkin.submit',
        data: {
          roundId,
          teamId: team.scope.teamId,
          tenantId: team.scope.tenantId,
          ...Object.fromEntries(inputs.map((id) => [id, '4'])),
        },
      });
      const body = result.body as { statusCode?: number; value?: unknown } | null;
      if (
        result.status === 200 &&
        body?.statusCode === 200 &&
        JSON.stringify(body.value).includes('Thank you')
      )
        acknowledged.add(aadObjectId);
      else state.refused += 1;
    } catch {
      // The app is down (killed, restarting): no answer, so the member tries again, as a person would.
      state.refused += 1;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const cards = new Map<string, string>();
  let scanned = 0;
  const loop = (async () => {
    while (!stopped) {
      for (; scanned < sandbox.activities.length; scanned++) {
        const a = sandbox.activities[scanned];
        const member = a && byConversation.get(a.conversationId);
        if (member && a.operation === 'send' && a.activity.attachments && !cards.has(member))
          cards.set(member, JSON.stringify(a.activity.attachments));
      }
      const due = [...cards].filter(([m]) => !acknowledged.has(m) && !pending.has(m));
      const batch = due.slice(0, Math.max(0, concurrency - pending.size));
      for (const [member, card] of batch) {
        pending.add(member);
        void answerOne(member, card).finally(() => pending.delete(member));
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();

  return {
    acknowledged,
    get attempts() {
      return state.attempts;
    },
    get refused() {
      return state.refused;
    },
    async stop() {
      stopped = true;
      await loop;
      await waitFor('answers in progress', () => pending.size === 0, 30_000);
    },
  };
}

export async function runRoundUnderFaults(run: RoundRun): Promise<RoundOutcome> {
  const { storage, members } = run;
  const { sandbox } = run.connector;
  const started = Date.now();
  const env = { TEST_JOB_LEASE_MS: String(run.leaseMs), ...run.env };

  const db = await storage.open();
  const team = await seedFanOutTeam(db, sandbox, members);
  const roundId = await openDueRound(db, team.scope, team.cadence);
  if (!storage.shared) await db.close();
  const total = (): number => [...cardsByMember(sandbox, team).values()].reduce((a, b) => a + b, 0);
  const withDb = async <T>(fn: (d: Database) => Promise<T>): Promise<T> => {
    if (storage.shared) return fn(db);
    const d = await storage.open();
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };

  let app: AppProcess = await startAppProcess(storage, env);
  sandbox.botEndpoint = `${app.url}/api/messages`;
  const answers = answerEveryCard(sandbox, team, roundId, 4);
  const context: RoundContext = {
    sandbox,
    team,
    cards: total,
    unrecorded: async () => {
      const sent = await deliveriesSent(db, team.scope, roundId);
      return [...cardsByMember(sandbox, team).keys()].filter((m) => !sent.has(m)).length;
    },
  };
  const during = run.during?.(context);

  const inFlightAtKills: number[] = [];
  let previous = new Map<string, number>();
  let lastKill = 0;
  try {
    for (const point of randomPoints(run.random, run.kills, 0.1, 0.85)) {
      const at = Math.ceil(point * members);
      await waitFor(`${at} cards before a kill`, () => total() >= at, 120_000);
      await app.kill();
      lastKill = Date.now();
      // Requests that reached the sandbox before the kill are answered (and recorded) after its latency — later still
      // on a busy machine: wait until the sandbox has been idle a while, or they would look like unexplained duplicates.
      await run.connector.quiet(500);
      const cards = cardsByMember(sandbox, team);
      const sent = await withDb((d) => deliveriesSent(d, team.scope, roundId));
      const unrecorded = new Map([...cards].filter(([m]) => !sent.has(m)));
      // The database never records a card the service did not accept.
      const recordedWithoutCard = [...sent].filter((m) => !cards.has(m)).length;
      if (recordedWithoutCard > 0)
        throw new Error(`${recordedWithoutCard} deliveries recorded without a card`);
      inFlightAtKills.push([...unrecorded].filter(([m, n]) => n > (previous.get(m) ?? 0)).length);
      previous = unrecorded;
      app = await startAppProcess(storage, env);
      sandbox.botEndpoint = `${app.url}/api/messages`;
    }
    const duringFigures = (await during) ?? {};

    // Every member has a card and an acknowledged answer, the jobs the killed processes held had their leases expire
    // and ran again; then stop and read the database (PGlite: only now may the test open it). A job still pending
    // (its retry backing off) gets more time.
    for (let round = 0; ; round++) {
      await waitFor(
        'every member to have a card and an acknowledged answer',
        () => cardsByMember(sandbox, team).size === members && answers.acknowledged.size === members,
        180_000,
      );
      const leasesExpired = lastKill + run.leaseMs + 1_000;
      await waitFor('the killed processes’ leases to expire', () => Date.now() >= leasesExpired, 60_000);
      await new Promise((r) => setTimeout(r, 500));
      if (round === 0) await answers.stop();
      await app.stop();
      const states = await withDb((d) => deliveryJobStates(d, team.scope));
      if (states.done === members || round >= 10) break;
      app = await startAppProcess(storage, env);
      sandbox.botEndpoint = `${app.url}/api/messages`;
      await new Promise((r) => setTimeout(r, 2_000));
    }

    const final = cardsByMember(sandbox, team);
    const { sent, jobs, stored } = await withDb(async (d) => ({
      sent: await deliveriesSent(d, team.scope, roundId),
      jobs: await deliveryJobStates(d, team.scope),
      stored: new Set(
        (await new PostgresCheckInStore(d).listResponses(team.scope, roundId)).map((r) => r.aadObjectId),
      ),
    }));
    const deliveriesLost = team.members.filter(
      (m) => !final.has(m.aadObjectId) || !sent.has(m.aadObjectId),
    ).length;
    const duplicates = [...final.values()].reduce((sum, n) => sum + n - 1, 0);
    const answersLost = [...answers.acknowledged].filter((m) => !stored.has(m)).length;
    return {
      deliveriesLost,
      duplicates,
      answersAcknowledged: answers.acknowledged.size,
      answersLost,
      inFlightAtKills,
      figures: {
        members,
        'SIGKILLs (then restarts)': run.kills,
        'in flight at each kill': inFlightAtKills.length ? inFlightAtKills.join(', ') : '—',
        'deliveries lost': deliveriesLost,
        duplicates: `${duplicates} (allowed ≤ ${inFlightAtKills.reduce((a, b) => a + b, 0)})`,
        'delivery jobs by state': JSON.stringify(jobs),
        'answers acknowledged / stored': `${answers.acknowledged.size} / ${stored.size}`,
        'answers lost': answersLost,
        'answer attempts refused (app down)': answers.refused,
        ...duringFigures,
        'duration (s)': ((Date.now() - started) / 1000).toFixed(1),
      },
    };
  } finally {
    if (storage.shared) await db.close();
  }
}
