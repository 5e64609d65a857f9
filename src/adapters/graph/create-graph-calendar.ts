import type { Calendar } from '../../app/reviews/review-ports';
import { createAppTokenSource, type AppTokenSettings } from './app-token-provider';
import { GraphCalendar } from './graph-calendar';
import { GraphTransport, type GraphCallObserver } from './graph-transport';

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

/**
 * A `Calendar` whose Graph client is built later: in local mode the sandbox's URL is known only once the server
 * listens (the port may be 0). Calls wait until `bind` is called.
 */
export class DeferredCalendar implements Calendar {
  private resolveTarget!: (calendar: Calendar) => void;
  private readonly target = new Promise<Calendar>((resolve) => {
    this.resolveTarget = resolve;
  });

  bind(calendar: Calendar): void {
    this.resolveTarget(calendar);
  }

  createSeries: Calendar['createSeries'] = async (...a) => (await this.target).createSeries(...a);
  updateSeries: Calendar['updateSeries'] = async (...a) => (await this.target).updateSeries(...a);
  cancelSeries: Calendar['cancelSeries'] = async (...a) => (await this.target).cancelSeries(...a);
  listOccurrences: Calendar['listOccurrences'] = async (...a) => (await this.target).listOccurrences(...a);
  rewriteOccurrenceBody: Calendar['rewriteOccurrenceBody'] = async (...a) =>
    (await this.target).rewriteOccurrenceBody(...a);
  getFreeBusy: Calendar['getFreeBusy'] = async (...a) => (await this.target).getFreeBusy(...a);
}
