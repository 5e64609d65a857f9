import { createServer, type RequestListener, type ServerResponse } from 'node:http';

export interface BoundHttpServer {
  /** The port bound (the one asked for, or the one the system chose for port 0). */
  port: number;
  /** From now on the app answers; until then every request gets 503 (starting) with `Retry-After`. */
  serve(app: RequestListener): void;
  /** Stops listening and waits for the requests in flight (idle keep-alive connections are closed). */
  close(): Promise<void>;
}

/**
 * Binds the HTTP server before the app exists, so the port — and every URL built from it (the sandboxes', the bot
 * endpoint) — is known while the adapters are built. Probes that come meanwhile get 503, as for a database that is
 * not ready, and try again.
 */
export async function bindHttpServer(host: string, port: number): Promise<BoundHttpServer> {
  let app: RequestListener = answerStarting;
  const server = createServer((req, res) => app(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    serve(next) {
      app = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

function answerStarting(_req: unknown, res: ServerResponse): void {
  res.writeHead(503, {
    'Content-Type': 'application/problem+json',
    'Retry-After': '1',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(
    JSON.stringify({
      type: 'about:blank',
      title: 'Starting',
      status: 503,
      detail: 'Team Charter is starting; try again in a moment.',
    }),
  );
}
