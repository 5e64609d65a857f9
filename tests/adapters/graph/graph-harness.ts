/** The real msal-node and graph-client against a Graph sandbox on its own port. */
import { createAppTokenSource } from '../../../src/adapters/graph/app-token-provider';
import { GraphCalendar } from '../../../src/adapters/graph/graph-calendar';
import { GraphTransport, type GraphTransportOptions } from '../../../src/adapters/graph/graph-transport';
import type { GraphSandboxOptions } from '../../../src/sandbox/graph/graph-sandbox';
import { type RunningGraphSandbox, startGraphSandbox } from '../../../src/sandbox/graph/graph-sandbox-router';

export const TENANT = '7d3f6a52-1c9e-4b8a-9f3e-2a6c0d5e8b41';
export const CLIENT_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const CLIENT_SECRET = 'sandbox-secret';

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
