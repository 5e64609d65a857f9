// Local mode at a terminal: one readable line per event (time, level, message; a request as "GET /api/me 200 8 ms"),
// without the process and host fields; and the local sandboxes' answers to the app's own calls kept to debug level.
import { Writable } from 'node:stream';

import express from 'express';
import pino from 'pino';
import request from 'supertest';

import { localAuthenticate } from '../../../src/adapters/http/authenticate';
import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import { createLogger } from '../../../src/adapters/logging/log-context';
import { terminalLog } from '../../../src/adapters/logging/terminal-log';
import { DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { createTestApp, type TestApp } from '../../support/test-app';

const noColor = process.env.NO_COLOR;
beforeAll(() => {
  process.env.NO_COLOR = '1';
});
afterAll(() => {
  if (noColor === undefined) delete process.env.NO_COLOR;
  else process.env.NO_COLOR = noColor;
});

/** What terminalLog() writes for `entries`, colours off, one string per line. */
async function printed(entries: Record<string, unknown>[]): Promise<string[]> {
  let out = '';
  const stream = terminalLog(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    }),
  );
  const log = pino({ level: 'debug' }, stream);
  for (const entry of entries) log.info(entry, String(entry.msg ?? 'request completed'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return out.trim().split('\n');
}

it('prints a request as one line: method, path, status and time, without pid, host or the raw req/res', async () => {
  const [line] = await printed([
    {
      req: { method: 'GET', url: '/api/me', headers: { host: 'x' } },
      res: { statusCode: 200 },
      responseTime: 8,
    },
  ]);
  expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/me 200 8 ms$/);
});

it('prints an event with its fields on the same line', async () => {
  const [line] = await printed([{ msg: 'install.roster.synced', members: 6 }]);
  expect(line).toMatch(/INFO: install\.roster\.synced \{"members":6\}$/);
  expect(line).not.toMatch(/pid|hostname/);
});

describe('request log levels', () => {
  let t: TestApp;
  const lines: { level: number; msg: string; req?: { url?: string } }[] = [];
  let app: express.Express;
  beforeAll(async () => {
    t = await createTestApp();
    const logger = createLogger('debug', { write: (chunk: string) => void lines.push(JSON.parse(chunk)) });
    app = createHttpApp({
      logger,
      authenticate: localAuthenticate(DEMO_TEAM.tenantId),
      charters: t.deps,
      installs: t.deps.installs,
      readiness: async () => ({ ready: true, checks: {} }),
      mounts: [
        (a) => {
          const sandbox = express.Router();
          sandbox.get('/v3/ok', (_req, res) => void res.json({ ok: true }));
          sandbox.get('/v3/broken', (_req, res) => void res.status(503).json({ error: 'down' }));
          a.use('/sandbox/connector', sandbox);
        },
      ],
    });
  }, 60_000);
  afterAll(() => t.close());

  it('logs a sandbox success at debug, a sandbox failure and the API at info', async () => {
    await request(app).get('/sandbox/connector/v3/ok').expect(200);
    await request(app).get('/sandbox/connector/v3/broken').expect(503);
    await request(app).get('/api/me').set('X-Local-User', 'a1f0e1d2-0001-4c3b-8a9f-000000000001').expect(200);
    const levelOf = (url: string) => lines.find((l) => l.req?.url === url && /request/.test(l.msg))?.level;
    expect(levelOf('/sandbox/connector/v3/ok')).toBe(20);
    expect(levelOf('/sandbox/connector/v3/broken')).toBe(30);
    expect(levelOf('/api/me')).toBe(30);
  });
});
