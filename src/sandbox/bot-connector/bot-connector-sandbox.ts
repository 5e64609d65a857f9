/**
 * A local, faithful stand-in for the Bot Connector v3 calls Team Charter makes (DESIGN §7):
 * - `POST /v3/conversations` (create a 1:1; the same user gets the same conversation back),
 * - `POST /v3/conversations/:id/activities` (send), `POST …/activities/:replyToId` (reply), `PUT …/activities/:id`
 *   (update),
 * - `GET /v3/conversations/:teamId/pagedmembers?pageSize&continuationToken`,
 * - the Teams rate limits (Microsoft's "Optimize your bot: rate limiting" page), answered with 429 + `Retry-After` (seconds):
 *   per bot per conversation, per conversation for all bots, and 50 requests/s per app per tenant; any number of
 *   tenants at once, each answer counted per tenant too,
 * - injected faults (412/429/502/503/504 with an optional Retry-After), for every tenant or one (a 429 storm on one
 *   tenant), and latency,
 * - a record of every activity it accepted (kept across restarts in local mode, see bot-connector-sandbox-file.ts),
 * - "play a member": post an `adaptiveCard/action` invoke, a message or an install event to the bot's /api/messages;
 *   over HTTP too (`/play/members/:aadObjectId/card` and `…/invoke`), so the tab in local mode can show a member's
 *   latest card and press its buttons; a card the bot answers an invoke with replaces the member's card, as in Teams.
 *
 * Use `router()` to mount it in-process (local mode) or `listen()` to run it as a server (tests, benchmarks).
 */
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';

import express, { type Request, type Response, type Router } from 'express';

import { type BotConnectorSnapshot, botConnectorSnapshotSchema } from './bot-connector-snapshot';
import { type LimitCheck, SlidingWindowLimits, TEAMS_LIMITS } from './sliding-window-limits';

export type ConnectorOperation = 'create' | 'send' | 'update' | 'members';

export interface SandboxMember {
  /** Teams user id, `29:…`. */
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
}

export interface SandboxTeam {
  tenantId: string;
  /** `19:…@thread.tacv2`: Teams' team id (also the General channel's conversation id). */
  teamsTeamId: string;
  /** The Microsoft 365 group id. */
  aadGroupId: string;
  name: string;
  /** Channel conversations the bot may post to; the team id itself is always one. */
  channelIds?: string[];
  members: SandboxMember[];
}

export interface RecordedActivity {
  seq: number;
  operation: 'send' | 'reply' | 'update';
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
  at: number;
}

export interface InjectedFault {
  status: 412 | 429 | 500 | 502 | 503 | 504;
  /** How many requests fail this way. */
  times: number;
  retryAfterSeconds?: number;
  /** Only these operations (default: all). */
  operations?: ConnectorOperation[];
  /** Only this tenant's requests (default: every tenant's). */
  tenantId?: string;
}

export interface BotConnectorSandboxOptions {
  /** Enforce the Teams rate limits (default true). */
  enforceLimits?: boolean;
  /** The bot's identity in activities it receives. */
  botId?: string;
  /** Where "play a member" posts (the bot's /api/messages). */
  botEndpoint?: string;
  /** Where the bot reaches this sandbox, as put in activities' `serviceUrl`; `listen()` sets it. */
  serviceUrl?: string;
  now?: () => number;
}

type Conversation = BotConnectorSnapshot['conversations'][number];

export interface InvokeResult {
  status: number;
  body: unknown;
}

export class BotConnectorSandbox {
  readonly activities: RecordedActivity[] = [];
  /** Requests answered, by status (200/201, 429, injected faults…). */
  readonly statusCounts = new Map<number, number>();
  /** The same, per tenant (`*`: a request whose tenant the sandbox could not tell). */
  readonly statusCountsByTenant = new Map<string, Map<number, number>>();
  latencyMs = 0;
  enforceLimits: boolean;
  botEndpoint: string | undefined;
  serviceUrl: string;
  readonly botId: string;
  /** Called after every change to the record (a conversation opened, an activity sent or updated). */
  onChange: (() => void) | undefined;

  private readonly teams = new Map<string, SandboxTeam>();
  private readonly conversations = new Map<string, Conversation>();
  private readonly limits = new SlidingWindowLimits();
  private readonly faults: InjectedFault[] = [];
  private outage: InjectedFault['status'] | null = null;
  private readonly now: () => number;
  private seq = 0;

  constructor(options: BotConnectorSandboxOptions = {}) {
    this.enforceLimits = options.enforceLimits ?? true;
    this.botId = options.botId ?? '28:00000000-aaaa-4bbb-8ccc-000000000bot';
    this.botEndpoint = options.botEndpoint;
    this.serviceUrl = options.serviceUrl ?? 'http://127.0.0.1/';
    this.now = options.now ?? (() => Date.now());
  }

  // ---- set-up ----------------------------------------------------------------------------------------------------

  addTeam(team: SandboxTeam): void {
    this.teams.set(team.teamsTeamId, { ...team, members: [...team.members] });
    for (const id of [team.teamsTeamId, ...(team.channelIds ?? [])])
      this.conversations.set(id, { id, tenantId: team.tenantId, kind: 'channel' });
  }

  team(teamsTeamId: string): SandboxTeam {
    const team = this.teams.get(teamsTeamId);
    if (!team) throw new Error(`The sandbox has no team ${teamsTeamId}.`);
    return team;
  }

  injectFault(fault: InjectedFault): void {
    this.faults.push({ ...fault });
  }

  /** Ends every injected fault still pending (a storm stops). */
  clearFaults(): void {
    this.faults.splice(0);
  }

  /** An outage: every request is answered with `status` until `up()` (an injected fault that does not count down). */
  down(status: InjectedFault['status'] = 503): void {
    this.outage = status;
  }

  up(): void {
    this.outage = null;
  }

  /** The 1:1 conversation id the sandbox gives this member (the same on every create). */
  personalConversationId(memberId: string): string {
    return `a:1${createHash('sha256').update(memberId).digest('base64url').slice(0, 24)}`;
  }

  activitiesIn(conversationId: string): RecordedActivity[] {
    return this.activities.filter((a) => a.conversationId === conversationId);
  }

  /** Requests answered with `status`: all of them, or one tenant's. */
  count(status: number, tenantId?: string): number {
    const counts = tenantId === undefined ? this.statusCounts : this.statusCountsByTenant.get(tenantId);
    return counts?.get(status) ?? 0;
  }

  /** The record as JSON: the conversations, the activities and the activity counter. */
  snapshot(): string {
    const snapshot: BotConnectorSnapshot = {
      version: 1,
      seq: this.seq,
      conversations: [...this.conversations.values()],
      activities: this.activities,
    };
    return JSON.stringify(snapshot);
  }

  /**
   * Puts back the record of a `snapshot()` (anything else throws and changes nothing). The teams stay as `addTeam` set
   * them: their rosters come from the app's seed, not from the file.
   */
  restore(json: string): void {
    const snapshot = botConnectorSnapshotSchema.parse(JSON.parse(json));
    for (const conversation of snapshot.conversations) this.conversations.set(conversation.id, conversation);
    this.activities.splice(0, this.activities.length, ...snapshot.activities);
    this.seq = snapshot.activities.reduce((max, a) => Math.max(max, a.seq), Math.max(this.seq, snapshot.seq));
  }

  // ---- the Bot Connector API -------------------------------------------------------------------------------------

  router(): Router {
    const router = express.Router();
    router.use(express.json({ limit: '1mb' }));
    router.post('/v3/conversations', (req, res) => this.handle(req, res, 'create', () => this.create(req)));
    router.post('/v3/conversations/:conversationId/activities', (req, res) =>
      this.handle(req, res, 'send', () => this.send(req, 'send')),
    );
    router.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) =>
      this.handle(req, res, 'send', () => this.send(req, 'reply')),
    );
    router.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) =>
      this.handle(req, res, 'update', () => this.update(req)),
    );
    router.get('/v3/conversations/:conversationId/pagedmembers', (req, res) =>
      this.handle(req, res, 'members', () => this.pagedMembers(req)),
    );
    router.get('/v3/conversations/:conversationId/members/:memberId', (req, res) =>
      this.handle(req, res, 'members', () => this.oneMember(req)),
    );
    // `?team=<Microsoft 365 group id>` lists one team's members (the tab plays its own team's); without it, everyone.
    router.get('/play', (req, res) => {
      const team = typeof req.query.team === 'string' ? req.query.team : null;
      const members = [...this.teams.values()]
        .filter((t) => team === null || t.aadGroupId === team)
        .flatMap((t) => t.members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })));
      res.json({ members });
    });
    router.get('/play/members/:aadObjectId/card', (req, res) => {
      const card = this.latestCard(String(req.params.aadObjectId));
      if (card) res.json(card);
      else
        res
          .status(404)
          .json({ error: { code: 'NoCard', message: 'The bot has sent this member no card yet.' } });
    });
    router.post('/play/members/:aadObjectId/invoke', async (req, res) => {
      const body = req.body as { verb?: unknown; data?: unknown; replyToId?: unknown } | undefined;
      const member = this.findMember(String(req.params.aadObjectId));
      if (!member || typeof body?.verb !== 'string' || typeof body.data !== 'object' || body.data === null) {
        res
          .status(400)
          .json({ error: { code: 'BadArgument', message: 'A known member, a verb and data are needed.' } });
        return;
      }
      const replyToId = typeof body.replyToId === 'string' ? body.replyToId : undefined;
      const result = await this.memberInvoke({
        teamsTeamId: member.team.teamsTeamId,
        aadObjectId: member.member.aadObjectId,
        verb: body.verb,
        data: body.data as Record<string, unknown>,
        replyToId,
      });
      const answer = result.body as { statusCode?: number; type?: string; value?: unknown } | null;
      if (replyToId && answer?.statusCode === 200 && answer.type === ADAPTIVE_CARD && answer.value) {
        this.activities.push({
          seq: ++this.seq,
          operation: 'update',
          conversationId: this.personalConversationId(member.member.id),
          activityId: replyToId,
          activity: { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, content: answer.value }] },
          at: this.now(),
        });
        this.onChange?.();
      }
      res.json(result);
    });
    return router;
  }

  /** Runs the sandbox as its own server on 127.0.0.1 (port 0: any free port); `serviceUrl` points at it. */
  async listen(port = 0): Promise<{ url: string; close(): Promise<void> }> {
    const app = express();
    app.use(this.router());
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
    this.serviceUrl = url;
    return {
      url,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections();
          server.close((err) => (err ? reject(err) : resolve()));
        }),
    };
  }

  private async handle(
    req: Request,
    res: Response,
    operation: ConnectorOperation,
    work: () => { status: number; body: unknown },
  ): Promise<void> {
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const { thread, tenant } = this.addressOf(req, operation);
    const answer = (status: number, body: unknown, retryAfterSeconds?: number): void => {
      this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
      let byTenant = this.statusCountsByTenant.get(tenant);
      if (!byTenant) this.statusCountsByTenant.set(tenant, (byTenant = new Map()));
      byTenant.set(status, (byTenant.get(status) ?? 0) + 1);
      if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
      res.status(status).json(body);
    };
    const fault =
      this.outage !== null
        ? { status: this.outage, times: 1, retryAfterSeconds: undefined }
        : this.faults.find(
            (f) =>
              f.times > 0 &&
              (!f.operations || f.operations.includes(operation)) &&
              (f.tenantId === undefined || f.tenantId === tenant),
          );
    if (fault) {
      fault.times -= 1;
      return answer(
        fault.status,
        {
          error: {
            code: fault.status === 429 ? 'TooManyRequests' : 'ServiceError',
            message: 'Injected fault.',
          },
        },
        fault.retryAfterSeconds,
      );
    }
    if (this.enforceLimits) {
      const waitMs = this.limits.tryTake(this.limitChecks(thread, tenant, operation), this.now());
      if (waitMs > 0)
        return answer(
          429,
          { error: { code: 'TooManyRequests', message: 'Rate limit exceeded.' } },
          Math.max(1, Math.ceil(waitMs / 1000)),
        );
    }
    try {
      const { status, body } = work();
      answer(status, body);
    } catch (error) {
      if (error instanceof ConnectorError)
        answer(error.status, { error: { code: error.code, message: error.message } });
      else throw error;
    }
  }

  /** The conversation (thread) a request counts against, and its tenant. */
  private addressOf(req: Request, operation: ConnectorOperation): { thread: string; tenant: string } {
    const thread =
      operation === 'create'
        ? // Creating a 1:1 counts against the thread it creates (the member's conversation with the bot).
          this.personalConversationId(firstMemberId(req.body) ?? '')
        : String(req.params.conversationId);
    return { thread, tenant: this.conversations.get(thread)?.tenantId ?? tenantOf(req.body) ?? '*' };
  }

  private limitChecks(thread: string, tenant: string, operation: ConnectorOperation): LimitCheck[] {
    return [
      {
        key: `bot:${operation === 'members' ? 'members' : 'send'}:${thread}`,
        limits: operation === 'members' ? TEAMS_LIMITS.botThreadMembers : TEAMS_LIMITS.botThreadSend,
      },
      { key: `thread:${thread}`, limits: TEAMS_LIMITS.threadAllBots },
      { key: `global:${tenant}`, limits: TEAMS_LIMITS.global },
    ];
  }

  private create(req: Request): { status: number; body: unknown } {
    const memberId = firstMemberId(req.body);
    const tenantId = tenantOf(req.body);
    if (!memberId || !tenantId)
      throw new ConnectorError(400, 'BadArgument', 'members[0].id and channelData.tenant.id are required.');
    const known = [...this.teams.values()].some(
      (t) => t.tenantId === tenantId && t.members.some((m) => m.id === memberId),
    );
    if (!known)
      throw new ConnectorError(403, 'Forbidden', 'The user is not in a team where the bot is installed.');
    const id = this.personalConversationId(memberId);
    this.openConversation({ id, tenantId, kind: 'personal', memberId });
    return { status: 201, body: { id } };
  }

  private send(req: Request, operation: 'send' | 'reply'): { status: number; body: unknown } {
    const conversationId = String(req.params.conversationId);
    this.requireConversation(conversationId);
    const activity = this.checkActivity(req.body);
    const activityId = `1:${++this.seq}`;
    this.activities.push({ seq: this.seq, operation, conversationId, activityId, activity, at: this.now() });
    this.onChange?.();
    return { status: 201, body: { id: activityId } };
  }

  private update(req: Request): { status: number; body: unknown } {
    const conversationId = String(req.params.conversationId);
    const activityId = String(req.params.activityId);
    this.requireConversation(conversationId);
    if (!this.activities.some((a) => a.conversationId === conversationId && a.activityId === activityId))
      throw new ConnectorError(404, 'ActivityNotFound', `No activity ${activityId} in ${conversationId}.`);
    const activity = this.checkActivity(req.body);
    this.activities.push({
      seq: ++this.seq,
      operation: 'update',
      conversationId,
      activityId,
      activity,
      at: this.now(),
    });
    this.onChange?.();
    return { status: 200, body: { id: activityId } };
  }

  private pagedMembers(req: Request): { status: number; body: unknown } {
    const team = this.teams.get(String(req.params.conversationId));
    if (!team) throw new ConnectorError(404, 'ConversationNotFound', 'No such team.');
    const pageSize = Math.min(500, Math.max(1, Number(req.query.pageSize) || 200));
    const token = typeof req.query.continuationToken === 'string' ? req.query.continuationToken : undefined;
    const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw new ConnectorError(400, 'BadArgument', 'The continuation token is not valid.');
    const page = team.members.slice(offset, offset + pageSize);
    const next = offset + pageSize < team.members.length ? offset + pageSize : null;
    return {
      status: 200,
      body: {
        members: page.map((m) => ({
          id: m.id,
          name: m.name,
          aadObjectId: m.aadObjectId,
          email: m.email,
          userPrincipalName: m.email?.toLowerCase(),
          tenantId: team.tenantId,
          userRole: 'user',
        })),
        ...(next === null ? {} : { continuationToken: Buffer.from(String(next)).toString('base64url') }),
      },
    };
  }

  private oneMember(req: Request): { status: number; body: unknown } {
    const team = this.teams.get(String(req.params.conversationId));
    const member = team?.members.find(
      (m) => m.id === req.params.memberId || m.aadObjectId === req.params.memberId,
    );
    if (!team || !member) throw new ConnectorError(404, 'MemberNotFoundInConversation', 'No such member.');
    return {
      status: 200,
      body: {
        id: member.id,
        name: member.name,
        aadObjectId: member.aadObjectId,
        email: member.email,
        tenantId: team.tenantId,
      },
    };
  }

  /** Records a conversation; only a new or changed one is a change worth writing down. */
  private openConversation(conversation: Conversation): void {
    const known = this.conversations.get(conversation.id);
    this.conversations.set(conversation.id, conversation);
    if (
      known?.tenantId !== conversation.tenantId ||
      known.kind !== conversation.kind ||
      known.memberId !== conversation.memberId
    )
      this.onChange?.();
  }

  private requireConversation(id: string): void {
    if (!this.conversations.has(id))
      throw new ConnectorError(404, 'ConversationNotFound', `The bot is not part of conversation ${id}.`);
  }

  /** Teams refuses messages over about 28 KB (Microsoft's bot messaging limits). */
  private checkActivity(body: unknown): Record<string, unknown> {
    if (typeof body !== 'object' || body === null)
      throw new ConnectorError(400, 'BadArgument', 'No activity.');
    if (Buffer.byteLength(JSON.stringify(body)) > 28 * 1024)
      throw new ConnectorError(413, 'MessageSizeTooBig', 'The activity is larger than 28 KB.');
    return body as Record<string, unknown>;
  }

  // ---- playing a member ------------------------------------------------------------------------------------------

  /** The member's most recent card in their 1:1 chat with the bot, as it reads now (after any update). */
  latestCard(aadObjectId: string): { activityId: string; card: unknown } | null {
    const found = this.findMember(aadObjectId);
    if (!found) return null;
    const conversationId = this.personalConversationId(found.member.id);
    const cardOf = (a: RecordedActivity) =>
      (a.activity.attachments as { contentType?: string; content?: unknown }[] | undefined)?.find(
        (x) => x.contentType === ADAPTIVE_CARD,
      )?.content;
    const mine = this.activities.filter((a) => a.conversationId === conversationId && cardOf(a));
    const newest = mine.filter((a) => a.operation !== 'update').at(-1);
    if (!newest) return null;
    const current = mine.filter((a) => a.activityId === newest.activityId).at(-1) ?? newest;
    return { activityId: newest.activityId, card: cardOf(current) };
  }

  private findMember(aadObjectId: string): { team: SandboxTeam; member: SandboxMember } | null {
    for (const team of this.teams.values()) {
      const member = team.members.find((m) => m.aadObjectId === aadObjectId);
      if (member) return { team, member };
    }
    return null;
  }

  /** A member presses an `Action.Execute` button on a card the bot sent to their 1:1 chat. */
  async memberInvoke(input: {
    teamsTeamId: string;
    aadObjectId: string;
    verb: string;
    data: Record<string, unknown>;
    replyToId?: string;
    tenantId?: string;
  }): Promise<InvokeResult> {
    const { team, member } = this.memberOf(input.teamsTeamId, input.aadObjectId);
    const tenantId = input.tenantId ?? team.tenantId;
    return this.postToBot({
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...this.personalEnvelope(tenantId, member),
      replyToId: input.replyToId,
      value: { action: { type: 'Action.Execute', verb: input.verb, data: input.data }, trigger: 'manual' },
    });
  }

  /** A member writes to the bot in their 1:1 chat. */
  async memberMessage(input: {
    teamsTeamId: string;
    aadObjectId: string;
    text: string;
    /** The client's IANA time zone, which Teams sends with each message (`localTimezone`). */
    localTimezone?: string;
    locale?: string;
  }): Promise<InvokeResult> {
    const { team, member } = this.memberOf(input.teamsTeamId, input.aadObjectId);
    return this.postToBot({
      type: 'message',
      text: input.text,
      textFormat: 'plain',
      ...this.personalEnvelope(team.tenantId, member),
      ...(input.localTimezone ? { localTimezone: input.localTimezone } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    });
  }

  /** Someone installs the app in a team (Teams sends `installationUpdate` add in the team scope). */
  async install(teamsTeamId: string, installerAadObjectId: string): Promise<InvokeResult> {
    return this.teamEvent(teamsTeamId, installerAadObjectId, { type: 'installationUpdate', action: 'add' });
  }

  /** The admin publishes a new version of the app: Teams sends `installationUpdate` add-upgrade to every team with it. */
  async upgrade(teamsTeamId: string, byAadObjectId: string): Promise<InvokeResult> {
    return this.teamEvent(teamsTeamId, byAadObjectId, { type: 'installationUpdate', action: 'add-upgrade' });
  }

  async uninstall(teamsTeamId: string, byAadObjectId: string): Promise<InvokeResult> {
    return this.teamEvent(teamsTeamId, byAadObjectId, { type: 'installationUpdate', action: 'remove' });
  }

  /** A member joins the team: the roster changes and Teams sends `conversationUpdate` teamMemberAdded. */
  async addMember(teamsTeamId: string, member: SandboxMember): Promise<InvokeResult> {
    const team = this.team(teamsTeamId);
    team.members.push(member);
    return this.teamEvent(teamsTeamId, team.members[0]?.aadObjectId ?? member.aadObjectId, {
      type: 'conversationUpdate',
      membersAdded: [{ id: member.id, aadObjectId: member.aadObjectId }],
      eventType: 'teamMemberAdded',
    });
  }

  async removeMember(teamsTeamId: string, aadObjectId: string): Promise<InvokeResult> {
    const team = this.team(teamsTeamId);
    const member = team.members.find((m) => m.aadObjectId === aadObjectId);
    if (!member) throw new Error(`No member ${aadObjectId} in ${teamsTeamId}.`);
    team.members = team.members.filter((m) => m !== member);
    return this.teamEvent(teamsTeamId, team.members[0]?.aadObjectId ?? aadObjectId, {
      type: 'conversationUpdate',
      membersRemoved: [{ id: member.id, aadObjectId: member.aadObjectId }],
      eventType: 'teamMemberRemoved',
    });
  }

  async renameTeam(teamsTeamId: string, name: string): Promise<InvokeResult> {
    const team = this.team(teamsTeamId);
    team.name = name;
    return this.teamEvent(teamsTeamId, team.members[0]?.aadObjectId ?? '', {
      type: 'conversationUpdate',
      eventType: 'teamRenamed',
    });
  }

  private async teamEvent(
    teamsTeamId: string,
    fromAadObjectId: string,
    event: {
      type: string;
      action?: string;
      eventType?: string;
      membersAdded?: unknown;
      membersRemoved?: unknown;
    },
  ): Promise<InvokeResult> {
    const team = this.team(teamsTeamId);
    const from = team.members.find((m) => m.aadObjectId === fromAadObjectId);
    const { eventType, ...rest } = event;
    return this.postToBot({
      ...rest,
      id: `f:${++this.seq}`,
      timestamp: new Date(this.now()).toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: from?.id ?? '29:unknown', aadObjectId: fromAadObjectId, name: from?.name },
      conversation: {
        isGroup: true,
        conversationType: 'channel',
        tenantId: team.tenantId,
        id: team.teamsTeamId,
      },
      recipient: { id: this.botId, name: 'Team Charter' },
      channelData: {
        ...(eventType ? { eventType } : {}),
        settings: { selectedChannel: { id: team.teamsTeamId } },
        channel: { id: team.teamsTeamId },
        team: { id: team.teamsTeamId, name: team.name, aadGroupId: team.aadGroupId },
        tenant: { id: team.tenantId },
      },
    });
  }

  private memberOf(teamsTeamId: string, aadObjectId: string): { team: SandboxTeam; member: SandboxMember } {
    const team = this.team(teamsTeamId);
    const member = team.members.find((m) => m.aadObjectId === aadObjectId);
    if (!member) throw new Error(`No member ${aadObjectId} in ${teamsTeamId}.`);
    return { team, member };
  }

  private personalEnvelope(tenantId: string, member: SandboxMember): Record<string, unknown> {
    const conversationId = this.personalConversationId(member.id);
    this.openConversation({ id: conversationId, tenantId, kind: 'personal', memberId: member.id });
    return {
      id: `f:${++this.seq}`,
      timestamp: new Date(this.now()).toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: member.id, name: member.name, aadObjectId: member.aadObjectId },
      conversation: { conversationType: 'personal', tenantId, id: conversationId },
      recipient: { id: this.botId, name: 'Team Charter' },
      channelData: { tenant: { id: tenantId }, source: { name: 'message' } },
      locale: 'en-US',
    };
  }

  private async postToBot(activity: Record<string, unknown>): Promise<InvokeResult> {
    if (!this.botEndpoint) throw new Error('The sandbox does not know the bot endpoint (botEndpoint).');
    const response = await fetch(this.botEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  }
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function firstMemberId(body: unknown): string | undefined {
  const members = (body as { members?: { id?: unknown }[] } | undefined)?.members;
  const id = Array.isArray(members) ? members[0]?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function tenantOf(body: unknown): string | undefined {
  const id = (body as { channelData?: { tenant?: { id?: unknown } } } | undefined)?.channelData?.tenant?.id;
  return typeof id === 'string' ? id : undefined;
}
