import { type AppTokenSettings, createAppTokenSource } from './app-token-provider';
import { GraphCalendar } from './graph-calendar';
import { GraphReviewMeetings } from './graph-review-meetings';
import { type GraphCallObserver, GraphTransport } from './graph-transport';

/**
 * The review feature's Graph adapters by configuration alone: the `Calendar` and the `ReviewMeetings`, over one
 * transport (msal app-only tokens, graph-client, `$batch`, the per-mailbox limiter).
 */
export function createGraphReviews(
  settings: AppTokenSettings & { graphBaseUrl: string; batchWindowMs?: number; metrics?: GraphCallObserver },
): { calendar: GraphCalendar; meetings: GraphReviewMeetings } {
  const transport = new GraphTransport({
    graphBaseUrl: settings.graphBaseUrl,
    accessToken: createAppTokenSource(settings),
    ...(settings.batchWindowMs !== undefined ? { batchWindowMs: settings.batchWindowMs } : {}),
    ...(settings.metrics ? { metrics: settings.metrics } : {}),
  });
  return { calendar: new GraphCalendar(transport), meetings: new GraphReviewMeetings(transport) };
}
