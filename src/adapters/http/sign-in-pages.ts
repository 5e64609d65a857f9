/**
 * The sign-in window's two pages. When Teams cannot hand the tab its SSO token (the app not consented yet, or Entra
 * wanting a fresh sign-in), the tab opens a window with teams-js `authentication.authenticate()` at `/auth/start`
 * (src/tab/src/host/sign-in.ts), Microsoft's documented fallback:
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code
 *
 * - `GET /auth/start` sends the window to Entra's authorize endpoint (authorization code flow) for the API's
 *   `access_as_user` scope, with a fresh `state` that is also kept in an HttpOnly cookie.
 * - `GET /auth/end` is where Entra sends it back: the `state` is checked against the cookie, and the page (auth-end.html,
 *   built by Vite beside the tab) gets the outcome as a JSON data block; its script tells Teams, which closes the window
 *   and lets the tab ask for its SSO token again.
 *
 * The window is there for Entra's own prompts (consent, MFA), which cannot be shown inside Teams' frame. The code Entra
 * returns is never redeemed: the tab's token still comes only from `getAuthToken()`, so no token passes through this
 * window, and PKCE (which protects the redemption) would protect nothing here; `state` ties each answer to the window
 * that asked.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

import express, { type Express, type Request } from 'express';
import { z } from 'zod';

import { ValidationError } from '../../domain/errors';
import { problemFor, sendProblem } from './problem-details';
import { cachedPage, jsonDataBlock, TAB_CSP, TAB_DIST_DIR } from './tab-files';
import { zodProblems } from './zod-problems';

export interface SignInPagesOptions {
  /** Entra's authority host (`AAD_APP_OAUTH_AUTHORITY_HOST`), e.g. `https://login.microsoftonline.com`; a fake in tests. */
  authorityHost: string;
  /** The app registration's tenant (`AAD_APP_TENANT_ID`): used when the tab does not name the person's tenant. */
  tenantId: string;
  clientId: string;
  /** `api://<tab host>/<client id>`: the API the consent is for. */
  appIdUri: string;
  /** The tab's public base URL (`TAB_ENDPOINT`): Entra answers at `${tabEndpoint}/auth/end`, as registered. */
  tabEndpoint: string;
  /** Where Vite wrote auth-end.html; defaults to src/tab/dist. */
  distDir?: string;
}

/** The scope Teams SSO tokens are issued for (aad.manifest.json `oauth2Permissions`), with what Teams' SSO asks too. */
function signInScopes(appIdUri: string): string {
  return `${appIdUri}/access_as_user openid profile email offline_access`;
}

/** The cookie that carries `state` from /auth/start to /auth/end (same window, same site: `SameSite=Lax` suffices). */
export const SIGN_IN_STATE_COOKIE = 'teamCharter.signInState';
/** How long the person has at Entra before the state expires. */
const STATE_MAX_AGE_SECONDS = 600;
/** The id of the outcome's data block (read by src/tab/src/auth/sign-in-outcome.ts). */
const SIGN_IN_OUTCOME_ID = 'sign-in-outcome';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const StartQuery = z.object({
  login_hint: z
    .string()
    .max(256)
    .regex(/^[^\s\p{Cc}]+$/u, 'login_hint must be a sign-in name without spaces.')
    .optional(),
  tenant: z.string().regex(GUID, 'tenant must be a tenant id (a GUID).').optional(),
  prompt: z.enum(['consent']).optional(),
});

export type SignInOutcome = { ok: true } | { ok: false; reason: string };

/** Mounts `/auth/start` and `/auth/end` (production only: in local mode nobody signs in). */
export function signInPages(options: SignInPagesOptions): (app: Express) => void {
  const distDir = options.distDir ?? TAB_DIST_DIR;
  const authority = new URL(options.authorityHost);
  const redirectUri = `${options.tabEndpoint.replace(/\/+$/, '')}/auth/end`;
  const secure = new URL(redirectUri).protocol === 'https:';
  const pageFile = path.join(distDir, 'auth-end.html');
  const page = cachedPage(pageFile);

  return (app) => {
    const router = express.Router();
    router.use((_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      // /auth/end carries Entra's code in its address: it must not travel on in a Referer.
      res.setHeader('Referrer-Policy', 'no-referrer');
      next();
    });

    router.get('/start', (req, res) => {
      const parsed = StartQuery.safeParse(firstValues(req.query));
      if (!parsed.success)
        return sendProblem(res, problemFor(new ValidationError(zodProblems(parsed.error))));
      const { login_hint: loginHint, tenant, prompt } = parsed.data;
      const state = randomBytes(32).toString('base64url');
      const authorize = new URL(`/${tenant ?? options.tenantId}/oauth2/v2.0/authorize`, authority);
      authorize.search = new URLSearchParams({
        client_id: options.clientId,
        response_type: 'code',
        response_mode: 'query',
        redirect_uri: redirectUri,
        scope: signInScopes(options.appIdUri),
        state,
        ...(loginHint ? { login_hint: loginHint } : {}),
        ...(prompt ? { prompt } : {}),
      }).toString();
      res.setHeader('Set-Cookie', stateCookie(state, STATE_MAX_AGE_SECONDS, secure));
      res.redirect(302, authorize.href);
    });

    router.get('/end', (req, res) => {
      if (!existsSync(pageFile))
        return res
          .status(503)
          .type('text/plain')
          .send('The sign-in page is not built yet: run `npm run build:tab` (npm start does it for you).');
      const html = page();
      const outcome = outcomeOf(firstValues(req.query), cookie(req, SIGN_IN_STATE_COOKIE));
      // One answer per state: a reload or a second answer finds no state and fails.
      res.setHeader('Set-Cookie', stateCookie('', 0, secure));
      req.log.info(
        outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason },
        'auth.sign_in.finished',
      );
      const at = html.lastIndexOf('</body>');
      const end = at >= 0 ? at : html.length;
      res.setHeader('Content-Security-Policy', TAB_CSP);
      res
        .status(200)
        .type('html')
        .send(`${html.slice(0, end)}${jsonDataBlock(SIGN_IN_OUTCOME_ID, outcome)}${html.slice(end)}`);
    });

    app.use('/auth', router);
  };
}

/** What Entra's answer at /auth/end means, given the state this window was sent with. */
function outcomeOf(query: Record<string, string | undefined>, expectedState: string | null): SignInOutcome {
  if (!expectedState || !query.state || !sameText(query.state, expectedState))
    return { ok: false, reason: 'state_mismatch' };
  if (query.error) {
    // Entra's error code (RFC 6749: a short token) and, when its description names one, the AADSTS code, which
    // tells consent an admin must give (AADSTS90094) from consent the person declined (AADSTS65004).
    const error = /^[a-z_]{1,64}$/.test(query.error) ? query.error : 'sign_in_failed';
    const aadsts = /\bAADSTS\d{4,7}\b/.exec(query.error_description ?? '')?.[0];
    return { ok: false, reason: aadsts ? `${error} ${aadsts}` : error };
  }
  if (!query.code) return { ok: false, reason: 'no_code' };
  return { ok: true };
}

function stateCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SIGN_IN_STATE_COOKIE}=${value}`,
    'Path=/auth',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Each query parameter's first value as text (repeated or nested ones are not ours). */
function firstValues(query: Request['query']): Record<string, string | undefined> {
  const values = Object.create(null) as Record<string, string | undefined>;
  for (const [name, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    values[name] = typeof first === 'string' ? first : undefined;
  }
  return values;
}

function cookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
