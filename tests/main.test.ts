import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pino from 'pino';
import request from 'supertest';

import { DEMO_MEMBERS, DEMO_TEAM } from '../src/app/teams/demo-teams';
import { type Config, loadConfig } from '../src/config';
import { startApp } from '../src/main';
import { charterEtagAt } from './support/charter-etag';

const ADELE = DEMO_MEMBERS[0]?.aadObjectId ?? '';
const charterUrl = `/api/teams/${DEMO_TEAM.teamId}/charter`;

async function eventually<T>(what: string, attempt: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('startApp in local mode', () => {
  let dir: string;
  let config: Config;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'team-charter-main-'));
    config = { ...loadConfig({ DATA_DIR: path.join(dir, 'data') }), port: 0 };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('listens on loopback only, seeds the demo team once, and keeps data across restarts', async () => {
    expect(config.host).toBe('127.0.0.1');
    const logger = pino({ level: 'silent' });

    const first = await startApp({ config, logger });
    try {
      await request(first.url).get('/readyz').expect(200);
      const res = await request(first.url).get(charterUrl).set('X-Local-User', ADELE).expect(200);
      await request(first.url)
        .put(charterUrl)
        .set('X-Local-User', ADELE)
        .set('If-Match', res.headers.etag as string)
        .send({ content: { ...res.body.content, purpose: 'Kept across restarts.' } })
        .expect(200);
    } finally {
      await first.close();
    }

    const second = await startApp({ config, logger });
    try {
      const res = await request(second.url).get(charterUrl).set('X-Local-User', ADELE).expect(200);
      expect(res.body.content.purpose).toBe('Kept across restarts.');
      expect(res.headers.etag).toEqual(charterEtagAt(3)); // two seeded versions + ours; no second seed
      const versions = await request(second.url)
        .get(`${charterUrl}/versions`)
        .set('X-Local-User', ADELE)
        .expect(200);
      expect(versions.body.versions).toHaveLength(3);
    } finally {
      await second.close();
    }
  }, 180_000);

  it('on a port the system picks, books the demo review on its own Graph sandbox and sends the cards to its own Bot Connector sandbox', async () => {
    const app = await startApp({
      config: { ...loadConfig({ DATA_DIR: path.join(dir, 'port-0') }), port: 0 },
      logger: pino({ level: 'silent' }),
    });
    try {
      expect(app.url).not.toMatch(/:0$/);
      const series = await eventually('the review series to be booked', async () => {
        const res = await request(app.url)
          .get(`/api/teams/${DEMO_TEAM.teamId}/reviews`)
          .set('X-Local-User', ADELE)
          .expect(200);
        return res.body.series?.state === 'booked' ? res.body.series : null;
      });
      expect(series.joinUrl).toEqual(expect.any(String));
      const card = await eventually('the open round’s card in Adele’s chat', async () => {
        const res = await request(app.url).get(`/sandbox/connector/play/members/${ADELE}/card`);
        return res.status === 200 ? res.body : null;
      });
      expect(card).toBeTruthy();
    } finally {
      await app.close();
    }
  }, 180_000);
});
