// The sign-in window Teams opens when SSO needs consent or a fresh sign-in: /auth/start sends it to the configured
// Entra authority for the API's access_as_user scope with a fresh state (kept in an HttpOnly cookie), and /auth/end
// checks Entra's answer against that state and serves the page whose script tells Teams, under a CSP it runs under.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Express } from 'express';
import request from 'supertest';

import { localAuthenticate } from '../../../src/adapters/http/authenticate';
import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import {
  SIGN_IN_STATE_COOKIE,
  signInPages,
  type SignInPagesOptions,
} from '../../../src/adapters/http/sign-in-pages';
import { TAB_CSP } from '../../../src/adapters/http/tab-files';
import { createLogger } from '../../../src/adapters/logging/log-context';
import type { CharterDeps } from '../../../src/app/charters/charter-deps';
import type { InstallStore } from '../../../src/app/installs/install-ports';

const AUTHORITY = 'https://login.entra.test'; // AAD_APP_OAUTH_AUTHORITY_HOST: a sovereign cloud's, or a fake
const APP_TENANT = '7d3f6a52-1c9e-4b8a-9f3e-2a6c0d5e8b41';
const PERSON_TENANT = '0b8e2c7d-5a41-4f96-8d3b-c9e1f27a6d05';
const CLIENT_ID = '3c5d9e1f-8a2b-4c6d-9e0f-1a2b3c4d5e6f';
const APP_ID_URI = `api://charter.contoso.example/${CLIENT_ID}`;

// What Vite writes for src/tab/auth-end.html: one module script from /tab/assets, nothing inline.
const BUILT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Team Charter: signing in</title>' +
  '<script type="module" crossorigin src="/tab/assets/auth-end-1a2b3c.js"></script></head>' +
  '<body><main><p id="sign-in-status">Finishing sign-in…</p></main></body></html>';

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'auth-dist-'));
  writeFileSync(path.join(dist, 'auth-end.html'), BUILT_PAGE);
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

function options(overrides: Partial<SignInPagesOptions> = {}): SignInPagesOptions {
  return {
    authorityHost: AUTHORITY,
    tenantId: APP_TENANT,
    clientId: CLIENT_ID,
    appIdUri: APP_ID_URI,
    tabEndpoint: 'https://charter.contoso.example',
    distDir: dist,
    ...overrides,
  };
}

/** The pages in the app's HTTP stack, as the app mounts them in production (composition/teams-mode.ts). */
function appWith(overrides: Partial<SignInPagesOptions> = {}, logger = createLogger('silent')) {
  return createHttpApp({
    logger,
    authenticate: localAuthenticate(APP_TENANT),
    // Only /auth/* is requested here: the API's stores are never reached.
    charters: {} as CharterDeps,
    installs: {} as InstallStore,
    readiness: async () => ({ ready: true, checks: {} }),
    mounts: [signInPages(options(overrides))],
  });
}

/** The state cookie /auth/start set, as `name=value`, and its attributes. */
function stateCookieOf(res: request.Response): { pair: string; attributes: string[] } {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith(`${SIGN_IN_STATE_COOKIE}=`));
  if (!cookie) throw new Error(`no ${SIGN_IN_STATE_COOKIE} cookie in ${JSON.stringify(cookies)}`);
  const [pair = '', ...attributes] = cookie.split(';').map((p) => p.trim());
  return { pair, attributes };
}

/** The outcome data block in an /auth/end page. */
function outcomeIn(html: string): unknown {
  const block = /<script type="application\/json" id="sign-in-outcome">(.*?)<\/script>/.exec(html);
  if (!block) throw new Error(`no outcome in ${html}`);
  return JSON.parse(block[1] ?? '');
}

describe('/auth/start', () => {
  it('redirects to the configured authority’s authorize endpoint for access_as_user, with a state also kept in an HttpOnly cookie', async () => {
    const res = await request(appWith())
      .get('/auth/start')
      .query({ login_hint: 'adele@contoso.example', tenant: PERSON_TENANT, prompt: 'consent' })
      .expect(302);
    const location = new URL(res.headers.location ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(
      `${AUTHORITY}/${PERSON_TENANT}/oauth2/v2.0/authorize`,
    );
    const q = location.searchParams;
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe('https://charter.contoso.example/auth/end');
    expect(q.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining([`${APP_ID_URI}/access_as_user`, 'openid']),
    );
    expect(q.get('login_hint')).toBe('adele@contoso.example');
    expect(q.get('prompt')).toBe('consent');
    const state = q.get('state') ?? '';
    expect(state).toMatch(/^[\w-]{43,}$/); // 32 random bytes, base64url
    const cookie = stateCookieOf(res);
    expect(cookie.pair).toBe(`${SIGN_IN_STATE_COOKIE}=${state}`);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['Path=/auth', 'HttpOnly', 'SameSite=Lax', 'Secure', 'Max-Age=600']),
    );
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('uses the app’s own tenant when the tab names none, asks no consent prompt unless told, and never reuses a state', async () => {
    const app = appWith();
    const first = new URL((await request(app).get('/auth/start').expect(302)).headers.location ?? '');
    const second = new URL((await request(app).get('/auth/start').expect(302)).headers.location ?? '');
    expect(first.pathname).toBe(`/${APP_TENANT}/oauth2/v2.0/authorize`);
    expect(first.searchParams.get('prompt')).toBeNull();
    expect(first.searchParams.get('login_hint')).toBeNull();
    expect(first.searchParams.get('state')).not.toBe(second.searchParams.get('state'));
  });

  it('refuses a malformed tenant, login hint or prompt with every problem named, and starts nothing', async () => {
    const res = await request(appWith())
      .get('/auth/start')
      .query({ tenant: 'contoso', login_hint: 'two words', prompt: 'none' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'login_hint',
      'prompt',
      'tenant',
    ]);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('/auth/end', () => {
  async function start(app: Express): Promise<{ state: string; cookie: string }> {
    const res = await request(app).get('/auth/start').expect(302);
    return {
      state: new URL(res.headers.location ?? '').searchParams.get('state') ?? '',
      cookie: stateCookieOf(res).pair,
    };
  }

  it('answers Entra’s code for this window’s state with a page that tells Teams it worked, under a CSP that lets its script run', async () => {
    const app = appWith();
    const { state, cookie } = await start(app);
    const res = await request(app)
      .get('/auth/end')
      .query({ code: 'entra-code', state, session_state: 's' })
      .set('Cookie', cookie)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(outcomeIn(res.text)).toEqual({ ok: true });
    // The CSP lets the page run: its only executable script is a same-origin file, which script-src 'self' allows,
    // and teams-js may fetch its list of Teams' origins.
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toBe(TAB_CSP);
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toContain("connect-src 'self' https://res.cdn.office.net");
    const scripts = [...res.text.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.filter((attrs) => / src="\/tab\/assets\/[^"]+\.js"/.test(attrs))).toHaveLength(1);
    // everything else is a JSON data block, which never runs (so no 'unsafe-inline' is needed)
    expect(scripts.filter((attrs) => !/ src=/.test(attrs))).toEqual([
      ' type="application/json" id="sign-in-outcome"',
    ]);
    // the state is spent, the page is not cached, and the code does not leave in a Referer
    expect(stateCookieOf(res).attributes).toContain('Max-Age=0');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('fails an answer whose state is not this window’s, or that comes without the cookie, even with a code', async () => {
    const app = appWith();
    const { state, cookie } = await start(app);
    const forged = await request(app)
      .get('/auth/end')
      .query({ code: 'entra-code', state: `${state}x` })
      .set('Cookie', cookie)
      .expect(200);
    expect(outcomeIn(forged.text)).toEqual({ ok: false, reason: 'state_mismatch' });
    const cookieless = await request(app).get('/auth/end').query({ code: 'entra-code', state }).expect(200);
    expect(outcomeIn(cookieless.text)).toEqual({ ok: false, reason: 'state_mismatch' });
  });

  it('passes on Entra’s error with its AADSTS code, so the tab can tell a declined consent from an admin-only one', async () => {
    const app = appWith();
    const declined = await start(app);
    const res = await request(app)
      .get('/auth/end')
      .query({
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1',
        state: declined.state,
      })
      .set('Cookie', declined.cookie)
      .expect(200);
    expect(outcomeIn(res.text)).toEqual({ ok: false, reason: 'access_denied AADSTS65004' });

    const hostile = await start(app);
    const odd = await request(app)
      .get('/auth/end')
      .query({ error: '</script><script>alert(1)</script>', state: hostile.state })
      .set('Cookie', hostile.cookie)
      .expect(200);
    expect(outcomeIn(odd.text)).toEqual({ ok: false, reason: 'sign_in_failed' });
    expect(odd.text).not.toContain('alert(1)');
  });

  it('says the page is not built yet instead of serving nothing', async () => {
    rmSync(path.join(dist, 'auth-end.html'));
    const res = await request(appWith()).get('/auth/end').expect(503);
    expect(res.text).toContain('npm run build:tab');
  });

  it('is logged without Entra’s code', async () => {
    const lines: string[] = [];
    const app = appWith({}, createLogger('info', { write: (chunk: string) => void lines.push(chunk) }));
    await request(app).get('/auth/end').query({ code: 'secret-entra-code-4711', state: 'x' }).expect(200);
    const logged = lines.join('\n');
    expect(logged).toContain('auth.sign_in.finished');
    expect(logged).toContain('"url":"/auth/end"');
    expect(logged).not.toContain('secret-entra-code-4711');
  });
});
