/**
 * A Teams host for the real @microsoft/teams-js under jsdom. teams-js talks to a host over `window.nativeInterface`
 * when the page has neither a parent frame nor an opener (the Teams mobile clients' webview): it posts each request as
 * JSON to `framelessPostMessage` and takes the host's answers at `window.onNativeMessage`. This fake answers like a
 * Teams client (the protocol: `{id, uuidAsString, func, args}` in, `{id, uuidAsString, args}` back), so the tab's own
 * code and teams-js run unchanged; only what lies beyond the host (Entra, the consent window) is scripted.
 */

/** One request teams-js sent to the host. */
export interface HostCall {
  func: string;
  args: unknown[];
}

/** What the host answers a request with: the answer's `args` (e.g. `[true, token]` or `[false, reason]`). */
type Answer = unknown[] | Promise<unknown[]>;

interface NativeWindow {
  nativeInterface?: { framelessPostMessage(message: string): void };
  onNativeMessage?: (event: { data: unknown }) => void;
}

const TEAM_GROUP_ID = '8e6f1d2c-3b4a-4c5d-9e8f-1a2b3c4d5e6f';
export const TENANT_ID = '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b';
export const LOGIN_HINT = 'adele@contoso.example';

export class FakeTeamsHost {
  readonly calls: HostCall[] = [];
  /**
   * The frame the page is in: `content` for a tab, `authentication` for the sign-in window, `sidePanel` and
   * `meetingStage` in a meeting.
   */
  frameContext: 'content' | 'authentication' | 'sidePanel' | 'meetingStage' = 'content';
  /** Answers the `meeting.*` calls (side panel and stage only), by name; unanswered ones get no answer. */
  meeting: Record<string, (args: unknown[]) => Answer> = {};
  /** Answers `authentication.getAuthToken`; the default signs in as `token-adele`. */
  getAuthToken: () => Answer = () => [true, 'token-adele'];
  /** Answers `authentication.authenticate` (Teams opens the window at `url`; the test plays what happens there). */
  authenticate: (url: string, width: unknown, height: unknown) => Answer = () => [false, 'CancelledByUser'];

  /** Installs the host on `window`. teams-js keeps its connection for the whole test file: install once. */
  install(win: Window = window): this {
    const native = win as unknown as NativeWindow;
    native.nativeInterface = { framelessPostMessage: (message) => this.receive(win, message) };
    return this;
  }

  /** The requests sent for `func`, oldest first. */
  callsTo(func: string): HostCall[] {
    return this.calls.filter((c) => c.func === func);
  }

  private receive(win: Window, message: string): void {
    const request = JSON.parse(message) as {
      id: number;
      uuidAsString?: string;
      func: string;
      args?: unknown[];
    };
    const args = request.args ?? [];
    this.calls.push({ func: request.func, args });
    const answer = this.answer(request.func, args);
    if (!answer) return; // a notification (e.g. appInitialization.success): Teams does not answer those
    // Asynchronously, as a real host's answer arrives.
    void Promise.resolve(answer).then((answerArgs) =>
      setTimeout(() =>
        (win as unknown as NativeWindow).onNativeMessage?.({
          data: { id: request.id, uuidAsString: request.uuidAsString, args: answerArgs },
        }),
      ),
    );
  }

  private answer(func: string, args: unknown[]): Answer | null {
    switch (func) {
      case 'initialize':
        return [
          this.frameContext,
          'web',
          JSON.stringify({
            apiVersion: 4,
            supports: { app: {}, pages: { config: {} }, meeting: {} },
          }),
          '2.0.0',
        ];
      case 'getContext':
        return [
          {
            groupId: TEAM_GROUP_ID,
            teamId: '19:team@thread.tacv2',
            channelId: '19:general@thread.tacv2',
            tid: TENANT_ID,
            userObjectId: 'a1f0e1d2-0001-4c3b-8a9f-000000000001',
            userPrincipalName: LOGIN_HINT,
            loginHint: LOGIN_HINT,
            theme: 'default',
            frameContext: this.frameContext,
            hostName: 'Teams',
            hostClientType: 'web',
            entityId: 'team-charter',
            locale: 'en-us',
          },
        ];
      case 'authentication.getAuthToken':
        return this.getAuthToken();
      case 'authentication.authenticate':
        return this.authenticate(String(args[0]), args[1], args[2]);
      default:
        return this.meeting[func]?.(args) ?? null;
    }
  }
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * In front of a fake API that knows callers by `X-Local-User`: takes `Authorization: Bearer <token>` as our server
 * does after validating a Teams SSO token, mapping each known token to its user; an unknown token is no caller.
 * Records what the tab sent (address and Authorization) before the mapping.
 */
export class SsoFront {
  readonly requests: { url: string; authorization: string | undefined }[] = [];

  constructor(
    private readonly inner: Fetch,
    private readonly users: Readonly<Record<string, string>>,
  ) {}

  readonly fetch: Fetch = (url, init) => {
    const { Authorization: authorization, ...rest } = (init?.headers ?? {}) as Record<string, string>;
    this.requests.push({ url, authorization });
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    const user = token ? this.users[token] : undefined;
    return this.inner(url, { ...init, headers: user ? { ...rest, 'X-Local-User': user } : rest });
  };
}
