/** What the Graph sandbox has booked, as JSON and as a plain HTML page (every value escaped) for a person. */
import type { GraphSandbox } from './graph-sandbox';
import { instantToWall } from './wall-time';

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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderCalendarPage(sandbox: GraphSandbox): string {
  const { events } = calendarSnapshot(sandbox);
  const rows = events
    .map((e) => {
      const occurrences = e.nextOccurrences
        .map(
          (o) =>
            `<li>${escapeHtml(o.start)}<details><summary>body (HTML source)</summary><pre>${escapeHtml(o.body)}</pre></details></li>`,
        )
        .join('');
      return `<section><h2>${escapeHtml(e.subject || '(no subject)')}</h2>
<p><b>${escapeHtml(e.state)}</b>${e.cancelComment !== null ? ` — “${escapeHtml(e.cancelComment)}”` : ''} · organizer ${escapeHtml(e.organizer)} · ${escapeHtml(e.type)}</p>
<p>Attendees: ${escapeHtml(e.attendees.join(', ') || 'none')}</p>
<p>Starts ${escapeHtml(`${e.start.dateTime} (${e.start.timeZone})`)}; recurrence <code>${escapeHtml(JSON.stringify(e.recurrence))}</code></p>
<p>Join: ${e.joinUrl ? `<a href="${escapeHtml(e.joinUrl)}">${escapeHtml(e.joinUrl)}</a>` : 'no online meeting'}</p>
<p>transactionId <code>${escapeHtml(e.transactionId ?? '—')}</code></p>
<ol>${occurrences}</ol></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Graph sandbox — calendar</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}section{border-top:1px solid #999;padding:.5rem 0}pre{white-space:pre-wrap}</style></head>
<body><h1>Graph sandbox: what Outlook would show</h1><p>${events.length} event(s). Local mode only; nothing here reaches Microsoft.</p>
${rows || '<p>Nothing booked yet.</p>'}</body></html>`;
}
