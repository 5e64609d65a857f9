import type { DesiredSeries } from '../../domain/review/review-booking';
import type { TeamScope } from '../common-ports';
import type { ReviewDeps } from './review-deps';
import type { ReviewSeriesRecord } from './review-ports';
import { bookedRecord, creatingRecord } from './review-series-records';
import { scheduleReviewAgenda } from './schedule-review-agenda';
import { scheduleReviewMeetingApp } from './schedule-review-meeting-app';

/**
 * Books the desired series on the organizer's calendar, recording it as `creating` with its `transactionId` before
 * the call, so the retry after a crash sends the same id and Graph answers with the series it already booked.
 */
export async function bookReviewSeries(
  deps: ReviewDeps,
  scope: TeamScope,
  desired: DesiredSeries,
  previous: ReviewSeriesRecord | null,
  version: number,
): Promise<ReviewSeriesRecord> {
  // Reuse the transactionId of an unfinished create on the same mailbox (a crash or a failed call): same booking.
  const resumable =
    previous &&
    !previous.graphSeriesId &&
    (previous.state === 'creating' || previous.state === 'failed') &&
    previous.organizerMailbox.toLowerCase() === desired.organizerMailbox.toLowerCase();
  const transactionId = resumable
    ? previous.transactionId
    : `charter-review-${scope.teamId.slice(0, 8)}-${deps.ids.next()}`;
  // Before the call: the retry after a crash finds this transactionId.
  await deps.reviews.saveSeries(creatingRecord(scope, desired, transactionId, version));
  const created = await deps.calendar.createSeries(desired.organizerMailbox, {
    ...desired,
    transactionId,
  });
  const now = deps.clock.now();
  const booked = bookedRecord(scope, desired, transactionId, created, version, now);
  await deps.reviews.saveSeries(booked);
  await scheduleReviewAgenda(deps, booked, now);
  await scheduleReviewMeetingApp(deps, booked);
  deps.log.info({ ...scope, version, seriesId: created.id }, 'reviews.series.booked');
  return booked;
}
