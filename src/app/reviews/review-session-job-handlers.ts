import { z } from 'zod';

import { JOB_KINDS } from '../jobs/job-kinds';
import type { JobHandlers, ReviewSessionJobKind } from '../jobs/job-ports';
import { postReviewSessionSummary } from './post-review-session-summary';
import type { ReviewSessionDeps } from './review-session-deps';

const sessionPayload = z.object({ sessionId: z.string() });

/** The durable jobs of the live review, one handler per kind. */
export function reviewSessionJobHandlers(deps: ReviewSessionDeps): JobHandlers<ReviewSessionJobKind> {
  return {
    [JOB_KINDS.reviewSessionSummary]: async (job) => {
      const payload = sessionPayload.safeParse(job.payload);
      if (!payload.success) throw new Error(`Job ${job.kind} ${job.key} has a malformed payload.`);
      await postReviewSessionSummary(deps, job.scope, payload.data);
    },
  };
}
