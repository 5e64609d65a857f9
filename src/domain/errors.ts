/**
 * The error vocabulary of the whole app. Each edge maps these once: HTTP to problem+json, the bot to a card,
 * jobs to retry or dead-letter. A `UserError` is the caller's to fix; anything else is ours.
 */

/** One thing wrong with an input, at a path a person (and the tab) can point to. */
export interface FieldProblem {
  /** Dotted path into the input, e.g. `nonNegotiables.2.text`. Empty for the input as a whole. */
  path: string;
  /** A sentence a person understands, e.g. "Purpose can be at most 500 characters (it has 512)." */
  message: string;
}

export type UserErrorReason = 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated';

export abstract class UserError extends Error {
  abstract readonly reason: UserErrorReason;
  constructor(message: string) {
    super(message);
    // The concrete class's name (ValidationError, NotFoundError, …), as logs and stack traces show it.
    this.name = new.target.name;
  }
}

export class ValidationError extends UserError {
  readonly reason = 'validation' as const;
  constructor(
    readonly problems: readonly FieldProblem[],
    message = problems.length === 1
      ? (problems[0]?.message ?? 'The input is not valid.')
      : `${problems.length} fields need attention.`,
  ) {
    super(message);
  }
}

export class NotFoundError extends UserError {
  readonly reason = 'not_found' as const;
}

/**
 * The team has no installation of Team Charter the caller can see: never installed, removed, or in another tenant
 * (which from the caller's tenant looks the same). A 404 of its own kind, so a client can tell "nothing here yet"
 * (no charter, no review) from "the app is not set up for this team" and stop asking.
 */
export class NotInstalledError extends NotFoundError {}

/** A write based on a stale version, or a duplicate that must not happen twice. */
export class ConflictError extends UserError {
  readonly reason = 'conflict' as const;
  constructor(
    message: string,
    readonly currentVersion?: number,
  ) {
    super(message);
  }
}

export class ForbiddenError extends UserError {
  readonly reason = 'forbidden' as const;
}

export class UnauthenticatedError extends UserError {
  readonly reason = 'unauthenticated' as const;
}

/** A dependency we call (Graph, Bot Connector, the database) failed; `retryable` says whether trying again may help. */
export class UpstreamError extends Error {
  constructor(
    readonly service: string,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamError';
  }

  /** What a person must do about a failure that will not pass by itself, in words an admin acts on; null: wait. */
  get advice(): string | null {
    return null;
  }
}

/**
 * The dependency's budget for this tenant is spent (a 429 holds it back) for `retryAfterMs`: nothing was sent, and
 * the work should step aside and come back then rather than wait, so a worker can serve other tenants meanwhile. A job
 * that throws it is put back for later without counting an attempt.
 */
export class ThrottledError extends UpstreamError {
  constructor(service: string, message: string, retryAfterMs: number) {
    super(service, message, true, retryAfterMs);
    this.name = 'ThrottledError';
  }
}
