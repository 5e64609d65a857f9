/** The review series record in each state the sync leaves it, and what of it the booking plan compares. */
import type { BookedState, DesiredSeries } from '../../domain/review/review-booking';
import type { TeamScope } from '../common-ports';
import type { ReviewSeriesRecord } from './review-ports';

export function bookedState(record: ReviewSeriesRecord | null): BookedState | null {
  if (!record?.graphSeriesId || record.state === 'cancelled') return null;
  return {
    organizerMailbox: record.organizerMailbox,
    graphSeriesId: record.graphSeriesId,
    cadence: record.cadence,
    subject: record.subject,
    attendees: record.attendees,
  };
}

/** The series being booked with `transactionId`: recorded before the create call, so a retry sends the same id. */
export function creatingRecord(
  scope: TeamScope,
  desired: DesiredSeries,
  transactionId: string,
  version: number,
): ReviewSeriesRecord {
  return {
    ...scope,
    state: 'creating',
    organizerId: desired.organizerId,
    organizerMailbox: desired.organizerMailbox,
    graphSeriesId: null,
    transactionId,
    joinUrl: null,
    webLink: null,
    cadence: desired.cadence,
    subject: desired.subject,
    attendees: desired.attendees.map((a) => a.address),
    charterVersion: version,
    lastError: null,
    lastErrorReason: null,
    syncedAt: null,
  };
}

export function bookedRecord(
  scope: TeamScope,
  desired: DesiredSeries,
  transactionId: string,
  series: { id: string; joinUrl: string | null; webLink: string | null },
  version: number,
  now: Date,
): ReviewSeriesRecord {
  return {
    ...creatingRecord(scope, desired, transactionId, version),
    state: 'booked',
    graphSeriesId: series.id,
    joinUrl: series.joinUrl,
    webLink: series.webLink,
    syncedAt: now,
  };
}

export function cancelledRecord(record: ReviewSeriesRecord, version: number, now: Date): ReviewSeriesRecord {
  return {
    ...record,
    state: 'cancelled',
    cadence: null,
    charterVersion: version,
    lastError: null,
    lastErrorReason: null,
    syncedAt: now,
  };
}
