/**
 * A tiny page with nothing but the real teams-js (the installed version's UMD bundle, global `microsoftTeams`), to
 * stand behind the Teams host's proxy in place of the app: a test frames `/teams-js.html` in a host window and calls
 * teams-js's own functions inside the frame, so what the host answers is checked against what teams-js sends and reads.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const TEAMS_JS = readFileSync(require.resolve('@microsoft/teams-js'), 'utf8');
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>teams-js</title>
<script src="/teams-js.js"></script></head><body><main><h1>teams-js</h1></main></body></html>`;

export interface TeamsJsPageServer {
  /** `http://127.0.0.1:<port>`: hand it to `startTeamsHostServer` as the app's address. */
  url: string;
  close(): Promise<void>;
}

export async function startTeamsJsPageServer(): Promise<TeamsJsPageServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/teams-js.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (path === '/teams-js.js')
      return void res.writeHead(200, { 'content-type': 'application/javascript' }).end(TEAMS_JS);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
