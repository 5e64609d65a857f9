import { type AppTokenSettings, createAppTokenSource } from './app-token-provider';
import { GraphCalendar } from './graph-calendar';
import { type GraphCallObserver, GraphTransport } from './graph-transport';

/** The `Calendar` on Graph, by configuration alone: msal app-only tokens and the graph-client transport. */
export function createGraphCalendar(
  settings: AppTokenSettings & { graphBaseUrl: string; batchWindowMs?: number; metrics?: GraphCallObserver },
): GraphCalendar {
  return new GraphCalendar(
    new GraphTransport({
      graphBaseUrl: settings.graphBaseUrl,
      accessToken: createAppTokenSource(settings),
      ...(settings.batchWindowMs !== undefined ? { batchWindowMs: settings.batchWindowMs } : {}),
      ...(settings.metrics ? { metrics: settings.metrics } : {}),
    }),
  );
}
