/**
 * The seams every feature's use cases share: the team scope, time, identifiers, the log and the operators' metrics.
 * Each feature's own ports stand beside its use cases (`charters/charter-ports.ts`, `checkins/checkin-ports.ts`, …).
 * Each port has one real adapter (named for its technology) and, where a unit test of a use case needs one, an
 * in-memory fake in tests/. Methods are named for intent and return plain data.
 */

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

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A new unique id (UUID v4 or similar). */
  next(): string;
}

/** The structured log the use cases write to (pino's Logger fits): fields first, then an event name. */
export interface Log {
  debug(fields: object, event: string): void;
  info(fields: object, event: string): void;
  warn(fields: object, event: string): void;
  error(fields: object, event: string): void;
}

// What the use cases count for operators. Labels are kinds and outcomes only — never a tenant, team or user id, nor
// anything a user typed (cardinality and privacy).

export type JobOutcome = 'done' | 'retry' | 'dead' | 'throttled';

/** Why a job run failed: `permanent` will not pass by retrying (someone must act), `transient` may. */
export type JobFailureReason = 'permanent' | 'transient';

export interface Metrics {
  /**
   * A job's handler finished: done, failed and queued again, dead-lettered, or stepped aside for a throttled
   * upstream (queued again, uncounted); and how long it ran.
   */
  jobFinished(kind: string, outcome: JobOutcome, seconds: number): void;
  /** A job's handler failed, permanently (dead-lettered at once) or transiently (retried while attempts remain). */
  jobFailed(kind: string, reason: JobFailureReason): void;
  /** A check-in round closed; `fanOutSeconds` from its opening to its last card sent (null: no card went out). */
  checkInRoundClosed(fanOutSeconds: number | null): void;
}
