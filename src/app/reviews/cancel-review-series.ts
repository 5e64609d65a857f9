import type { TeamScope } from '../ports';
import type { ReviewDeps } from './review-deps';

export const UNINSTALLED_COMMENT =
  'Team Charter was removed from the team, so its review meetings are cancelled.';

/** Cancels the team's review series (the app was uninstalled). Nothing booked: nothing to do. */
export async function cancelReviewSeries(
  deps: ReviewDeps,
  scope: TeamScope,
  comment = UNINSTALLED_COMMENT,
): Promise<void> {
  const record = await deps.reviews.getSeries(scope);
  if (!record?.graphSeriesId || record.state === 'cancelled') return;
  await deps.calendar.cancelSeries(record.organizerMailbox, record.graphSeriesId, comment);
  await deps.reviews.saveSeries({ ...record, state: 'cancelled', cadence: null, syncedAt: deps.clock.now() });
  deps.log.info({ ...scope }, 'reviews.series.cancelled');
}
