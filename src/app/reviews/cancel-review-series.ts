import { toGraphSchedule } from '../../domain/cadence/graph-recurrence';
import type { TeamScope } from '../common-ports';
import type { ReviewDeps } from './review-deps';

export const UNINSTALLED_COMMENT =
  'Team Charter was removed from the team, so its review meetings are cancelled.';

/**
 * Cancels the team's review series (the app was uninstalled). Nothing booked: nothing to do.
 *
 * A create that never recorded its answer (a crash between the POST and the database write, or a failed call) may
 * still have booked a series: the same `transactionId` is sent again — Graph answers with that series if it exists —
 * and whatever comes back is cancelled. That repeat carries no attendees, so if nothing had been booked, the series it
 * makes and cancels reaches nobody's calendar but the organizer's.
 */
export async function cancelReviewSeries(
  deps: ReviewDeps,
  scope: TeamScope,
  comment = UNINSTALLED_COMMENT,
): Promise<void> {
  const record = await deps.reviews.getSeries(scope);
  if (!record || record.state === 'cancelled') return;
  let seriesId = record.graphSeriesId;
  if (!seriesId) {
    if (record.state !== 'creating' || !record.cadence) return;
    const found = await deps.calendar.createSeries(record.organizerMailbox, {
      subject: record.subject,
      schedule: toGraphSchedule(record.cadence),
      attendees: [],
      bodyHtml: '',
      transactionId: record.transactionId,
    });
    seriesId = found.id;
  }
  await deps.calendar.cancelSeries(record.organizerMailbox, seriesId, comment);
  await deps.reviews.saveSeries({
    ...record,
    state: 'cancelled',
    graphSeriesId: seriesId,
    cadence: null,
    syncedAt: deps.clock.now(),
  });
  deps.log.info({ ...scope }, 'reviews.series.cancelled');
}
