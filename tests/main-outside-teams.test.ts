// startApp outside local mode: a browser that opens the app's address or the tab's by itself (no Teams around it, no
// bearer token) gets a page saying this is a Teams app, with the link that opens it in Teams (the app id from
// TEAMS_APP_ID), never a 404 or a problem document; the API still wants its bearer token.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pino from 'pino';
import request from 'supertest';

import { TAB_CSP } from '../src/adapters/http/tab-files';
import { loadConfig } from '../src/config';
import { type RunningApp, startApp } from '../src/main';
import { PRODUCTION_SETTINGS } from './support/production-settings';

const { TEAMS_APP_ID } = PRODUCTION_SETTINGS;

let dir: string;
let app: RunningApp;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'team-charter-outside-teams-'));
  const config = loadConfig({ ...PRODUCTION_SETTINGS, DATA_DIR: path.join(dir, 'data') });
  expect(config.mode.kind).toBe('production');
  app = await startApp({
    config: { ...config, port: 0, host: '127.0.0.1' },
    logger: pino({ level: 'silent' }),
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

it.each(['/', '/tab/'])(
  'answers a browser’s GET %s (Accept: text/html) with 200 and the page that opens the app in Teams',
  async (url) => {
    const res = await request(app.url)
      .get(url)
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .set('Sec-Fetch-Dest', 'document')
      .set('Sec-Fetch-Mode', 'navigate')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(TAB_CSP);
    expect(res.text).toContain('Team Charter is a Microsoft Teams app');
    expect(res.text).toContain(`href="https://teams.microsoft.com/l/app/${TEAMS_APP_ID}"`);
    expect(res.text).not.toMatch(/Sign-in required|problem\+json/);
  },
);

it('still refuses an API call without a bearer token (401 problem+json)', async () => {
  const res = await request(app.url).get('/api/me').set('Accept', 'text/html').expect(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
});

it('mounts no local meeting page, its script or the sandbox calendar that links to it', async () => {
  for (const path of [
    '/sandbox/meetings/AAMkSBX0123',
    '/sandbox/meetings/_/meeting-room.js',
    '/sandbox/graph/_calendar',
  ]) {
    const res = await request(app.url).get(path).set('Accept', 'text/html').expect(404);
    expect(res.text).not.toMatch(/review meeting|share-to-stage|Graph sandbox/);
  }
});
