/**
 * The ports of review cycles: the organizer's calendar (Microsoft Graph), what we recorded about the booking and the
 * proposals a review produced, and what the check-ins said (for the agenda).
 */
import type { Cadence, Weekday } from '../../domain/cadence/cadence';
import type { GraphSchedule } from '../../domain/cadence/graph-recurrence';
import type { CharterContent } from '../../domain/charter/charter';
import type { ClauseSignal } from '../../domain/review/agenda';
import type { CalendarFailure } from '../../domain/review/calendar-error';
import type { ClauseOutcome } from '../../domain/review/review-outcomes';
import type { Author, TeamScope } from '../common-ports';
import type { MeetingAppProgress } from './meeting-ports';

/** A series to book or to bring in step: its `schedule` comes from the domain (`toGraphSchedule`). */
export interface CalendarSeriesInput {
  subject: string;
  schedule: GraphSchedule;
  attendees: { address: string; name: string }[];
}

export interface BookedCalendarSeries {
  id: string;
  joinUrl: string | null;
  webLink: string | null;
}

export interface CalendarOccurrence {
  id: string;
  start: Date;
  end: Date;
  bodyHtml: string;
  joinUrl: string | null;
}

export interface FreeBusy {
  address: string;
  busy: { start: Date; end: Date }[];
  /** Days, `HH:mm` bounds and the IANA zone of the person's working hours, when the mailbox says. */
  workingHours: {
    daysOfWeek: Weekday[];
    startTime: string;
    endTime: string;
    timeZone: string;
  } | null;
}

/**
 * The organizer's calendar. Failures are `CalendarError`s (domain/review/calendar-error.ts), retryable or not.
 * Calls made at the same time may travel together (the Graph adapter groups them in `$batch`).
 */
export interface Calendar {
  /** Books an online (Teams) meeting series; a repeat with the same `transactionId` returns the first booking. */
  createSeries(
    mailbox: string,
    series: CalendarSeriesInput & { bodyHtml: string; transactionId: string },
  ): Promise<BookedCalendarSeries>;
  /** Brings the series' times, recurrence, attendees and subject in step; the body is left alone. */
  updateSeries(mailbox: string, seriesId: string, series: CalendarSeriesInput): Promise<BookedCalendarSeries>;
  /** Cancels the series and tells attendees why; a series that no longer exists counts as cancelled. */
  cancelSeries(mailbox: string, seriesId: string, comment: string): Promise<void>;
  listOccurrences(mailbox: string, seriesId: string, from: Date, to: Date): Promise<CalendarOccurrence[]>;
  /** Reads the occurrence's body, passes it to `rewrite`, writes the result (so the online-meeting block is kept). */
  rewriteOccurrenceBody(
    mailbox: string,
    occurrenceId: string,
    rewrite: (currentHtml: string) => string,
  ): Promise<void>;
  getFreeBusy(mailbox: string, addresses: readonly string[], from: Date, to: Date): Promise<FreeBusy[]>;
}

export type ReviewSeriesState = 'creating' | 'booked' | 'cancelled' | 'failed';

export interface ReviewSeriesRecord extends TeamScope {
  state: ReviewSeriesState;
  organizerId: string;
  organizerMailbox: string;
  /** The series master's Graph id, once the create call answered. */
  graphSeriesId: string | null;
  /** Recorded before the create call, reused by every retry, so a crash and retry never books twice. */
  transactionId: string;
  joinUrl: string | null;
  webLink: string | null;
  /** The cadence the series was booked from. */
  cadence: Cadence | null;
  subject: string;
  attendees: string[];
  charterVersion: number;
  lastError: string | null;
  lastErrorReason: CalendarFailure | 'organizer' | null;
  syncedAt: Date | null;
}

export type ReviewProposalState = 'open' | 'accepted' | 'dropped';

export interface ReviewProposal extends TeamScope {
  id: string;
  /** The charter version the review started from. */
  baseVersion: number;
  outcomes: ClauseOutcome[];
  content: CharterContent;
  summary: string;
  state: ReviewProposalState;
  createdBy: Author;
  createdAt: Date;
  decidedBy: Author | null;
  decidedAt: Date | null;
  /** The charter version accepting it created. */
  acceptedVersion: number | null;
}

export interface ReviewStore {
  getSeries(scope: TeamScope): Promise<ReviewSeriesRecord | null>;
  /** Insert or replace the team's series record (how far the app in its meeting got is kept). */
  saveSeries(record: ReviewSeriesRecord): Promise<void>;
  /** How far putting the app in the series' meeting got; null before the first step. */
  getMeetingApp(scope: TeamScope): Promise<MeetingAppProgress | null>;
  /** Records it on the team's series (which must exist). */
  saveMeetingApp(scope: TeamScope, progress: MeetingAppProgress): Promise<void>;
  createProposal(proposal: ReviewProposal): Promise<void>;
  getProposal(scope: TeamScope, id: string): Promise<ReviewProposal | null>;
  /** Newest first. */
  listProposals(scope: TeamScope, state?: ReviewProposalState): Promise<ReviewProposal[]>;
  /** Moves an open proposal to accepted or dropped; `ConflictError` when it was already decided. */
  decideProposal(
    scope: TeamScope,
    id: string,
    decision: { state: 'accepted' | 'dropped'; by: Author; at: Date; acceptedVersion: number | null },
  ): Promise<void>;
}

/** What the check-ins said since a date, for the review agenda (the check-in feature provides it). */
export interface ReviewSignals {
  since(
    scope: TeamScope,
    from: Date,
  ): Promise<{
    signals: ClauseSignal[];
    supportRequests: string[];
  }>;
}
