/** What the fake token issuers (fake Entra, the fake Bot Framework) share: how a good or a deliberately bad token is minted. */
import { type CryptoKey, SignJWT } from 'jose';

export interface TokenOptions {
  /**
   * `RS256` (default); `none` (unsigned); `HS256` signed with the trusted public key's PEM bytes as the HMAC
   * secret (the classic RS/HS confusion attack).
   */
  alg?: 'RS256' | 'none' | 'HS256';
  /** `exp` relative to now; negative for an expired token. Default 3600. */
  expiresInSeconds?: number;
  /** `nbf` relative to now; positive for a token not valid yet. Default 0. */
  notBeforeSeconds?: number;
  /** Merged over the protected header (`kid`, `typ`, …); a value of `undefined` removes the member. */
  header?: Record<string, unknown>;
}

/** A token's `iat`, `nbf` and `exp` if minted now, as `options` shift them. */
export function tokenTimes(options: TokenOptions): { iat: number; nbf: number; exp: number } {
  const now = Math.floor(Date.now() / 1000);
  return {
    iat: now,
    nbf: now + (options.notBeforeSeconds ?? 0),
    exp: now + (options.expiresInSeconds ?? 3600),
  };
}

/**
 * Mints a JWT of `claims` under key `kid` as `options.alg` says: signed by `privateKey` (RS256), unsigned, or with
 * `publicKeyPem` as an HMAC secret. A claim or header member set to `undefined` is left out.
 */
export async function mintTestToken(
  claims: Record<string, unknown>,
  kid: string,
  options: TokenOptions,
  keys: { privateKey: CryptoKey; publicKeyPem: string },
): Promise<string> {
  const payload = withoutUndefined(claims);
  const alg = options.alg ?? 'RS256';
  const header = withoutUndefined({ alg, typ: 'JWT', kid, ...options.header });
  if (alg === 'none') return `${base64url(header)}.${base64url(payload)}.`;
  const jwt = new SignJWT(payload).setProtectedHeader({ ...header, alg });
  if (alg === 'HS256') return jwt.sign(new TextEncoder().encode(keys.publicKeyPem));
  return jwt.sign(keys.privateKey);
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
