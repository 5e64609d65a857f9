/** Review cycles: the calendar and the app in the booked meeting on Microsoft Graph (the in-process sandbox in local mode), the use cases and their API. */
import type { Router } from 'express';

import { createGraphReviews } from '../adapters/graph/create-graph-reviews';
import { reviewRoutes } from '../adapters/http/routes/review-routes';
import type { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics';
import type { CharterDeps } from '../app/charters/charter-deps';
import type { CheckInStore } from '../app/checkins/checkin-ports';
import type { Log } from '../app/common-ports';
import { checkInReviewSignals } from '../app/reviews/check-in-review-signals';
import type { ReviewDeps } from '../app/reviews/review-deps';
import type { ReviewStore } from '../app/reviews/review-ports';
import type { GraphConfig } from '../config';

/** How long a Graph call waits for the review worker's other jobs' calls, to share a `$batch` (bench/review-booking.ts). */
const REVIEW_BATCH_WINDOW_MS = 10;

export interface ReviewWiring {
  deps: ReviewDeps;
  routes: Router;
}

export function wireReviews(
  core: CharterDeps,
  options: {
    reviews: ReviewStore;
    checkins: CheckInStore;
    graph: GraphConfig;
    /** How this process reaches its own server (`http://127.0.0.1:<port>`): local mode's Graph URLs are paths on it. */
    selfUrl: string;
    metrics: PrometheusMetrics;
    log: Log;
  },
): ReviewWiring {
  const { graph, selfUrl } = options;
  const onSelf = (url: string) => (url.startsWith('/') ? `${selfUrl}${url}` : url);
  const { calendar, meetings } = createGraphReviews({
    ...graph,
    graphBaseUrl: onSelf(graph.baseUrl),
    tokenEndpoint: graph.tokenEndpoint === null ? null : onSelf(graph.tokenEndpoint),
    batchWindowMs: REVIEW_BATCH_WINDOW_MS,
    metrics: options.metrics,
  });
  const deps: ReviewDeps = {
    ...core,
    reviews: options.reviews,
    calendar,
    meetings,
    meetingApp: graph.meetingApp,
    signals: checkInReviewSignals({ checkins: options.checkins }),
    log: options.log,
    agendaLeadMs: graph.agendaLeadMs,
  };
  return { deps, routes: reviewRoutes(deps, core) };
}
