import { CalendarError } from '../../domain/review/calendar-error';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { JobHandler, JobHandlers, ReviewJobKind } from '../jobs/job-ports';
import { addAppToReviewMeeting } from './add-app-to-review-meeting';
import { cancelReviewSeries } from './cancel-review-series';
import type { ReviewDeps } from './review-deps';
import { syncReviewSeries } from './sync-review-series';
import { writeReviewAgenda } from './write-review-agenda';

/** The durable jobs of review cycles, one handler per kind (the review worker runs them, many teams at once). */
export function reviewJobHandlers(deps: ReviewDeps): JobHandlers<ReviewJobKind> {
  return {
    [JOB_KINDS.reviewsSync]: async (job) => {
      await syncReviewSeries(deps, job.scope);
    },
    [JOB_KINDS.reviewsCancel]: async (job) => {
      await cancelReviewSeries(deps, job.scope);
    },
    [JOB_KINDS.reviewsMeetingApp]: async (job) => {
      await addAppToReviewMeeting(deps, job.scope);
    },
    [JOB_KINDS.reviewsAgenda]: async (job) => {
      const seriesId = job.payload.seriesId;
      const start = job.payload.occurrenceStart;
      if (typeof seriesId !== 'string' || typeof start !== 'string')
        throw new Error(`Malformed agenda job ${job.id}.`);
      await writeReviewAgenda(deps, job.scope, { seriesId, occurrenceStart: new Date(start) });
    },
  };
}

/**
 * The team-deletion handler (`installs.delete-team`, from the install feature) wrapped so the review series is
 * cancelled before the team's data — and with it `review_series`, the only record of the series id — is deleted.
 */
export function cancelReviewSeriesBeforeDeletion(deps: ReviewDeps, deleteTeam: JobHandler): JobHandler {
  return async (job) => {
    // Only for the uninstall this job belongs to: a reinstalled team keeps its series (the deletion is a no-op).
    const installation = await deps.installs.getInstallation(job.scope);
    const uninstalledAt = job.payload.uninstalledAt;
    if (
      installation?.uninstalledAt &&
      typeof uninstalledAt === 'string' &&
      installation.uninstalledAt.getTime() === new Date(uninstalledAt).getTime()
    ) {
      try {
        await cancelReviewSeries(deps, job.scope);
      } catch (error) {
        // Retryable: the deletion waits and is retried. Refused for good (e.g. access to the mailbox withdrawn):
        // the data is deleted anyway, and the series left behind is logged for the admin.
        if (!(error instanceof CalendarError) || error.retryable) throw error;
        const series = await deps.reviews.getSeries(job.scope);
        deps.log.error(
          { ...job.scope, err: error, mailbox: series?.organizerMailbox, seriesId: series?.graphSeriesId },
          'reviews.series.left_behind',
        );
      }
    }
    await deleteTeam(job);
  };
}
