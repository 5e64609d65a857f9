/**
 * The Graph sandbox's Teams side of a booked meeting, as Microsoft Graph v1.0 answers it:
 * - `GET /appCatalogs/teamsApps?$filter=externalId eq '<manifest id>'` (or `id eq '…'`): the org catalog;
 * - `GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '<join link>'`: the online meeting with its
 *   `chatInfo.threadId`;
 * - `POST /chats/{id}/installedApps` `{"teamsApp@odata.bind": "…/appCatalogs/teamsApps/<catalog id>"}`: 201, or 409
 *   `Conflict` when the app is already installed;
 * - `GET /chats/{id}/tabs[?$expand=teamsApp]` and `POST /chats/{id}/tabs` `{displayName, teamsApp@odata.bind,
 *   configuration}` (the app must be installed in the chat first).
 *
 * Each call needs an application permission (`required`); one the admin has not granted is refused with 403, as
 * Graph does, and online meetings also need an application access policy (403 `General` without one).
 */
import { randomUUID } from 'node:crypto';

import { GraphError, ok, type SandboxResponse } from './graph-answers';
import type { ChatTab, MeetingChat, SandboxStore } from './sandbox-store';

/** The application permissions each call accepts (any one), least privileged first (Graph's reference). */
const ACCEPTED = {
  catalog: ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All'],
  onlineMeetings: ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'],
  installApp: [
    'TeamsAppInstallation.ReadWriteSelfForChat.All',
    'TeamsAppInstallation.ReadWriteForChat.All',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All',
    'TeamsAppInstallation.ReadWriteAndConsentForChat.All',
    'Chat.Manage.Chat',
  ],
  listTabs: [
    'TeamsTab.Read.All',
    'TeamsTab.ReadWriteSelfForChat.All',
    'TeamsTab.ReadWriteForChat.All',
    'TeamsTab.ReadWrite.All',
  ],
  addTab: [
    'TeamsTab.Create',
    'TeamsTab.ReadWriteSelfForChat.All',
    'TeamsTab.ReadWriteForChat.All',
    'TeamsTab.ReadWrite.All',
  ],
} as const;

/** What an admin grants Team Charter for meeting apps (admin guide); the sandbox starts with these granted. */
export const MEETING_APP_PERMISSIONS = [
  'AppCatalog.Read.All',
  'OnlineMeetings.Read.All',
  'TeamsAppInstallation.ReadWriteSelfForChat.All',
  'TeamsTab.ReadWriteSelfForChat.All',
] as const;

const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

/** The app access the tenant's admin has given: granted application permissions and the meetings access policy. */
export interface TeamsGrants {
  permissions: Set<string>;
  onlineMeetingsPolicy: boolean;
}

export class MeetingChats {
  constructor(
    private readonly store: SandboxStore,
    private readonly grants: TeamsGrants,
  ) {}

  /** Whether this path is one of these calls (the user's mailbox plays no part in them, except for onlineMeetings). */
  static handles(path: string): boolean {
    return /^\/(appCatalogs\/teamsApps|chats\/[^/]+\/(installedApps|tabs))\/?$/.test(path);
  }

  route(method: string, path: string, params: URLSearchParams, body: unknown): SandboxResponse {
    if (path.replace(/\/$/, '') === '/appCatalogs/teamsApps' && method === 'GET')
      return this.listCatalog(params);
    const chatCall = /^\/chats\/([^/]+)\/(installedApps|tabs)\/?$/.exec(path);
    if (chatCall) {
      const chatId = decodeURIComponent(chatCall[1] as string);
      if (chatCall[2] === 'installedApps' && method === 'POST') return this.installApp(chatId, body);
      if (chatCall[2] === 'tabs' && method === 'GET') return this.listTabs(chatId, params);
      if (chatCall[2] === 'tabs' && method === 'POST') return this.addTab(chatId, body);
    }
    throw new GraphError(400, 'BadRequest', `Unsupported request: ${method} ${path}`);
  }

  /** `GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…'` (the only way to list them with app permissions). */
  findOnlineMeetings(user: string, params: URLSearchParams): SandboxResponse {
    this.require(ACCEPTED.onlineMeetings);
    if (!this.grants.onlineMeetingsPolicy)
      throw new GraphError(403, 'General', 'No application access policy found for this app.');
    const filter = params.get('$filter') ?? '';
    const joinUrl = odataEquals(filter, 'JoinWebUrl');
    if (joinUrl === null)
      throw new GraphError(
        400,
        'BadRequest',
        filter
          ? `Filter expression '${filter}' is not supported: filter by JoinWebUrl, joinMeetingIdSettings/joinMeetingId or VideoTeleconferenceId.`
          : 'This request requires a $filter: JoinWebUrl, joinMeetingIdSettings/joinMeetingId or VideoTeleconferenceId.',
      );
    const chat = this.store.chatByJoinUrl(joinUrl);
    // By object id the sandbox cannot tell whose meeting it is (it has no directory); by UPN it checks the organizer.
    const organizer = !user.includes('@') || chat?.organizer === user;
    return ok(200, {
      '@odata.context': `${GRAPH_V1}/$metadata#users('${user}')/onlineMeetings`,
      value: chat && organizer ? [onlineMeetingJson(chat)] : [],
    });
  }

  private listCatalog(params: URLSearchParams): SandboxResponse {
    this.require(ACCEPTED.catalog);
    const filter = params.get('$filter');
    const externalId = filter ? odataEquals(filter, 'externalId') : null;
    const id = filter ? odataEquals(filter, 'id') : null;
    if (filter && externalId === null && id === null)
      throw new GraphError(
        400,
        'BadRequest',
        `Filter expression '${filter}' is not supported by the sandbox.`,
      );
    const value = [...this.store.catalog.values()].filter(
      (app) => (externalId === null || app.externalId === externalId) && (id === null || app.id === id),
    );
    return ok(200, { '@odata.context': `${GRAPH_V1}/$metadata#appCatalogs/teamsApps`, value });
  }

  private installApp(chatId: string, body: unknown): SandboxResponse {
    this.require(ACCEPTED.installApp);
    const chat = this.chat(chatId);
    const appId = this.boundApp(body);
    if (chat.installedApps.includes(appId))
      throw new GraphError(409, 'Conflict', 'App is already installed in this chat.');
    chat.installedApps.push(appId);
    return { status: 201, headers: {}, body: null };
  }

  private listTabs(chatId: string, params: URLSearchParams): SandboxResponse {
    this.require(ACCEPTED.listTabs);
    const chat = this.chat(chatId);
    const expand = (params.get('$expand') ?? '').split(',').includes('teamsApp');
    return ok(200, {
      '@odata.context': `${GRAPH_V1}/$metadata#chats('${chatId}')/tabs`,
      '@odata.count': chat.tabs.length,
      value: chat.tabs.map((t) => this.tabJson(t, expand)),
    });
  }

  private addTab(chatId: string, body: unknown): SandboxResponse {
    this.require(ACCEPTED.addTab);
    const chat = this.chat(chatId);
    const appId = this.boundApp(body);
    const input = body as { displayName?: unknown; configuration?: Record<string, unknown> | null };
    if (typeof input.displayName !== 'string' || !input.displayName.trim())
      throw new GraphError(400, 'BadRequest', 'displayName is required.');
    if (!chat.installedApps.includes(appId))
      throw new GraphError(
        400,
        'BadRequest',
        `The app ${appId} must be installed in the chat before one of its tabs is added.`,
      );
    const configuration = input.configuration ?? {};
    const text = (key: string): string | null => {
      const value = configuration[key];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string')
        throw new GraphError(400, 'BadRequest', `configuration.${key} must be a string.`);
      return value;
    };
    const contentUrl = text('contentUrl');
    if (!contentUrl || !/^https?:\/\//.test(contentUrl))
      throw new GraphError(400, 'BadRequest', 'configuration.contentUrl must be an absolute URL.');
    const tab: ChatTab = {
      id: randomUUID(),
      displayName: input.displayName,
      teamsAppId: appId,
      configuration: {
        entityId: text('entityId'),
        contentUrl,
        websiteUrl: text('websiteUrl'),
        removeUrl: text('removeUrl'),
      },
      webUrl: `https://teams.microsoft.com/l/entity/${appId}/_djb2_msteams_prefix_${randomUUID().slice(0, 8)}?context=${encodeURIComponent(JSON.stringify({ chatId }))}`,
    };
    chat.tabs.push(tab);
    return ok(201, this.tabJson(tab, false));
  }

  private tabJson(tab: ChatTab, expand: boolean): Record<string, unknown> {
    const app = this.store.catalog.get(tab.teamsAppId);
    return {
      id: tab.id,
      displayName: tab.displayName,
      webUrl: tab.webUrl,
      configuration: tab.configuration,
      ...(expand
        ? {
            teamsApp: {
              id: tab.teamsAppId,
              externalId: app?.externalId ?? null,
              displayName: app?.displayName ?? '',
              distributionMethod: app?.distributionMethod ?? 'organization',
            },
          }
        : {}),
    };
  }

  private chat(chatId: string): MeetingChat {
    const chat = this.store.chats.get(chatId);
    if (!chat) throw new GraphError(404, 'NotFound', `Chat ${chatId} was not found.`);
    return chat;
  }

  /** The catalog app named by `teamsApp@odata.bind`; 400 when the bind is missing, 404 when no such app. */
  private boundApp(body: unknown): string {
    const bind = (body as Record<string, unknown> | null)?.['teamsApp@odata.bind'];
    const id = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1] : undefined;
    if (!id)
      throw new GraphError(
        400,
        'BadRequest',
        'teamsApp@odata.bind must be https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}.',
      );
    const appId = decodeURIComponent(id);
    if (!this.store.catalog.has(appId))
      throw new GraphError(404, 'NotFound', `The app ${appId} was not found in the catalog.`);
    return appId;
  }

  /** 403 as Graph answers it when none of the permissions a call accepts was granted. */
  private require(accepted: readonly string[]): void {
    if (accepted.some((p) => this.grants.permissions.has(p))) return;
    throw new GraphError(
      403,
      'Forbidden',
      `Missing role permissions on the request. API requires one of '${accepted.join(', ')}'. Roles on the request '${[...this.grants.permissions].sort().join(', ')}'.`,
    );
  }
}

function onlineMeetingJson(chat: MeetingChat): Record<string, unknown> {
  return {
    id: chat.meetingId,
    subject: chat.subject,
    joinWebUrl: chat.joinUrl,
    joinUrl: chat.joinUrl,
    chatInfo: { threadId: chat.id, messageId: '0', replyChainMessageId: null },
    participants: {
      organizer: { upn: chat.organizer, role: 'presenter', identity: { user: { id: null } } },
      attendees: [],
    },
    allowMeetingChat: 'enabled',
    isEntryExitAnnounced: true,
  };
}

/** The value of `<field> eq '<value>'` (OData: a quote inside the value is doubled), or null for any other filter. */
function odataEquals(filter: string, field: string): string | null {
  const m = new RegExp(`^\\s*${field}\\s+eq\\s+'((?:[^']|'')*)'\\s*$`, 'i').exec(filter);
  return m ? (m[1] as string).replace(/''/g, "'") : null;
}
