/**
 * How our Graph calls travel: `@microsoft/microsoft-graph-client` built with `Client.initWithMiddleware` and the chain
 * auth (ours) → RetryHandler → RedirectHandler → HTTPMessageHandler. Ours, because the library's AuthenticationHandler
 * attaches the token only to https Graph hosts, and the local sandbox is plain http (graph-client's auth handler checks the host and scheme).
 *
 * Calls issued in the same tick are grouped into JSON `$batch` requests of at most 20 with at most 4 requests of one
 * mailbox each; a `MailboxLimiter` keeps every mailbox at ≤ 4 requests in flight, batched or not. The RetryHandler
 * retries a whole request on 429/503/504 (honouring `Retry-After`); inner `$batch` answers with those statuses are
 * retried here the same way. Whatever still fails becomes a `CalendarError`; graph-failures.ts says which of those can
 * pass by waiting (429, 5xx, timeouts, no answer) and which cannot.
 */
import {
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';

import { CalendarError } from '../../domain/review/calendar-error';
import type { AccessTokenSource } from './app-token-provider';
import { graphAnswerFailure, graphFailure } from './graph-failures';
import { MailboxLimiter } from './mailbox-limiter';

export interface GraphTransportOptions {
  /** e.g. `https://graph.microsoft.com/v1.0` or the sandbox's `http://127.0.0.1:3978/sandbox/graph/v1.0`. */
  graphBaseUrl: string;
  accessToken: AccessTokenSource;
  /** RetryHandler: base delay (seconds) without `Retry-After`, and retries. Defaults 3 s and 3 (the library's). */
  retryDelaySeconds?: number;
  maxRetries?: number;
  /** Group same-tick calls into `$batch`. Default true. */
  batching?: boolean;
  /**
   * How long the first queued call waits for others to travel with it. 0 (default): calls issued in the same tick.
   * Jobs of many teams running at once reach their Graph call a few milliseconds apart (each reads the database
   * first), so the review worker's transport waits a little to group them.
   */
  batchWindowMs?: number;
  perMailboxConcurrency?: number;
  /** Told the status of every Graph answer: each HTTP response (retries included) and each `$batch` item. */
  metrics?: GraphCallObserver;
  /** Extra headers on every request (e.g. `Prefer: outlook.timezone="UTC"`). */
}

/** Counts Graph answers for operators (`PrometheusMetrics`); status 0 = no answer (network). */
export interface GraphCallObserver {
  graphResponse(kind: 'http' | 'batch_item', status: number): void;
}

export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the version, e.g. `/users/a@b/events`. */
  url: string;
  /** The mailbox the call touches (for the concurrency limit). */
  mailbox: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TransportStats {
  httpRequests: number;
  batches: number;
  calls: number;
  innerRetries: number;
}

const MAX_BATCH = 20;
const PER_MAILBOX_IN_BATCH = 4;
const RETRY_STATUSES = new Set([429, 503, 504]);

interface Pending {
  call: GraphCall;
  attempts: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GraphTransport {
  readonly stats: TransportStats = { httpRequests: 0, batches: 0, calls: 0, innerRetries: 0 };
  private readonly client: Client;
  private readonly limiter: MailboxLimiter;
  private readonly maxRetries: number;
  private readonly retryDelayMs: number;
  private readonly batching: boolean;
  private readonly batchWindowMs: number;
  private readonly accessToken: AccessTokenSource;
  private readonly metrics: GraphCallObserver | undefined;
  private queue: Pending[] = [];
  private flushScheduled = false;

  constructor(options: GraphTransportOptions) {
    const base = options.graphBaseUrl.replace(/\/+$/, '');
    const slash = base.lastIndexOf('/');
    const auth = new BearerMiddleware(options.accessToken);
    const retry = new RetryHandler(
      new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 3),
    );
    const redirect = new RedirectHandler(new RedirectHandlerOptions());
    const http = new HTTPMessageHandler();
    auth.setNext(retry);
    if (options.metrics) {
      // Below the RetryHandler, so every try's answer is counted (a 429 it rides out included).
      const observe = new ObserveMiddleware(options.metrics);
      retry.setNext(observe);
      observe.setNext(redirect);
    } else retry.setNext(redirect);
    redirect.setNext(http);
    const counter: Middleware = {
      execute: async (context: Context) => {
        this.stats.httpRequests += 1;
        await auth.execute(context);
      },
    };
    this.client = Client.initWithMiddleware({
      middleware: counter,
      baseUrl: base.slice(0, slash),
      defaultVersion: base.slice(slash + 1),
    });
    this.limiter = new MailboxLimiter(options.perMailboxConcurrency ?? 4);
    this.maxRetries = options.maxRetries ?? 3;
    this.retryDelayMs = (options.retryDelaySeconds ?? 3) * 1000;
    this.batching = options.batching ?? true;
    this.batchWindowMs = options.batchWindowMs ?? 0;
    this.accessToken = options.accessToken;
    this.metrics = options.metrics;
  }

  /** One Graph call; resolves with the parsed JSON body (null for an empty one). */
  send<T>(call: GraphCall): Promise<T> {
    this.stats.calls += 1;
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ call, attempts: 0, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  private enqueue(pending: Pending): void {
    this.queue.push(pending);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const flush = (): void => {
      this.flushScheduled = false;
      const batch = this.queue;
      this.queue = [];
      this.dispatch(batch);
    };
    if (this.batching && this.batchWindowMs > 0) setTimeout(flush, this.batchWindowMs);
    else setImmediate(flush);
  }

  private dispatch(pending: Pending[]): void {
    if (!this.batching || pending.length === 1) {
      for (const p of pending) void this.sendDirect(p);
      return;
    }
    for (const group of groupForBatches(pending)) {
      if (group.length === 1) void this.sendDirect(group[0] as Pending);
      else void this.sendBatch(group);
    }
  }

  private async sendDirect(p: Pending): Promise<void> {
    const release = await this.limiter.acquire(new Map([[p.call.mailbox, 1]]));
    try {
      // A token failure surfaces here, typed; inside the middleware graph-client would wrap it into a GraphError.
      await this.accessToken();
      let request = this.client.api(p.call.url);
      if (p.call.headers) request = request.headers(p.call.headers);
      const result: unknown =
        p.call.method === 'GET'
          ? await request.get()
          : p.call.method === 'POST'
            ? await request.post(p.call.body ?? {})
            : p.call.method === 'PATCH'
              ? await request.patch(p.call.body ?? {})
              : await request.delete();
      p.resolve(result ?? null);
    } catch (error) {
      p.reject(graphFailure(error));
    } finally {
      release();
    }
  }

  private async sendBatch(group: Pending[]): Promise<void> {
    this.stats.batches += 1;
    const counts = new Map<string, number>();
    for (const p of group) counts.set(p.call.mailbox, (counts.get(p.call.mailbox) ?? 0) + 1);
    const release = await this.limiter.acquire(counts);
    let answer: {
      responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
    };
    try {
      await this.accessToken();
      answer = (await this.client.api('/$batch').post({
        requests: group.map((p, i) => ({
          id: String(i + 1),
          method: p.call.method,
          url: p.call.url,
          ...(p.call.body !== undefined
            ? { body: p.call.body, headers: { 'Content-Type': 'application/json', ...p.call.headers } }
            : p.call.headers
              ? { headers: p.call.headers }
              : {}),
        })),
      })) as typeof answer;
    } catch (error) {
      const failure = graphFailure(error);
      for (const p of group) p.reject(failure);
      return;
    } finally {
      release();
    }
    const byId = new Map((answer.responses ?? []).map((r) => [r.id, r]));
    group.forEach((p, i) => {
      const response = byId.get(String(i + 1));
      if (!response) {
        p.reject(new CalendarError('unavailable', 'Graph $batch left a request unanswered.'));
        return;
      }
      this.metrics?.graphResponse('batch_item', response.status);
      if (response.status < 300) {
        p.resolve(response.body ?? null);
        return;
      }
      const retryAfter = headerValue(response.headers, 'Retry-After');
      if (RETRY_STATUSES.has(response.status) && p.attempts < this.maxRetries) {
        p.attempts += 1;
        this.stats.innerRetries += 1;
        const delay =
          retryAfter !== undefined ? Number(retryAfter) * 1000 : this.retryDelayMs * 2 ** (p.attempts - 1);
        setTimeout(() => this.enqueue(p), Number.isFinite(delay) ? delay : this.retryDelayMs);
        return;
      }
      p.reject(
        graphAnswerFailure(
          response.status,
          errorCode(response.body),
          errorMessage(response.body),
          retryAfter,
        ),
      );
    });
  }
}

/** Our auth middleware: the app-only token on every request, whatever the host. */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly token: AccessTokenSource) {}

  async execute(context: Context): Promise<void> {
    const token = await this.token();
    const options = (context.options ??= {});
    const headers = options.headers;
    if (headers instanceof Headers) headers.set('Authorization', `Bearer ${token}`);
    else if (Array.isArray(headers)) headers.push(['Authorization', `Bearer ${token}`]);
    else options.headers = { ...(headers ?? {}), Authorization: `Bearer ${token}` };
    if (!this.next) throw new Error('BearerMiddleware needs a next middleware.');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Tells the observer each response's status (0 when the request got no answer). */
class ObserveMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly metrics: GraphCallObserver) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('ObserveMiddleware needs a next middleware.');
    try {
      await this.next.execute(context);
    } catch (error) {
      this.metrics.graphResponse('http', 0);
      throw error;
    }
    this.metrics.graphResponse('http', context.response?.status ?? 0);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Splits calls into `$batch` groups of ≤ 20 holding ≤ 4 calls of any one mailbox. */
function groupForBatches<T extends { call: { mailbox: string } }>(items: readonly T[]): T[][] {
  const groups: { items: T[]; perMailbox: Map<string, number> }[] = [];
  for (const item of items) {
    const mailbox = item.call.mailbox;
    let group = groups.find(
      (g) => g.items.length < MAX_BATCH && (g.perMailbox.get(mailbox) ?? 0) < PER_MAILBOX_IN_BATCH,
    );
    if (!group) {
      group = { items: [], perMailbox: new Map() };
      groups.push(group);
    }
    group.items.push(item);
    group.perMailbox.set(mailbox, (group.perMailbox.get(mailbox) ?? 0) + 1);
  }
  return groups.map((g) => g.items);
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } } | null)?.error?.code;
}

function errorMessage(body: unknown): string {
  return (body as { error?: { message?: string } } | null)?.error?.message ?? 'no message';
}
