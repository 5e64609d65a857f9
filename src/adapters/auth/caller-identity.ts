/**
 * Who is calling the tab's HTTP API. Plain types only (no jose): the HTTP layer depends on these, not on how a
 * token is checked.
 */

/** A caller proven by a verified Entra ID token (or, in local mode only, named by a header). */
export interface CallerIdentity {
  /** Entra ID tenant (`tid`). */
  tenantId: string;
  /** The user's AAD object id (`oid`): with `tenantId`, the stable key of a person. */
  userId: string;
  /** Display name (`name`); falls back to `username`, then the empty string. For display only. */
  name: string;
  /** Sign-in name (`preferred_username`), when the token carries one. Mutable: never use it as a key. */
  username: string | null;
}

export interface TokenVerifier {
  /**
   * Checks an `Authorization` header value and returns the caller it proves.
   * Throws `UnauthenticatedError` for any missing, malformed or invalid token, and `UpstreamError('entra', …)` when
   * the keys to check it cannot be fetched.
   */
  verify(authorizationHeader: string | undefined): Promise<CallerIdentity>;
}
