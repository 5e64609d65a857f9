import type { TeamScope } from '../common-ports';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { JobQueue } from '../jobs/job-ports';

/**
 * Queues the work a new charter version sets off: check-in rounds and the review series follow the new cadences.
 * Keyed by version, so announcing the same version twice queues nothing new.
 */
export async function announceCharterVersion(
  jobs: JobQueue,
  scope: TeamScope,
  version: number,
  now: Date,
): Promise<void> {
  for (const kind of [JOB_KINDS.checkinsSchedule, JOB_KINDS.reviewsSync])
    await jobs.enqueue({ scope, kind, key: `v${version}`, runAt: now, payload: { version } });
}
