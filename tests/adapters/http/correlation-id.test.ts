// Correlation ids: each HTTP request's id is echoed in X-Request-Id and rides on every log line written while it is
// served — pino-http's own lines and those the use cases write through the root logger; a caller's id is reused only
// when it is plain. Bot turns and job runs carry theirs the same way.
import express from 'express';
import request from 'supertest';

import { botAuthentication, botMount } from '../../../src/adapters/bot/create-bot';
import { localAuthenticate } from '../../../src/adapters/http/authenticate';
import { createHttpApp } from '../../../src/adapters/http/create-http-app';
import { createLogger } from '../../../src/adapters/logging/log-context';
import { JobWorker } from '../../../src/adapters/scheduler/job-worker';
import { PostgresJobQueue } from '../../../src/adapters/storage/postgres-job-queue';
import type { Log } from '../../../src/app/common-ports';
import { DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { sandboxTeam, startBotHarness } from '../../support/bot-harness';
import { nth } from '../../support/nth';
import { createTestApp, type TestApp } from '../../support/test-app';
import { openTestDatabase } from '../../support/test-database';

type Line = Record<string, unknown> & { msg?: string };

function capture(): { lines: Line[]; log: ReturnType<typeof createLogger> } {
  const lines: Line[] = [];
  const log = createLogger('debug', { write: (chunk: string) => void lines.push(JSON.parse(chunk) as Line) });
  return { lines, log };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('HTTP requests', () => {
  let t: TestApp;
  let lines: Line[];
  let app: express.Express;
  beforeAll(async () => {
    t = await createTestApp();
    const captured = capture();
    lines = captured.lines;
    // What a use case does: it logs through the root logger it was given at start-up, not through req.log.
    const useCaseLog: Log = captured.log;
    app = createHttpApp({
      logger: captured.log,
      authenticate: localAuthenticate(DEMO_TEAM.tenantId),
      charters: t.deps,
      installs: t.deps.installs,
      readiness: async () => ({ ready: true, checks: {} }),
      mounts: [
        (a) =>
          a.get('/probe', async (req, res) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            useCaseLog.info({ step: 'after-await' }, 'probe.used');
            req.log.info({}, 'probe.req-log');
            res.json({ ok: true });
          }),
      ],
    });
  }, 60_000);
  afterAll(() => t.close());
  beforeEach(() => lines.splice(0));

  it('reuses a plain X-Correlation-Id, echoes it, and puts it on every line of the request', async () => {
    const res = await request(app).get('/probe').set('X-Correlation-Id', 'corr-7f3a.1_b').expect(200);
    expect(res.headers['x-request-id']).toBe('corr-7f3a.1_b');
    const used = lines.find((l) => l.msg === 'probe.used');
    expect(used).toMatchObject({ reqId: 'corr-7f3a.1_b', step: 'after-await' });
    expect(lines.find((l) => l.msg === 'probe.req-log')).toMatchObject({ reqId: 'corr-7f3a.1_b' });
    const completed = lines.find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({ reqId: 'corr-7f3a.1_b', req: { id: 'corr-7f3a.1_b' } });
    // One line's own fields stay on that line (they are not added to the request's correlation fields).
    expect(lines.filter((l) => 'step' in l).map((l) => l.msg)).toEqual(['probe.used']);
  });

  it('prefers X-Request-Id and replaces an unsafe or missing id with a fresh UUID', async () => {
    const both = await request(app)
      .get('/probe')
      .set('X-Request-Id', 'req-1')
      .set('X-Correlation-Id', 'corr-2');
    expect(both.headers['x-request-id']).toBe('req-1');
    for (const hostile of ['<script>alert(1)</script>', 'a'.repeat(65), 'id with spaces', 'ok;drop']) {
      const res = await request(app)
        .get('/probe')
        .set('X-Request-Id', hostile)
        .set('X-Correlation-Id', hostile);
      expect(res.headers['x-request-id']).toMatch(UUID);
      // (pino-http records the request's headers, JSON-escaped; the id is never the hostile value.)
      expect(
        lines.filter((l) => l.reqId === hostile || (l.req as { id?: unknown } | undefined)?.id === hostile),
      ).toEqual([]);
    }
    const a = await request(app).get('/probe');
    const b = await request(app).get('/probe');
    expect(a.headers['x-request-id']).toMatch(UUID);
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
  });

  it('keeps concurrent requests’ ids apart', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => request(app).get('/probe').set('X-Request-Id', `parallel-${i}`)),
    );
    const used = lines.filter((l) => l.msg === 'probe.used').map((l) => l.reqId);
    expect(used.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `parallel-${i}`).sort());
  });
});

it('logs a bot turn with its activity id and a hash of its conversation, never the id or the member’s text', async () => {
  const db = await openTestDatabase();
  const h = await startBotHarness(db, { sandbox: { enforceLimits: false } });
  const { lines, log } = capture();
  const bot = express();
  botMount(botAuthentication(null), { ...h.deps, log }, log)(bot);
  const server = bot.listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    h.sandbox.botEndpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/messages`;
    const team = sandboxTeam(2);
    await h.installTeam(team);
    const member = nth(team.members, 1);
    const reply = await h.sandbox.memberMessage({
      teamsTeamId: team.teamsTeamId,
      aadObjectId: member.aadObjectId,
      text: 'pause 2 weeks because of my private reasons',
    });
    expect(reply.status).toBe(200);
    const turns = lines.filter((l) => l.msg === 'bot.turn');
    const message = turns.find((l) => l.activityType === 'message');
    expect(message).toMatchObject({ status: 200, conversation: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(typeof message?.activityId).toBe('string');
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('private reasons');
    expect(everything).not.toContain(h.sandbox.personalConversationId(member.id));
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
    await db.dispose();
  }
});

it('logs every line of a job run with the job’s id and kind', async () => {
  const db = await openTestDatabase();
  try {
    const { lines, log } = capture();
    const queue = new PostgresJobQueue<string>(db);
    let done: () => void = () => undefined;
    const ran = new Promise<void>((resolve) => (done = resolve));
    const worker = new JobWorker(
      {
        queue,
        clock: { now: () => new Date() },
        log,
        handlers: {
          'test.logged': async () => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            log.info({}, 'test.handler.step');
            done();
          },
        },
        workerId: 'w',
        leaseMs: 10_000,
      },
      { idleMs: 60_000, batch: 1 },
    );
    const { id } = await queue.enqueue({
      scope: { tenantId: 't', teamId: 'team' },
      kind: 'test.logged',
      key: 'one',
      runAt: new Date(),
      payload: {},
    });
    worker.start();
    await ran;
    await worker.stop();
    expect(lines.find((l) => l.msg === 'test.handler.step')).toMatchObject({
      jobId: id,
      jobKind: 'test.logged',
    });
  } finally {
    await db.dispose();
  }
});
