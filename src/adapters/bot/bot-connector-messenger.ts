/**
 * The proactive Messenger: Bot Connector calls through botbuilder's own connector client (credentials and tokens as
 * botbuilder does them), kept under the Teams rate limits by `ConnectorRateLimiter` (per conversation, per tenant), and
 * retried with exponential backoff and full jitter on 429/412/502/503/504 and network failures, honouring
 * `Retry-After`; a 429 holds back its tenant only. Every try, retries included, goes through the limiter: the connector
 * client's own retries are taken out (see `withoutPipelineRetries`). What still fails is an `UpstreamError` that says
 * whether trying later may help (the job queue then retries or records the failure).
 */
import { ActivityTypes, CardFactory } from 'botbuilder';
import {
  AuthenticationConstants,
  type BotFrameworkAuthentication,
  ClaimsIdentity,
  type ConnectorClient,
} from 'botframework-connector';

import type { ConversationTarget, Messenger, OutboundCard } from '../../app/checkins/checkin-ports';
import type { Directory, Installation, MemberInput } from '../../app/installs/install-ports';
import { UpstreamError } from '../../domain/errors';
import { renderCard } from './cards/render-card';
import { ConnectorRateLimiter } from './connector-rate-limiter';
import { InProcessConnectorBudget } from './in-process-connector-budget';

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

export interface MessengerOptions {
  auth: BotFrameworkAuthentication;
  /** Empty in local mode (no token is sent). */
  botAppId: string;
  /** Default: one over this process's own budget (`InProcessConnectorBudget`). */
  limiter?: ConnectorRateLimiter;
  /** Tries per call before giving up to the job queue. Default 12 (the connector client does not retry by itself). */
  maxTries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
  /** Told the status of every Bot Connector answer (each try). */
  metrics?: ConnectorCallObserver;
}

/** Counts Bot Connector answers for operators (`PrometheusMetrics`); status 0 = no answer (network). */
export interface ConnectorCallObserver {
  connectorResponse(operation: string, status: number): void;
}

export interface ConnectorCallStats {
  calls: number;
  retries: number;
  /** Retryable failures by status (0: network). */
  failures: Map<number, number>;
}

export class BotConnectorMessenger implements Messenger, Directory {
  readonly stats: ConnectorCallStats = { calls: 0, retries: 0, failures: new Map() };
  private readonly limiter: ConnectorRateLimiter;
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly options: MessengerOptions) {
    this.limiter = options.limiter ?? new ConnectorRateLimiter({ budget: new InProcessConnectorBudget() });
  }

  async createPersonalConversation(
    target: { serviceUrl: string; tenantId: string },
    teamsUserId: string,
  ): Promise<string> {
    const thread = `1:1:${teamsUserId}`;
    const result = await this.call(target, thread, 'create conversation', (client) =>
      client.conversations.createConversation({
        isGroup: false,
        bot: {
          id: this.options.botAppId ? `28:${this.options.botAppId}` : 'team-charter',
          name: 'Team Charter',
        },
        members: [{ id: teamsUserId, name: '' }],
        channelData: { tenant: { id: target.tenantId } },
        tenantId: target.tenantId,
        activity: undefined as never,
      }),
    );
    if (!result.id)
      throw new UpstreamError('bot-connector', 'Create conversation answered without an id.', true);
    return result.id;
  }

  async sendCard(target: ConversationTarget, card: OutboundCard): Promise<{ activityId: string }> {
    return this.send(target, {
      type: ActivityTypes.Message,
      attachments: [CardFactory.adaptiveCard(renderCard(card))],
    });
  }

  async sendText(target: ConversationTarget, text: string): Promise<{ activityId: string }> {
    return this.send(target, { type: ActivityTypes.Message, text, textFormat: 'plain' });
  }

  async updateCard(target: ConversationTarget, activityId: string, card: OutboundCard): Promise<void> {
    await this.call(target, target.conversationId, 'update activity', (client) =>
      client.conversations.updateActivity(target.conversationId, activityId, {
        type: ActivityTypes.Message,
        id: activityId,
        attachments: [CardFactory.adaptiveCard(renderCard(card))],
      }),
    );
  }

  /** The whole roster, page by page (`pagedmembers`; the old get-members is throttled to 5 per minute). */
  async listTeamMembers(installation: Installation): Promise<MemberInput[]> {
    const members: MemberInput[] = [];
    let continuationToken: string | undefined;
    do {
      const token = continuationToken;
      const page = await this.call(installation, installation.teamsTeamId, 'get paged members', (client) =>
        client.conversations.getConversationPagedMembers(
          installation.teamsTeamId,
          // The typings require the token; the first page has none (an undefined query parameter is left out).
          { pageSize: 200, continuationToken: token as string },
        ),
      );
      for (const m of page.members ?? []) {
        if (!m.aadObjectId) continue;
        const email =
          (m as { email?: string }).email ?? (m as { userPrincipalName?: string }).userPrincipalName;
        members.push({
          aadObjectId: m.aadObjectId,
          teamsUserId: m.id,
          name: m.name || 'Unknown',
          email: email ?? null,
          timeZone: null,
        });
      }
      continuationToken = page.continuationToken || undefined;
    } while (continuationToken);
    return members;
  }

  private async send(
    target: ConversationTarget,
    activity: Record<string, unknown>,
  ): Promise<{ activityId: string }> {
    const result = await this.call(target, target.conversationId, 'send activity', (client) =>
      client.conversations.sendToConversation(target.conversationId, activity),
    );
    if (!result.id) throw new UpstreamError('bot-connector', 'Send answered without an activity id.', true);
    return { activityId: result.id };
  }

  private async call<T>(
    target: { serviceUrl: string; tenantId: string },
    thread: string,
    what: string,
    request: (client: ConnectorClient) => Promise<T>,
  ): Promise<T> {
    const client = await this.client(target.serviceUrl);
    const maxTries = this.options.maxTries ?? 12;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(target.tenantId, thread);
      this.stats.calls += 1;
      try {
        return await request(client);
      } catch (error) {
        const status = statusOf(error);
        const retryable = status === 0 || RETRYABLE.has(status);
        const retryAfterMs = retryAfterOf(error);
        if (!retryable)
          throw new UpstreamError(
            'bot-connector',
            `${what} failed with ${status}: ${messageOf(error)}`,
            false,
            undefined,
            {
              cause: error,
            },
          );
        this.stats.failures.set(status, (this.stats.failures.get(status) ?? 0) + 1);
        if (attempt >= maxTries)
          throw new UpstreamError(
            'bot-connector',
            `${what} failed ${attempt} times (last ${status || 'network error'}).`,
            true,
            retryAfterMs,
            { cause: error },
          );
        this.stats.retries += 1;
        // A 429 with Retry-After is held exactly that long (growing it per request would keep a tenant waiting long
        // after the service let it go again); anything else backs off exponentially with jitter.
        const delayMs =
          status === 429 && retryAfterMs !== undefined ? retryAfterMs : this.backoffMs(attempt, retryAfterMs);
        // A 429 is about the tenant's budget: hold back all of its requests (the next acquire waits), here and on
        // every instance sharing the budget. Anything else is about this request: it alone waits.
        if (status === 429) await this.limiter.throttled(target.tenantId, delayMs);
        else await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  /** Full jitter over an exponential ceiling, never sooner than the service's Retry-After. */
  private backoffMs(attempt: number, retryAfterMs: number | undefined): number {
    const base = this.options.backoffBaseMs ?? 250;
    const cap = this.options.backoffCapMs ?? 30_000;
    const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
    const jittered = (this.options.random ?? Math.random)() * ceiling;
    return Math.max(retryAfterMs ?? 0, jittered);
  }

  private client(serviceUrl: string): Promise<ConnectorClient> {
    const cached = this.clients.get(serviceUrl);
    if (cached) return cached;
    const appId = this.options.botAppId;
    const identity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
      ],
      true,
    );
    const metrics = this.options.metrics;
    const client = this.options.auth
      .createConnectorFactory(identity)
      .create(serviceUrl, undefined)
      .then((c) => {
        withoutPipelineRetries(c);
        if (metrics) observeEveryTry(c, metrics);
        return c;
      });
    client.catch(() => this.clients.delete(serviceUrl));
    this.clients.set(serviceUrl, client);
    return client;
  }
}

function statusOf(error: unknown): number {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | null;
  if (typeof e?.statusCode === 'number') return e.statusCode;
  if (typeof e?.response?.status === 'number') return e.response.status;
  return 0;
}

interface ObservablePipeline {
  getOrderedPolicies(): { name: string }[];
  removePolicy(options: { name: string }): unknown;
  addPolicy(
    policy: {
      name: string;
      sendRequest(
        request: { method: string; url: string },
        next: (request: { method: string; url: string }) => Promise<{ status: number }>,
      ): Promise<{ status: number }>;
    },
    options: { afterPhase: 'Retry' },
  ): void;
}

/**
 * botframework-connector 4.23's client runs on @azure/core-client, whose pipeline is not public API (botbuilder is
 * pinned; tests/adapters/bot and tests/adapters/metrics prove what is relied on here): if it is not where expected,
 * throw rather than pace or count quietly wrong.
 */
function pipelineOf(client: ConnectorClient): ObservablePipeline {
  const pipeline = (client as unknown as { client?: { pipeline?: Partial<ObservablePipeline> } }).client
    ?.pipeline;
  if (
    typeof pipeline?.addPolicy !== 'function' ||
    typeof pipeline.removePolicy !== 'function' ||
    typeof pipeline.getOrderedPolicies !== 'function'
  )
    throw new Error('botframework-connector changed: its ConnectorClient pipeline cannot be adjusted.');
  return pipeline as ObservablePipeline;
}

/**
 * The pipeline's `defaultRetryPolicy` retries 429s (after Retry-After) and 5xx up to 3 times on its own, inside one
 * call: those tries bypass the limiter (no slot of the tenant's budget, no hold-back of the tenant), so under load they
 * add requests the budget never counted and turn one 429 into more. It is taken out; our loop retries instead, each
 * try through the limiter.
 */
function withoutPipelineRetries(client: ConnectorClient): void {
  const pipeline = pipelineOf(client);
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  if (pipeline.getOrderedPolicies().some((p) => /retry/i.test(p.name)))
    throw new Error('botframework-connector changed: its ConnectorClient pipeline still retries by itself.');
}

/** Counts every answer: an observing policy in the pipeline's Retry phase's place (each try is one of our loop's). */
function observeEveryTry(client: ConnectorClient, metrics: ConnectorCallObserver): void {
  pipelineOf(client).addPolicy(
    {
      name: 'teamCharterObserveAnswers',
      async sendRequest(request, next) {
        const operation = operationOf(request.method, request.url);
        try {
          const response = await next(request);
          metrics.connectorResponse(operation, response.status);
          return response;
        } catch (error) {
          metrics.connectorResponse(operation, 0);
          throw error;
        }
      },
    },
    { afterPhase: 'Retry' },
  );
}

/** The Bot Connector operation a request is, for a metric label (never the conversation or activity id). */
function operationOf(method: string, url: string): string {
  const path = new URL(url).pathname;
  if (method === 'POST' && /\/v3\/conversations\/?$/.test(path)) return 'create_conversation';
  if (method === 'POST' && /\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?\/?$/.test(path))
    return 'send_activity';
  if (method === 'PUT' && /\/activities\/[^/]+\/?$/.test(path)) return 'update_activity';
  if (method === 'GET' && /\/pagedmembers\/?$/.test(path)) return 'get_paged_members';
  return 'other';
}

function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } } | null)
    ?.response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
