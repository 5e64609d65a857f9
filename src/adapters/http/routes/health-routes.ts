import { Router } from 'express';

export interface ReadinessCheck {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

/** `GET /healthz` (the process answers) and `GET /readyz` (it can serve: database reachable, migrations applied). */
export function healthRoutes(readiness: () => Promise<ReadinessCheck>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const result = await readiness();
    res
      .status(result.ready ? 200 : 503)
      .json({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  });
  return router;
}
