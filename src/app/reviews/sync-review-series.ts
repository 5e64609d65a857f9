import { CalendarError, describeCalendarFailure } from '../../domain/review/calendar-error';
import { type DesiredSeries, desiredSeries, planBooking } from '../../domain/review/review-booking';
import type { TeamScope } from '../common-ports';
import { bookReviewSeries } from './book-review-series';
import type { ReviewDeps } from './review-deps';
import type { ReviewSeriesRecord } from './review-ports';
import { bookedRecord, bookedState, cancelledRecord } from './review-series-records';
import { scheduleReviewAgenda } from './schedule-review-agenda';
import { scheduleReviewMeetingApp } from './schedule-review-meeting-app';

export const CADENCE_REMOVED_COMMENT = 'The team removed the review cadence from its charter.';

/**
 * Brings the team's review series on the organizer's calendar in step with its current charter: books it, patches it
 * (never a second series), moves it to a new organizer, or cancels it when the review cadence is gone.
 *
 * Idempotent under crashes: before the create call the record holds state `creating` and the `transactionId`; a retry
 * finds it and sends the same id, which Graph answers with the series it already booked. Calendar failures are
 * recorded on the series (for the tab) and rethrown for the job runner to retry or dead-letter.
 */
export async function syncReviewSeries(
  deps: ReviewDeps,
  scope: TeamScope,
): Promise<ReviewSeriesRecord | null> {
  const installation = await deps.installs.getInstallation(scope);
  const charter = await deps.charters.getCurrent(scope);
  const record = await deps.reviews.getSeries(scope);
  if (!installation || installation.uninstalledAt || !charter) return record;
  const version = charter.version;
  const plan = charter.content.review;

  let desired: DesiredSeries | null = null;
  if (plan) {
    const organizer = await deps.installs.getMember(scope, plan.organizerId);
    if (!organizer?.email) {
      const message = organizer
        ? `${organizer.name} has no mailbox Team Charter knows; choose another review organizer.`
        : 'The review organizer is no longer a member of the team; choose another organizer.';
      if (record) {
        const failed = {
          ...record,
          charterVersion: version,
          lastError: message,
          lastErrorReason: 'organizer' as const,
        };
        await deps.reviews.saveSeries(failed);
        return failed;
      }
      deps.log.warn({ ...scope, version }, 'reviews.sync.organizer_missing');
      return null;
    }
    const members = await deps.installs.listMembers(scope);
    desired = desiredSeries(
      installation.teamName,
      charter.content,
      { id: organizer.aadObjectId, mailbox: organizer.email },
      members.flatMap((m) => (m.email ? [{ address: m.email, name: m.name }] : [])),
    );
  }

  const action = planBooking(desired, bookedState(record));
  const now = deps.clock.now();
  try {
    switch (action.kind) {
      case 'none': {
        if (!record) return null;
        const same = {
          ...record,
          charterVersion: version,
          lastError: null,
          lastErrorReason: null,
          syncedAt: now,
        };
        await deps.reviews.saveSeries(same);
        await scheduleReviewMeetingApp(deps, same);
        return same;
      }
      case 'cancel': {
        const live = record as ReviewSeriesRecord;
        await deps.calendar.cancelSeries(
          live.organizerMailbox,
          live.graphSeriesId as string,
          CADENCE_REMOVED_COMMENT,
        );
        const cancelled = cancelledRecord(live, version, now);
        await deps.reviews.saveSeries(cancelled);
        deps.log.info({ ...scope, version }, 'reviews.series.cancelled');
        return cancelled;
      }
      case 'update': {
        const live = record as ReviewSeriesRecord;
        const d = desired as DesiredSeries;
        try {
          const updated = await deps.calendar.updateSeries(
            live.organizerMailbox,
            live.graphSeriesId as string,
            d,
          );
          const next = bookedRecord(scope, d, live.transactionId, updated, version, now);
          await deps.reviews.saveSeries(next);
          await scheduleReviewAgenda(deps, next, now);
          await scheduleReviewMeetingApp(deps, next);
          deps.log.info({ ...scope, version }, 'reviews.series.updated');
          return next;
        } catch (error) {
          // Deleted in Outlook meanwhile: book it again.
          if (!(error instanceof CalendarError && error.failure === 'not_found')) throw error;
          return await bookReviewSeries(deps, scope, d, null, version);
        }
      }
      case 'move': {
        const live = record as ReviewSeriesRecord;
        await deps.calendar.cancelSeries(
          live.organizerMailbox,
          live.graphSeriesId as string,
          'The team chose another organizer; the review moves to their calendar.',
        );
        await deps.reviews.saveSeries(cancelledRecord(live, version, now));
        return await bookReviewSeries(deps, scope, desired as DesiredSeries, null, version);
      }
      case 'create':
        return await bookReviewSeries(deps, scope, desired as DesiredSeries, record, version);
    }
  } catch (error) {
    if (error instanceof CalendarError) {
      const latest = await deps.reviews.getSeries(scope);
      if (latest)
        await deps.reviews.saveSeries({
          ...latest,
          state: latest.state === 'creating' && !error.retryable ? 'failed' : latest.state,
          charterVersion: version,
          lastError: describeCalendarFailure(error.failure),
          lastErrorReason: error.failure,
        });
    }
    throw error;
  }
}
