/**
 * Where the links to a team's charter go. In Teams, the charter is a configurable channel tab, and a link opens it
 * only as a Teams deep link to the tab's entity in its channel; the tab's own URL, opened in a browser, has no Teams
 * around it to sign the person in. In local mode there is no Teams: links open the local tab on the team.
 * <https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application>
 */

/**
 * The entity id the configuration page saves for the channel tab (`pages.config.setConfig`), which the deep links
 * name. Tabs already pinned keep the id they were saved with, so it never changes.
 */
export const CHARTER_TAB_ENTITY_ID = 'team-charter';

/**
 * Added to the tab's URL by the configuration page (the tab's `contentUrl`): the page is being loaded by a Teams host.
 * The server serves the tab itself for it; a browser that opens the tab's URL on its own is told to open Teams.
 */
export const IN_TEAMS_QUERY = { name: 'host', value: 'teams' } as const;

const TEAMS_WEB = 'https://teams.microsoft.com';

/** How links are made: to the local tab (local mode), or to the app in Teams by its app id. */
export type CharterLinkTarget =
  | {
      kind: 'local';
      /** The tab's base URL (`TAB_ENDPOINT`), e.g. `http://localhost:3978`. */
      tabEndpoint: string;
    }
  | {
      kind: 'teams';
      /** The id Teams knows the app by: the org catalog id once published there, else the manifest id. */
      appId: string;
    };

/** A team as far as its links are concerned. */
export interface LinkedTeam {
  tenantId: string;
  /** The team's Microsoft 365 group id. */
  teamId: string;
  /** The conversation id of the channel the app was added to: the channel whose tab the links open. */
  channelConversationId: string;
  /** Whether the tab is known to be pinned in that channel (see `charterLink`). */
  tabPinned: boolean;
}

export interface CharterLink {
  /** Opens the charter: the channel tab in Teams, or the local tab on the team. */
  url: string;
  /**
   * While the tab may not be pinned yet: the app in Teams, where it can be added to the channel (shown with how to
   * add the tab). Null in local mode and once the tab is known to be pinned.
   */
  appUrl: string | null;
}

/**
 * A link to a team's charter tab.
 *
 * In Teams it targets the channel the app was added to: adding the app to a team opens the configuration page for
 * the channel picked there, and Save pins the tab in it. Teams tells the bot nothing about tabs, so the app cannot
 * know whether Save was pressed; the tab counts as pinned once the caller knows it (a team with a charter: a charter
 * is written only in the tab). Until then the link may find no tab there, so `appUrl` also offers the app in Teams,
 * where it can be added to the channel.
 */
export function charterLink(target: CharterLinkTarget, team: LinkedTeam): CharterLink {
  if (target.kind === 'local') return { url: localTabLink(target.tabEndpoint, team.teamId), appUrl: null };
  return {
    url: channelTabDeepLink(target.appId, CHARTER_TAB_ENTITY_ID, channelIdOf(team.channelConversationId)),
    appUrl: team.tabPinned ? null : teamsAppDeepLink(target.appId, team.tenantId),
  };
}

/** Where to send someone who is in no team with the app: the app in Teams, or the local tab. */
export function charterAppLink(target: CharterLinkTarget, tenantId?: string): string {
  return target.kind === 'local' ? `${target.tabEndpoint}/tab/` : teamsAppDeepLink(target.appId, tenantId);
}

/**
 * `https://teams.microsoft.com/l/entity/<app id>/<entity id>?context={"channelId":"19:…"}` (the context as
 * URL-encoded JSON): opens the app's tab with that entity id in that channel.
 */
export function channelTabDeepLink(appId: string, entityId: string, channelId: string): string {
  const context = encodeURIComponent(JSON.stringify({ channelId }));
  return `${TEAMS_WEB}/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?context=${context}`;
}

/** `https://teams.microsoft.com/l/app/<app id>` (with `?tenantId=` when known): the app's page in Teams. */
export function teamsAppDeepLink(appId: string, tenantId?: string): string {
  const base = `${TEAMS_WEB}/l/app/${encodeURIComponent(appId)}`;
  return tenantId ? `${base}?tenantId=${encodeURIComponent(tenantId)}` : base;
}

/** The local tab opened on a team (`?team=`, which the tab reads before anything stored). */
export function localTabLink(tabEndpoint: string, teamId: string): string {
  return `${tabEndpoint}/tab/?team=${encodeURIComponent(teamId)}`;
}

/**
 * A channel's id from a channel conversation id: Teams names a thread in a channel `<channel id>;messageid=<id>`,
 * and the deep link wants the channel alone.
 */
export function channelIdOf(conversationId: string): string {
  const at = conversationId.indexOf(';');
  return at >= 0 ? conversationId.slice(0, at) : conversationId;
}
