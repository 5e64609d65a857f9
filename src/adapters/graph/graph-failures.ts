/**
 * Which failures of Microsoft Entra ID (msal-node) and Microsoft Graph can pass by waiting, and which need a person.
 * Only throttling (429), server errors (5xx), timeouts and network failures are transient; everything else Entra or
 * Graph refuses (a wrong secret, an unknown app or tenant, an insecure or unknown authority, a mailbox that refuses
 * access or does not exist, a request Graph rejects) is permanent: retrying only hides it from the admin who must act.
 *
 * Shapes, as the libraries throw them:
 * - msal-node: `ServerError` for an error answer of the token endpoint (`errorCode` = OAuth `error`, e.g.
 *   `invalid_client`; `errorNo` = the first AADSTS number, e.g. `7000215`; `status` = the HTTP status), or for a call
 *   msal refuses itself while a 429/5xx it got is remembered (no `status`); `ClientConfigurationError` for a setting
 *   it cannot use (`authority_uri_insecure`, `url_parse_error`, `untrusted_authority`, …); `ClientAuthError` with
 *   `network_error` for no answer or a timeout, `endpoints_resolution_error` / `openid_config_error` when the authority
 *   publishes no OpenID metadata (for Microsoft's own clouds msal ships that metadata, so only an unknown host gets
 *   here), `token_parsing_error` when the answer is not JSON (a gateway's error page);
 *   `InteractionRequiredAuthError` when consent is missing.
 * - graph-client: `GraphError` with `statusCode` (-1 when no answer came back) and Graph's `code`, e.g.
 *   403 `ErrorAccessDenied`, 404 `ErrorInvalidUser` / `MailboxNotEnabledForRESTAPI` / `ResourceNotFound` (the user or
 *   their mailbox), 404 `ErrorItemNotFound` (the event).
 */
import {
  AuthError,
  ClientConfigurationError,
  InteractionRequiredAuthError,
  ServerError,
} from '@azure/msal-node';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

import { CalendarError, type CalendarFailure } from '../../domain/review/calendar-error';

/** Graph's codes for a user who does not exist or has no Exchange Online mailbox the app can reach. */
const MAILBOX_MISSING_CODES = new Set([
  'ErrorInvalidUser',
  'MailboxNotEnabledForRESTAPI',
  'ResourceNotFound',
]);

/** msal's codes for an authority it cannot use or find. */
const AUTHORITY_CODES = new Set(['endpoints_resolution_error', 'openid_config_error']);

/** msal's codes for no usable answer: nothing came back, it came too late, or it was a proxy's page, not JSON. */
const NO_ANSWER_CODES = new Set(['network_error', 'no_network_connectivity', 'token_parsing_error']);

/** A failure to get an app-only token from Entra ID, as a `CalendarError` that says whether waiting can help. */
export function tokenFailure(error: unknown): CalendarError {
  const message = `Getting a Graph token from Entra ID failed: ${describe(error)}`;
  const failure = tokenFailureKind(error);
  return new CalendarError(failure, message, undefined, { cause: error });
}

function tokenFailureKind(error: unknown): CalendarFailure {
  if (error instanceof ServerError) {
    const status = error.status;
    if (status === 429) return 'throttled';
    if ((status !== undefined && status >= 500) || error.errorCode === 'temporarily_unavailable')
      return 'unavailable';
    // Without a status msal did not ask Entra: it refuses while it remembers a 429 or 5xx (its throttling cache).
    if (status === undefined) return 'unavailable';
    return 'unauthorized'; // invalid_client (AADSTS7000215), unauthorized_client (AADSTS700016), invalid_request, …
  }
  if (error instanceof InteractionRequiredAuthError) return 'unauthorized';
  if (error instanceof ClientConfigurationError) return 'authority';
  if (error instanceof AuthError) {
    if (NO_ANSWER_CODES.has(error.errorCode)) return 'unavailable';
    if (AUTHORITY_CODES.has(error.errorCode)) return 'authority';
    return 'unauthorized';
  }
  // Not from msal (a bug, the runtime): retried with backoff and a bounded number of attempts, like any unexpected
  // error of a job.
  return 'unavailable';
}

/** A Graph call that failed (graph-client's `GraphError`, or no answer at all), as a `CalendarError`. */
export function graphFailure(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  if (error instanceof GraphError) {
    if (error.statusCode === -1 || error.statusCode === 0)
      return new CalendarError('unavailable', `Graph could not be reached: ${error.message}`, undefined, {
        cause: error,
      });
    const retryAfter = error.headers?.get('Retry-After') ?? undefined;
    return graphAnswerFailure(error.statusCode, error.code, error.message, retryAfter, error);
  }
  return new CalendarError('unavailable', `Graph could not be reached: ${describe(error)}`, undefined, {
    cause: error,
  });
}

/** A `CalendarError` for an error Graph answered, with its status and code (e.g. 409 `Conflict`: already there). */
export class GraphAnswerError extends CalendarError {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    retryAfterMs: number | undefined,
    cause: unknown,
  ) {
    super(graphFailureKind(status, code), message, retryAfterMs, { cause });
  }
}

/** Graph answered `status` with an error body (a whole response, or one answer inside a `$batch`). */
export function graphAnswerFailure(
  status: number,
  code: string | null | undefined,
  message: string,
  retryAfter: string | undefined,
  cause?: unknown,
): GraphAnswerError {
  const retryAfterMs =
    retryAfter !== undefined && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) * 1000 : undefined;
  return new GraphAnswerError(
    status,
    code ?? null,
    `Graph answered ${status} ${code ?? ''}: ${message}`.trim(),
    retryAfterMs,
    cause,
  );
}

function graphFailureKind(status: number, code: string | null | undefined): CalendarFailure {
  if (status === 429) return 'throttled';
  if (status >= 500 || status === 408) return 'unavailable';
  if (code && MAILBOX_MISSING_CODES.has(code)) return 'mailbox_not_found';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'access_denied';
  if (status === 404) return 'not_found';
  return 'rejected';
}

function describe(error: unknown): string {
  // msal's `message` is `<errorCode>: <errorMessage>`, with the AADSTS number and description when Entra gave one.
  return error instanceof Error ? error.message : String(error);
}

/** A Graph answer we depend on, checked against `schema`; a shape we cannot use is `rejected` (not retried). */
export function parseGraphAnswer<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new CalendarError(
      'rejected',
      `Graph answered ${what} in an unexpected shape: ${z.prettifyError(result.error)}`,
    );
  return result.data;
}
