/**
 * What the Graph sandbox keeps: mailboxes and their events, the online meetings' chats with the apps and tabs in them,
 * and the org's app catalog; in memory, readable by a person and by tests.
 */
import { findWindowsZone } from '../../domain/cadence/windows-zones';

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface Attendee {
  emailAddress: { address: string; name?: string };
  type: 'required' | 'optional' | 'resource';
}

export interface EventBody {
  contentType: 'HTML' | 'text';
  content: string;
}

/** A change made to one occurrence of a series (an exception), keyed by the occurrence's original start. */
export interface OccurrenceException {
  subject?: string;
  body?: EventBody;
  cancelled?: boolean;
}

export interface StoredEvent {
  id: string;
  mailbox: string;
  type: 'singleInstance' | 'seriesMaster';
  subject: string;
  body: EventBody;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  recurrence: { pattern: Record<string, unknown>; range: Record<string, unknown> } | null;
  attendees: Attendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  allowNewTimeProposals: boolean;
  transactionId: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Set by `/cancel`: the event left the organizer's calendar; kept here so a person can see what happened. */
  cancelled: { at: string; comment: string } | null;
  /** Occurrence exceptions by original start instant (epoch ms). */
  exceptions: Map<number, OccurrenceException>;
}

export interface WorkingHours {
  daysOfWeek: string[];
  /** `HH:mm` */
  startTime: string;
  endTime: string;
  /** Windows zone name. */
  timeZone: string;
}

export interface Mailbox {
  /** Lower-cased UPN or id. */
  id: string;
  workingHours: WorkingHours;
  /** Busy blocks that are not events (e.g. seeded for a test), epoch ms. */
  busy: { start: number; end: number }[];
  /** Access refused (Graph answers 403 ErrorAccessDenied), as when an admin scoped the app away from this mailbox. */
  denied: boolean;
  /** No such user or no Exchange Online mailbox (Graph answers 404 ErrorInvalidUser), as for a deleted organizer. */
  missing?: boolean;
}

/** An app in the org's Teams app catalog: `id` is the catalog's own, `externalId` the manifest's. */
export interface CatalogApp {
  id: string;
  externalId: string;
  displayName: string;
  distributionMethod: 'organization';
}

export interface ChatTab {
  id: string;
  displayName: string;
  /** The catalog id of the app the tab belongs to. */
  teamsAppId: string;
  configuration: {
    entityId: string | null;
    contentUrl: string | null;
    websiteUrl: string | null;
    removeUrl: string | null;
  };
  webUrl: string;
}

/** The chat Teams creates with an online meeting (`chatInfo.threadId`): the apps installed in it and its tabs. */
export interface MeetingChat {
  id: string;
  /** The online meeting's id and join link, and the organizer's mailbox. */
  meetingId: string;
  joinUrl: string;
  organizer: string;
  subject: string;
  /** Catalog ids of the apps installed in the chat. */
  installedApps: string[];
  tabs: ChatTab[];
}

const DEFAULT_WORKING_HOURS: WorkingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '09:00',
  endTime: '17:00',
  timeZone: 'UTC',
};

export class SandboxStore {
  readonly mailboxes = new Map<string, Mailbox>();
  readonly events = new Map<string, StoredEvent>();
  /** By catalog id. */
  readonly catalog = new Map<string, CatalogApp>();
  /** By chat (thread) id. */
  readonly chats = new Map<string, MeetingChat>();

  mailbox(id: string): Mailbox {
    const key = id.toLowerCase();
    let box = this.mailboxes.get(key);
    if (!box) {
      box = { id: key, workingHours: DEFAULT_WORKING_HOURS, busy: [], denied: false };
      this.mailboxes.set(key, box);
    }
    return box;
  }

  /** Every live (not cancelled) event of a mailbox. */
  eventsOf(mailbox: string): StoredEvent[] {
    const key = mailbox.toLowerCase();
    return [...this.events.values()].filter((e) => e.mailbox === key && !e.cancelled);
  }

  /** Live series masters and single events across mailboxes: what a person (or a test) wants to count. */
  liveEvents(): StoredEvent[] {
    return [...this.events.values()].filter((e) => !e.cancelled);
  }

  /**
   * The chat Teams creates with an online meeting, made when the event is booked (idempotent). Its id is the thread in
   * the join link (`…/meetup-join/19%3ameeting_…%40thread.v2/0` → `19:meeting_…@thread.v2`), as Teams makes them.
   */
  openMeetingChat(event: StoredEvent): MeetingChat | null {
    const joinUrl = event.onlineMeeting?.joinUrl;
    const thread = joinUrl ? /\/meetup-join\/([^/]+)/.exec(joinUrl)?.[1] : undefined;
    if (!joinUrl || !thread) return null;
    const id = decodeURIComponent(thread);
    let chat = this.chats.get(id);
    if (!chat) {
      chat = {
        id,
        meetingId: `MSo${Buffer.from(`${event.mailbox}*${id}`).toString('base64url')}`,
        joinUrl,
        organizer: event.mailbox,
        subject: event.subject,
        installedApps: [],
        tabs: [],
      };
      this.chats.set(id, chat);
    }
    return chat;
  }

  /** The chat of the online meeting with this join link. */
  chatByJoinUrl(joinUrl: string): MeetingChat | undefined {
    return [...this.chats.values()].find((c) => c.joinUrl === joinUrl);
  }

  /** Puts an app in the org's catalog (as an admin publishing it does); returns its catalog id. */
  publishApp(app: Omit<CatalogApp, 'distributionMethod'>): CatalogApp {
    const published: CatalogApp = { ...app, distributionMethod: 'organization' };
    this.catalog.set(app.id, published);
    return published;
  }

  /** The events as JSON (exceptions as entries), so a local sandbox keeps its calendars across restarts. */
  snapshot(): string {
    const events = [...this.events.values()].map((e) => ({ ...e, exceptions: [...e.exceptions.entries()] }));
    return JSON.stringify({
      version: 1,
      events,
      catalog: [...this.catalog.values()],
      chats: [...this.chats.values()],
    });
  }

  /** Puts back the events of a `snapshot()`; anything else in the JSON is refused with an error. */
  restore(json: string): void {
    const parsed = JSON.parse(json) as {
      version?: unknown;
      events?: (Omit<StoredEvent, 'exceptions'> & { exceptions: [number, OccurrenceException][] })[];
      catalog?: CatalogApp[];
      chats?: MeetingChat[];
    };
    if (parsed.version !== 1 || !Array.isArray(parsed.events))
      throw new Error('Not a Graph sandbox snapshot (version 1).');
    this.events.clear();
    for (const e of parsed.events) this.events.set(e.id, { ...e, exceptions: new Map(e.exceptions) });
    // Snapshots from before the sandbox kept chats have none: their meetings' chats start empty.
    if (parsed.catalog) {
      this.catalog.clear();
      for (const app of parsed.catalog) this.catalog.set(app.id, app);
    }
    this.chats.clear();
    for (const chat of parsed.chats ?? []) this.chats.set(chat.id, chat);
    for (const e of this.events.values()) this.openMeetingChat(e);
  }
}

/** Monday–Friday 09:00–17:00 in an IANA zone's Windows zone (for the demo mailboxes). */
export function demoWorkingHours(ianaZone: string): WorkingHours {
  return { ...DEFAULT_WORKING_HOURS, timeZone: findWindowsZone(ianaZone) ?? 'UTC' };
}
