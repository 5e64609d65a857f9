import type { TokenVerifier } from '../../../src/adapters/auth/caller-identity';
import { createEntraTokenVerifier } from '../../../src/adapters/auth/entra-token-verifier';
import { UnauthenticatedError, UpstreamError } from '../../../src/domain/errors';
import {
  FAKE_APP_ID_URI,
  FAKE_CLIENT_ID,
  FAKE_TENANT_ID,
  FAKE_USER,
  type FakeEntra,
  OTHER_TENANT_ID,
  startFakeEntra,
  UNKNOWN_TENANT_ID,
} from '../../support/fake-entra';

let entra: FakeEntra;
let verifier: TokenVerifier;

beforeAll(async () => {
  entra = await startFakeEntra();
  verifier = createEntraTokenVerifier({ authorityHost: entra.authorityHost, clientId: FAKE_CLIENT_ID });
});

afterAll(async () => {
  await entra.close();
});

const bearer = (token: string): string => `Bearer ${token}`;

describe('accepts', () => {
  it('a valid Teams SSO token and returns the caller from tid, oid, name and preferred_username', async () => {
    const identity = await verifier.verify(bearer(await entra.mintToken()));

    expect(identity).toEqual({
      tenantId: FAKE_TENANT_ID,
      userId: FAKE_USER.oid,
      name: FAKE_USER.name,
      username: FAKE_USER.preferred_username,
    });
  });

  it('a token that expired less than the 5 minute clock tolerance ago', async () => {
    const token = await entra.mintToken({}, { expiresInSeconds: -200 });

    await expect(verifier.verify(bearer(token))).resolves.toMatchObject({ userId: FAKE_USER.oid });
  });

  it('a token whose nbf is less than the clock tolerance ahead', async () => {
    const token = await entra.mintToken({}, { notBeforeSeconds: 200 });

    await expect(verifier.verify(bearer(token))).resolves.toMatchObject({ userId: FAKE_USER.oid });
  });

  it('the app id URI as audience when it is configured', async () => {
    const withUri = createEntraTokenVerifier({
      authorityHost: entra.authorityHost,
      clientId: FAKE_CLIENT_ID,
      appIdUri: FAKE_APP_ID_URI,
    });
    const token = await entra.mintToken({ aud: FAKE_APP_ID_URI });

    await expect(withUri.verify(bearer(token))).resolves.toMatchObject({ tenantId: FAKE_TENANT_ID });
  });

  it('a token from another tenant Entra knows, checked against that tenant’s issuer', async () => {
    const token = await entra.mintToken({ tid: OTHER_TENANT_ID });

    await expect(verifier.verify(bearer(token))).resolves.toMatchObject({ tenantId: OTHER_TENANT_ID });
  });

  it('access_as_user among other scopes, and a lower-case scheme name', async () => {
    const token = await entra.mintToken({ scp: 'openid access_as_user profile' });

    await expect(verifier.verify(`bearer ${token}`)).resolves.toMatchObject({ userId: FAKE_USER.oid });
  });

  it('a token without name, using preferred_username as the display name', async () => {
    const token = await entra.mintToken({ name: undefined });

    await expect(verifier.verify(bearer(token))).resolves.toMatchObject({
      name: FAKE_USER.preferred_username,
      username: FAKE_USER.preferred_username,
    });
  });
});

interface RefusalCase {
  name: string;
  header: (fake: FakeEntra) => Promise<string | undefined>;
  message: RegExp;
}

const refused: RefusalCase[] = [
  { name: 'a missing Authorization header', header: async () => undefined, message: /Sign-in required/ },
  { name: 'an empty Authorization header', header: async () => '', message: /Sign-in required/ },
  {
    name: 'a scheme other than Bearer',
    header: async (fake) => `Basic ${await fake.mintToken()}`,
    message: /Bearer scheme/,
  },
  {
    name: 'a bearer value that is not a JWT',
    header: async () => 'Bearer not-a-jwt',
    message: /not a valid JWT/,
  },
  {
    name: 'a token signed by an untrusted key under a trusted kid (forged signature)',
    header: async (fake) => bearer(await fake.mintToken({}, { key: 'untrusted' })),
    message: /signature is not valid/,
  },
  {
    name: 'an unsigned token (alg: none)',
    header: async (fake) => bearer(await fake.mintToken({}, { alg: 'none' })),
    message: /RS256/,
  },
  {
    name: 'an HS256 token keyed with the published public key (algorithm confusion)',
    header: async (fake) => bearer(await fake.mintToken({}, { alg: 'HS256' })),
    message: /RS256/,
  },
  {
    name: 'a token with a kid the tenant does not publish',
    header: async (fake) => bearer(await fake.mintToken({}, { header: { kid: 'rotated-away' } })),
    message: /key this tenant does not publish/,
  },
  {
    name: 'a token without a kid',
    header: async (fake) => bearer(await fake.mintToken({}, { header: { kid: undefined } })),
    message: /no key id/,
  },
  {
    name: 'a token expired beyond the 5 minute clock tolerance',
    header: async (fake) => bearer(await fake.mintToken({}, { expiresInSeconds: -400 })),
    message: /expired/,
  },
  {
    name: 'a token not valid until beyond the clock tolerance',
    header: async (fake) => bearer(await fake.mintToken({}, { notBeforeSeconds: 400 })),
    message: /not valid yet/,
  },
  {
    name: 'a token issued in the future beyond the clock tolerance (iat), though nbf and exp pass',
    header: async (fake) => bearer(await fake.mintToken({ iat: Math.floor(Date.now() / 1000) + 3600 })),
    message: /not valid yet/,
  },
  {
    name: 'a token without an issue time (iat)',
    header: async (fake) => bearer(await fake.mintToken({ iat: undefined })),
    message: /no valid issue time/,
  },
  {
    name: 'a token issued longer ago than any Entra token lives (28 hours)',
    header: async (fake) => bearer(await fake.mintToken({ iat: Math.floor(Date.now() / 1000) - 29 * 3600 })),
    message: /expired/,
  },
  {
    name: 'a token without exp',
    header: async (fake) => bearer(await fake.mintToken({ exp: undefined })),
    message: /expiry/,
  },
  {
    name: 'a token for another audience',
    header: async (fake) => bearer(await fake.mintToken({ aud: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' })),
    message: /another application/,
  },
  {
    name: 'the app id URI as audience when only the client id is configured',
    header: async (fake) => bearer(await fake.mintToken({ aud: FAKE_APP_ID_URI })),
    message: /another application/,
  },
  {
    name: 'a token from a different issuer',
    header: async (fake) =>
      bearer(await fake.mintToken({ iss: `https://evil.example/${FAKE_TENANT_ID}/v2.0` })),
    message: /not issued by this tenant/,
  },
  {
    name: 'a token whose tid differs from its issuer’s tenant',
    header: async (fake) =>
      bearer(await fake.mintToken({ tid: OTHER_TENANT_ID, iss: fake.issuerFor(FAKE_TENANT_ID) })),
    message: /not issued by this tenant/,
  },
  {
    name: 'a v1.0 token (sts.windows.net issuer), naming the setting to change',
    header: async (fake) =>
      bearer(await fake.mintToken({ iss: `https://sts.windows.net/${FAKE_TENANT_ID}/`, ver: '1.0' })),
    message: /accessTokenAcceptedVersion/,
  },
  {
    name: 'a token without scp (an app-only token)',
    header: async (fake) =>
      bearer(await fake.mintToken({ scp: undefined, roles: ['Charter.ReadWrite.All'] })),
    message: /access_as_user/,
  },
  {
    name: 'a token with another scope only',
    header: async (fake) => bearer(await fake.mintToken({ scp: 'User.Read access_as_user_extra' })),
    message: /access_as_user/,
  },
  {
    name: 'a token without oid',
    header: async (fake) => bearer(await fake.mintToken({ oid: undefined })),
    message: /oid/,
  },
  {
    name: 'a token without tid',
    header: async (fake) => bearer(await fake.mintToken({ tid: undefined })),
    message: /tenant id/,
  },
  {
    name: 'a tid that is not a GUID (no path injection into the metadata URL)',
    header: async (fake) => bearer(await fake.mintToken({ tid: '../../common' })),
    message: /tenant id/,
  },
  {
    name: 'a tenant Entra does not know',
    header: async (fake) => bearer(await fake.mintToken({ tid: UNKNOWN_TENANT_ID })),
    message: /does not know/,
  },
];

describe('refuses with UnauthenticatedError', () => {
  it.each(refused)('$name', async ({ header, message }) => {
    const authorization = await header(entra);

    const outcome = verifier.verify(authorization);

    await expect(outcome).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(outcome).rejects.toThrow(message);
  });

  it('never repeats the token in its message', async () => {
    const token = await entra.mintToken({}, { key: 'untrusted' });

    const error: unknown = await verifier.verify(bearer(token)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnauthenticatedError);
    const signature = token.split('.')[2] ?? '';
    expect((error as Error).message).not.toContain(signature);
    expect((error as Error).message).not.toContain(token.split('.')[1] ?? '');
  });
});

describe('the tenant metadata', () => {
  it('is fetched once per tenant and reused for later tokens', async () => {
    const fake = await startFakeEntra();
    try {
      const cached = createEntraTokenVerifier({
        authorityHost: fake.authorityHost,
        clientId: FAKE_CLIENT_ID,
      });
      await cached.verify(bearer(await fake.mintToken()));
      await cached.verify(bearer(await fake.mintToken()));
      await cached.verify(bearer(await fake.mintToken()));

      const metadataFetches = fake.requests.filter((path) => path.endsWith('/openid-configuration'));
      const keyFetches = fake.requests.filter((path) => path.endsWith('/keys'));
      expect(metadataFetches).toEqual([`/${FAKE_TENANT_ID}/v2.0/.well-known/openid-configuration`]);
      expect(keyFetches).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('when unreachable, fails with a retryable UpstreamError from entra', async () => {
    const gone = await startFakeEntra();
    const token = await gone.mintToken();
    await gone.close();
    const unreachable = createEntraTokenVerifier({
      authorityHost: gone.authorityHost,
      clientId: FAKE_CLIENT_ID,
    });

    const error: unknown = await unreachable.verify(bearer(token)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ service: 'entra', retryable: true });
  });

  it('answering 503 fails with a retryable UpstreamError, and the next request tries again', async () => {
    const fake = await startFakeEntra();
    try {
      const flaky = createEntraTokenVerifier({ authorityHost: fake.authorityHost, clientId: FAKE_CLIENT_ID });
      const token = await fake.mintToken();
      fake.failMetadataWith(503);

      await expect(flaky.verify(bearer(token))).rejects.toMatchObject({
        name: 'UpstreamError',
        service: 'entra',
        retryable: true,
      });

      fake.failMetadataWith(undefined);
      await expect(flaky.verify(bearer(token))).resolves.toMatchObject({ userId: FAKE_USER.oid });
    } finally {
      await fake.close();
    }
  });
});

describe('configuration', () => {
  it.each([
    ['a plain-http authority that is not loopback', 'http://login.microsoftonline.com', /https/],
    ['an authority with a path (it must be an origin)', 'https://login.microsoftonline.com/common', /origin/],
  ])('refuses %s', (_, authorityHost, problem) => {
    expect(() => createEntraTokenVerifier({ authorityHost, clientId: FAKE_CLIENT_ID })).toThrow(problem);
  });
});
