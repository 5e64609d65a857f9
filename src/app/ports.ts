/**
 * The seams the use cases see. Each port has one real adapter (named for its technology) and, where a unit test of
 * a use case needs one, an in-memory fake in tests/. Methods are named for intent and return plain data.
 */
import type { CharterContent } from '../domain/charter/charter';

/** Every user-data query is scoped by tenant and team. `teamId` is the team's Microsoft 365 group id. */
export interface TeamScope {
  tenantId: string;
  teamId: string;
}

export interface Author {
  /** AAD object id. */
  id: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Installations and rosters

export interface Installation extends TeamScope {
  /** Teams' own team id (`19:…@thread.tacv2`), used for the channel conversation and the roster. */
  teamsTeamId: string;
  teamName: string;
  serviceUrl: string;
  /** The conversation id of the channel the app posts to. */
  channelConversationId: string;
  installedBy: string | null;
  installedAt: Date;
  uninstalledAt: Date | null;
}

export interface MemberInput {
  aadObjectId: string;
  /** Teams user id (`29:…`) used to address the member through the Bot Connector. */
  teamsUserId: string | null;
  name: string;
  email: string | null;
  /** IANA zone, when known (from the tab or the member's Teams client). */
  timeZone: string | null;
}

export interface Member extends MemberInput, TeamScope {
  /** The 1:1 conversation with the bot, once created. */
  conversationId: string | null;
  leftAt: Date | null;
}

export interface TeamSummary {
  teamId: string;
  teamName: string;
}

export interface InstallStore {
  /** Insert or update the installation (a reinstall clears `uninstalledAt`). */
  saveInstallation(installation: Installation): Promise<void>;
  getInstallation(scope: TeamScope): Promise<Installation | null>;
  /** System-wide (not a user query): the teams that have the app installed, for the start-up roster sweep. */
  listActiveInstallations(): Promise<TeamScope[]>;
  /** Insert or update members by AAD object id; a returning member's `leftAt` is cleared. */
  upsertMembers(scope: TeamScope, members: readonly MemberInput[]): Promise<void>;
  markMemberLeft(scope: TeamScope, aadObjectId: string, at: Date): Promise<void>;
  /** Current members (not left), ordered by name. */
  listMembers(scope: TeamScope): Promise<Member[]>;
  /** A current member, or null when unknown or left. */
  getMember(scope: TeamScope, aadObjectId: string): Promise<Member | null>;
  /** Teams in which the user is a current member and the app is installed, ordered by team name. */
  listTeamsOfUser(tenantId: string, aadObjectId: string): Promise<TeamSummary[]>;
  /** Remembers the bot's 1:1 conversation with a member (created once, reused for every card). */
  saveConversationId(scope: TeamScope, aadObjectId: string, conversationId: string): Promise<void>;
  /** The Bot Connector's URL can change: every installation of the tenant follows the latest inbound activity. */
  refreshServiceUrl(tenantId: string, serviceUrl: string): Promise<void>;
  /** Deletes the installation, its roster, and the team's charter with its history. */
  deleteTeam(scope: TeamScope): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Charters

export interface CharterRecord {
  content: CharterContent;
  /** The head version; the HTTP ETag. */
  version: number;
  updatedAt: Date;
  updatedBy: Author;
}

export interface CharterVersionSummary {
  version: number;
  author: Author;
  createdAt: Date;
  /** Why the editor made the change, if they said. */
  why: string | null;
  /** A one-line, generated summary of what changed. */
  summary: string;
}

export interface CharterVersionRecord extends CharterVersionSummary {
  content: CharterContent;
}

export interface NewCharterVersion {
  /** The version the editor started from; 0 when the team has no charter yet. */
  expectedVersion: number;
  content: CharterContent;
  author: Author;
  why: string | null;
  summary: string;
  at: Date;
}

export interface CharterStore {
  getCurrent(scope: TeamScope): Promise<CharterRecord | null>;
  /**
   * Appends version `expectedVersion + 1` and moves the head to it in one transaction.
   * Throws `ConflictError` (with the current version) when the head is not at `expectedVersion`: never a lost update.
   */
  saveVersion(scope: TeamScope, input: NewCharterVersion): Promise<CharterRecord>;
  /** Newest first. */
  listVersions(scope: TeamScope): Promise<CharterVersionSummary[]>;
  getVersion(scope: TeamScope, version: number): Promise<CharterVersionRecord | null>;
  /** System-wide (not a user query): every team's head version, for the start-up sweep. */
  listHeadVersions(): Promise<(TeamScope & { version: number })[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// Durable jobs

export interface JobSpec {
  scope: TeamScope;
  /** What to do, e.g. `checkin.round.open`. */
  kind: string;
  /** Unique per team and kind: enqueuing the same key twice is a no-op (idempotent). */
  key: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Attempts before the job is dead-lettered. Default 5. */
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  scope: TeamScope;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /** Including the current one. */
  attempts: number;
  maxAttempts: number;
  /** Proof of the lease; completing or failing with a lost lease throws `ConflictError`. */
  leaseToken: string;
  leaseExpiresAt: Date;
}

export type JobState = 'queued' | 'running' | 'done' | 'dead' | 'cancelled';

export interface JobStatus {
  id: string;
  kind: string;
  key: string;
  state: JobState;
  attempts: number;
  runAt: Date;
  lastError: string | null;
}

export interface JobFailure {
  now: Date;
  error: string;
  /** False: dead-letter at once. True: retry with exponential backoff until `maxAttempts`, then dead-letter. */
  retryable: boolean;
  /** Overrides the backoff (e.g. an upstream `Retry-After`). */
  retryAfterMs?: number;
}

export interface JobQueue {
  enqueue(spec: JobSpec): Promise<{ id: string; created: boolean }>;
  /**
   * Claims up to `limit` due jobs (queued with `runAt <= now`, or running with an expired lease) with a lease of
   * `leaseMs`, using `FOR UPDATE SKIP LOCKED` so concurrent workers never claim the same job.
   */
  claim(options: {
    workerId: string;
    now: Date;
    leaseMs: number;
    limit: number;
    kinds?: readonly string[];
  }): Promise<ClaimedJob[]>;
  /**
   * Extends the lease of a job the caller still holds to `now + leaseMs`; false when it no longer holds it (the lease
   * expired and another worker reclaimed the job, or the job was cancelled). Workers renew while a job runs.
   */
  renewLease(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean>;
  /** Gives back a claimed job that was not started (a stopping worker): queued again, this attempt not counted. */
  release(job: ClaimedJob, now: Date): Promise<void>;
  complete(job: ClaimedJob, now: Date): Promise<void>;
  fail(job: ClaimedJob, failure: JobFailure): Promise<void>;
  /** Cancels every queued or running job of the team; returns how many. */
  cancelTeamJobs(scope: TeamScope): Promise<number>;
  getJob(scope: TeamScope, id: string): Promise<JobStatus | null>;
}

// ---------------------------------------------------------------------------------------------------------------
// Time and identifiers

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A new unique id (UUID v4 or similar). */
  next(): string;
}

// ---------------------------------------------------------------------------------------------------------------
// Logging

/** The structured log the use cases write to (pino's Logger fits): fields first, then an event name. */
export interface Log {
  debug(fields: object, event: string): void;
  info(fields: object, event: string): void;
  warn(fields: object, event: string): void;
  error(fields: object, event: string): void;
}

// ---------------------------------------------------------------------------------------------------------------
// Check-ins and the bot (issue 4): rounds, deliveries, answers, pauses; the Messenger and the Directory

export type CheckInRoundState = import('../domain/checkin/check-in').RoundState;
type CheckInQuestionsOf = import('../domain/checkin/check-in').CheckInQuestions;
type CheckInAnswerOf = import('../domain/checkin/check-in').CheckInAnswer;
type RoundAggregateOf = import('../domain/checkin/aggregate-round').RoundAggregate;
type FieldProblemOf = import('../domain/errors').FieldProblem;

export interface NewCheckInRound extends TeamScope {
  id: string;
  charterVersion: number;
  questions: CheckInQuestionsOf;
  anonymityMinimum: number;
  namedAnswersVisibleTo: 'team' | 'editors';
  opensAt: Date;
  nudgeAt: Date;
  closesAt: Date;
}

export interface CheckInRound extends NewCheckInRound {
  state: CheckInRoundState;
  closedAt: Date | null;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface CheckInDelivery {
  roundId: string;
  aadObjectId: string;
  state: DeliveryState;
  activityId: string | null;
  conversationId: string | null;
  reason: string | null;
  sentAt: Date | null;
  nudgedAt: Date | null;
}

export interface CheckInResponse {
  roundId: string;
  aadObjectId: string;
  memberName: string;
  answer: CheckInAnswerOf;
  answeredAt: Date;
  updatedAt: Date;
}

export type SaveResponseResult = 'saved' | 'round_closed' | 'not_asked';

export interface CheckInStore {
  /** Creates the round that opens at `opensAt`, or returns the one that exists (one round per team and instant). */
  createRound(round: NewCheckInRound): Promise<{ round: CheckInRound; created: boolean }>;
  getRound(scope: TeamScope, roundId: string): Promise<CheckInRound | null>;
  /** Newest first. */
  listRounds(scope: TeamScope, limit: number): Promise<CheckInRound[]>;
  /** True when this call closed it (false: already closed or unknown). */
  closeRound(scope: TeamScope, roundId: string, at: Date): Promise<boolean>;
  /** Adds pending deliveries; members that already have one keep it. */
  addDeliveries(scope: TeamScope, roundId: string, aadObjectIds: readonly string[]): Promise<void>;
  getDelivery(scope: TeamScope, roundId: string, aadObjectId: string): Promise<CheckInDelivery | null>;
  listDeliveries(scope: TeamScope, roundId: string): Promise<CheckInDelivery[]>;
  markDeliverySent(
    scope: TeamScope,
    roundId: string,
    aadObjectId: string,
    sent: { activityId: string; conversationId: string; at: Date },
  ): Promise<void>;
  markDeliveryFailed(scope: TeamScope, roundId: string, aadObjectId: string, reason: string): Promise<void>;
  markNudged(scope: TeamScope, roundId: string, aadObjectId: string, at: Date): Promise<void>;
  /**
   * Inserts or replaces the member's answer in one statement that also checks the round is open and the member was
   * asked: a closed round or a stranger changes nothing.
   */
  saveResponse(
    scope: TeamScope,
    input: { roundId: string; aadObjectId: string; answer: CheckInAnswerOf; at: Date },
  ): Promise<SaveResponseResult>;
  getResponse(scope: TeamScope, roundId: string, aadObjectId: string): Promise<CheckInResponse | null>;
  listResponses(scope: TeamScope, roundId: string): Promise<CheckInResponse[]>;
  /** Pauses a member's check-ins until `until` (null resumes). */
  setPause(scope: TeamScope, aadObjectId: string, until: Date | null): Promise<void>;
  /** Members paused at `at`. */
  listPaused(scope: TeamScope, at: Date): Promise<{ aadObjectId: string; until: Date }[]>;
  /** Removes every round, delivery, answer and pause of the team. */
  deleteTeamData(scope: TeamScope): Promise<void>;
}

/** Where the Messenger posts: a channel or a member's 1:1 chat, at the team's Bot Connector. */
export interface ConversationTarget {
  serviceUrl: string;
  tenantId: string;
  conversationId: string;
}

/** What the check-in card shows; the bot adapter renders it (Adaptive Card 1.5 template). */
export interface CheckInCardView {
  mode: 'ask' | 'thanks' | 'closed';
  teamName: string;
  tenantId: string;
  teamId: string;
  roundId: string;
  closesAt: Date;
  questions: CheckInQuestionsOf;
  /** Inputs to fill in (an answer being edited, or what the member sent with an error). */
  inputs: Record<string, string>;
  problems: FieldProblemOf[];
}

export type OutboundCard =
  | {
      kind: 'welcome';
      teamName: string;
      /** Opens the charter tab (`CharterLink.url`: a Teams deep link, or the local tab). */
      tabUrl: string;
      /** While the tab may not be pinned yet: the app in Teams, shown with how to add the tab. */
      appUrl?: string;
    }
  | { kind: 'checkin'; view: CheckInCardView }
  | {
      kind: 'summary';
      teamName: string;
      opensAt: Date;
      closesAt: Date;
      aggregate: RoundAggregateOf;
      /** Opens the charter tab (a Teams deep link, or the local tab). */
      tabUrl: string;
    };

export interface Messenger {
  /** Creates (or finds: Teams returns the same one) the bot's 1:1 conversation with a member; returns its id. */
  createPersonalConversation(
    target: { serviceUrl: string; tenantId: string },
    teamsUserId: string,
  ): Promise<string>;
  sendCard(target: ConversationTarget, card: OutboundCard): Promise<{ activityId: string }>;
  sendText(target: ConversationTarget, text: string): Promise<{ activityId: string }>;
  updateCard(target: ConversationTarget, activityId: string, card: OutboundCard): Promise<void>;
}

/** The team's roster as Teams knows it (paged through `pagedmembers`). */
export interface Directory {
  listTeamMembers(installation: Installation): Promise<MemberInput[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// Review cycles (issue 5): the organizer's calendar (Microsoft Graph) and what we recorded about the booking

/** A series to book or to bring in step: its `schedule` comes from the domain (`toGraphSchedule`). */
export interface CalendarSeriesInput {
  subject: string;
  schedule: import('../domain/cadence/graph-recurrence').GraphSchedule;
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
    daysOfWeek: import('../domain/cadence/cadence').Weekday[];
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
  cadence: import('../domain/cadence/cadence').Cadence | null;
  subject: string;
  attendees: string[];
  charterVersion: number;
  lastError: string | null;
  lastErrorReason: import('../domain/review/calendar-error').CalendarFailure | 'organizer' | null;
  syncedAt: Date | null;
}

export type ReviewProposalState = 'open' | 'accepted' | 'dropped';

export interface ReviewProposal extends TeamScope {
  id: string;
  /** The charter version the review started from. */
  baseVersion: number;
  outcomes: import('../domain/review/review-outcomes').ClauseOutcome[];
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
  /** Insert or replace the team's series record. */
  saveSeries(record: ReviewSeriesRecord): Promise<void>;
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
    signals: import('../domain/review/agenda').ClauseSignal[];
    supportRequests: string[];
  }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics (issue 7): what the use cases count for operators. Labels are kinds and outcomes only — never a tenant,
// team or user id, nor anything a user typed (cardinality and privacy).

export type JobOutcome = 'done' | 'retry' | 'dead';

/** Why a job run failed: `permanent` will not pass by retrying (someone must act), `transient` may. */
export type JobFailureReason = 'permanent' | 'transient';

export interface Metrics {
  /** A job's handler finished: done, failed and queued again, or dead-lettered; and how long it ran. */
  jobFinished(kind: string, outcome: JobOutcome, seconds: number): void;
  /** A job's handler failed, permanently (dead-lettered at once) or transiently (retried while attempts remain). */
  jobFailed(kind: string, reason: JobFailureReason): void;
  /** A check-in round closed; `fanOutSeconds` from its opening to its last card sent (null: no card went out). */
  checkInRoundClosed(fanOutSeconds: number | null): void;
}
