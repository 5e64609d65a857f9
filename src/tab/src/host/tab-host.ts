/**
 * Where the tab runs: inside a Teams host (identity from SSO, team from the context, theme from Teams) or in a plain
 * browser in local mode (the local sandbox: a member picker and X-Local-User). teams-js is loaded only when the page
 * is framed or in a Teams webview, so a plain browser never waits for it and never loads it.
 */
import type { AuthHeaders } from '../api/charter-api';
import { SIGN_IN_WINDOW, SignInError, type SignInProblem, signInStartUrl } from './sign-in';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  kind: 'teams';
  /**
   * Which Microsoft 365 app runs the page (teams-js `app.host.name`): `Teams`/`TeamsModern`, `Outlook`/`OutlookWin32`,
   * `Office` (the Microsoft 365 app), …. Only Teams opens Teams deep links and channel tabs.
   */
  hostName: string;
  teamId: string | null;
  /** Opened in a meeting (its chat, details, side panel or stage), where Teams gives a chat, not a team. */
  inMeeting?: boolean;
  /** Where Teams shows the page (teams-js `page.frameContext`): `content`, `sidePanel`, `meetingStage`, …. */
  frameContext?: string;
  theme: ThemeName;
  /** Calls `listener` whenever Teams switches theme. */
  onThemeChange(listener: (theme: ThemeName) => void): void;
  /** Rejects with a SignInError when Teams cannot hand over the SSO token (see sign-in.ts). */
  auth: AuthHeaders;
  /**
   * Opens Teams' sign-in window at our `/auth/start` (consent or sign-in at Entra, see sign-in.ts); resolves once the
   * person finished there, rejects with a SignInError otherwise. Call it from a click: browsers block other pop-ups.
   */
  signIn(problem: SignInProblem): Promise<void>;
  /** Tells Teams the tab has loaded (hides its loading indicator). */
  loaded(): void;
  /** Hands a Teams address (a chat, a meeting) to Teams to open (`app.openLink`). */
  openLink(url: string): Promise<void>;
}

export interface LocalHost {
  kind: 'local';
}

export type TabHost = TeamsHost | LocalHost;

/** How long a framed page waits for a Teams host to answer before it decides it is not in Teams. */
export const TEAMS_HANDSHAKE_MS = 1000;

/** Whether the host is Teams itself (desktop, web or mobile), where Teams links and channel tabs open. */
export function isTeamsClient(host: TabHost): boolean {
  return host.kind === 'teams' && /^Teams/.test(host.hostName);
}

export function toThemeName(theme: string | undefined): ThemeName {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/** Whether Teams opened the page in a meeting: its side panel or stage, or its chat or details tab. */
export function isMeetingContext(context: {
  meeting?: { id: string } | undefined;
  page: { frameContext: string };
}): boolean {
  return Boolean(context.meeting?.id) || ['sidePanel', 'meetingStage'].includes(context.page.frameContext);
}

/** True when the page may be hosted by Teams: framed (web, desktop) or inside the mobile clients' webview. */
export function mayBeInTeams(win: Window): boolean {
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch {
    framed = true; // a cross-origin parent
  }
  return framed || 'nativeInterface' in win;
}

/** Detects the host. Never takes longer than TEAMS_HANDSHAKE_MS (plus teams-js's own load) outside Teams. */
export async function detectHost(win: Window = window): Promise<TabHost> {
  if (!mayBeInTeams(win)) return { kind: 'local' };
  const teams = await import('@microsoft/teams-js');
  const initialized = await Promise.race([
    teams.app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), TEAMS_HANDSHAKE_MS)),
  ]);
  if (!initialized) return { kind: 'local' };
  const context = await teams.app.getContext();
  return {
    kind: 'teams',
    hostName: context.app.host.name,
    teamId: context.team?.groupId ?? null,
    inMeeting: isMeetingContext(context),
    frameContext: context.page.frameContext,
    theme: toThemeName(context.app.theme),
    onThemeChange(listener) {
      teams.app.registerOnThemeChangeHandler((theme) => listener(toThemeName(theme)));
    },
    // Identity comes only from the SSO token; the context is never trusted for who the caller is.
    auth: async () => {
      let token: string;
      try {
        token = await teams.authentication.getAuthToken();
      } catch (error) {
        throw SignInError.from(error);
      }
      return { Authorization: `Bearer ${token}` };
    },
    async signIn(problem) {
      // The login hint and tenant only spare the person an account picker; Entra decides who signs in.
      const url = signInStartUrl({
        origin: win.location.origin,
        loginHint: context.user?.loginHint,
        tenantId: context.user?.tenant?.id,
        problem,
      });
      try {
        await teams.authentication.authenticate({ url, ...SIGN_IN_WINDOW });
      } catch (error) {
        throw SignInError.from(error);
      }
    },
    loaded() {
      void teams.app.notifySuccess();
    },
    openLink: (url) => teams.app.openLink(url),
  };
}
