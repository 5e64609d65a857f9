/**
 * A local stand-in for the Bot Framework's OpenID endpoints, for tests of `/api/messages` outside local mode. Shaped
 * like `https://login.botframework.com/v1/.well-known/openidconfiguration`: the metadata names `jwks_uri`, and each key
 * carries `endorsements` (the channels it may sign for), which botframework-connector checks against the activity's
 * `channelId`. It mints channel tokens as the Bot Framework does (`iss` https://api.botframework.com, `aud` the bot's
 * app id, a `serviceUrl` claim), good or deliberately bad.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';

import { mintTestToken, type TokenOptions, tokenTimes } from '../../support/test-tokens';

const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface BotTokenOptions extends TokenOptions {
  /**
   * `trusted` (default); `untrusted`: a key the JWKS does not publish, under the trusted kid (a forged signature);
   * `webchat`: a published key endorsed for another channel only.
   */
  key?: 'trusted' | 'untrusted' | 'webchat';
}

export interface FakeBotFramework {
  metadataUrl: string;
  /** A channel token; claims merge over the defaults, and a claim set to `undefined` is left out. */
  mintToken(claims: Record<string, unknown>, options?: BotTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeBotFramework(): Promise<FakeBotFramework> {
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const webchat = await generateKeyPair('RS256', { extractable: true });
  const untrusted = await generateKeyPair('RS256');
  const kids = { trusted: 'fake-bf-key-1', webchat: 'fake-bf-webchat-key' };
  const publish = async (
    key: CryptoKey,
    kid: string,
    endorsements: string[],
  ): Promise<JWK & { endorsements: string[] }> => ({
    ...(await exportJWK(key)),
    kty: 'RSA',
    use: 'sig',
    kid,
    endorsements,
  });
  const jwks = {
    keys: [
      await publish(trusted.publicKey, kids.trusted, ['msteams', 'skype']),
      await publish(webchat.publicKey, kids.webchat, ['webchat']),
    ],
  };
  const publicKeyPem = await exportSPKI(trusted.publicKey);
  let origin = '';
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/v1/.well-known/openidconfiguration')
      return send(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${origin}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    if (req.url === '/v1/.well-known/keys') return send(200, jwks);
    return send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    async mintToken(claims, options = {}) {
      const payload = { iss: BOT_FRAMEWORK_ISSUER, ...tokenTimes(options), ...claims };
      const kid = options.key === 'webchat' ? kids.webchat : kids.trusted;
      const privateKey =
        options.key === 'untrusted'
          ? untrusted.privateKey
          : options.key === 'webchat'
            ? webchat.privateKey
            : trusted.privateKey;
      return mintTestToken(payload, kid, options, { privateKey, publicKeyPem });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
