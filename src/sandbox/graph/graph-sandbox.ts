/**
 * A local, faithful stand-in for the parts of Microsoft Graph the review booking uses, checked against
 * Microsoft's Graph documentation and recorded responses: app-only tokens it issues and then requires; `/users/{id}/events` with the
 * full recurrence model and `transactionId` semantics; GET/PATCH/DELETE and `/cancel`; `calendarView` and
 * `/instances` that expand series (with exceptions); `calendar/getSchedule`; `$batch` of up to 20 with per-request
 * statuses in any order; at most 4 concurrent requests per mailbox (the 5th gets 429 `ApplicationThrottled`); and
 * injected 429/500/503/504 faults with or without `Retry-After`; and the Teams side of a booked meeting (the org app
 * catalog, online meetings by join link with the chat Teams makes for each, the apps and tabs in that chat, and the
 * permissions an admin may not have granted: meeting-chats.ts).
 *
 * This class is transport-free (`handle` takes a parsed request); graph-sandbox-router.ts serves it over HTTP.
 */
import { randomBytes } from 'node:crypto';

import { errorResponse, GraphError, ok, type SandboxRequest, type SandboxResponse } from './graph-answers';
import { MEETING_APP_PERMISSIONS, MeetingChats, type TeamsGrants } from './meeting-chats';
import {
  checkRecurringEventBody,
  expandPatternedRecurrence,
  RecurrenceRejected,
} from './patterned-recurrence';
import {
  type Attendee,
  type DateTimeTimeZone,
  type EventBody,
  type Mailbox,
  SandboxStore,
  type StoredEvent,
  type WorkingHours,
} from './sandbox-store';
import { ianaFor, instantToWall, wallToInstant } from './wall-time';

export type { SandboxRequest, SandboxResponse } from './graph-answers';

export interface FaultRule {
  /** 500 is not retried by graph-client's RetryHandler: it reaches the caller at once. */
  status: 429 | 500 | 503 | 504;
  /** Seconds for `Retry-After`; null sends none (the client must back off on its own). */
  retryAfterSeconds: number | null;
  /** How many matching requests fail. */
  times: number;
  method?: string;
  /** Only requests whose path contains this. */
  pathIncludes?: string;
}

/** The token endpoint's next `times` answers are this status, with Entra's error body (and `Retry-After` if given). */
export interface TokenFaultRule {
  status: 429 | 500 | 503 | 504;
  retryAfterSeconds: number | null;
  times: number;
}

export interface GraphSandboxOptions {
  /** Client id → secret that may get tokens. Empty: any client with any secret (local mode). */
  clients?: Record<string, string>;
  /** Simulated service time per request, so concurrency is real. Default 0. */
  latencyMs?: number;
  /** Outlook's limit of concurrent requests per app per mailbox. Default 4. */
  mailboxConcurrency?: number;
  /** `Retry-After` on a concurrency 429. Default 1 s. */
  throttleRetryAfterSeconds?: number;
  /** How `$batch` orders its answers: `shuffled` (default, as Graph may) or `reversed` (deterministic). */
  batchOrder?: 'shuffled' | 'reversed';
  /** Token lifetime. Default 3599 s. */
  tokenLifetimeSeconds?: number;
}

export interface SandboxStats {
  /** HTTP requests to `/v1.0` (a `$batch` counts once). */
  httpRequests: number;
  batches: number;
  /** Operations executed: plain requests plus each request inside a batch. */
  operations: number;
  throttled: number;
  faultsInjected: number;
  /** The most requests ever in flight at once for one mailbox. */
  maxInFlightPerMailbox: number;
  tokensIssued: number;
  /** Requests to the token endpoint, refused ones included. */
  tokenRequests: number;
}

const MAX_BATCH = 20;
const EVENT_PROPERTIES = new Set([
  'subject',
  'body',
  'start',
  'end',
  'recurrence',
  'attendees',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'transactionId',
  'location',
  'showAs',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'importance',
  'sensitivity',
  'responseRequested',
]);
const ONLINE_PROVIDERS = new Set(['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer']);
const ATTENDEE_TYPES = new Set(['required', 'optional', 'resource']);

function noStats(): SandboxStats {
  return {
    httpRequests: 0,
    batches: 0,
    operations: 0,
    throttled: 0,
    faultsInjected: 0,
    maxInFlightPerMailbox: 0,
    tokensIssued: 0,
    tokenRequests: 0,
  };
}

export class GraphSandbox {
  readonly store = new SandboxStore();
  readonly stats: SandboxStats = noStats();
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly inFlight = new Map<string, number>();
  private readonly faults: FaultRule[] = [];
  private readonly tokenFaults: TokenFaultRule[] = [];
  private readonly options: Required<GraphSandboxOptions>;
  /**
   * What the tenant's admin granted the app for meeting apps: application permissions (all of Team Charter's by
   * default) and the application access policy for online meetings. Revoke one to see Graph's 403.
   */
  readonly grants: TeamsGrants = {
    permissions: new Set(MEETING_APP_PERMISSIONS),
    onlineMeetingsPolicy: true,
  };
  private readonly meetingChats = new MeetingChats(this.store, this.grants);
  /** Called after every write that succeeded (local mode saves the calendars: graph-sandbox-file.ts). */
  onChange: (() => void) | undefined;

  constructor(options: GraphSandboxOptions = {}) {
    this.options = {
      clients: options.clients ?? {},
      latencyMs: options.latencyMs ?? 0,
      mailboxConcurrency: options.mailboxConcurrency ?? 4,
      throttleRetryAfterSeconds: options.throttleRetryAfterSeconds ?? 1,
      batchOrder: options.batchOrder ?? 'shuffled',
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Test and demo controls

  /** The next `times` matching requests fail with `status`. */
  injectFault(rule: FaultRule): void {
    this.faults.push({ ...rule });
  }

  /** The token endpoint's next answers fail (a throttled or unavailable Entra ID). */
  injectTokenFault(rule: TokenFaultRule): void {
    this.tokenFaults.push({ ...rule });
  }

  setLatency(ms: number): void {
    this.options.latencyMs = ms;
  }

  /** Sets a mailbox's working hours (and makes it known). */
  setMailbox(
    id: string,
    settings: { workingHours?: WorkingHours; denied?: boolean; missing?: boolean },
  ): Mailbox {
    const box = this.store.mailbox(id);
    if (settings.workingHours) box.workingHours = settings.workingHours;
    if (settings.denied !== undefined) box.denied = settings.denied;
    if (settings.missing !== undefined) box.missing = settings.missing;
    return box;
  }

  /** Grants or revokes an application permission (Graph answers 403 to a call none of whose permissions is granted). */
  setPermission(permission: string, granted: boolean): void {
    if (granted) this.grants.permissions.add(permission);
    else this.grants.permissions.delete(permission);
  }

  /** Whether an application access policy lets the app read the organizers' online meetings. */
  setOnlineMeetingsPolicy(granted: boolean): void {
    this.grants.onlineMeetingsPolicy = granted;
  }

  addBusy(mailbox: string, start: Date, end: Date): void {
    this.store.mailbox(mailbox).busy.push({ start: start.getTime(), end: end.getTime() });
  }

  resetStats(): void {
    Object.assign(this.stats, noStats());
  }

  // -------------------------------------------------------------------------------------------------------------
  // Token endpoint (client credentials, as msal-node sends it)

  issueToken(form: Record<string, string | undefined>): SandboxResponse {
    this.stats.tokenRequests += 1;
    // Entra's shape: OAuth `error`, `error_description` starting with the AADSTS code, that number in `error_codes`;
    // 401 for a client that failed to authenticate (invalid_client), 400 for the rest.
    const fail = (error: string, description: string, status = 400): SandboxResponse => ({
      status,
      headers: { 'Content-Type': 'application/json' },
      body: { error, error_description: description, error_codes: aadstsCodes(description) },
    });
    const fault = this.tokenFaults[0];
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) this.tokenFaults.shift();
      const answer = fail(
        'temporarily_unavailable',
        'AADSTS90033: A transient error has occurred. Please try again.',
        fault.status,
      );
      if (fault.retryAfterSeconds !== null) answer.headers['Retry-After'] = String(fault.retryAfterSeconds);
      return answer;
    }
    if (form.grant_type !== 'client_credentials')
      return fail('unsupported_grant_type', 'AADSTS70003: only client_credentials is supported here.');
    const clientId = form.client_id ?? '';
    const known = this.options.clients;
    if (Object.keys(known).length > 0) {
      if (!(clientId in known))
        return fail(
          'unauthorized_client',
          `AADSTS700016: Application with identifier '${clientId}' was not found.`,
        );
      if (known[clientId] !== form.client_secret)
        return fail('invalid_client', 'AADSTS7000215: Invalid client secret provided.', 401);
    } else if (!clientId) return fail('invalid_request', 'AADSTS900144: client_id is missing.');
    if (!form.scope?.split(' ').some((s) => s.endsWith('/.default')))
      return fail(
        'invalid_scope',
        'AADSTS1002012: The provided value for scope is not valid: use <resource>/.default.',
      );
    const token = `sbx.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { clientId, expiresAt: Date.now() + this.options.tokenLifetimeSeconds * 1000 });
    this.stats.tokensIssued += 1;
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: {
        token_type: 'Bearer',
        expires_in: this.options.tokenLifetimeSeconds,
        ext_expires_in: this.options.tokenLifetimeSeconds,
        access_token: token,
      },
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Graph

  /** One HTTP request to `/v1.0…`. */
  async handle(request: SandboxRequest): Promise<SandboxResponse> {
    this.stats.httpRequests += 1;
    const auth = request.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(auth)?.[1];
    const grant = token ? this.tokens.get(token) : undefined;
    if (!grant || grant.expiresAt < Date.now())
      return errorResponse(
        new GraphError(
          401,
          'InvalidAuthenticationToken',
          token ? 'Access token has expired or is not yet valid.' : 'Access token is empty.',
        ),
      );
    const path = request.url.split('?')[0] ?? '';
    if (path === '/$batch' && request.method === 'POST') {
      const fault = this.takeFault(request.method, path);
      if (fault) return fault;
      return this.batch(request);
    }
    return this.operation(request);
  }

  private async batch(request: SandboxRequest): Promise<SandboxResponse> {
    this.stats.batches += 1;
    const body = request.body as { requests?: unknown } | null;
    const requests = body?.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      return errorResponse(new GraphError(400, 'BadRequest', 'Invalid batch payload: requests is missing.'));
    if (requests.length > MAX_BATCH)
      return errorResponse(
        new GraphError(
          400,
          'BadRequest',
          `Number of batch request steps exceeds the maximum of ${MAX_BATCH}.`,
        ),
      );
    const ids = new Set<string>();
    for (const inner of requests as Record<string, unknown>[]) {
      if (typeof inner?.id !== 'string' || typeof inner.method !== 'string' || typeof inner.url !== 'string')
        return errorResponse(
          new GraphError(400, 'BadRequest', 'Each batch request needs id, method and url.'),
        );
      if (ids.has(inner.id))
        return errorResponse(
          new GraphError(400, 'BadRequest', `Batch request id ${inner.id} is duplicated.`),
        );
      ids.add(inner.id);
      if (inner.body !== undefined && !hasContentType(inner.headers))
        return errorResponse(
          new GraphError(
            400,
            'BadRequest',
            'Content-Type header must be specified for a request with a body.',
          ),
        );
    }
    // Graph runs at most 4 requests of one mailbox at a time inside a batch: queue them per mailbox.
    const queues = new Map<string, Promise<unknown>[]>();
    const answers = await Promise.all(
      (
        requests as {
          id: string;
          method: string;
          url: string;
          headers?: Record<string, string>;
          body?: unknown;
        }[]
      ).map(async (inner) => {
        const url = inner.url.startsWith('/') ? inner.url : `/${inner.url}`;
        const mailbox = mailboxOf(url) ?? '';
        const queue = queues.get(mailbox) ?? [];
        queues.set(mailbox, queue);
        const ahead = queue.length >= 4 ? queue[queue.length - 4] : undefined;
        const run = (async () => {
          if (ahead) await ahead.catch(() => undefined);
          return this.operation({
            method: inner.method.toUpperCase(),
            url,
            headers: lower(inner.headers),
            body: inner.body,
          });
        })();
        queue.push(run);
        const answer = await run;
        return { id: inner.id, status: answer.status, headers: answer.headers, body: answer.body };
      }),
    );
    const ordered = this.options.batchOrder === 'reversed' ? answers.reverse() : shuffle(answers);
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses: ordered } };
  }

  private async operation(request: SandboxRequest): Promise<SandboxResponse> {
    this.stats.operations += 1;
    const [path = '', query = ''] = request.url.split('?');
    const fault = this.takeFault(request.method, path);
    if (fault) return fault;
    if (MeetingChats.handles(path)) return this.teamsCall(request.method, path, query, request.body);
    const mailbox = mailboxOf(path);
    if (mailbox === undefined)
      return errorResponse(
        new GraphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`),
      );
    const current = this.inFlight.get(mailbox) ?? 0;
    if (current >= this.options.mailboxConcurrency) {
      this.stats.throttled += 1;
      return errorResponse(
        new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
          'Retry-After': String(this.options.throttleRetryAfterSeconds),
        }),
      );
    }
    this.inFlight.set(mailbox, current + 1);
    this.stats.maxInFlightPerMailbox = Math.max(this.stats.maxInFlightPerMailbox, current + 1);
    try {
      if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs));
      const box = this.store.mailbox(mailbox);
      if (box.missing)
        throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`);
      if (box.denied)
        throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      const params = new URLSearchParams(query);
      const zone = preferredZone(request.headers.prefer);
      const response = this.route(request.method, path, params, request.body, mailbox, zone);
      if (request.method !== 'GET' && response.status < 300) this.onChange?.();
      return response;
    } catch (error) {
      if (error instanceof GraphError) return errorResponse(error);
      if (error instanceof RecurrenceRejected)
        return errorResponse(new GraphError(400, error.code, error.message));
      throw error;
    } finally {
      this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 1) - 1);
    }
  }

  /** The org catalog and meeting chats: no mailbox, so no mailbox limit. */
  private async teamsCall(
    method: string,
    path: string,
    query: string,
    body: unknown,
  ): Promise<SandboxResponse> {
    try {
      if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs));
      const response = this.meetingChats.route(method, path, new URLSearchParams(query), body);
      if (method !== 'GET' && response.status < 300) this.onChange?.();
      return response;
    } catch (error) {
      if (error instanceof GraphError) return errorResponse(error);
      throw error;
    }
  }

  private route(
    method: string,
    path: string,
    params: URLSearchParams,
    body: unknown,
    mailbox: string,
    zone: string,
  ): SandboxResponse {
    const parts = path.split('/').filter(Boolean).slice(2); // drop users/{id}
    const [a, b] = parts;
    const isEvents = a === 'events' || (a === 'calendar' && b === 'events');
    const rest = a === 'calendar' && b === 'events' ? parts.slice(2) : parts.slice(1);
    if (a === 'onlineMeetings' && parts.length === 1 && method === 'GET')
      return this.meetingChats.findOnlineMeetings(mailbox, params);
    if (a === 'calendarView' && parts.length === 1 && method === 'GET')
      return this.calendarView(mailbox, params, zone);
    if (a === 'calendar' && b === 'getSchedule' && method === 'POST') return this.getSchedule(body, zone);
    if (isEvents && rest.length === 0 && method === 'POST') return this.createEvent(mailbox, body, zone);
    if (isEvents && rest.length === 0 && method === 'GET')
      return ok(200, { value: this.store.eventsOf(mailbox).map((e) => this.eventJson(e, zone)) });
    if (isEvents && rest.length >= 1) {
      const id = decodeURIComponent(rest[0] ?? '');
      const sub = rest[1];
      if (rest.length === 1 && method === 'GET') return ok(200, this.getEventOrOccurrence(mailbox, id, zone));
      if (rest.length === 1 && method === 'PATCH') return this.patch(mailbox, id, body, zone);
      if (rest.length === 1 && method === 'DELETE') return this.delete(mailbox, id);
      if (sub === 'cancel' && rest.length === 2 && method === 'POST') return this.cancel(mailbox, id, body);
      if (sub === 'instances' && rest.length === 2 && method === 'GET')
        return this.instances(mailbox, id, params, zone);
    }
    throw new GraphError(400, 'BadRequest', `Unsupported request: ${method} ${path}`);
  }

  // ------------------------------------------------------------------------------------------------------------- events

  private createEvent(mailbox: string, raw: unknown, zone: string): SandboxResponse {
    const input = validateEvent(raw, 'create');
    if (input.transactionId) {
      const existing = this.store.eventsOf(mailbox).find((e) => e.transactionId === input.transactionId);
      if (existing) return ok(201, this.eventJson(existing, zone));
    }
    const now = new Date().toISOString();
    const id = `AAMkSBX${randomBytes(12).toString('hex')}`;
    const online = input.isOnlineMeeting === true && input.onlineMeetingProvider === 'teamsForBusiness';
    const joinUrl = online
      ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(9).toString('hex')}%40thread.v2/0`
      : null;
    const body: EventBody = input.body ?? { contentType: 'HTML', content: '' };
    const event: StoredEvent = {
      id,
      mailbox,
      type: input.recurrence ? 'seriesMaster' : 'singleInstance',
      subject: input.subject ?? '',
      body: joinUrl ? { contentType: 'HTML', content: body.content + teamsMeetingBlob(joinUrl) } : body,
      start: input.start as DateTimeTimeZone,
      end: input.end as DateTimeTimeZone,
      recurrence: input.recurrence ?? null,
      attendees: input.attendees ?? [],
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: joinUrl ? { joinUrl } : null,
      allowNewTimeProposals: input.allowNewTimeProposals ?? true,
      transactionId: input.transactionId ?? null,
      createdDateTime: now,
      lastModifiedDateTime: now,
      cancelled: null,
      exceptions: new Map(),
    };
    this.store.events.set(id, event);
    // Teams makes the meeting's chat with the online meeting.
    this.store.openMeetingChat(event);
    return ok(201, this.eventJson(event, zone));
  }

  private patch(mailbox: string, id: string, raw: unknown, zone: string): SandboxResponse {
    const occurrence = parseOccurrenceId(id);
    if (occurrence) {
      const master = this.findLive(mailbox, occurrence.masterId);
      const input = validateEvent(raw, 'patch');
      if (input.recurrence || input.start || input.end)
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          'This sandbox changes only the body and subject of one occurrence.',
        );
      if (!this.occurrencesOf(master, occurrence.start, occurrence.start + 1).length)
        throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const exception = master.exceptions.get(occurrence.start) ?? {};
      if (input.body) exception.body = input.body;
      if (input.subject !== undefined) exception.subject = input.subject;
      master.exceptions.set(occurrence.start, exception);
      return ok(200, this.getEventOrOccurrence(mailbox, id, zone));
    }
    const event = this.findLive(mailbox, id);
    const input = validateEvent(raw, 'patch');
    if (input.transactionId !== undefined && input.transactionId !== event.transactionId)
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        'transactionId cannot be changed once the event is created.',
      );
    const next = {
      start: input.start ?? event.start,
      end: input.end ?? event.end,
      recurrence: input.recurrence === undefined ? event.recurrence : input.recurrence,
    };
    if (next.recurrence) checkRecurringEventBody(next as Parameters<typeof checkRecurringEventBody>[0]);
    checkStartBeforeEnd(next.start, next.end);
    const scheduleChanged =
      JSON.stringify([event.start, event.end, event.recurrence]) !==
      JSON.stringify([next.start, next.end, next.recurrence]);
    Object.assign(event, next);
    if (scheduleChanged) event.exceptions.clear(); // Outlook drops exceptions when the pattern changes
    event.type = event.recurrence ? 'seriesMaster' : 'singleInstance';
    if (input.subject !== undefined) event.subject = input.subject;
    if (input.body) event.body = input.body;
    if (input.attendees) event.attendees = input.attendees;
    if (input.allowNewTimeProposals !== undefined) event.allowNewTimeProposals = input.allowNewTimeProposals;
    event.lastModifiedDateTime = new Date().toISOString();
    return ok(200, this.eventJson(event, zone));
  }

  private delete(mailbox: string, id: string): SandboxResponse {
    const event = this.findLive(mailbox, id);
    this.store.events.delete(event.id);
    return { status: 204, headers: {}, body: null };
  }

  private cancel(mailbox: string, id: string, raw: unknown): SandboxResponse {
    const comment = (raw as { comment?: unknown } | null)?.comment;
    if (comment !== undefined && typeof comment !== 'string')
      throw new GraphError(400, 'RequestBodyRead', 'comment must be a string.');
    const occurrence = parseOccurrenceId(id);
    if (occurrence) {
      const master = this.findLive(mailbox, occurrence.masterId);
      master.exceptions.set(occurrence.start, {
        ...master.exceptions.get(occurrence.start),
        cancelled: true,
      });
    } else {
      const event = this.findLive(mailbox, id);
      event.cancelled = { at: new Date().toISOString(), comment: comment ?? '' };
    }
    return { status: 202, headers: {}, body: null };
  }

  private findLive(mailbox: string, id: string): StoredEvent {
    const event = this.store.events.get(id);
    if (!event || event.mailbox !== mailbox || event.cancelled)
      throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return event;
  }

  private getEventOrOccurrence(mailbox: string, id: string, zone: string): unknown {
    const occurrence = parseOccurrenceId(id);
    if (!occurrence) return this.eventJson(this.findLive(mailbox, id), zone);
    const master = this.findLive(mailbox, occurrence.masterId);
    const found = this.occurrencesOf(master, occurrence.start, occurrence.start + 1)[0];
    if (!found)
      throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return this.occurrenceJson(master, found.start, found.end, zone);
  }

  // ------------------------------------------------------------------------------------------------------------- views

  private calendarView(mailbox: string, params: URLSearchParams, zone: string): SandboxResponse {
    const [from, to] = windowOf(params);
    const value: { start: number; json: unknown }[] = [];
    for (const event of this.store.eventsOf(mailbox)) {
      for (const o of this.occurrencesOf(event, from, to))
        value.push({ start: o.start, json: this.occurrenceJson(event, o.start, o.end, zone) });
    }
    value.sort((x, y) => x.start - y.start);
    return ok(200, { value: value.map((v) => v.json) });
  }

  private instances(mailbox: string, id: string, params: URLSearchParams, zone: string): SandboxResponse {
    const event = this.findLive(mailbox, id);
    if (event.type !== 'seriesMaster')
      throw new GraphError(400, 'ErrorInvalidRequest', 'The event is not the master of a series.');
    const [from, to] = windowOf(params);
    return ok(200, {
      value: this.occurrencesOf(event, from, to).map((o) => this.occurrenceJson(event, o.start, o.end, zone)),
    });
  }

  /** Occurrences (start, end as epoch ms) of an event overlapping [from, to), exceptions applied. */
  occurrencesOf(event: StoredEvent, from: number, to: number): { start: number; end: number }[] {
    const start = wallToInstant(event.start.dateTime, event.start.timeZone);
    const end = wallToInstant(event.end.dateTime, event.end.timeZone);
    const duration = end - start;
    if (!event.recurrence) return start < to && end > from ? [{ start, end }] : [];
    const recurrenceZone =
      (event.recurrence.range.recurrenceTimeZone as string | undefined) ?? event.start.timeZone;
    const through = instantToWall(to, recurrenceZone).slice(0, 10);
    const time = event.start.dateTime.slice(11, 19);
    const dates = expandPatternedRecurrence(
      { start: event.start, end: event.end, recurrence: event.recurrence },
      100_000,
      nextDate(through),
    );
    const result: { start: number; end: number }[] = [];
    for (const date of dates) {
      const s = wallToInstant(`${date}T${time}`, event.start.timeZone);
      if (s >= to || s + duration <= from) continue;
      if (event.exceptions.get(s)?.cancelled) continue;
      result.push({ start: s, end: s + duration });
    }
    return result;
  }

  private getSchedule(raw: unknown, zone: string): SandboxResponse {
    const body = raw as {
      schedules?: unknown;
      startTime?: DateTimeTimeZone;
      endTime?: DateTimeTimeZone;
      availabilityViewInterval?: unknown;
    } | null;
    if (!Array.isArray(body?.schedules) || body.schedules.length === 0 || body.schedules.length > 100)
      throw new GraphError(400, 'ErrorInvalidParameter', 'schedules must list 1 to 100 addresses.');
    if (
      !body.startTime ||
      !body.endTime ||
      !ianaFor(body.startTime.timeZone) ||
      !ianaFor(body.endTime.timeZone)
    )
      throw new GraphError(
        400,
        'ErrorInvalidParameter',
        'startTime and endTime are required dateTimeTimeZone values.',
      );
    const interval = body.availabilityViewInterval ?? 30;
    if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 5 || interval > 1440)
      throw new GraphError(
        400,
        'ErrorInvalidParameter',
        'availabilityViewInterval must be 5 to 1440 minutes.',
      );
    const from = wallToInstant(body.startTime.dateTime, body.startTime.timeZone);
    const to = wallToInstant(body.endTime.dateTime, body.endTime.timeZone);
    if (!(to > from)) throw new GraphError(400, 'ErrorInvalidParameter', 'endTime must be after startTime.');
    const value = (body.schedules as unknown[]).map((address) => {
      const id = String(address).toLowerCase();
      const box = this.store.mailbox(id);
      const items: { start: number; end: number; subject: string }[] = box.busy
        .filter((b) => b.start < to && b.end > from)
        .map((b) => ({ ...b, subject: 'Busy' }));
      for (const event of this.store.liveEvents()) {
        const involved =
          event.mailbox === id || event.attendees.some((a) => a.emailAddress.address.toLowerCase() === id);
        if (!involved) continue;
        for (const o of this.occurrencesOf(event, from, to)) items.push({ ...o, subject: event.subject });
      }
      items.sort((x, y) => x.start - y.start);
      let view = '';
      for (let t = from; t < to; t += interval * 60_000) {
        const busy = items.some((i) => i.start < t + interval * 60_000 && i.end > t);
        view += busy ? '2' : '0';
      }
      const wh = box.workingHours;
      return {
        scheduleId: String(address),
        availabilityView: view,
        scheduleItems: items.map((i) => ({
          isPrivate: false,
          status: 'busy',
          subject: i.subject,
          start: { dateTime: instantToWall(i.start, zone), timeZone: zone },
          end: { dateTime: instantToWall(i.end, zone), timeZone: zone },
        })),
        workingHours: {
          daysOfWeek: wh.daysOfWeek,
          startTime: `${wh.startTime}:00.0000000`,
          endTime: `${wh.endTime}:00.0000000`,
          timeZone: { name: wh.timeZone },
        },
      };
    });
    return ok(200, { value });
  }

  // ------------------------------------------------------------------------------------------------------------- JSON

  private eventJson(event: StoredEvent, zone: string): Record<string, unknown> {
    const start = wallToInstant(event.start.dateTime, event.start.timeZone);
    const end = wallToInstant(event.end.dateTime, event.end.timeZone);
    return {
      id: event.id,
      type: event.type,
      subject: event.subject,
      body: event.body,
      bodyPreview: htmlToText(event.body.content).slice(0, 255),
      start: { dateTime: instantToWall(start, zone), timeZone: zone },
      end: { dateTime: instantToWall(end, zone), timeZone: zone },
      originalStartTimeZone: event.start.timeZone,
      originalEndTimeZone: event.end.timeZone,
      recurrence: event.recurrence,
      attendees: event.attendees.map((a) => ({
        ...a,
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      })),
      organizer: { emailAddress: { address: event.mailbox, name: event.mailbox } },
      isOrganizer: true,
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.onlineMeetingProvider,
      onlineMeeting: meetingKept(event, event.body),
      allowNewTimeProposals: event.allowNewTimeProposals,
      transactionId: event.transactionId,
      isCancelled: false,
      createdDateTime: event.createdDateTime,
      lastModifiedDateTime: event.lastModifiedDateTime,
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    };
  }

  private occurrenceJson(
    master: StoredEvent,
    start: number,
    end: number,
    zone: string,
  ): Record<string, unknown> {
    const exception = master.exceptions.get(start);
    const body = exception?.body ?? master.body;
    return {
      ...this.eventJson(master, zone),
      id: occurrenceId(master.id, start),
      type: exception ? 'exception' : 'occurrence',
      seriesMasterId: master.id,
      recurrence: null,
      subject: exception?.subject ?? master.subject,
      body,
      bodyPreview: htmlToText(body.content).slice(0, 255),
      onlineMeeting: meetingKept(master, body),
      originalStart: new Date(start).toISOString(),
      start: { dateTime: instantToWall(start, zone), timeZone: zone },
      end: { dateTime: instantToWall(end, zone), timeZone: zone },
    };
  }

  // ------------------------------------------------------------------------------------------------------------- faults

  private takeFault(method: string, path: string): SandboxResponse | undefined {
    const index = this.faults.findIndex(
      (f) =>
        f.times > 0 &&
        (!f.method || f.method === method) &&
        (!f.pathIncludes || path.includes(f.pathIncludes)),
    );
    const fault = index >= 0 ? this.faults[index] : undefined;
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) this.faults.splice(index, 1);
    this.stats.faultsInjected += 1;
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== null) headers['Retry-After'] = String(fault.retryAfterSeconds);
    const code =
      fault.status === 429
        ? 'TooManyRequests'
        : fault.status === 500
          ? 'InternalServerError'
          : fault.status === 503
            ? 'ServiceUnavailable'
            : 'GatewayTimeout';
    return errorResponse(
      new GraphError(fault.status, code, `Injected ${fault.status} by the Graph sandbox.`, headers),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** The AADSTS numbers Entra lists in `error_codes`, taken from its description. */
function aadstsCodes(description: string): number[] {
  return [...description.matchAll(/AADSTS(\d+)/g)].map((m) => Number(m[1]));
}

interface EventInput {
  subject?: string;
  body?: EventBody;
  start?: DateTimeTimeZone;
  end?: DateTimeTimeZone;
  recurrence?: { pattern: Record<string, unknown>; range: Record<string, unknown> } | null;
  attendees?: Attendee[];
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: string;
  allowNewTimeProposals?: boolean;
  transactionId?: string;
}

function validateEvent(raw: unknown, kind: 'create' | 'patch'): EventInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new GraphError(400, 'RequestBodyRead', 'The request body must be a JSON object.');
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!EVENT_PROPERTIES.has(key) && !key.startsWith('@odata'))
      throw new GraphError(
        400,
        'RequestBodyRead',
        `The property '${key}' does not exist on type 'microsoft.graph.event'.`,
      );
  }
  const bad = (message: string): never => {
    throw new GraphError(400, 'ErrorPropertyValidationFailure', message);
  };
  if (input.subject !== undefined && typeof input.subject !== 'string') bad('subject must be a string.');
  if (input.body !== undefined) {
    const body = input.body as Record<string, unknown> | null;
    const type = typeof body?.contentType === 'string' ? body.contentType.toLowerCase() : '';
    if (type !== 'html' && type !== 'text')
      throw new GraphError(
        400,
        'RequestBodyRead',
        `Cannot convert '${String(body?.contentType)}' to 'microsoft.graph.bodyType'.`,
      );
    if (typeof body?.content !== 'string') bad('body.content must be a string.');
    input.body = { contentType: type === 'html' ? 'HTML' : 'text', content: body?.content };
  }
  for (const side of ['start', 'end'] as const) {
    const value = input[side] as Record<string, unknown> | undefined;
    if (value === undefined) {
      if (kind === 'create') bad(`${side} is required.`);
      continue;
    }
    if (
      typeof value?.dateTime !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/.test(value.dateTime)
    )
      bad(`${side}.dateTime must look like 2026-01-08T15:00:00.`);
    if (typeof value?.timeZone !== 'string' || !ianaFor(value.timeZone))
      throw new GraphError(
        400,
        'TimeZoneNotSupportedException',
        `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(value?.timeZone)}'.`,
      );
  }
  if (kind === 'create') checkStartBeforeEnd(input.start as DateTimeTimeZone, input.end as DateTimeTimeZone);
  if (input.recurrence !== undefined && input.recurrence !== null) {
    const r = input.recurrence as Record<string, unknown>;
    if (
      typeof r.pattern !== 'object' ||
      r.pattern === null ||
      typeof r.range !== 'object' ||
      r.range === null
    )
      bad('recurrence needs pattern and range.');
    if (kind === 'create' || (input.start && input.end))
      checkRecurringEventBody({
        start: input.start as DateTimeTimeZone,
        end: input.end as DateTimeTimeZone,
        recurrence: r as { pattern: object; range: object },
      });
  }
  if (input.attendees !== undefined) {
    if (!Array.isArray(input.attendees)) bad('attendees must be an array.');
    for (const a of input.attendees as Record<string, unknown>[]) {
      const address = (a?.emailAddress as Record<string, unknown> | undefined)?.address;
      if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address))
        bad('Each attendee needs emailAddress.address.');
      if (a.type !== undefined && !ATTENDEE_TYPES.has(a.type as string))
        throw new GraphError(
          400,
          'RequestBodyRead',
          `Cannot convert '${String(a.type)}' to 'microsoft.graph.attendeeType'.`,
        );
    }
  }
  if (
    input.onlineMeetingProvider !== undefined &&
    !ONLINE_PROVIDERS.has(input.onlineMeetingProvider as string)
  )
    throw new GraphError(
      400,
      'RequestBodyRead',
      `Cannot convert '${String(input.onlineMeetingProvider)}' to 'microsoft.graph.onlineMeetingProviderType'.`,
    );
  if (input.isOnlineMeeting !== undefined && typeof input.isOnlineMeeting !== 'boolean')
    bad('isOnlineMeeting must be a boolean.');
  if (
    input.transactionId !== undefined &&
    (typeof input.transactionId !== 'string' || input.transactionId.length > 255)
  )
    bad('transactionId must be a string.');
  return input as EventInput;
}

function checkStartBeforeEnd(start: DateTimeTimeZone, end: DateTimeTimeZone): void {
  if (wallToInstant(end.dateTime, end.timeZone) < wallToInstant(start.dateTime, start.timeZone))
    throw new GraphError(400, 'ErrorPropertyValidationFailure', 'The end time must be after the start time.');
}

/** The body block Teams adds to an online meeting (abridged): it carries the join link. */
function teamsMeetingBlob(joinUrl: string): string {
  return (
    '<div class="me-email-text" lang="en-US">' +
    '<div style="margin-bottom:24px;overflow:hidden;white-space:nowrap;">________________________________________________________________________________</div>' +
    '<div style="margin-bottom:12px;"><span style="font-size:24px;font-weight:700;">Microsoft Teams meeting</span></div>' +
    `<div style="margin-bottom:6px;"><a href="${joinUrl}" id="meet_invite_block.action.join_link" title="Meeting join link">Join the meeting now</a></div>` +
    '</div>'
  );
}

/** The online meeting survives a body change only if the new body still carries its block. */
function meetingKept(event: StoredEvent, body: EventBody): { joinUrl: string } | null {
  if (!event.onlineMeeting) return null;
  return body.content.includes(event.onlineMeeting.joinUrl) ? event.onlineMeeting : null;
}

function occurrenceId(masterId: string, start: number): string {
  return `${masterId}_OID_${start}`;
}

function parseOccurrenceId(id: string): { masterId: string; start: number } | undefined {
  const m = /^(.+)_OID_(\d+)$/.exec(id);
  return m ? { masterId: m[1] as string, start: Number(m[2]) } : undefined;
}

function mailboxOf(path: string): string | undefined {
  const m = /^\/(?:users)\/([^/?]+)/.exec(path);
  return m?.[1] ? decodeURIComponent(m[1]).toLowerCase() : undefined;
}

function windowOf(params: URLSearchParams): [number, number] {
  const from = params.get('startDateTime');
  const to = params.get('endDateTime');
  if (!from || !to)
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  const parse = (text: string): number => {
    const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`;
    const value = Date.parse(withZone);
    if (Number.isNaN(value))
      throw new GraphError(400, 'ErrorInvalidParameter', `${text} is not a date and time.`);
    return value;
  };
  return [parse(from), parse(to)];
}

function preferredZone(prefer: string | undefined): string {
  const m = /outlook\.timezone="([^"]+)"/.exec(prefer ?? '');
  return m?.[1] && ianaFor(m[1]) ? m[1] : 'UTC';
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function hasContentType(headers: unknown): boolean {
  return (
    typeof headers === 'object' &&
    headers !== null &&
    Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  );
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
