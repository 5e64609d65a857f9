/**
 * Outside local mode, the tab's API takes only a valid Teams SSO token of a member of the team: a table of bad
 * tokens, each sent to every route, is refused (401 for the token, 403 for a caller who is not a member) with
 * problem+json, without the team's data and without changing anything. Valid tokens (control) are served.
 */
import { FAKE_TENANT_ID, UNKNOWN_TENANT_ID } from '../support/fake-entra';
import { API_ROUTES, send } from './support/api-routes';
import { ADA, SECRET_A, type SecureApp, STRANGER, TENANT_U, useSecureApp } from './support/secure-app';
import { Tally } from './support/tally';

let s: SecureApp;
const tally = new Tally('tab API bearer tokens (cases × routes)');

useSecureApp(tally, (app) => (s = app));

type Headers = Record<string, string>;
const bearer = (token: string): Headers => ({ Authorization: `Bearer ${token}` });

/** [case, headers, status]: 401 not authenticated, 403 authenticated but not a member, 431 refused by Node. */
const cases: [string, () => Promise<Headers>, 401 | 403 | 431][] = [
  ['no Authorization header', () => Promise.resolve({}), 401],
  ['X-Local-User instead of a token', () => Promise.resolve({ 'X-Local-User': ADA }), 401],
  [
    'forged signature (trusted kid, another key)',
    async () => bearer(await s.entra.mintToken({}, { key: 'untrusted' })),
    401,
  ],
  ['alg none', async () => bearer(await s.entra.mintToken({}, { alg: 'none' })), 401],
  [
    'HS256 with the public key as secret',
    async () => bearer(await s.entra.mintToken({}, { alg: 'HS256' })),
    401,
  ],
  [
    'unknown kid',
    async () => bearer(await s.entra.mintToken({}, { key: 'untrusted', header: { kid: 'no-such-key' } })),
    401,
  ],
  ['no kid', async () => bearer(await s.entra.mintToken({}, { header: { kid: undefined } })), 401],
  [
    'expired beyond the 5 min skew',
    async () => bearer(await s.entra.mintToken({}, { expiresInSeconds: -400 })),
    401,
  ],
  [
    'not valid yet (nbf beyond skew)',
    async () => bearer(await s.entra.mintToken({}, { notBeforeSeconds: 600 })),
    401,
  ],
  [
    'issued in the future (iat beyond skew)',
    async () => bearer(await s.entra.mintToken({ iat: Math.floor(Date.now() / 1000) + 3600 })),
    401,
  ],
  ['no exp', async () => bearer(await s.entra.mintToken({ exp: undefined })), 401],
  [
    'wrong audience (Graph)',
    async () => bearer(await s.entra.mintToken({ aud: '00000003-0000-0000-c000-000000000000' })),
    401,
  ],
  ['wrong issuer', async () => bearer(await s.entra.mintToken({ iss: 'https://evil.example/v2.0' })), 401],
  [
    'issuer of another tenant than tid',
    async () => bearer(await s.entra.mintToken({ iss: s.entra.issuerFor(TENANT_U) })),
    401,
  ],
  [
    'v1.0 token (sts.windows.net issuer)',
    async () =>
      bearer(await s.entra.mintToken({ iss: `https://sts.windows.net/${FAKE_TENANT_ID}/`, ver: '1.0' })),
    401,
  ],
  [
    'tenant Entra does not know',
    async () => bearer(await s.entra.mintToken({ tid: UNKNOWN_TENANT_ID })),
    401,
  ],
  ['no scp', async () => bearer(await s.entra.mintToken({ scp: undefined })), 401],
  ['wrong scope', async () => bearer(await s.entra.mintToken({ scp: 'User.Read' })), 401],
  ['no oid', async () => bearer(await s.entra.mintToken({ oid: undefined })), 401],
  ['oid not a GUID', async () => bearer(await s.entra.mintToken({ oid: 'admin' })), 401],
  ['no tid', async () => bearer(await s.entra.mintToken({ tid: undefined })), 401],
  ['two parts', async () => bearer((await s.entra.mintToken()).split('.').slice(0, 2).join('.')), 401],
  ['bad base64', () => Promise.resolve(bearer('e30.%%%%.e30')), 401],
  ['garbage', () => Promise.resolve(bearer('not-a-jwt')), 401],
  ['long garbage token (12 KB)', () => Promise.resolve(bearer(`${'a'.repeat(12_000)}.b.c`)), 401],
  // Node refuses headers over 16 KB before the app sees them: 431, not problem+json.
  ['huge token (64 KB)', () => Promise.resolve(bearer(`${'a'.repeat(65_536)}.b.c`)), 431],
  ['empty Bearer', () => Promise.resolve({ Authorization: 'Bearer ' }), 401],
  ['Basic scheme', () => Promise.resolve({ Authorization: 'Basic YWRhOnNlY3JldA==' }), 401],
  ['token without a scheme', async () => ({ Authorization: await s.entra.mintToken() }), 401],
  ['two tokens in one header', async () => ({ Authorization: `Bearer ${await s.entra.mintToken()} x` }), 401],
  [
    'valid token of the same user id in another tenant',
    async () => bearer(await s.entra.mintToken({ tid: TENANT_U })),
    403,
  ],
  [
    'valid token of a non-member of the team',
    async () => bearer(await s.entra.mintToken({ oid: STRANGER })),
    403,
  ],
];

it(`refuses ${cases.length} kinds of bad token on all ${API_ROUTES.length} routes and changes nothing`, async () => {
  const before = await s.fingerprint();
  const failures: string[] = [];
  for (const [name, headersFor, status] of cases) {
    for (const route of API_ROUTES) {
      // A valid token of a user who is not a member still proves who they are: /api/me answers it (without team A).
      const expected = route.teamScoped || status === 431 ? status : status === 403 ? 200 : 401;
      const res = await send(s.app, route, s.teamA, s.charterDeps.charters, await headersFor());
      const leaked = JSON.stringify(res.body).includes(SECRET_A) || res.text?.includes(SECRET_A);
      const problem =
        expected === 200 ||
        expected === 431 ||
        /^application\/problem\+json/.test(res.headers['content-type'] ?? '');
      const mine = expected === 200 ? !JSON.stringify(res.body).includes(s.teamA.scope.teamId) : true;
      if (res.status === expected && !leaked && problem && mine) tally.record('bearer token', 'refused');
      else {
        tally.record('bearer token', 'failed');
        failures.push(`${name} · ${route.name}: ${res.status} ${leaked ? '(leaked team A data)' : ''}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(await s.fingerprint()).toBe(before);
});

it('serves a member with a valid token on every route, including with the scheme in lower case (RFC 7235)', async () => {
  const failures: string[] = [];
  for (const [i, route] of API_ROUTES.entries()) {
    const token = await s.entra.mintToken({ oid: ADA });
    const scheme = i % 2 === 0 ? 'Bearer' : 'bearer';
    const res = await send(s.app, route, s.teamA, s.charterDeps.charters, {
      Authorization: `${scheme} ${token}`,
    });
    if (res.status === route.okStatus) tally.record('bearer token (control)', 'accepted');
    else {
      tally.record('bearer token (control)', 'failed');
      failures.push(`${route.name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  expect(failures).toEqual([]);
});
