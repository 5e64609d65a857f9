/**
 * Oversized and malformed JSON on every write route of the tab's API (and on `/api/messages`), from a valid editor:
 * each is answered 4xx with problem+json — never 500 — and nothing changes.
 */
import request from 'supertest';

import { API_ROUTES } from './support/api-routes';
import { ADA, type SecureApp, useSecureApp } from './support/secure-app';
import { Tally } from './support/tally';

let s: SecureApp;
const tally = new Tally('malformed and oversized bodies');

useSecureApp(tally, (app) => (s = app));

const bodyRoutes = API_ROUTES.filter((r) => r.method !== 'get');

/**
 * [name, raw body, content type, parser]: `parser` cases are refused by every route, even one that reads no body
 * (sync, accept, drop); the rest are well-formed JSON that only a route reading the body must refuse.
 */
const bodies = (): [string, string, string, boolean?][] => {
  const json = 'application/json';
  return [
    ['oversized (70 KB)', JSON.stringify({ content: { purpose: 'x'.repeat(70_000) } }), json, true],
    ['truncated JSON', '{"content": {"purpose": "half', json, true],
    ['not JSON at all', 'purpose=hello', json, true],
    ['JSON sent as text/plain', '{"durationMinutes": 30}', 'text/plain', true],
    ['JSON sent as a form', '{"durationMinutes": 30}', 'application/x-www-form-urlencoded', true],
    ['__proto__ key', '{"__proto__": {"isEditor": true}, "durationMinutes": 30}', json, true],
    [
      'nested __proto__ key',
      '{"content": {"__proto__": {"polluted": 1}}, "outcomes": [{"__proto__": {}}]}',
      json,
      true,
    ],
    [
      'constructor.prototype key',
      '{"constructor": {"prototype": {"polluted": 1}}, "durationMinutes": 30}',
      json,
      true,
    ],
    ['deeply nested (10,000 levels)', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, json],
    ['numbers as strings', '{"baseVersion": "2", "durationMinutes": "30", "content": {"timeZone": 5}}', json],
    [
      'NUL bytes',
      '{"durationMinutes": 30, "content": {"purpose": "a\\u0000b"}, "baseVersion": "\\u0000", "organizerId": "\\u0000"}',
      json,
    ],
    [
      'lone surrogate',
      '{"content": {"purpose": "\\ud800"}, "durationMinutes": 30, "organizerId": "\\udfff"}',
      json,
    ],
    ['a bare array', '[1, 2, 3]', json],
    ['null', 'null', json],
    ['UTF-16 declared charset', '{"durationMinutes": 30}', 'application/json; charset=utf-16', true],
  ];
};

it('answers every malformed body on every write route with 4xx problem+json and changes nothing', async () => {
  const before = await s.fingerprint();
  const failures: string[] = [];
  for (const route of bodyRoutes)
    for (const [name, raw, type, parser] of bodies()) {
      if (!route.prepare && !parser) continue;
      const prepared = (await route.prepare?.(s.teamA, s.charterDeps.charters)) ?? {};
      const res = await request(s.app)
        [route.method](route.path(s.teamA))
        .set({ ...prepared.headers, Authorization: `Bearer ${await s.entra.mintToken({ oid: ADA })}` })
        .set('Content-Type', type)
        .send(raw);
      const ok =
        res.status >= 400 &&
        res.status < 500 &&
        /^application\/problem\+json/.test(res.headers['content-type'] ?? '');
      tally.record('tab API write routes', ok ? 'refused' : 'failed');
      if (!ok) failures.push(`${route.name} · ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  expect(failures).toEqual([]);
  expect(await s.fingerprint()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isEditor).toBeUndefined();
});

it('answers malformed bodies on /api/messages with 4xx and changes nothing', async () => {
  const before = await s.fingerprint();
  const failures: string[] = [];
  for (const [name, raw, type] of bodies()) {
    if (name === 'oversized (70 KB)') continue; // the bot's limit is 1 MB: Teams activities can be large
    const res = await request(s.app).post('/api/messages').set('Content-Type', type).send(raw);
    const ok = res.status >= 400 && res.status < 500;
    tally.record('/api/messages', ok ? 'refused' : 'failed');
    if (!ok) failures.push(`${name}: ${res.status} ${res.text}`);
  }
  expect(failures).toEqual([]);
  expect(await s.fingerprint()).toBe(before);
});
