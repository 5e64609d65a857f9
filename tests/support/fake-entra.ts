/**
 * A local stand-in for Entra ID's OpenID endpoints, for tests. Shaped like the real thing:
 * `GET /{tenant}/v2.0/.well-known/openid-configuration` → `{ issuer: "{authorityHost}/{tenant}/v2.0", jwks_uri }`,
 * `GET /{tenant}/discovery/v2.0/keys` → the RSA signing keys (no `alg` member, as Entra publishes them),
 * and 400 for a tenant it does not know, as Entra answers (AADSTS90002).
 * It mints Teams-SSO-like v2.0 access tokens, good or deliberately bad.
 * `GET /{tenant}/oauth2/v2.0/authorize` plays the sign-in window's stop at Entra (authorization code flow): it checks
 * the request as Entra does, records the person's consent to the client (`prompt=consent`, or a client consented
 * before) and sends the browser back to `redirect_uri` with a code and the `state`; errors go back the same way
 * (`error`, `error_description` with an AADSTS code), as Entra returns them once it trusts the redirect address.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';

import { mintTestToken, type TokenOptions, tokenTimes } from './test-tokens';

export const FAKE_TENANT_ID = '7d3f6a52-1c9e-4b8a-9f3e-2a6c0d5e8b41';
/** A second tenant Entra knows, for cross-tenant cases. */
export const OTHER_TENANT_ID = '0b8e2c7d-5a41-4f96-8d3b-c9e1f27a6d05';
/** A well-formed tenant id the fake answers 400 for. */
export const UNKNOWN_TENANT_ID = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';
export const FAKE_CLIENT_ID = '3c5d9e1f-8a2b-4c6d-9e0f-1a2b3c4d5e6f';
export const FAKE_APP_ID_URI = `api://charter.example.com/${FAKE_CLIENT_ID}`;
export const FAKE_USER = {
  oid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Ada Lovelace',
  preferred_username: 'ada@contoso.example',
} as const;
/** Teams web client, one of the client ids an SSO app preauthorizes. */
const TEAMS_WEB_CLIENT_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

export interface FakeEntraClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  sub: string;
  name: string;
  preferred_username: string;
  scp: string;
  azp: string;
  ver: string;
  [claim: string]: unknown;
}

export interface MintOptions extends TokenOptions {
  /** `untrusted` signs with a key the JWKS does not publish, while the header still names the trusted `kid`. */
  key?: 'trusted' | 'untrusted';
}

export interface FakeEntra {
  /** `http://127.0.0.1:PORT`; a tenant's issuer is `${authorityHost}/${tenantId}/v2.0`. */
  authorityHost: string;
  trustedKid: string;
  issuerFor(tenantId: string): string;
  /** Default claims are a valid Teams SSO token for FAKE_USER in FAKE_TENANT_ID; a claim set to `undefined` is left out. */
  mintToken(claims?: Partial<FakeEntraClaims>, options?: MintOptions): Promise<string>;
  /** Paths requested so far, in order (to observe caching). */
  readonly requests: readonly string[];
  /** Makes the metadata endpoint answer this status (e.g. 503) until cleared with `undefined`. */
  failMetadataWith(status: number | undefined): void;
  /** Whether `loginHint` has consented to `clientId` at the authorize endpoint. */
  hasConsented(clientId: string, loginHint: string): boolean;
  /** The authorize requests seen so far (their query parameters), in order. */
  readonly authorizeRequests: readonly Record<string, string>[];
  close(): Promise<void>;
}

interface SigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const trusted: SigningKey = await generateKeyPair('RS256', { extractable: true });
  const untrusted: SigningKey = await generateKeyPair('RS256');
  const trustedKid = 'fake-entra-key-1';
  const publicJwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid: trustedKid, use: 'sig' };
  const publicKeyPem = await exportSPKI(trusted.publicKey);
  const knownTenants = new Set([FAKE_TENANT_ID, OTHER_TENANT_ID]);
  const requests: string[] = [];
  let metadataFailure: number | undefined;
  let authorityHost = '';
  const consents = new Set<string>();
  const authorizeRequests: Record<string, string>[] = [];
  const consentKey = (clientId: string, loginHint: string) => `${clientId} ${loginHint.toLowerCase()}`;

  const issuerFor = (tenantId: string): string => `${authorityHost}/${tenantId}/v2.0`;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', authorityHost).pathname;
    requests.push(path);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const authorize = /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/.exec(path);
    if (req.method === 'GET' && authorize?.[1] !== undefined)
      return answerAuthorize(authorize[1], new URL(req.url ?? '/', authorityHost).searchParams, res);
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    const keys = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(path);
    const tenantId = metadata?.[1] ?? keys?.[1];
    if (req.method !== 'GET' || tenantId === undefined) return send(404, { error: 'not_found' });
    if (!knownTenants.has(tenantId)) {
      return send(400, {
        error: 'invalid_tenant',
        error_description: `AADSTS90002: Tenant '${tenantId}' not found.`,
      });
    }
    if (metadata) {
      if (metadataFailure !== undefined) return send(metadataFailure, { error: 'temporarily_unavailable' });
      return send(200, {
        issuer: issuerFor(tenantId),
        jwks_uri: `${authorityHost}/${tenantId}/discovery/v2.0/keys`,
        token_endpoint: `${authorityHost}/${tenantId}/oauth2/v2.0/token`,
        authorization_endpoint: `${authorityHost}/${tenantId}/oauth2/v2.0/authorize`,
        id_token_signing_alg_values_supported: ['RS256'],
        tenant_region_scope: 'EU',
      });
    }
    // Entra adds the tenant's issuer to each key; verifiers ignore it.
    return send(200, { keys: [{ ...publicJwk, issuer: issuerFor(tenantId) }] });
  });
  /**
   * Entra's authorize endpoint, as far as the sign-in window uses it: an unknown tenant or a request without a usable
   * redirect address is answered on Entra's own page (400); everything else goes back to `redirect_uri`.
   */
  function answerAuthorize(tenantId: string, query: URLSearchParams, res: ServerResponse): void {
    const params = Object.fromEntries(query);
    authorizeRequests.push(params);
    const page = (status: number, text: string) =>
      void res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    if (!knownTenants.has(tenantId)) return page(400, `AADSTS90002: Tenant '${tenantId}' not found.`);
    const redirect = params.redirect_uri ? safeUrl(params.redirect_uri) : null;
    if (!redirect || redirect.protocol !== 'https:')
      return page(400, 'AADSTS50011: The redirect URI specified in the request does not match.');
    const back = (answer: Record<string, string>) => {
      for (const [name, value] of Object.entries({
        ...answer,
        ...(params.state ? { state: params.state } : {}),
      }))
        redirect.searchParams.set(name, value);
      res.writeHead(302, { location: redirect.href }).end();
    };
    if (params.client_id !== FAKE_CLIENT_ID)
      return back({
        error: 'unauthorized_client',
        error_description: `AADSTS700016: Application with identifier '${params.client_id ?? ''}' was not found.`,
      });
    if (params.response_type !== 'code' || !/\baccess_as_user\b/.test(params.scope ?? ''))
      return back({ error: 'invalid_request', error_description: 'AADSTS900144: The request is not valid.' });
    const who = params.login_hint ?? FAKE_USER.preferred_username;
    if (params.prompt === 'consent') consents.add(consentKey(FAKE_CLIENT_ID, who));
    if (!consents.has(consentKey(FAKE_CLIENT_ID, who)))
      return back({
        error: 'consent_required',
        error_description: 'AADSTS65001: The user or administrator has not consented to use the application.',
      });
    back({ code: `fake-code-${authorizeRequests.length}` });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authorityHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function mintToken(
    claims: Partial<FakeEntraClaims> = {},
    options: MintOptions = {},
  ): Promise<string> {
    const tid = 'tid' in claims ? claims.tid : FAKE_TENANT_ID;
    const payload = {
      aud: FAKE_CLIENT_ID,
      iss: issuerFor(typeof tid === 'string' ? tid : FAKE_TENANT_ID),
      ...tokenTimes(options),
      tid: FAKE_TENANT_ID,
      oid: FAKE_USER.oid,
      sub: 'kPZ3cR0fhFz9wq1r6XyPbqf0lQm0g4Hc2YbKxU8aT1E',
      name: FAKE_USER.name,
      preferred_username: FAKE_USER.preferred_username,
      scp: 'access_as_user',
      azp: TEAMS_WEB_CLIENT_ID,
      azpacr: '0',
      ver: '2.0',
      ...claims,
    };
    const privateKey = options.key === 'untrusted' ? untrusted.privateKey : trusted.privateKey;
    return mintTestToken(payload, trustedKid, options, { privateKey, publicKeyPem });
  }

  return {
    authorityHost,
    trustedKid,
    issuerFor,
    mintToken,
    requests,
    failMetadataWith(status) {
      metadataFailure = status;
    },
    hasConsented: (clientId, loginHint) => consents.has(consentKey(clientId, loginHint)),
    authorizeRequests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // fetch keeps connections alive; do not wait for them to idle out
      }),
  };
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
