import { JOB_KINDS } from '../jobs/job-kinds';
import type { JobHandler } from '../jobs/run-due-jobs';
import { cancelReviewSeries } from './cancel-review-series';
import type { ReviewDeps } from './review-deps';
import { syncReviewSeries } from './sync-review-series';
import { writeReviewAgenda } from './write-review-agenda';

/** The durable jobs of review cycles, keyed by kind, for the worker (main.ts). */
export function reviewJobHandlers(deps: ReviewDeps): Record<string, JobHandler> {
  return {
    [JOB_KINDS.reviewsSync]: async (job) => {
      await syncReviewSeries(deps, job.scope);
    },
    [JOB_KINDS.reviewsCancel]: async (job) => {
      await cancelReviewSeries(deps, job.scope);
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
