import type { CharterLinkTarget } from '../../domain/links/charter-links';
import type { Messenger } from '../checkins/checkin-ports';
import type { ReviewDeps } from './review-deps';
import type { ReviewSessionStore } from './review-session-ports';

/**
 * What the live review's use cases need: the review feature's own deps (its decisions become a proposal through
 * `recordReviewOutcomes`), the sessions, and the Messenger that posts the summary card to the team's channel.
 */
export interface ReviewSessionDeps extends ReviewDeps {
  sessions: ReviewSessionStore;
  messenger: Messenger;
  /** How the summary card links to the team's charter: the tab in Teams, or the local tab in local mode. */
  charterLinks: CharterLinkTarget;
}
