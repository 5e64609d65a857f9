/** The real msal-node and graph-client against a Graph sandbox on its own port. */
import { createAppTokenSource } from '../../../src/adapters/graph/app-token-provider';
import { GraphCalendar } from '../../../src/adapters/graph/graph-calendar';
import { GraphTransport, type GraphTransportOptions } from '../../../src/adapters/graph/graph-transport';
import type { CalendarSeriesInput } from '../../../src/app/reviews/review-ports';
import { toGraphSchedule } from '../../../src/domain/cadence/graph-recurrence';
import type { GraphSandboxOptions } from '../../../src/sandbox/graph/graph-sandbox';
import { type RunningGraphSandbox, startGraphSandbox } from '../../../src/sandbox/graph/graph-sandbox-router';

export const TENANT = '7d3f6a52-1c9e-4b8a-9f3e-2a6c0d5e8b41';
export const CLIENT_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const CLIENT_SECRET = 'sandbox-secret';

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

export interface GraphHarness {
  running: RunningGraphSandbox;
  transport: GraphTransport;
  calendar: GraphCalendar;
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
  return { running, transport, calendar: new GraphCalendar(transport), close: () => running.close() };
}
