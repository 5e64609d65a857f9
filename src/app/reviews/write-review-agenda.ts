import { formatLocalDate } from '../../domain/cadence/local-date';
import { nextOccurrences } from '../../domain/cadence/next-occurrences';
import { wallTimeAt } from '../../domain/cadence/zoned-time';
import { buildAgendaHtml, mergeAgendaIntoBody } from '../../domain/review/agenda';
import type { TeamScope } from '../common-ports';
import type { ReviewDeps } from './review-deps';
import { scheduleReviewAgenda } from './schedule-review-agenda';

export interface AgendaJob {
  seriesId: string;
  occurrenceStart: Date;
}

/**
 * Writes the agenda of one occurrence into its body (keeping the Teams meeting block), then queues the next one's.
 * A job for a series or an occurrence that no longer exists (the cadence changed) does nothing.
 */
export async function writeReviewAgenda(
  deps: ReviewDeps,
  scope: TeamScope,
  job: AgendaJob,
): Promise<boolean> {
  const record = await deps.reviews.getSeries(scope);
  const installation = await deps.installs.getInstallation(scope);
  const charter = await deps.charters.getCurrent(scope);
  if (
    !record ||
    record.state !== 'booked' ||
    record.graphSeriesId !== job.seriesId ||
    !installation ||
    !charter
  )
    return false;
  const at = job.occurrenceStart.getTime();
  const occurrences = await deps.calendar.listOccurrences(
    record.organizerMailbox,
    job.seriesId,
    new Date(at - 60_000),
    new Date(at + 60_000),
  );
  const occurrence = occurrences.find((o) => o.start.getTime() === at);
  if (!occurrence) return false;

  const zone = charter.content.review?.cadence.timeZone ?? charter.content.timeZone;
  // Signals since the previous review (or four weeks, for the first one).
  const earlier = record.cadence
    ? nextOccurrences(record.cadence, new Date(at - 400 * 86_400_000), 500).filter(
        (o) => o.start.getTime() < at,
      )
    : [];
  const since = earlier.at(-1)?.start ?? new Date(at - 28 * 86_400_000);
  const { signals, supportRequests } = await deps.signals.since(scope, since);
  const proposals = await deps.reviews.listProposals(scope, 'open');
  const agenda = buildAgendaHtml({
    teamName: installation.teamName,
    content: charter.content,
    version: charter.version,
    meetingDate: formatLocalDate(wallTimeAt(at, zone).epochDay),
    since: formatLocalDate(wallTimeAt(since.getTime(), zone).epochDay),
    signals,
    supportRequests,
    openProposals: proposals.map((p) => ({ summary: p.summary, author: p.createdBy.name })),
  });
  await deps.calendar.rewriteOccurrenceBody(record.organizerMailbox, occurrence.id, (html) =>
    mergeAgendaIntoBody(html, agenda),
  );
  deps.log.info({ ...scope, occurrenceStart: job.occurrenceStart.toISOString() }, 'reviews.agenda.written');
  await scheduleReviewAgenda(deps, record, job.occurrenceStart);
  return true;
}
