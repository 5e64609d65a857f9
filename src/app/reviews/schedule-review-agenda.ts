import { nextOccurrences } from '../../domain/cadence/next-occurrences';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { ReviewDeps } from './review-deps';
import type { ReviewSeriesRecord } from './review-ports';

/**
 * Queues the agenda of the series' next occurrence after `after`, `agendaLeadMs` before it (or now, when that moment
 * has passed). Keyed by series and occurrence start, so scheduling it twice queues it once.
 */
export async function scheduleReviewAgenda(
  deps: ReviewDeps,
  record: ReviewSeriesRecord,
  after: Date,
): Promise<void> {
  if (record.state !== 'booked' || !record.graphSeriesId || !record.cadence) return;
  const [next] = nextOccurrences(record.cadence, after, 1);
  if (!next) return;
  const now = deps.clock.now();
  const runAt = new Date(Math.max(now.getTime(), next.start.getTime() - deps.agendaLeadMs));
  await deps.jobs.enqueue({
    scope: { tenantId: record.tenantId, teamId: record.teamId },
    kind: JOB_KINDS.reviewsAgenda,
    key: `agenda-${record.graphSeriesId.slice(-16)}-${next.start.toISOString()}`,
    runAt,
    payload: { seriesId: record.graphSeriesId, occurrenceStart: next.start.toISOString() },
  });
}
