/**
 * The `ReviewMeetings` port on Microsoft Graph (application permissions): the org's Teams app catalog, the organizer's
 * online meeting and its chat, and the app and its tab in that chat. The permission each call needs is in
 * graph-permissions.ts.
 */
import { z } from 'zod';

import type { ReviewMeetings } from '../../app/reviews/meeting-ports';
import type { ReviewMeetingTab } from '../../domain/review/review-meeting-tab';
import { GraphAnswerError, parseGraphAnswer as parse } from './graph-failures';
import type { GraphTransport } from './graph-transport';

const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';
/** The limiter's key for calls that touch no mailbox. */
const CATALOG = 'appCatalogs';

const catalogSchema = z.looseObject({
  value: z.array(z.looseObject({ id: z.string(), externalId: z.string().nullish() })),
});
const meetingsSchema = z.looseObject({
  value: z.array(z.looseObject({ chatInfo: z.looseObject({ threadId: z.string().nullish() }).nullish() })),
});
const tabsSchema = z.looseObject({
  value: z.array(
    z.looseObject({
      id: z.string(),
      teamsApp: z.looseObject({ id: z.string() }).nullish(),
    }),
  ),
});
const tabSchema = z.looseObject({ id: z.string() });

export class GraphReviewMeetings implements ReviewMeetings {
  constructor(private readonly graph: GraphTransport) {}

  async findCatalogApp(manifestId: string): Promise<string | null> {
    const answer = await this.graph.send({
      method: 'GET',
      url: `/appCatalogs/teamsApps?$filter=${odataFilter('externalId', manifestId)}`,
      mailbox: CATALOG,
    });
    const apps = parse(catalogSchema, answer, 'the app catalog').value;
    return apps.find((a) => a.externalId === manifestId)?.id ?? null;
  }

  async findMeetingChat(organizerId: string, joinUrl: string): Promise<string | null> {
    const answer = await this.graph.send({
      method: 'GET',
      url: `/users/${encodeURIComponent(organizerId)}/onlineMeetings?$filter=${odataFilter('JoinWebUrl', joinUrl)}`,
      mailbox: organizerId,
    });
    const [meeting] = parse(meetingsSchema, answer, 'the online meetings').value;
    return meeting?.chatInfo?.threadId ?? null;
  }

  async installApp(chatId: string, catalogAppId: string): Promise<void> {
    try {
      await this.graph.send({
        method: 'POST',
        url: `${chatPath(chatId)}/installedApps`,
        mailbox: chatId,
        body: { 'teamsApp@odata.bind': catalogBind(catalogAppId) },
      });
    } catch (error) {
      // Already installed (by an earlier try whose answer was lost, or by a person): that is what we wanted.
      if (error instanceof GraphAnswerError && error.status === 409) return;
      throw error;
    }
  }

  async findTab(chatId: string, catalogAppId: string): Promise<string | null> {
    const answer = await this.graph.send({
      method: 'GET',
      url: `${chatPath(chatId)}/tabs?$expand=teamsApp`,
      mailbox: chatId,
    });
    const tabs = parse(tabsSchema, answer, 'the chat’s tabs').value;
    return tabs.find((t) => t.teamsApp?.id === catalogAppId)?.id ?? null;
  }

  async addTab(chatId: string, catalogAppId: string, tab: ReviewMeetingTab): Promise<string> {
    const answer = await this.graph.send({
      method: 'POST',
      url: `${chatPath(chatId)}/tabs`,
      mailbox: chatId,
      body: {
        displayName: tab.displayName,
        'teamsApp@odata.bind': catalogBind(catalogAppId),
        configuration: {
          entityId: tab.entityId,
          contentUrl: tab.contentUrl,
          websiteUrl: tab.websiteUrl,
          removeUrl: tab.removeUrl,
        },
      },
    });
    return parse(tabSchema, answer, 'the added tab').id;
  }
}

function chatPath(chatId: string): string {
  return `/chats/${encodeURIComponent(chatId)}`;
}

function catalogBind(catalogAppId: string): string {
  return `${GRAPH_V1}/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}`;
}

/** `<field> eq '<value>'`, the value's quotes doubled (OData) and the whole URL-encoded for the query string. */
function odataFilter(field: string, value: string): string {
  return encodeURIComponent(`${field} eq '${value.replace(/'/g, "''")}'`);
}
