import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

import type { CharterDeps } from '../../app/charters/charter-deps';
import type { InstallStore } from '../../app/installs/install-ports';
import { withLogFields } from '../logging/log-context';
import { type Authenticate, requireCaller } from './authenticate';
import { jsonBody, RESERVED_KEY_MESSAGE } from './json-body';
import { httpProblem, problemFor, sendProblem } from './problem-details';
import { charterRoutes } from './routes/charter-routes';
import { healthRoutes, type ReadinessCheck } from './routes/health-routes';
import { teamRoutes } from './routes/team-routes';

export interface HttpAppDeps {
  logger: Logger;
  authenticate: Authenticate;
  charters: CharterDeps;
  installs: InstallStore;
  readiness: () => Promise<ReadinessCheck>;
  /**
   * Feature routers that need the proven caller (check-ins, reviews, …), mounted under `/api` after authentication.
   * Each reads the caller with `callerOf(res)`.
   */
  apiRouters?: readonly express.Router[];
  /**
   * Routes under `/api` that are not the tab's API, mounted before it so its authentication and its 404 do not answer
   * them: the bot's `/api/messages` (botbuilder authenticates it), local mode's `/api/local/context`.
   */
  apiSiblings?: readonly ((app: express.Express) => void)[];
  /**
   * Everything else a feature serves outside `/api`: the tab's files, `/metrics`, the local sandboxes. Mounted after the
   * API, so an API request never walks them. Each receives the app and mounts its own paths.
   */
  mounts?: readonly ((app: express.Express) => void)[];
}

/** Probes and scrapes come every few seconds: their completion is not logged. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
/** The local sandboxes (the Bot Connector, Graph) and the Graph sandbox's token endpoint. */
const SANDBOX_PATH = /^\/(sandbox\/|[^/]+\/oauth2\/v2\.0\/token)/;
/** Paths whose query carries a credential (Entra's authorization code at /auth/end): logged without their query. */
const SECRET_QUERY_PATHS = new Set(['/auth/end']);

function withoutSecretQuery(req: { url?: string; query?: unknown }): unknown {
  const path = (req.url ?? '').split('?')[0] ?? '';
  return SECRET_QUERY_PATHS.has(path) ? { ...req, url: path, query: {} } : req;
}

/** An inbound correlation id is kept only if it is this plain (it ends up in headers and logs). */
const CORRELATION_ID = /^[\w.-]{1,64}$/;

/** The caller's correlation id (`X-Request-Id`, else `X-Correlation-Id`) when it is safe to reuse. */
function correlationIdOf(headers: IncomingHttpHeaders): string | undefined {
  for (const name of ['x-request-id', 'x-correlation-id']) {
    const value = headers[name];
    if (typeof value === 'string' && CORRELATION_ID.test(value)) return value;
  }
  return undefined;
}

/** JSON bodies above this are refused with 413: a charter is a few kilobytes. */
const BODY_LIMIT = '64kb';

/** The express app: health, the tab's API (authenticated), problem+json errors. */
export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = correlationIdOf(req.headers) ?? randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { req: withoutSecretQuery },
      autoLogging: { ignore: (req) => UNLOGGED_PATHS.has(req.url ?? '') },
      // Local mode's sandboxes answer the app's own calls to "Microsoft": their successes are debug detail.
      customLogLevel: (req, res, error) =>
        !error &&
        res.statusCode < 400 &&
        SANDBOX_PATH.test((req as { originalUrl?: string }).originalUrl ?? '')
          ? 'debug'
          : 'info',
    }),
  );
  // Every line logged while serving the request carries its id, the use cases' lines included (log-context.ts).
  app.use((req, _res, next) => withLogFields({ reqId: String(req.id) }, next));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  app.use(healthRoutes(deps.readiness));
  for (const mount of deps.apiSiblings ?? []) mount(app);

  const api = express.Router();
  const parseJson = jsonBody(BODY_LIMIT);
  api.use((req, res, next) => {
    // Per-caller data: never in the browser's or a proxy's cache, never shared between the members one browser plays.
    // The ETags are for If-Match, and for the tab's own cache, which revalidates with If-None-Match (conditional.ts).
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Authorization, X-Local-User');
    // A body we would not read is refused, not ignored. (An empty body, `Content-Length: 0`, is no body.)
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return next();
    if (!req.is('application/json'))
      return sendProblem(res, httpProblem(415, 'JSON needed', 'Send the body as application/json.'));
    parseJson(req, res, next);
  });
  api.use(requireCaller(deps.authenticate));
  api.use(teamRoutes(deps.charters));
  api.use('/teams/:teamId/charter', charterRoutes(deps.charters));
  for (const router of deps.apiRouters ?? []) api.use(router);
  api.use((req, res) => {
    sendProblem(res, httpProblem(404, 'Not found', `There is no ${req.method} ${req.baseUrl}${req.path}.`));
  });
  app.use('/api', api);
  for (const mount of deps.mounts ?? []) mount(app);

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const bodyError = bodyParserProblem(error);
    if (bodyError) return sendProblem(res, bodyError);
    const problem = problemFor(error);
    if (problem.status >= 500) req.log.error({ err: error }, 'http.request.failed');
    else req.log.info({ status: problem.status, reason: problem.title }, 'http.request.refused');
    sendProblem(res, problem);
  });
  return app;
}

/** body-parser's own errors (too large, not JSON) carry a `type`; answer them as the client's mistake. */
function bodyParserProblem(error: unknown) {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch ((error as { type: unknown }).type) {
    case 'entity.too.large':
      return httpProblem(413, 'Too large', `The body is larger than ${BODY_LIMIT}.`);
    case 'entity.parse.failed':
      return error instanceof Error && error.message.includes(RESERVED_KEY_MESSAGE)
        ? httpProblem(
            400,
            'Reserved key',
            'The body uses a reserved key (__proto__, constructor or prototype).',
          )
        : httpProblem(400, 'Not JSON', 'The body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return httpProblem(415, 'Unsupported encoding', 'Send the body as UTF-8 JSON.');
    default:
      return null;
  }
}
