import { JOB_KINDS } from '../jobs/job-kinds';
import type { ReviewDeps } from './review-deps';
import type { ReviewSeriesRecord } from './review-ports';

/**
 * After the series was booked or synced: queues putting the app in its meeting, unless that is done for this meeting
 * already. A sync that finds it refused before (the admin may have granted it since) tries again.
 */
export async function scheduleReviewMeetingApp(deps: ReviewDeps, record: ReviewSeriesRecord): Promise<void> {
  if (record.state !== 'booked' || !record.joinUrl) return;
  const done = await deps.reviews.getMeetingApp(record);
  if (done?.joinUrl === record.joinUrl && done.state === 'ready') return;
  const now = deps.clock.now();
  await deps.jobs.enqueue({
    scope: { tenantId: record.tenantId, teamId: record.teamId },
    kind: JOB_KINDS.reviewsMeetingApp,
    key: `meeting-${(record.syncedAt ?? now).toISOString()}`,
    runAt: now,
    payload: {},
  });
}
