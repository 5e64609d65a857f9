import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { DEMO_MEMBERS, DEMO_TEAM } from '../src/app/teams/demo-teams';
import { loadConfig, type Config } from '../src/config';
import { startApp } from '../src/main';

const ADELE = DEMO_MEMBERS[0]?.aadObjectId ?? '';
const charterUrl = `/api/teams/${DEMO_TEAM.teamId}/charter`;

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

    const first = await startApp(config, logger);
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

    const second = await startApp(config, logger);
    try {
      const res = await request(second.url).get(charterUrl).set('X-Local-User', ADELE).expect(200);
      expect(res.body.content.purpose).toBe('Kept across restarts.');
      expect(res.headers.etag).toBe('"3"'); // two seeded versions + ours; no second seed
      const versions = await request(second.url)
        .get(`${charterUrl}/versions`)
        .set('X-Local-User', ADELE)
        .expect(200);
      expect(versions.body.versions).toHaveLength(3);
    } finally {
      await second.close();
    }
  }, 180_000);
});
