/**
 * The Graph sandbox over HTTP: an express router (mounted in-process at `/sandbox/graph` in local mode) and a
 * standalone server (tests, benchmarks). Paths below the mount:
 * - `POST /{tenant}/oauth2/v2.0/token` — client credentials (msal-node finds it through `authorityMetadata`);
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration` — the metadata to hand msal;
 * - `/v1.0/…` — Graph;
 * - `GET /_calendar[?tz=…]` (HTML) and `GET /_calendar.json` — what was booked, for a person to look at (in local mode
 *   the HTML links each team's review meeting to its meeting page).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express, { type Request, type Response, Router } from 'express';

import { calendarSnapshot, type MeetingPageLink, renderCalendarPage } from './calendar-page';
import { GraphSandbox, type GraphSandboxOptions } from './graph-sandbox';

export interface GraphSandboxRouterOptions {
  /** Local mode: the meeting page of each team's review meeting, for the calendar page to link to (by event id). */
  meetingPages?: () => Promise<ReadonlyMap<string, MeetingPageLink>>;
}

export function graphSandboxRouter(sandbox: GraphSandbox, options: GraphSandboxRouterOptions = {}): Router {
  const router = Router();
  router.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false }), tokenHandler(sandbox));
  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    res.json(
      openIdConfiguration(
        `${req.protocol}://${req.get('host') ?? ''}${req.baseUrl}`,
        String(req.params.tenant),
      ),
    );
  });
  router.get('/_calendar.json', (_req, res) => {
    res.json(calendarSnapshot(sandbox));
  });
  // `?tz=Europe/Berlin` shows every time in that zone; without it, each event's own.
  router.get('/_calendar', async (req, res) => {
    const timeZone = typeof req.query.tz === 'string' ? req.query.tz.slice(0, 100) : undefined;
    const meetingPages = await options.meetingPages?.();
    res
      .type('html')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .send(renderCalendarPage(sandbox, { timeZone, meetingPages }));
  });
  router.use('/v1.0', express.json({ limit: '4mb' }), async (req: Request, res: Response) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const answer = await sandbox.handle({ method: req.method, url: req.url, headers, body: req.body });
    res.status(answer.status).set(answer.headers);
    if (answer.body === null) res.end();
    else res.send(JSON.stringify(answer.body));
  });
  return router;
}

/**
 * The token endpoint alone, for mounting at `/{tenant}/oauth2` on the app's root: msal-node rewrites the first path
 * segment of a metadata endpoint to the tenant, so the endpoint must start with it.
 */
export function graphSandboxTokenRouter(sandbox: GraphSandbox): Router {
  const router = Router();
  router.post('/v2.0/token', express.urlencoded({ extended: false }), tokenHandler(sandbox));
  return router;
}

function tokenHandler(sandbox: GraphSandbox) {
  return (req: Request, res: Response): void => {
    const answer = sandbox.issueToken((req.body ?? {}) as Record<string, string | undefined>);
    res.status(answer.status).set(answer.headers).send(JSON.stringify(answer.body));
  };
}

/** The OpenID metadata msal-node needs (`authorityMetadata`), pointing its token endpoint at this sandbox. */
function openIdConfiguration(base: string, tenant: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid', 'oid'],
    kerberos_endpoint: `${base}/${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export interface RunningGraphSandbox {
  sandbox: GraphSandbox;
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  /** `…/v1.0` */
  graphBaseUrl: string;
  tokenEndpoint(tenant: string): string;
  close(): Promise<void>;
}

/** Starts the sandbox on its own port (0 = any free port) on loopback. */
export async function startGraphSandbox(
  options: GraphSandboxOptions & { port?: number } = {},
): Promise<RunningGraphSandbox> {
  const sandbox = new GraphSandbox(options);
  const app = express();
  app.disable('x-powered-by');
  app.use(graphSandboxRouter(sandbox));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 1000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    sandbox,
    url,
    graphBaseUrl: `${url}/v1.0`,
    tokenEndpoint: (tenant) => `${url}/${tenant}/oauth2/v2.0/token`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
