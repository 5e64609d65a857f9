/** What the Graph sandbox has booked, as JSON and as an HTML page that reads like a calendar (every value escaped). */
import { DateTime } from 'luxon';

import { escapeHtml } from '../../domain/escape-html';
import type { GraphSandbox } from './graph-sandbox';
import { recurrenceInWords, shortDate } from './recurrence-in-words';
import type { StoredEvent } from './sandbox-store';
import { ianaFor, instantToWall, wallToInstant } from './wall-time';

export interface CalendarSnapshotEvent {
  id: string;
  organizer: string;
  subject: string;
  type: string;
  state: 'booked' | 'cancelled';
  cancelComment: string | null;
  start: { dateTime: string; timeZone: string };
  recurrence: unknown;
  attendees: string[];
  joinUrl: string | null;
  transactionId: string | null;
  /** The online meeting's chat: the apps installed in it and its tabs (by display name). */
  meetingChat: { id: string; installedApps: string[]; tabs: string[] } | null;
  /** The next occurrences from now, as wall times in the event's zone. */
  nextOccurrences: { start: string; body: string }[];
}

const HORIZON_MS = 400 * 86_400_000;

export function calendarSnapshot(
  sandbox: GraphSandbox,
  now = Date.now(),
): { events: CalendarSnapshotEvent[] } {
  const events = [...sandbox.store.events.values()].map((event) => ({
    id: event.id,
    organizer: event.mailbox,
    subject: event.subject,
    type: event.type,
    state: event.cancelled ? ('cancelled' as const) : ('booked' as const),
    cancelComment: event.cancelled?.comment ?? null,
    start: event.start,
    recurrence: event.recurrence,
    attendees: event.attendees.map((a) => a.emailAddress.address),
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
    transactionId: event.transactionId,
    meetingChat: meetingChatOf(sandbox, event),
    nextOccurrences: event.cancelled
      ? []
      : sandbox
          .occurrencesOf(event, now, now + HORIZON_MS)
          .slice(0, 5)
          .map((o) => ({
            start: `${instantToWall(o.start, event.start.timeZone).slice(0, 16).replace('T', ' ')} (${event.start.timeZone})`,
            body: (event.exceptions.get(o.start)?.body ?? event.body).content,
          })),
  }));
  return { events };
}

function meetingChatOf(sandbox: GraphSandbox, event: StoredEvent): CalendarSnapshotEvent['meetingChat'] {
  const chat = event.onlineMeeting ? sandbox.store.chatByJoinUrl(event.onlineMeeting.joinUrl) : undefined;
  if (!chat) return null;
  const name = (appId: string) => sandbox.store.catalog.get(appId)?.displayName ?? appId;
  return {
    id: chat.id,
    installedApps: chat.installedApps.map(name),
    tabs: chat.tabs.map((t) => `${t.displayName} (${name(t.teamsAppId)})`),
  };
}

/** What a person sees of the meeting chat: which apps are installed in it and which tabs are pinned. */
function meetingChatText(chat: CalendarSnapshotEvent['meetingChat']): string {
  if (!chat) return 'No meeting chat';
  const apps = chat.installedApps.length
    ? `Apps installed: ${chat.installedApps.join(', ')}`
    : 'No app installed';
  const tabs = chat.tabs.length ? `tabs: ${chat.tabs.join(', ')}` : 'no tab pinned';
  return `${apps}; ${tabs}.`;
}

/** What the page shows times in: `?tz=` (an IANA or Windows zone name), else each event's own zone. */
export interface CalendarPageOptions {
  timeZone?: string;
  now?: number;
  /**
   * In local mode, the page where each team's review meeting can be run in the browser, by event id (the composition
   * root knows which events are a team's review meetings; the sandbox does not).
   */
  meetingPages?: ReadonlyMap<string, MeetingPageLink>;
}

export interface MeetingPageLink {
  /** A path on this server. */
  href: string;
  teamName: string;
}

/**
 * The page a person opens to see what Outlook would show: for each event its subject, when (start–end, in the asked
 * zone or the event's own, and which one that is), how it repeats in words, who is invited, the Teams join link and
 * the next occurrences with their agenda. Every value is escaped: subjects, names and agendas are user text.
 */
export function renderCalendarPage(sandbox: GraphSandbox, options: CalendarPageOptions = {}): string {
  const now = options.now ?? Date.now();
  const asked = options.timeZone?.trim() ?? '';
  const viewerZone = asked ? ianaFor(asked) : undefined;
  const events = [...sandbox.store.events.values()]
    .map((event) => ({ event, start: wallToInstant(event.start.dateTime, event.start.timeZone) }))
    .sort(
      (a, b) => Number(a.event.cancelled !== null) - Number(b.event.cancelled !== null) || a.start - b.start,
    )
    .map(({ event }) => renderEvent(sandbox, event, viewerZone, now, options.meetingPages?.get(event.id)));
  const zoneNote = !asked
    ? 'Times are in each event’s own zone; add <code>?tz=</code> with a zone (Europe/Berlin, America/New_York…) to see them in yours.'
    : viewerZone
      ? `Times are in ${escapeHtml(viewerZone)}.`
      : `“${escapeHtml(asked)}” is not a time zone this page knows; times are in each event’s own zone.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Graph sandbox — calendar</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}section{border-top:1px solid #999;padding:.5rem 0}pre{white-space:pre-wrap}dt{font-weight:600}dd{margin:0 0 .4rem 0}.cancelled h2{text-decoration:line-through}</style></head>
<body><h1>Graph sandbox: what Outlook would show</h1>
<p>${events.length} event(s). Local mode only; nothing here reaches Microsoft.</p>
<form method="get"><p>${zoneNote} <label>Time zone <input name="tz" value="${escapeHtml(asked)}" placeholder="Europe/Berlin"></label> <button type="submit">Show</button></p></form>
${events.join('\n') || '<p>Nothing booked yet.</p>'}</body></html>`;
}

function renderEvent(
  sandbox: GraphSandbox,
  event: StoredEvent,
  viewerZone: string | undefined,
  now: number,
  meetingPage: MeetingPageLink | undefined,
): string {
  const eventZone = ianaFor(event.start.timeZone) ?? 'UTC';
  const zone = viewerZone ?? eventZone;
  const zoneName = eventZone === event.start.timeZone ? eventZone : `${eventZone} (${event.start.timeZone})`;
  const zoneText = viewerZone
    ? `in ${viewerZone}; the event is set in ${zoneName}`
    : `in ${zoneName}, the event’s own zone`;
  const start = wallToInstant(event.start.dateTime, event.start.timeZone);
  const end = wallToInstant(event.end.dateTime, event.end.timeZone);
  const attendees = event.attendees.map((a) => {
    const { name, address } = a.emailAddress;
    return `<li title="${escapeHtml(address)}">${escapeHtml(name || address)}${a.type === 'optional' ? ' (optional)' : ''}</li>`;
  });
  const organizer =
    event.attendees.find((a) => a.emailAddress.address.toLowerCase() === event.mailbox)?.emailAddress.name ||
    event.mailbox;
  const joinUrl = event.onlineMeeting?.joinUrl ?? null;
  const join =
    joinUrl && /^https:\/\//i.test(joinUrl)
      ? `<a href="${escapeHtml(joinUrl)}">Join the Teams meeting</a>`
      : escapeHtml(joinUrl ?? 'Not an online meeting');
  const next = event.cancelled
    ? []
    : sandbox
        .occurrencesOf(event, now, now + HORIZON_MS)
        .slice(0, 5)
        .map((o) => {
          const exception = event.exceptions.get(o.start);
          const renamed = exception?.subject !== undefined && exception.subject !== event.subject;
          return `<li>${escapeHtml(whenText(o.start, o.end, zone))}${renamed ? ` — “${escapeHtml(exception.subject ?? '')}”` : ''}<details><summary>Agenda (HTML source)</summary><pre>${escapeHtml((exception?.body ?? event.body).content)}</pre></details></li>`;
        });
  const status = event.cancelled
    ? `<p><b>Cancelled</b> ${escapeHtml(event.cancelled.at.slice(0, 10))}${event.cancelled.comment ? ` — “${escapeHtml(event.cancelled.comment)}”` : ''}</p>`
    : '';
  return `<section class="${event.cancelled ? 'cancelled' : 'booked'}"><h2>${escapeHtml(event.subject || '(no subject)')}</h2>
${status}<dl>
<dt>When</dt><dd>${escapeHtml(whenText(start, end, zone))} <small>(times ${escapeHtml(zoneText)})</small></dd>
<dt>Repeats</dt><dd>${escapeHtml(event.recurrence ? recurrenceInWords(event.recurrence) : 'Does not repeat')}</dd>
<dt>Organizer</dt><dd>${escapeHtml(organizer)}</dd>
<dt>Attendees</dt><dd>${attendees.length ? `<ul>${attendees.join('')}</ul>` : 'Nobody invited'}</dd>
<dt>Teams meeting</dt><dd>${join}</dd>
${meetingPage && !event.cancelled ? `<dt>Review in the browser</dt><dd><a href="${escapeHtml(meetingPage.href)}">Run ${escapeHtml(meetingPage.teamName)}’s review in the browser</a></dd>` : ''}
${event.onlineMeeting ? `<dt>Meeting chat</dt><dd data-meeting-chat>${escapeHtml(meetingChatText(meetingChatOf(sandbox, event)))}</dd>` : ''}
</dl>
${next.length ? `<h3>Next occurrences</h3><ol>${next.join('')}</ol>` : ''}
<details><summary>As Graph stores it</summary><p>id <code>${escapeHtml(event.id)}</code> · mailbox <code>${escapeHtml(event.mailbox)}</code> · ${escapeHtml(event.type)} · transactionId <code>${escapeHtml(event.transactionId ?? '—')}</code></p><pre>${escapeHtml(JSON.stringify({ start: event.start, end: event.end, recurrence: event.recurrence }, null, 2))}</pre></details></section>`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** `Thu 3 Dec 2026, 16:00–17:00 (UTC+01:00)`; the end gets its own date when it is on another day. */
function whenText(start: number, end: number, ianaZone: string): string {
  const from = DateTime.fromMillis(start, { zone: ianaZone });
  const to = DateTime.fromMillis(end, { zone: ianaZone });
  const day = (t: DateTime) => `${WEEKDAYS[t.weekday - 1] ?? ''} ${shortDate(t.toISODate() ?? '')}`;
  const time = (t: DateTime) => `${pad(t.hour)}:${pad(t.minute)}`;
  const offset = (t: DateTime) => `UTC${t.toFormat('ZZ')}`;
  const sameDay = from.toISODate() === to.toISODate();
  return sameDay
    ? `${day(from)}, ${time(from)}–${time(to)} (${offset(from)})`
    : `${day(from)}, ${time(from)} (${offset(from)}) – ${day(to)}, ${time(to)} (${offset(to)})`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
