/**
 * The ports of the app in the booked review meeting: Teams on Microsoft Graph (the org's app catalog, the series'
 * online meeting and its chat, the apps and tabs in that chat), and how far the steps got (kept on the review series).
 */
import type {
  MeetingAppState,
  MeetingAppStep,
  ReviewMeetingTab,
} from '../../domain/review/review-meeting-tab';

/**
 * Teams, as the app reaches it with application permissions. Failures are `CalendarError`s like the calendar's (a
 * refused permission is `access_denied`), retryable or not.
 */
export interface ReviewMeetings {
  /** The org catalog's id of the app with this manifest id; null when the app is not in the catalog. */
  findCatalogApp(manifestId: string): Promise<string | null>;
  /** The chat (thread) id of the organizer's online meeting with this join link; null when Graph has none (yet). */
  findMeetingChat(organizerId: string, joinUrl: string): Promise<string | null>;
  /** Installs the app in the chat; an app already there counts as installed. */
  installApp(chatId: string, catalogAppId: string): Promise<void>;
  /** The id of a tab of this app in the chat, if it has one. */
  findTab(chatId: string, catalogAppId: string): Promise<string | null>;
  /** Pins the tab; returns its id. */
  addTab(chatId: string, catalogAppId: string, tab: ReviewMeetingTab): Promise<string>;
}

/** How far putting the app in the meeting with this join link got. Each step's result is kept, so none is redone. */
export interface MeetingAppProgress {
  /** The series' meeting this is about: a series booked again has a new meeting, and starts over. */
  joinUrl: string;
  state: MeetingAppState;
  catalogAppId: string | null;
  chatId: string | null;
  appInstalled: boolean;
  tabId: string | null;
  /** The step Graph refused (`not_permitted`). */
  refusedStep: MeetingAppStep | null;
  /** The last failure, kept for the operator while the job retries. */
  lastError: string | null;
  updatedAt: Date;
}

/** Where to find the app and which page its tab opens. */
export interface MeetingAppSettings {
  /** The manifest's `id` (`TEAMS_APP_ID`), looked up in the org catalog. */
  manifestId: string;
  /** The org catalog's id of the app when known (`TEAMS_APP_PUBLISHED_APP_ID`): no catalog look-up is needed. */
  catalogAppId: string | null;
  /** The tab's public address (`TAB_ENDPOINT`). */
  tabEndpoint: string;
}
