/**
 * Verifies the Teams tab SSO token (`authentication.getAuthToken()`): an Entra ID **v2.0** access token for our API.
 *
 * The unverified `tid` only chooses which tenant's OpenID metadata to load; everything that decides trust comes from
 * that metadata (issuer, keys) and from our configuration (audience, scope, clock tolerance).
 * The app registration must set `accessTokenAcceptedVersion: 2` (Graph manifest: `api.requestedAccessTokenVersion`),
 * or Entra issues v1.0 tokens (`iss` = `https://sts.windows.net/{tid}/`), which this verifier refuses.
 * <https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad>,
 * <https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference>
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';

import { UnauthenticatedError, UpstreamError } from '../../domain/errors';
import type { CallerIdentity, TokenVerifier } from './caller-identity';

export interface EntraTokenVerifierOptions {
  /** Origin of the Entra authority, e.g. `https://login.microsoftonline.com`; plain http only on loopback (tests). */
  authorityHost: string;
  /** Our app registration's client id: the `aud` of a v2.0 token. */
  clientId: string;
  /** The app id URI (`api://<domain>/<client id>`), also accepted as `aud`. v2.0 tokens carry the client id. */
  appIdUri?: string;
  /** Allowed clock skew for `exp`/`nbf`. Default 300 (Bot Framework and Entra guidance use 5 minutes). */
  clockToleranceSeconds?: number;
}

const REQUIRED_SCOPE = 'access_as_user';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entra tokens are a few KB; refuse anything far larger before parsing it. */
const MAX_TOKEN_LENGTH = 16_384;
/**
 * Entra access tokens live 60–90 minutes, CAE-capable ones up to 28 hours. With a maximum age jose also refuses a
 * token issued in the future (`iat` beyond the clock tolerance), which `exp`/`nbf` alone let through.
 */
const MAX_TOKEN_AGE_SECONDS = 28 * 60 * 60;
const METADATA_TIMEOUT_MS = 5_000;
/** Tenant metadata (issuer, jwks_uri) hardly ever changes; key rotation is handled by jose's JWKS cache. */
const METADATA_TTL_MS = 24 * 60 * 60 * 1000;
/** A tenant Entra does not know is remembered briefly, so a flood of made-up tenant ids costs one fetch each. */
const UNKNOWN_TENANT_TTL_MS = 5 * 60 * 1000;
/** Bounds memory when callers name many tenants; least recently used tenants are dropped first. */
const MAX_CACHED_TENANTS = 1_000;

const openIdMetadataSchema = z.object({ issuer: z.string().min(1), jwks_uri: z.string().min(1) });

interface TenantTrust {
  /** The exact `iss` a token of this tenant must carry. */
  issuer: string;
  keys: JWTVerifyGetKey;
}

interface CacheEntry {
  promise: Promise<TenantTrust>;
  expiresAt: number;
}

export function createEntraTokenVerifier(options: EntraTokenVerifierOptions): TokenVerifier {
  const authority = parseAuthority(options.authorityHost);
  const clockTolerance = options.clockToleranceSeconds ?? 300;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new Error('clockToleranceSeconds must be a non-negative number.');
  }
  if (options.clientId.trim() === '') throw new Error('clientId is required.');
  const audience = options.appIdUri ? [options.clientId, options.appIdUri] : [options.clientId];
  const tenants = new Map<string, CacheEntry>();

  function trustFor(tenantId: string): Promise<TenantTrust> {
    const now = Date.now();
    const cached = tenants.get(tenantId);
    if (cached && cached.expiresAt > now) {
      tenants.delete(tenantId); // re-insert: Map order is our LRU order
      tenants.set(tenantId, cached);
      return cached.promise;
    }
    const entry: CacheEntry = {
      promise: loadTenantTrust(authority, tenantId),
      expiresAt: now + METADATA_TTL_MS,
    };
    void entry.promise.catch((error: unknown) => {
      if (error instanceof UnauthenticatedError) entry.expiresAt = Date.now() + UNKNOWN_TENANT_TTL_MS;
      else if (tenants.get(tenantId) === entry) tenants.delete(tenantId); // upstream trouble: retry next time
    });
    tenants.set(tenantId, entry);
    if (tenants.size > MAX_CACHED_TENANTS) {
      const oldest = tenants.keys().next().value;
      if (oldest !== undefined) tenants.delete(oldest);
    }
    return entry.promise;
  }

  return {
    async verify(authorizationHeader) {
      const token = bearerToken(authorizationHeader);
      const tenantId = unverifiedTenantId(token);
      const trust = await trustFor(tenantId);

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, trust.keys, {
          algorithms: ['RS256'],
          issuer: trust.issuer,
          audience,
          clockTolerance,
          requiredClaims: ['exp'],
          maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        }));
      } catch (error) {
        throw toAuthError(error);
      }
      return identityFrom(payload, tenantId);
    },
  };
}

function parseAuthority(authorityHost: string): URL {
  const url = new URL(authorityHost);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('authorityHost must be https (plain http is allowed on loopback only, for tests).');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error('authorityHost must be an origin, e.g. https://login.microsoftonline.com');
  }
  return url;
}

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new UnauthenticatedError('Sign-in required: send an Authorization: Bearer token.');
  }
  const match = /^Bearer +(\S+) *$/i.exec(header);
  const token = match?.[1];
  if (token === undefined)
    throw new UnauthenticatedError('The Authorization header must use the Bearer scheme.');
  if (token.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError('The bearer token is too long.');
  return token;
}

/**
 * Reads just enough of the unverified token to choose a tenant, and refuses early what can never verify.
 * Nothing read here is trusted: `jwtVerify` checks all of it again against the tenant's keys and issuer.
 */
function unverifiedTenantId(token: string): string {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw new UnauthenticatedError('The bearer token is not a valid JWT.');
  }
  // Refuse `none`, HS256 (key confusion) and the rest before any network call; jwtVerify enforces it again.
  if (header.alg !== 'RS256') throw new UnauthenticatedError('The token must be signed with RS256.');
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw new UnauthenticatedError('The token header has no key id (kid).');
  }
  if (
    claims.ver === '1.0' ||
    (typeof claims.iss === 'string' && claims.iss.startsWith('https://sts.windows.net/'))
  ) {
    throw new UnauthenticatedError(
      'The token is a v1.0 token; this API accepts v2.0 tokens only (accessTokenAcceptedVersion must be 2).',
    );
  }
  const tid = claims.tid;
  // A GUID check before `tid` goes into a URL path: no path injection, no arbitrary tenant aliases.
  if (typeof tid !== 'string' || !GUID.test(tid)) {
    throw new UnauthenticatedError('The token has no valid tenant id (tid).');
  }
  return tid.toLowerCase();
}

async function loadTenantTrust(authority: URL, tenantId: string): Promise<TenantTrust> {
  const metadataUrl = new URL(`/${tenantId}/v2.0/.well-known/openid-configuration`, authority);
  const metadata = await fetchOpenIdMetadata(metadataUrl);

  // Entra's multi-tenant documents say `{tenantid}`; a tenant's own document names the concrete issuer.
  const issuer = metadata.issuer.replace('{tenantid}', tenantId);
  const issuerUrl = parseUrl(issuer);
  if (
    issuerUrl === null ||
    issuerUrl.protocol !== authority.protocol ||
    issuer !== `${issuerUrl.origin}/${tenantId}/v2.0`
  ) {
    throw new UpstreamError('entra', "The tenant's OpenID metadata names an unexpected issuer.", false);
  }
  // Keys come from the authority we were configured with, never from a host a metadata document points to.
  const jwksUrl = parseUrl(metadata.jwks_uri);
  if (jwksUrl === null || jwksUrl.origin !== authority.origin) {
    throw new UpstreamError('entra', "The tenant's OpenID metadata names an unexpected jwks_uri.", false);
  }
  const jwks = createRemoteJWKSet(jwksUrl);
  const keys: JWTVerifyGetKey = async (protectedHeader, token) => {
    try {
      return await jwks(protectedHeader, token);
    } catch (error) {
      throw fromKeyLookupError(error);
    }
  };
  return { issuer, keys };
}

async function fetchOpenIdMetadata(url: URL): Promise<z.infer<typeof openIdMetadataSchema>> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(METADATA_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new UpstreamError(
      'entra',
      'Could not reach the Entra ID OpenID metadata endpoint.',
      true,
      undefined,
      {
        cause,
      },
    );
  }
  // Entra answers 400 (AADSTS90002) for a tenant it does not know: the token's problem, not ours.
  if (response.status === 400 || response.status === 404) {
    await response.body?.cancel();
    throw new UnauthenticatedError('The token names a tenant that Entra ID does not know.');
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status === 429 || response.status >= 500;
    throw new UpstreamError('entra', `Entra ID OpenID metadata answered HTTP ${response.status}.`, retryable);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new UpstreamError('entra', 'Entra ID OpenID metadata is not JSON.', true, undefined, { cause });
  }
  const parsed = openIdMetadataSchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError('entra', 'Entra ID OpenID metadata lacks issuer or jwks_uri.', false);
  }
  return parsed.data;
}

function fromKeyLookupError(error: unknown): Error {
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new UnauthenticatedError('The token was signed with a key this tenant does not publish.');
  }
  if (error instanceof errors.JOSENotSupported) {
    return new UnauthenticatedError('The token must be signed with RS256.');
  }
  if (error instanceof errors.JWKSInvalid) {
    return new UpstreamError('entra', 'Entra ID published an invalid key set.', false, undefined, {
      cause: error,
    });
  }
  // Timeouts, network failures and non-200 answers from the keys endpoint.
  return new UpstreamError('entra', 'Could not fetch the Entra ID signing keys.', true, undefined, {
    cause: error,
  });
}

/** Maps jose's verdicts to short messages that never repeat the token. */
function toAuthError(error: unknown): unknown {
  if (error instanceof UnauthenticatedError || error instanceof UpstreamError) return error;
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError('The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
        return new UnauthenticatedError('The token is not valid yet.');
      case 'iat':
        return new UnauthenticatedError(
          error.reason === 'check_failed'
            ? 'The token is not valid yet.'
            : 'The token has no valid issue time (iat).',
        );
      case 'aud':
        return new UnauthenticatedError('The token was issued for another application.');
      case 'iss':
        return new UnauthenticatedError('The token was not issued by this tenant.');
      case 'exp':
        return new UnauthenticatedError('The token has no valid expiry.');
      default:
        return new UnauthenticatedError('The token failed claim validation.');
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new UnauthenticatedError('The token must be signed with RS256.');
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new UnauthenticatedError('The token signature is not valid.');
  }
  if (error instanceof errors.JOSEError) return new UnauthenticatedError('The bearer token is not valid.');
  return error; // not a verdict on the token: a bug of ours, for the edge to report as 500
}

function identityFrom(payload: JWTPayload, tenantId: string): CallerIdentity {
  // `tenantId` is the token's own `tid`, and jwtVerify matched `iss` to that tenant's issuer: they agree.
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(REQUIRED_SCOPE)) {
    throw new UnauthenticatedError(`The token lacks the ${REQUIRED_SCOPE} scope.`);
  }
  const oid = payload.oid;
  if (typeof oid !== 'string' || !GUID.test(oid)) {
    throw new UnauthenticatedError('The token has no user object id (oid).');
  }
  const username = nonEmptyString(payload.preferred_username);
  return {
    tenantId,
    userId: oid.toLowerCase(),
    name: nonEmptyString(payload.name) ?? username ?? '',
    username,
  };
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
