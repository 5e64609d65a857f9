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
  /** Insert or update members by AAD object id; a returning member's `leftAt` is cleared. */
  upsertMembers(scope: TeamScope, members: readonly MemberInput[]): Promise<void>;
  markMemberLeft(scope: TeamScope, aadObjectId: string, at: Date): Promise<void>;
  /** Current members (not left), ordered by name. */
  listMembers(scope: TeamScope): Promise<Member[]>;
  /** A current member, or null when unknown or left. */
  getMember(scope: TeamScope, aadObjectId: string): Promise<Member | null>;
  /** Teams in which the user is a current member and the app is installed, ordered by team name. */
  listTeamsOfUser(tenantId: string, aadObjectId: string): Promise<TeamSummary[]>;
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
