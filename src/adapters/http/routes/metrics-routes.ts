import { createHash, timingSafeEqual } from 'node:crypto';

import { Router } from 'express';

import { httpProblem, sendProblem } from '../problem-details';

/** The Prometheus exposition (`PrometheusMetrics`). */
export interface MetricsExposition {
  readonly contentType: string;
  render(): Promise<string>;
}

/**
 * Who may scrape: `open` (local mode, which listens on loopback only), `token` (a bearer token, compared in constant
 * time), or `hidden` (production without `METRICS_TOKEN`: the route answers 404, as if it did not exist).
 */
export type MetricsAccess = { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'hidden' };

/** The access `/metrics` gets: a configured token always applies; without one, open in local mode only. */
export function metricsAccess(local: boolean, token: string | undefined): MetricsAccess {
  if (token) return { kind: 'token', token };
  return local ? { kind: 'open' } : { kind: 'hidden' };
}

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoutes(exposition: MetricsExposition, access: MetricsAccess): Router {
  const router = Router();
  const expected = access.kind === 'token' ? digest(access.token) : null;
  router.get('/metrics', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (access.kind === 'hidden')
      return sendProblem(res, httpProblem(404, 'Not found', 'There is no GET /metrics.'));
    if (expected) {
      const match = /^Bearer ([\x21-\x7e]+)$/.exec(req.headers.authorization ?? '');
      // Both sides hashed to the same length first: timingSafeEqual leaks neither the token nor its length.
      if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        return sendProblem(
          res,
          httpProblem(401, 'Sign-in needed', 'Send Authorization: Bearer <METRICS_TOKEN>.'),
        );
      }
    }
    const body = await exposition.render();
    res.type(exposition.contentType).send(body);
  });
  return router;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
