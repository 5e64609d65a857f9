/**
 * The sandboxes as their own servers in the jest process (outside the app process the suite kills), each with a log
 * of every request it answered: arrival, the key it counts against, status and `Retry-After`. From that log,
 * `retryAfterCheck` counts how often the app came back for the same thing before the service's `Retry-After` ran out.
 *
 * Keys: the Bot Connector throttles per thread, so a send counts against its conversation and a 1:1 create against the
 * member it is for. Graph throttles per mailbox: a request counts against every mailbox it touches (a `$batch`
 * against all of its requests' mailboxes; an inner 429 only against its own).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express, { type Request } from 'express';

import { BotConnectorSandbox } from '../../../src/sandbox/bot-connector/bot-connector-sandbox';
import {
  GraphSandbox,
  type GraphSandboxOptions,
  type SandboxRequest,
  type SandboxResponse,
} from '../../../src/sandbox/graph/graph-sandbox';
import { graphSandboxRouter } from '../../../src/sandbox/graph/graph-sandbox-router';

export interface LoggedRequest {
  /** Arrival (ms). */
  at: number;
  /** When the answer was sent (ms). */
  answeredAt: number;
  keys: string[];
  status: number;
  /** `Retry-After` in seconds, when sent. */
  retryAfterS?: number;
}

export interface RetryAfterCheck {
  /** 429s answered with a Retry-After. */
  throttledWithRetryAfter: number;
  /** …after which the app came back for the same key. */
  retried: number;
  /** …and did so only after the Retry-After ran out. */
  respected: number;
  /** Early returns, described. */
  violations: string[];
}

// Timers and the answer's trip back: the app may arrive up to this much before Retry-After, measured here.
const SLACK_MS = 30;

/** For each 429 with Retry-After: did the next request for the same key wait for it? */
export function retryAfterCheck(log: readonly LoggedRequest[]): RetryAfterCheck {
  const check: RetryAfterCheck = { throttledWithRetryAfter: 0, retried: 0, respected: 0, violations: [] };
  const byArrival = [...log].sort((a, b) => a.at - b.at);
  for (const throttled of log) {
    if (throttled.status !== 429 || throttled.retryAfterS === undefined) continue;
    check.throttledWithRetryAfter += 1;
    for (const key of throttled.keys) {
      const next = byArrival.find((r) => r.at > throttled.answeredAt && r.keys.includes(key));
      if (!next) continue;
      check.retried += 1;
      const waited = next.at - throttled.answeredAt;
      if (waited + SLACK_MS >= throttled.retryAfterS * 1000) check.respected += 1;
      else
        check.violations.push(
          `${key}: came back after ${waited} ms, Retry-After was ${throttled.retryAfterS} s`,
        );
    }
  }
  return check;
}

export interface RecordedServer {
  url: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

async function serve(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 1000;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function connectorKeys(req: Request): string[] {
  if (req.method === 'POST' && req.path === '/v3/conversations') {
    const members = (req.body as { members?: { id?: unknown }[] } | undefined)?.members;
    return [`create:${String(members?.[0]?.id)}`];
  }
  const conversation = /^\/v3\/conversations\/([^/]+)/.exec(req.path)?.[1];
  return conversation ? [`thread:${decodeURIComponent(conversation)}`] : [];
}

/** The Bot Connector sandbox on its own port, its `serviceUrl` set, every request logged. */
export async function startRecordedConnector(
  sandbox = new BotConnectorSandbox(),
): Promise<RecordedServer & { sandbox: BotConnectorSandbox; quiet(ms: number): Promise<void> }> {
  const log: LoggedRequest[] = [];
  let active = 0;
  let lastActivity = Date.now();
  const app = express();
  app.use((req, res, next) => {
    active += 1;
    lastActivity = Date.now();
    res.once('close', () => {
      active -= 1;
      lastActivity = Date.now();
    });
    next();
  });
  app.use(express.json({ limit: '1mb' }));
  app.use((req, res, next) => {
    const at = Date.now();
    const keys = connectorKeys(req);
    res.on('finish', () => {
      const retryAfter = res.getHeader('Retry-After');
      log.push({
        at,
        answeredAt: Date.now(),
        keys,
        status: res.statusCode,
        ...(retryAfter !== undefined ? { retryAfterS: Number(retryAfter) } : {}),
      });
    });
    next();
  });
  app.use(sandbox.router());
  const running = await serve(app);
  sandbox.serviceUrl = `${running.url}/`;
  return {
    ...running,
    log,
    sandbox,
    /** Resolves once no request has been in progress or arrived for `ms` (a killed client's last ones are answered). */
    async quiet(ms: number) {
      while (active > 0 || Date.now() - lastActivity < ms) await new Promise((r) => setTimeout(r, 25));
    },
  };
}

function mailboxOf(url: string): string | null {
  const id = /^\/?users\/([^/?]+)/.exec(url)?.[1];
  return id ? decodeURIComponent(id).toLowerCase() : null;
}

interface InnerRequest {
  id: string;
  url: string;
}
interface InnerResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
}

/** The Graph sandbox logging each request it handles (before auth: a 401 is an answer too). */
class LoggingGraphSandbox extends GraphSandbox {
  readonly log: LoggedRequest[] = [];

  override async handle(request: SandboxRequest): Promise<SandboxResponse> {
    const at = Date.now();
    const path = request.url.split('?')[0] ?? '';
    const inner =
      path === '/$batch' ? ((request.body as { requests?: InnerRequest[] } | null)?.requests ?? []) : [];
    const keys =
      path === '/$batch'
        ? [...new Set(inner.flatMap((r) => mailboxOf(r.url) ?? []))]
        : [mailboxOf(path)].flatMap((m) => m ?? []);
    const response = await super.handle(request);
    const answeredAt = Date.now();
    const retryAfter = (headers: Record<string, string> | undefined): { retryAfterS?: number } => {
      const value = headers?.['Retry-After'] ?? headers?.['retry-after'];
      return value !== undefined ? { retryAfterS: Number(value) } : {};
    };
    this.log.push({ at, answeredAt, keys, status: response.status, ...retryAfter(response.headers) });
    const responses = (response.body as { responses?: InnerResponse[] } | null)?.responses ?? [];
    for (const r of path === '/$batch' && response.status === 200 ? responses : []) {
      const mailbox = mailboxOf(inner.find((i) => i.id === r.id)?.url ?? '');
      if (r.status >= 400)
        this.log.push({
          at,
          answeredAt,
          keys: mailbox ? [mailbox] : [],
          status: r.status,
          ...retryAfter(r.headers),
        });
    }
    return response;
  }
}

/** The Graph sandbox on its own port, every request (and every failed inner `$batch` request) logged. */
export async function startRecordedGraph(
  options: GraphSandboxOptions = {},
): Promise<
  RecordedServer & { sandbox: GraphSandbox; graphBaseUrl: string; tokenEndpoint(tenant: string): string }
> {
  const sandbox = new LoggingGraphSandbox(options);
  const app = express();
  app.disable('x-powered-by');
  app.use(graphSandboxRouter(sandbox));
  const running = await serve(app);
  return {
    ...running,
    log: sandbox.log,
    sandbox,
    graphBaseUrl: `${running.url}/v1.0`,
    tokenEndpoint: (tenant) => `${running.url}/${tenant}/oauth2/v2.0/token`,
  };
}
