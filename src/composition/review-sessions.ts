/** The live review: its use cases over the review feature's deps, the sessions, the bot's Messenger, and its API. */
import type { Router } from 'express';

import { reviewSessionRoutes } from '../adapters/http/routes/review-session-routes';
import type { Messenger } from '../app/checkins/checkin-ports';
import type { ReviewDeps } from '../app/reviews/review-deps';
import type { ReviewSessionDeps } from '../app/reviews/review-session-deps';
import type { ReviewSessionStore } from '../app/reviews/review-session-ports';
import type { CharterLinkTarget } from '../domain/links/charter-links';

export interface ReviewSessionWiring {
  deps: ReviewSessionDeps;
  routes: Router;
}

export function wireReviewSessions(
  reviews: ReviewDeps,
  options: { sessions: ReviewSessionStore; messenger: Messenger; charterLinks: CharterLinkTarget },
): ReviewSessionWiring {
  const deps: ReviewSessionDeps = { ...reviews, ...options };
  return { deps, routes: reviewSessionRoutes(deps) };
}
