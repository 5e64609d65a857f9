/**
 * Teams, Outlook and the Microsoft 365 app as the tab meets them, for end-to-end tests in Chromium. One https server
 * answers for Microsoft's host names (a host window: host-page.html) and for the tab's own host name (a proxy to the
 * app, which runs over plain http on loopback). Chromium is told to resolve those names to this server and to trust
 * its throwaway certificate; teams-js only talks to a parent at https on its list of Microsoft hosts, so the real
 * teams-js in the real tab build runs unchanged.
 *
 * The host answers teams-js as a Teams web client does: `initialize` (frame context, client type, runtime config),
 * `getContext` (the legacy context object), `authentication.getAuthToken` (what the test's token source says),
 * `authentication.authenticate` (opens the sign-in window), `settings.setSettings`/`getSettings`, and takes the
 * notifications (`registerHandler`, `settings.setValidityState`, `appInitialization.*`, `settings.save.success`).
 *
 * In a meeting (a session with `meeting`, framed as the meeting's `sidePanel` or `meetingStage`) the context carries
 * the meeting's and its chat's ids and no team, and the host answers teams-js's `meeting.*` calls for the stage
 * (the names and argument shapes teams-js 2.x posts, from its `public/meeting/meeting.ts`):
 * `meeting.getAppContentStageSharingCapabilities` → `[null, {doesAppHaveSharePermission}]`,
 * `meeting.shareAppContentToStage` `[appContentUrl, {sharingProtocol}]` → `[null, true]` or `[SdkError, null]`,
 * `meeting.getAppContentStageSharingState` → `[null, {isAppSharing}]` and `meeting.stopSharingAppContentToStage`.
 * What was shared is recorded; `openStage` opens it as the meeting's stage in another window.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { makeTestCertificate } from '../test-certificate';

export type HostName = 'Teams' | 'Outlook' | 'Office';
export type FrameContext = 'content' | 'settings' | 'sidePanel' | 'meetingStage';

/** Where each host runs (a name on teams-js's list of valid origins). */
const HOST_ORIGINS: Readonly<Record<HostName, string>> = {
  Teams: 'https://teams.microsoft.com',
  Outlook: 'https://outlook.office.com',
  Office: 'https://www.microsoft365.com',
};
/** The tab's public host name (`TAB_ENDPOINT`), served by the proxy in front of the app. */
const TAB_HOST = 'charter.contoso.example';
export const TAB_ORIGIN = `https://${TAB_HOST}`;

/** What teams-js asked the host, and from which window. */
export interface HostCall {
  from: 'frame' | 'signInWindow';
  func: string;
  args: unknown[];
}

/** `[true, token]` or `[false, reason]`, as the host answers `authentication.getAuthToken`. */
export type TokenAnswer = [true, string] | [false, string];

export interface HostSessionOptions {
  hostName: HostName;
  frameContext: FrameContext;
  /** The page the host frames, on TAB_ORIGIN. */
  src: string;
  /** The legacy context's fields for this page (team, channel, user, tenant, theme, …). */
  context: Record<string, unknown>;
  getAuthToken(): Promise<TokenAnswer>;
  /** The Teams meeting the page runs in (its side panel or stage); none for a channel or personal tab. */
  meeting?: HostMeeting;
}

export interface HostMeeting {
  /** The legacy context's `meetingId` and `chatId` (teams-js's `context.meeting.id` and `context.chat.id`). */
  id: string;
  chatId: string;
  /**
   * `doesAppHaveSharePermission`: whether the app may share to the stage here (its manifest has the `meetingStage`
   * context and the `MeetingStage.Write.Chat` permission). Without it a share is refused with PERMISSION_DENIED.
   */
  canShareToStage: boolean;
}

/** An error as teams-js hands it to a callback (`SdkError`); codes from its `ErrorCode`. */
interface SdkError {
  errorCode: number;
  message: string;
}
const PERMISSION_DENIED = 1000;
const INVALID_ARGUMENTS = 4000;
const NOT_SUPPORTED_IN_CURRENT_CONTEXT = 501;

export interface HostSession {
  readonly calls: HostCall[];
  /** The instance settings the configuration page saved (`settings.setSettings`), if any. */
  readonly settings: Record<string, unknown> | null;
  callsTo(func: string): HostCall[];
  /** Each `appContentUrl` shared to the meeting's stage (`meeting.shareAppContentToStage`), in order. */
  readonly sharedToStage: readonly string[];
  /** Opens the last page shared to the stage in `page`, as the meeting's stage (same meeting, same person). */
  openStage(page: Page): Promise<HostSession>;
  /** Raises a host event in the framed page (e.g. `themeChange`, `settings.save`). */
  send(func: string, args: unknown[]): Promise<void>;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number;
}

export interface TeamsHostServer {
  /** Chromium flags: resolve the host names to this server and trust its certificate (and no other bad one). */
  chromiumArgs: string[];
  /** Every request the tab's host name received, in order. */
  readonly proxied: readonly ProxiedRequest[];
  /** Opens a host window in `page` that frames `options.src`; resolves once the page is loaded. */
  open(page: Page, options: HostSessionOptions): Promise<HostSession>;
  close(): Promise<void>;
}

const HOST_PAGE = readFileSync(path.join(__dirname, 'host-page.html'), 'utf8');
const SESSION_PATH = /^\/_teams-host\/([0-9a-f-]{36})(\/answer)?$/;

interface SessionState extends HostSessionOptions {
  calls: HostCall[];
  settings: Record<string, unknown> | null;
  sharedToStage: string[];
  /** Whether the app's content is on the stage (shared and not stopped). */
  sharing: boolean;
}

export async function startTeamsHostServer(appUrl: string): Promise<TeamsHostServer> {
  const hostNames = Object.values(HOST_ORIGINS).map((origin) => new URL(origin).hostname);
  const certificate = makeTestCertificate([TAB_HOST, ...hostNames]);
  const sessions = new Map<string, SessionState>();
  const proxied: ProxiedRequest[] = [];

  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (hostName === TAB_HOST) return proxy(req, res);
    if (!hostNames.includes(hostName)) return void res.writeHead(421).end();
    const match = SESSION_PATH.exec(new URL(req.url ?? '/', 'https://x').pathname);
    const session = match?.[1] ? sessions.get(match[1]) : undefined;
    if (!match || !session) return void res.writeHead(404).end();
    if (!match[2] && req.method === 'GET') {
      const data = JSON.stringify({ id: match[1], src: session.src }).replace(/</g, '\\u003c');
      const html = HOST_PAGE.replace(
        '<body>',
        `<body>\n<script type="application/json" id="session">${data}</script>`,
      );
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (match[2] && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const call = JSON.parse(body) as HostCall & { origin: string };
        answer(session, call).then(
          (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
          (error: unknown) => res.writeHead(500).end(String(error)),
        );
      });
      return;
    }
    res.writeHead(405).end();
  });

  function proxy(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(req.url ?? '/', appUrl);
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0 };
    proxied.push(entry);
    const upstream = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, 'x-forwarded-proto': 'https' } },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      entry.status = 502;
      res.writeHead(502).end(String(error));
    });
    req.pipe(upstream);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const rules = [TAB_HOST, ...hostNames].map((name) => `MAP ${name} 127.0.0.1:${port}`);
  // teams-js asks a CDN for its origin list only when a parent is not on its built-in list: it must never get out.
  rules.push('MAP res.cdn.office.net ~NOTFOUND');

  return {
    chromiumArgs: [
      `--host-resolver-rules=${rules.join(', ')}`,
      `--ignore-certificate-errors-spki-list=${certificate.spkiHash}`,
    ],
    proxied,
    open,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };

  async function open(page: Page, options: HostSessionOptions): Promise<HostSession> {
    const id = randomUUID();
    const state: SessionState = { ...options, calls: [], settings: null, sharedToStage: [], sharing: false };
    sessions.set(id, state);
    await page.goto(`${HOST_ORIGINS[options.hostName]}/_teams-host/${id}`);
    return {
      calls: state.calls,
      get settings() {
        return state.settings;
      },
      callsTo: (func) => state.calls.filter((c) => c.func === func),
      sharedToStage: state.sharedToStage,
      openStage(stagePage) {
        const src = state.sharedToStage.at(-1);
        if (!src) throw new Error('Nothing was shared to the stage.');
        return open(stagePage, { ...options, frameContext: 'meetingStage', src });
      },
      async send(func, args) {
        await page.evaluate(([f, a]) => (globalThis as unknown as HostWindow).teamsHostSend(f, a), [
          func,
          args,
        ] as const);
      },
    };
  }
}

interface HostWindow {
  teamsHostSend(func: string, args: readonly unknown[]): void;
}

/** What the host page does with one message: `args` to answer it with, or a sign-in window to open; `{}` for none. */
type HostAnswer =
  { args: unknown[] } | { openSignInWindow: { url: string; width: number; height: number } } | object;

async function answer(session: SessionState, call: HostCall & { origin: string }): Promise<HostAnswer> {
  session.calls.push({ from: call.from, func: call.func, args: call.args });
  const frameContext = call.from === 'signInWindow' ? 'authentication' : session.frameContext;
  switch (call.func) {
    case 'initialize':
      return {
        args: [
          frameContext,
          'web',
          JSON.stringify(runtimeConfig(session.hostName, !!session.meeting)),
          '2.0.0',
        ],
      };
    case 'getContext':
      return {
        args: [
          {
            ...session.context,
            ...(session.meeting ? { meetingId: session.meeting.id, chatId: session.meeting.chatId } : {}),
            frameContext,
            hostName: session.hostName,
            hostClientType: 'web',
            locale: 'en-us',
          },
        ],
      };
    case 'authentication.getAuthToken':
      return { args: await session.getAuthToken() };
    case 'authentication.authenticate': {
      // Teams opens only pages on the app's valid domains.
      const [url, width, height] = call.args as [string, number | undefined, number | undefined];
      if (new URL(url).origin !== TAB_ORIGIN)
        return { args: [false, 'The URL is not in the app’s valid domains.'] };
      return { openSignInWindow: { url, width: width ?? 600, height: height ?? 535 } };
    }
    case 'settings.setSettings':
      session.settings = (call.args[0] ?? null) as Record<string, unknown> | null;
      return { args: [true] };
    case 'settings.getSettings':
      return { args: [session.settings ?? {}] };
    case 'meeting.getAppContentStageSharingCapabilities':
    case 'meeting.shareAppContentToStage':
    case 'meeting.getAppContentStageSharingState':
    case 'meeting.stopSharingAppContentToStage':
      return { args: meetingAnswer(session, call) };
    default:
      // Notifications (registerHandler, appInitialization.success, settings.setValidityState, …): no answer.
      return {};
  }
}

/** The stage calls' `[error, result]`, as Teams answers them in a meeting's side panel or stage. */
function meetingAnswer(session: SessionState, call: HostCall): [SdkError, null] | [null, unknown] {
  const { meeting } = session;
  if (!meeting || (session.frameContext !== 'sidePanel' && session.frameContext !== 'meetingStage'))
    return [{ errorCode: NOT_SUPPORTED_IN_CURRENT_CONTEXT, message: 'Not in a meeting.' }, null];
  switch (call.func) {
    case 'meeting.getAppContentStageSharingCapabilities':
      return [null, { doesAppHaveSharePermission: meeting.canShareToStage }];
    case 'meeting.getAppContentStageSharingState':
      return [null, { isAppSharing: session.sharing }];
    case 'meeting.stopSharingAppContentToStage':
      session.sharing = false;
      return [null, true];
    default: {
      const [url] = call.args;
      if (!meeting.canShareToStage)
        return [{ errorCode: PERMISSION_DENIED, message: 'The app may not share to the stage.' }, null];
      // Teams shares only pages on the app's valid domains.
      if (typeof url !== 'string' || !URL.canParse(url) || new URL(url).origin !== TAB_ORIGIN)
        return [
          { errorCode: INVALID_ARGUMENTS, message: 'The URL is not in the app’s valid domains.' },
          null,
        ];
      session.sharedToStage.push(url);
      session.sharing = true;
      return [null, true];
    }
  }
}

/**
 * The capabilities each host says it offers (runtime config v4). Channel tabs' configuration (`pages.config`) and
 * `teams` exist in Teams only; Outlook and the Microsoft 365 app run personal tabs with the common capabilities.
 */
function runtimeConfig(
  hostName: HostName,
  inMeeting: boolean,
): { apiVersion: number; supports: Record<string, unknown> } {
  const common = {
    app: {},
    appInstallDialog: {},
    authentication: {},
    dialog: { url: {} },
    pages: { appButton: {} },
  };
  if (hostName === 'Teams')
    return {
      apiVersion: 4,
      supports: {
        ...common,
        pages: { appButton: {}, config: {}, tabs: {}, backStack: {} },
        teams: { fullTrust: {} },
        ...(inMeeting ? { meeting: {} } : {}),
      },
    };
  return { apiVersion: 4, supports: { ...common, mail: {}, calendar: {} } };
}
