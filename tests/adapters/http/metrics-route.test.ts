// GET /metrics on the whole app (main.ts's startApp): open in local mode (loopback only); outside it, a bearer
// METRICS_TOKEN or nothing at all (404).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import express from 'express';
import pino from 'pino';
import request from 'supertest';

import { metricsAccess, metricsRoutes } from '../../../src/adapters/http/routes/metrics-routes';
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics';
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { type Config, ConfigError, loadConfig } from '../../../src/config';
import { type RunningApp, startApp } from '../../../src/main';
import { parseExposition } from '../../support/exposition';
import { PRODUCTION_SETTINGS } from '../../support/production-settings';

const TOKEN = 'scrape-me-4f9a1c2e7b5d8a3f';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'team-charter-metrics-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function withApp(env: Record<string, string>, name: string, fn: (app: RunningApp) => Promise<void>) {
  const loaded = loadConfig({ ...env, DATA_DIR: path.join(dir, name) });
  const config: Config = { ...loaded, port: 0, host: '127.0.0.1' };
  const app = await startApp({ config, logger: pino({ level: 'silent' }) });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

it('serves the Prometheus text format openly in local mode, with the queue read from the database', async () => {
  await withApp({}, 'local', async (app) => {
    const res = await request(app.url).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    const m = parseExposition(res.text);
    expect(m.value('teamcharter_database_stats_up')).toBe(1);
    // The demo team's next check-in round is queued by the seed.
    const queued = m.sum('teamcharter_jobs', { kind: JOB_KINDS.checkinsRoundOpen });
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(m.types.get('teamcharter_throttled_total')).toBe('counter');
    expect(m.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });
}, 120_000); // a whole app start (PGlite, migrations, the demo seed) on a busy machine

it('requires the bearer METRICS_TOKEN outside local mode', async () => {
  await withApp({ ...PRODUCTION_SETTINGS, METRICS_TOKEN: TOKEN }, 'token', async (app) => {
    const none = await request(app.url).get('/metrics').expect(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(none.text).not.toContain('teamcharter_');
    await request(app.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
    await request(app.url)
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN.slice(0, -1)}`)
      .expect(401);
    await request(app.url).get('/metrics').set('Authorization', `Basic ${TOKEN}`).expect(401);
    await request(app.url).get('/metrics').set('Authorization', TOKEN).expect(401);
    const ok = await request(app.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(parseExposition(ok.text).value('teamcharter_database_stats_up')).toBe(1);
  });
}, 120_000);

it('answers 404 outside local mode when no METRICS_TOKEN is set, whatever the caller sends', async () => {
  const access = metricsAccess(false, loadConfig(PRODUCTION_SETTINGS).metricsToken);
  expect(access).toEqual({ kind: 'hidden' });
  const app = express().use(metricsRoutes(new PrometheusMetrics({ processMetrics: false }), access));
  await request(app).get('/metrics').expect(404);
  const res = await request(app)
    .get('/metrics')
    .set('Authorization', 'Bearer anything-at-all-123')
    .expect(404);
  expect(res.text).not.toContain('teamcharter_');
  // A configured token applies in local mode too; without one, local mode is open.
  expect(metricsAccess(true, TOKEN)).toEqual({ kind: 'token', token: TOKEN });
  expect(metricsAccess(true, undefined)).toEqual({ kind: 'open' });
});

it('refuses a METRICS_TOKEN that is short or has spaces, naming the setting', () => {
  for (const METRICS_TOKEN of ['too-short', 'has a space in it 1234567'])
    expect(() => loadConfig({ ...PRODUCTION_SETTINGS, METRICS_TOKEN })).toThrow(ConfigError);
  expect(() => loadConfig({ METRICS_TOKEN: 'too-short' })).toThrow(/METRICS_TOKEN must be at least 16/);
  expect(loadConfig({ ...PRODUCTION_SETTINGS, METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  expect(loadConfig({ ...PRODUCTION_SETTINGS, METRICS_TOKEN: ' ' }).metricsToken).toBeUndefined();
});
