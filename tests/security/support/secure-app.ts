/**
 * The app as it runs outside local mode, for the security suite: the real express app with every API router and the
 * bot's `/api/messages`, the real Entra token verifier against a fake Entra, botbuilder's CloudAdapter with
 * `ConfigurationBotFrameworkAuthentication` against a fake Bot Framework OpenID server (BOT_OPENID_METADATA_URL),
 * real stores on PGlite and the Graph sandbox — wired as in main.ts.
 *
 * The world: tenant T (FAKE_TENANT_ID) has team A (Ada, editor; Ben) and team B (Bob, editor; Bea), each with a
 * charter, an open check-in round and open review proposals. Tenant U (OTHER_TENANT_ID) has a team with team A's
 * id (Mallory). Nobody is a member of both A and B.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';
import pino from 'pino';

import { createEntraTokenVerifier } from '../../../src/adapters/auth/entra-token-verifier';
import {
  botAuthentication,
  type BotIdentity,
  botMount,
  createMessenger,
} from '../../../src/adapters/bot/create-bot';
import { bearerAuthenticate } from '../../../src/adapters/http/authenticate';
import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import { checkInRoutes } from '../../../src/adapters/http/routes/checkin-routes';
import { reviewRoutes } from '../../../src/adapters/http/routes/review-routes';
import { reviewSessionRoutes } from '../../../src/adapters/http/routes/review-session-routes';
import { postgresStores } from '../../../src/adapters/storage/postgres-stores';
import type { CharterDeps } from '../../../src/app/charters/charter-deps';
import type { CheckInDeps } from '../../../src/app/checkins/checkin-deps';
import type { TeamScope } from '../../../src/app/common-ports';
import type { MemberInput } from '../../../src/app/installs/install-ports';
import { checkInReviewSignals } from '../../../src/app/reviews/check-in-review-signals';
import { recordReviewOutcomes } from '../../../src/app/reviews/record-review-outcomes';
import type { ReviewDeps } from '../../../src/app/reviews/review-deps';
import type { CharterContent } from '../../../src/domain/charter/charter';
import { questionsFromCharter } from '../../../src/domain/checkin/questions-from-charter';
import { type GraphHarness, MEETING_APP, startGraphHarness } from '../../adapters/graph/graph-harness';
import { validCharter } from '../../support/charter-fixtures';
import {
  FAKE_APP_ID_URI,
  FAKE_CLIENT_ID,
  FAKE_TENANT_ID,
  FAKE_USER,
  type FakeEntra,
  OTHER_TENANT_ID,
  startFakeEntra,
} from '../../support/fake-entra';
import { installTeam } from '../../support/install-team';
import { openTestDatabase } from '../../support/test-database';
import { type FakeBotFramework, startFakeBotFramework } from './fake-bot-framework';
import type { Tally } from './tally';

export const BOT_APP_ID = '4a2b7c9d-1e3f-4a5b-8c6d-7e8f9a0b1c2d';
/** The Teams app's id: what the links the bot sends name (outside local mode, Teams deep links). */
const TEAMS_APP_ID = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
export const TENANT_T = FAKE_TENANT_ID;
export const TENANT_U = OTHER_TENANT_ID;
export const TEAM_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TEAM_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const ADA = FAKE_USER.oid;
export const BEN = 'a0000000-0000-4000-8000-0000000000be';
export const BOB = 'b0000000-0000-4000-8000-0000000000b0';
const BEA = 'b0000000-0000-4000-8000-0000000000ea';
export const MALLORY = 'c0000000-0000-4000-8000-00000000000c';
export const STRANGER = 'd0000000-0000-4000-8000-00000000000d';
/** Text only team A's data contains: a response carrying it to anyone else is a leak. */
export const SECRET_A = 'Team A purpose: ship the quarterly plan';
export const SECRET_B = 'Team B purpose: keep the warehouse running';

const scopeA: TeamScope = { tenantId: TENANT_T, teamId: TEAM_A };
const scopeB: TeamScope = { tenantId: TENANT_T, teamId: TEAM_B };
const scopeUA: TeamScope = { tenantId: TENANT_U, teamId: TEAM_A };

export interface TeamFixture {
  scope: TeamScope;
  roundId: string;
  /** Open proposals: [0] for accept, [1] for drop. */
  proposalIds: string[];
}

export interface SecureApp {
  app: Express;
  /** `http://127.0.0.1:PORT`: the bot endpoint is `${url}/api/messages`. */
  url: string;
  entra: FakeEntra;
  botFramework: FakeBotFramework;
  graph: GraphHarness;
  charterDeps: CharterDeps;
  checkInDeps: CheckInDeps;
  reviewDeps: ReviewDeps;
  teamA: TeamFixture;
  teamB: TeamFixture;
  /**
   * A digest of every row of every table (of one tenant's rows, when given): equal before and after means nothing
   * changed.
   */
  fingerprint(tenantId?: string): Promise<string>;
  close(): Promise<void>;
}

const member = (aadObjectId: string, name: string, alias: string): MemberInput => ({
  aadObjectId,
  teamsUserId: `29:${alias}`,
  name,
  email: `${alias}@contoso.example`,
  timeZone: 'Europe/Berlin',
});

async function startSecureApp(): Promise<SecureApp> {
  const [entra, botFramework, graph, db] = await Promise.all([
    startFakeEntra(),
    startFakeBotFramework(),
    startGraphHarness(),
    openTestDatabase(),
  ]);
  const log = pino({ level: 'silent' });
  const { charters, installs, jobs, checkins, reviews, reviewSessions } = postgresStores(db);
  const charterDeps: CharterDeps = {
    charters,
    installs,
    jobs,
    clock: { now: () => new Date() },
    ids: { next: () => randomUUID() },
  };
  const identity: BotIdentity = {
    appId: BOT_APP_ID,
    appPassword: 'not-used-by-inbound-checks',
    appTenantId: null,
    appType: 'MultiTenant',
    openIdMetadataUrl: botFramework.metadataUrl,
  };
  const botAuth = botAuthentication(identity);
  const messenger = createMessenger(botAuth, identity);
  const checkInDeps: CheckInDeps = {
    ...charterDeps,
    checkins,
    messenger,
    directory: messenger,
    log,
    charterLinks: { kind: 'teams', appId: TEAMS_APP_ID },
    uninstallGraceMs: 0,
  };
  const reviewDeps: ReviewDeps = {
    ...charterDeps,
    reviews,
    calendar: graph.calendar,
    meetings: graph.meetings,
    meetingApp: MEETING_APP,
    signals: checkInReviewSignals({ checkins }),
    log,
    agendaLeadMs: 86_400_000,
  };
  const app = createHttpApp({
    logger: log,
    authenticate: bearerAuthenticate(
      createEntraTokenVerifier({
        authorityHost: entra.authorityHost,
        clientId: FAKE_CLIENT_ID,
        appIdUri: FAKE_APP_ID_URI,
      }),
    ),
    charters: charterDeps,
    installs,
    readiness: () => Promise.resolve({ ready: true, checks: {} }),
    apiRouters: [
      checkInRoutes(checkInDeps),
      reviewRoutes(reviewDeps, charterDeps),
      reviewSessionRoutes({
        ...reviewDeps,
        sessions: reviewSessions,
        messenger: checkInDeps.messenger,
        charterLinks: checkInDeps.charterLinks,
      }),
    ],
    apiSiblings: [botMount(botAuth, checkInDeps, log)],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const install = (scope: TeamScope, name: string, members: MemberInput[]) =>
    installTeam(installs, scope, name, members, 'https://smba.trafficmanager.net/emea/');
  await install(scopeA, 'Team A', [member(ADA, 'Ada Lovelace', 'ada'), member(BEN, 'Ben Okafor', 'ben')]);
  await install(scopeB, 'Team B', [member(BOB, 'Bob Kahn', 'bob'), member(BEA, 'Bea Ruiz', 'bea')]);
  await install(scopeUA, 'Team A of another tenant', [member(MALLORY, 'Mallory Moe', 'mallory')]);

  const teamA = await furnish(
    scopeA,
    ADA,
    'Ada Lovelace',
    validCharter({ editorIds: [ADA], purpose: SECRET_A }),
  );
  const teamB = await furnish(scopeB, BOB, 'Bob Kahn', {
    ...validCharter({ editorIds: [BOB], purpose: SECRET_B }),
    review: { ...(validCharter().review as NonNullable<CharterContent['review']>), organizerId: BOB },
  });

  async function furnish(scope: TeamScope, editor: string, name: string, content: CharterContent) {
    const charterContent: CharterContent = {
      ...content,
      review: content.review ? { ...content.review, organizerId: editor } : null,
    };
    for (const why of ['first', 'second'])
      await charterDeps.charters.saveVersion(scope, {
        expectedVersion: why === 'first' ? 0 : 1,
        content:
          why === 'first' ? charterContent : { ...charterContent, purpose: `${charterContent.purpose}.` },
        author: { id: editor, name },
        why,
        summary: `Version ${why}`,
        at: new Date(),
      });
    const current = await charterDeps.charters.getCurrent(scope);
    if (!current) throw new Error('charter not saved');
    const now = Date.now();
    const { round } = await checkins.createRound({
      ...scope,
      id: randomUUID(),
      charterVersion: current.version,
      questions: questionsFromCharter(current.content),
      anonymityMinimum: 3,
      namedAnswersVisibleTo: 'team',
      opensAt: new Date(now - 3_600_000),
      nudgeAt: new Date(now + 86_400_000),
      closesAt: new Date(now + 2 * 86_400_000),
    });
    const members = (await installs.listMembers(scope)).map((m) => m.aadObjectId);
    await checkins.addDeliveries(scope, round.id, members);
    const proposalIds: string[] = [];
    for (const text of ['Checkout works on every phone and tablet', 'Checkout works everywhere'])
      proposalIds.push(
        (
          await recordReviewOutcomes(
            reviewDeps,
            { tenantId: scope.tenantId, userId: editor, name },
            scope.teamId,
            {
              baseVersion: current.version,
              outcomes: [{ kind: 'outcome', clauseId: 'o-2', decision: 'revise', text }],
            },
          )
        ).proposal.id,
      );
    return { scope, roundId: round.id, proposalIds };
  }

  return {
    app,
    url,
    entra,
    botFramework,
    graph,
    charterDeps,
    checkInDeps,
    reviewDeps,
    teamA,
    teamB,
    async fingerprint(tenantId) {
      const tables = await db.query(
        `SELECT t.table_name, bool_or(c.column_name = 'tenant_id') AS scoped
           FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
          WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          GROUP BY t.table_name ORDER BY t.table_name`,
      );
      const parts: string[] = [];
      for (const row of tables.rows as { table_name: string; scoped: boolean }[]) {
        const only = tenantId !== undefined && row.scoped;
        const digest = await db.query(
          `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h
             FROM "${row.table_name}" t ${only ? 'WHERE t.tenant_id = $1' : ''}`,
          only ? [tenantId] : [],
        );
        const { n, h } = digest.rows[0] as { n: string; h: string };
        parts.push(`${row.table_name}:${n}:${h}`);
      }
      return parts.join('\n');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([entra.close(), botFramework.close(), graph.close()]);
      await db.dispose();
    },
  };
}

/**
 * One secure app per test file: started before the file's tests (`use` receives it), closed after them, when the
 * file's tally is printed.
 */
export function useSecureApp(tally: Tally, use: (app: SecureApp) => void): void {
  let app: SecureApp | undefined;
  beforeAll(async () => {
    app = await startSecureApp();
    use(app);
  }, 60_000);
  afterAll(async () => {
    tally.print();
    await app?.close();
  });
}
