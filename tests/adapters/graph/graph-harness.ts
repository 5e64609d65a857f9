/** The real msal-node and graph-client against a Graph sandbox on its own port. */
import { createAppTokenSource } from '../../../src/adapters/graph/app-token-provider';
import { GraphCalendar } from '../../../src/adapters/graph/graph-calendar';
import { GraphReviewMeetings } from '../../../src/adapters/graph/graph-review-meetings';
import { GraphTransport, type GraphTransportOptions } from '../../../src/adapters/graph/graph-transport';
import type { MeetingAppSettings } from '../../../src/app/reviews/meeting-ports';
import type { CalendarSeriesInput } from '../../../src/app/reviews/review-ports';
import { toGraphSchedule } from '../../../src/domain/cadence/graph-recurrence';
import type { GraphSandboxOptions } from '../../../src/sandbox/graph/graph-sandbox';
import { type RunningGraphSandbox, startGraphSandbox } from '../../../src/sandbox/graph/graph-sandbox-router';

export const TENANT = '7d3f6a52-1c9e-4b8a-9f3e-2a6c0d5e8b41';
export const CLIENT_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const CLIENT_SECRET = 'sandbox-secret';
/** Team Charter's manifest id in these tests, and the id the sandbox's org catalog gives it. */
export const MANIFEST_ID = '0b6d7f5e-3c1a-4f8e-9d2b-6a7c8e9f0a1b';
export const CATALOG_APP_ID = 'e1d2c3b4-a596-4877-8a9b-0c1d2e3f4a5b';
export const MEETING_APP: MeetingAppSettings = {
  manifestId: MANIFEST_ID,
  catalogAppId: null,
  tabEndpoint: 'https://charter.contoso.example',
};

/** A review series: every other Thursday 15:00–16:00 Berlin from 2026-01-05, with one attendee; override the schedule. */
export function reviewSeries(
  overrides: Partial<Parameters<typeof toGraphSchedule>[0]> = {},
): CalendarSeriesInput {
  return {
    subject: 'Charter review — Contoso',
    schedule: toGraphSchedule({
      pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['thursday'] },
      startTime: '15:00',
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
      startDate: '2026-01-05',
      ...overrides,
    }),
    attendees: [{ address: 'MeganB@contoso.example', name: 'Megan Bowen' }],
  };
}

/** An app-only token from the sandbox's token endpoint, as msal would get it. */
export async function sandboxToken(running: RunningGraphSandbox): Promise<string> {
  const response = await fetch(running.tokenEndpoint('t1'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default`,
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** One raw Graph call to the sandbox (with `token`, or none): the status and the parsed body, typed by the caller. */
export async function rawGraphCall<T>(
  running: RunningGraphSandbox,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T | null }> {
  const response = await fetch(`${running.graphBaseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as T) : null };
}

export interface GraphHarness {
  running: RunningGraphSandbox;
  transport: GraphTransport;
  calendar: GraphCalendar;
  meetings: GraphReviewMeetings;
  close(): Promise<void>;
}

export async function startGraphHarness(
  sandboxOptions: GraphSandboxOptions = {},
  transportOptions: Partial<GraphTransportOptions> & { clientSecret?: string } = {},
): Promise<GraphHarness> {
  const running = await startGraphSandbox({ clients: { [CLIENT_ID]: CLIENT_SECRET }, ...sandboxOptions });
  const accessToken = createAppTokenSource({
    clientId: CLIENT_ID,
    clientSecret: transportOptions.clientSecret ?? CLIENT_SECRET,
    tenantId: TENANT,
    authorityHost: 'https://login.microsoftonline.com',
    tokenEndpoint: running.tokenEndpoint(TENANT),
  });
  const transport = new GraphTransport({
    graphBaseUrl: running.graphBaseUrl,
    accessToken,
    retryDelaySeconds: 0,
    maxRetries: 3,
    ...transportOptions,
  });
  // Published in the org's catalog, as an admin does before the app can go into meetings.
  running.sandbox.store.publishApp({
    id: CATALOG_APP_ID,
    externalId: MANIFEST_ID,
    displayName: 'Team Charter',
  });
  return {
    running,
    transport,
    calendar: new GraphCalendar(transport),
    meetings: new GraphReviewMeetings(transport),
    close: () => running.close(),
  };
}
