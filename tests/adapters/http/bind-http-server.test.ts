// The server binds before the app is wired: its port is known at once, and a request that comes meanwhile is
// answered 503 (starting), never left hanging, until the app serves.
import request from 'supertest';

import { bindHttpServer } from '../../../src/adapters/http/bind-http-server';

it('answers 503 with Retry-After until the app is served, then the app answers', async () => {
  const server = await bindHttpServer('127.0.0.1', 0);
  try {
    expect(server.port).toBeGreaterThan(0);
    const url = `http://127.0.0.1:${server.port}`;
    const starting = await request(url).get('/readyz').expect(503);
    expect(starting.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(starting.headers['retry-after']).toBe('1');
    expect(starting.body).toMatchObject({ status: 503, title: 'Starting' });

    server.serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ready');
    });
    expect((await request(url).get('/readyz').expect(200)).text).toBe('ready');
  } finally {
    await server.close();
  }
});

it('refuses a port that is taken, with the listen error', async () => {
  const first = await bindHttpServer('127.0.0.1', 0);
  try {
    await expect(bindHttpServer('127.0.0.1', first.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    await first.close();
  }
});
